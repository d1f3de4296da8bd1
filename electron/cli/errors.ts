/**
 * The core's errors as the CLI reports them: the core's Chinese message first (it is the
 * one users know from the app), then an English line, then the stable code.
 */
import { errorMessagesEn, type ErrorCode } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/result';
import { CliError, EXIT, writeLine, type CliIo } from './io';

/** English for every core error code, from the shared table; the CLI names its own command where the app names a screen. */
export const englishMessages: Record<ErrorCode, string> = {
  ...errorMessagesEn,
  VAULT_MISSING: 'There is no vault in this folder yet. Create one first (xuncha init)',
};

/** A failed core call as a CLI error (exit 2), keeping the core's Chinese message as it is. */
export function fromCoreError(error: AppErrorShape): CliError {
  let en = englishMessages[error.code] ?? error.code;
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number' && retry > 0) en += ` (retry in ${retry} s)`;
  return new CliError({ zh: error.message, en }, EXIT.USAGE, error.code, error.details);
}

/** Prints an error to stderr: `xuncha <command>: 中文 (CODE)` then the English line. */
export function reportError(io: CliIo, command: string, error: CliError): void {
  const prefix = command ? `xuncha ${command}` : 'xuncha';
  const code = error.code === 'USAGE' ? '' : ` (${error.code})`;
  writeLine(io.stderr, `${prefix}: ${error.text.zh}${code}`);
  writeLine(io.stderr, `${' '.repeat(prefix.length)}  ${error.text.en}`);
}

/** Anything thrown that is not a CliError: reported without the stack unless XUNCHA_DEBUG is set. */
export function unexpectedError(error: unknown, io: CliIo): CliError {
  if (io.env.XUNCHA_DEBUG) writeLine(io.stderr, String((error as Error)?.stack ?? error));
  const message = String((error as Error)?.message ?? error);
  return new CliError(
    { zh: `程序内部错误：${message}`, en: `Internal error: ${message}` },
    EXIT.USAGE,
    'INTERNAL',
  );
}
