/** Test helper: runs the CLI from source as a child process, as a user would run it. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin (a pipe, never a TTY), then closed. */
  stdin?: string;
  /** Default true: XUNCHA_TEST_SCRYPT=1 (the cheap test scrypt cost for new seals). */
  testScrypt?: boolean;
  cwd?: string;
}

export function runXuncha(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runNode(['--import', 'tsx', 'electron/cli/xuncha.ts', ...args], options);
}

export function runNode(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.XUNCHA_TEST_SCRYPT;
  delete env.XUNCHA_DEBUG;
  if (options.testScrypt !== false) env.XUNCHA_TEST_SCRYPT = '1';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // The child may exit before reading stdin (e.g. a refused argument): ignore EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
