/**
 * The core's errors as the CLI reports them: the core's Chinese message first (it is the
 * one users know from the app), then an English line, then the stable code.
 */
import type { ErrorCode } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/result';
import { CliError, EXIT, writeLine, type CliIo } from './io';

/** English for every core error code (the record type makes a new code a compile error here). */
export const englishMessages: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some of the input is not valid',
  UNKNOWN_CHANNEL: 'This operation is not supported',
  FORBIDDEN_SENDER: 'The request came from an untrusted sender and was refused',
  INTERNAL: 'Internal error: the operation did not complete and no data was changed',
  VAULT_MISSING: 'There is no vault in this folder yet. Create one first (xuncha init)',
  VAULT_EXISTS: 'A vault already exists in this folder and cannot be set up again',
  VAULT_CORRUPT: 'The vault file is damaged or does not belong to this application',
  VAULT_KEY_MISMATCH: 'The key file does not match the vault, so it cannot be opened',
  VAULT_TOO_NEW: 'The vault was made by a newer version. Upgrade this program to open it',
  VAULT_BUSY: 'The vault is in use by another program',
  MIGRATION_FAILED: 'The vault upgrade failed; the original vault is unchanged',
  KEYFILE_CORRUPT: 'The key file (keys.json) is damaged or missing',
  NOT_SIGNED_IN: 'Please sign in first',
  LOCKED: 'The workbench is locked. Enter your password to unlock it',
  WRONG_CREDENTIALS: 'Wrong username or password',
  SIGNIN_THROTTLED: 'Too many failed attempts. Please try again later',
  ACCOUNT_DISABLED: 'This account is disabled. Contact the administrator',
  WRONG_RECOVERY_KEY: 'The recovery key is not correct',
  RECOVERY_ADMIN_ONLY: 'The recovery key can only reset an administrator password',
  WEAK_PASSWORD: 'The password needs at least 8 characters, with letters and digits',
  WRONG_PASSWORD: 'The current password is not correct',
  PERMISSION_DENIED: 'Your role is not allowed to do this',
  USERNAME_TAKEN: 'This username is already taken',
  ACCOUNT_NOT_FOUND: 'The account does not exist',
  LAST_ADMIN: 'At least one active administrator account must remain',
  SELF_CHANGE_FORBIDDEN: 'You cannot disable your own account or change your own role',
  NOT_FOUND: 'The record does not exist',
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
