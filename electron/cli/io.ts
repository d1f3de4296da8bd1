/**
 * What every command of the `xuncha` CLI is given: the standard streams and the environment
 * (the entry passes the real process ones; unit tests pass stand-ins), and the exit codes.
 */
export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CliIo {
  stdin: CliInput;
  /** Results: the recovery key, the verification report, JSON. */
  stdout: NodeJS.WritableStream;
  /** Prompts, progress and error messages, so that stdout stays clean for `--json` and pipes. */
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const EXIT = {
  OK: 0,
  /** `verify`: the check ran and found a fault (integrity or audit chain). */
  FAULT: 1,
  /** Usage errors, refused input, failed sign-in, any error reported by the core. */
  USAGE: 2,
  /** Ctrl-C at a prompt. */
  INTERRUPTED: 130,
} as const;

/** Text in both languages: Chinese first (what the users read), English after it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** An error the CLI reports as it is (no stack trace), with its exit code. */
export class CliError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly exitCode: number = EXIT.USAGE,
    /** The core's error code when the core reported it (WRONG_CREDENTIALS …), else a CLI code. */
    readonly code: string = 'USAGE',
    readonly details?: Record<string, unknown>,
  ) {
    super(text.zh);
    this.name = 'CliError';
  }
}

export function usageError(zh: string, en: string): CliError {
  return new CliError({ zh, en }, EXIT.USAGE, 'USAGE');
}

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}
