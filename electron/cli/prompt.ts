/**
 * Reading from the person at the keyboard: visible questions (office name, user name …),
 * hidden password entry on a terminal (raw mode, nothing echoed), and the first line of a
 * piped standard input for `--password-stdin`. Prompts go to stderr so stdout stays clean.
 */
import { createInterface } from 'node:readline';
import { CliError, EXIT, usageError, writeLine, type CliIo } from './io';

const MAX_LINE_BYTES = 4096;
const MAX_ATTEMPTS = 3;

export class PromptAborted extends CliError {
  constructor() {
    super({ zh: '已取消', en: 'Cancelled' }, EXIT.INTERRUPTED, 'CANCELLED');
  }
}

export function isInteractive(io: CliIo): boolean {
  return io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function';
}

/** A visible question on the terminal; `fallback` is taken when the answer is empty. */
export async function ask(io: CliIo, question: string, fallback?: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  // Only our own listener is removed afterwards: readline cleans up its keypress handler on
  // 'close', and a handler left behind would echo every later keystroke, passwords included.
  const onClose = () => reject?.(new PromptAborted());
  let reject: ((error: Error) => void) | undefined;
  try {
    const suffix = fallback ? ` [${fallback}]` : '';
    const answer = await new Promise<string>((resolve, rejectAnswer) => {
      reject = rejectAnswer;
      rl.once('SIGINT', () => {
        io.stderr.write('\n');
        rejectAnswer(new PromptAborted());
      });
      rl.once('close', onClose);
      rl.question(`${question}${suffix}: `, resolve);
    });
    return answer.trim() || fallback || '';
  } finally {
    rl.removeListener('close', onClose);
    rl.close();
  }
}

/** Asks until `check` accepts the answer (it returns an error text, or null when fine). */
export async function askValid(
  io: CliIo,
  question: string,
  check: (answer: string) => string | null,
  fallback?: string,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await ask(io, question, fallback);
    const problem = check(answer);
    if (!problem) return answer;
    writeLine(io.stderr, `  ${problem}`);
    if (attempt >= MAX_ATTEMPTS) throw usageError('多次输入不符合要求，已退出', 'Too many invalid answers; giving up');
  }
}

/**
 * Reads a password on a terminal without echoing it: the terminal is put in raw mode, so
 * the characters are never shown, and put back however the prompt ends. Backspace and
 * Ctrl-U edit; Enter finishes; Ctrl-C (and Ctrl-D on an empty line) cancel.
 */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const input = io.stdin;
  if (!isInteractive(io)) {
    return Promise.reject(
      usageError(
        '标准输入不是终端，无法隐藏输入密码。请在终端中运行，或使用 --password-stdin 从标准输入读取密码。',
        'Standard input is not a terminal, so the password cannot be typed hidden. Run this in a terminal, or use --password-stdin.',
      ),
    );
  }
  io.stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      input.removeListener('data', onData);
      input.setRawMode!(false);
      input.pause();
      io.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      // An escape sequence (arrow keys, function keys) arrives as one chunk: ignore it whole.
      if (text.startsWith('\u001b')) return;
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish(() => resolve(value));
        if (char === '\u0003') return finish(() => reject(new PromptAborted()));
        if (char === '\u0004') {
          if (value === '') return finish(() => reject(new PromptAborted()));
          return finish(() => resolve(value));
        }
        if (char === '\u007f' || char === '\b') {
          value = Array.from(value).slice(0, -1).join('');
        } else if (char === '\u0015') {
          value = '';
        } else if (char >= ' ') {
          value += char;
        }
      }
    };
    input.setRawMode!(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The first line of a piped standard input (without its line ending). */
export function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = () => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      input.pause();
      // Nothing else is read from stdin: let the process exit without waiting for its end.
      (input as { destroy?: () => void }).destroy?.();
    };
    const done = (bytes: Buffer) => {
      cleanup();
      resolve(bytes.toString('utf8').replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      buffered = Buffer.concat([buffered, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
      const newline = buffered.indexOf(0x0a);
      if (newline >= 0) return done(buffered.subarray(0, newline));
      if (buffered.length > MAX_LINE_BYTES) {
        cleanup();
        reject(usageError('标准输入的第一行过长', 'The first line of standard input is too long'));
      }
    };
    const onEnd = () => done(buffered);
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}

export interface PasswordOptions {
  /** `--password-stdin` was given. */
  fromStdin: boolean;
  /** Prompt text, both languages. */
  label: string;
  /** A new password: typed twice, and `check` (the strength rule) applied before accepting. */
  confirm?: boolean;
  check?: (password: string) => string | null;
}

/**
 * A password from the only two places the CLI takes one: the first line of standard input
 * (`--password-stdin`), or a hidden prompt on a terminal.
 */
export async function obtainPassword(io: CliIo, options: PasswordOptions): Promise<string> {
  if (options.fromStdin && !io.stdin.isTTY) {
    const password = await readFirstLine(io.stdin);
    if (password === '') throw usageError('未从标准输入读到密码（第一行为空）', 'No password on standard input (the first line is empty)');
    return password;
  }
  // --password-stdin on a terminal: read it hidden anyway rather than echo it.
  for (let attempt = 1; ; attempt += 1) {
    const password = await promptHidden(io, `${options.label}: `);
    let problem: string | null = password === '' ? '密码不能为空 / The password cannot be empty' : null;
    if (!problem && options.check) problem = options.check(password);
    if (!problem && options.confirm) {
      const again = await promptHidden(io, '再次输入以确认 Type it again to confirm: ');
      if (again !== password) problem = '两次输入的密码不一致 / The two entries do not match';
    }
    if (!problem) return password;
    writeLine(io.stderr, `  ${problem}`);
    if (attempt >= MAX_ATTEMPTS) throw usageError('多次输入的密码不符合要求，已退出', 'Too many unusable passwords; giving up');
  }
}
