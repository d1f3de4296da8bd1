import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, signedInApp } from '../testing/harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const writer = fileURLToPath(new URL('../testing/crash-writer.ts', import.meta.url));

/** Starts the writer, waits until it has committed `atLeast` entries, then SIGKILLs it. */
function killMidWrite(dir: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, ADMIN.username, ADMIN.password], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastCommitted = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastCommitted = Math.max(lastCommitted, Number(line));
      if (lastCommitted >= atLeast && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lastCommitted);
      else reject(new Error(`writer exited on its own: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('a writer killed with SIGKILL mid-write leaves a vault that opens with every committed row', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('session.signOut', {});

    const committed = await killMidWrite(env.dir, 400);
    expect(committed).toBeGreaterThanOrEqual(400);

    await env.app.signInAdmin();
    const result = await env.app.call('vault.verify', {});
    expect(result.integrity).toEqual([]);
    expect(result.audit.ok).toBe(true);
    // The chain verified from id 1 with no gap, and it reaches at least the last id the writer
    // reported: so every committed entry is there (one more may have committed unprinted).
    const written = await env.app.call('audit.list', { page: 1, pageSize: 10, actorName: 'crash-writer' });
    expect(written.total).toBeGreaterThan(0);
    expect(written.items[0]!.id).toBeGreaterThanOrEqual(committed);
    expect(result.audit.checked).toBeGreaterThanOrEqual(committed);
  });
});
