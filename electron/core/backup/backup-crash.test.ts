/**
 * kill -9 in the middle of a backup, again and again: a backup runs in a child process
 * (crash-backup-child.ts, the same createBackup as `xuncha backup`) and is killed with SIGKILL
 * once its temp file has reached a random size, or while it takes the database snapshot. After every kill: no
 * file under the target's name unless the backup had finished, nothing left under a temp name
 * that verifies, and the vault opens whole (integrity, audit chain, every stored file).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { ADMIN, tempDir, TestApp } from '../testing/harness';
import { checkIntegrity } from '../vault/database';
import { Vault } from '../vault/vault';
import { openBackup, unlockBackup } from './backup-format';
import { readBackup } from './read-backup';

const child = fileURLToPath(new URL('./crash-backup-child.ts', import.meta.url));
const KILLS = 12;
const FILE_BYTES = [8, 6, 4, 2, 1].map((mb) => mb * 1024 * 1024 + 311);

let work: string;
let vaultDir: string;
let out: string;
let expectedBytes = 0;

const admin = { kind: 'password', username: ADMIN.username, password: ADMIN.password } as const;

async function verify(path: string) {
  const backup = openBackup(path);
  const { contentKey } = await unlockBackup(backup, admin);
  return readBackup(backup, contentKey);
}

/** The code a check of `path` fails with, or 'ok'. */
async function outcome(path: string): Promise<string> {
  try {
    await verify(path);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function assertVaultWhole(): Promise<void> {
  const vault = await Vault.openWithPassword(vaultDir, ADMIN.username, ADMIN.password);
  expect(vault).not.toBeNull();
  try {
    expect(checkIntegrity(vault!.db)).toEqual([]);
    expect(new AuditLog(vault!.db, () => new Date()).verify().ok).toBe(true);
    const store = new FileStore(vault!);
    const ids = (vault!.db.prepare('SELECT id FROM attachments').all() as { id: number }[]).map((row) => row.id);
    expect(ids).toHaveLength(FILE_BYTES.length);
    for (const id of ids) expect(await store.checkFixity(id)).toBe('ok');
  } finally {
    vault!.close();
  }
}

const snapshotsLeft = () => (existsSync(join(vaultDir, 'backups')) ? readdirSync(join(vaultDir, 'backups')).filter((name) => name.startsWith('.snapshot-')) : []);

/**
 * Runs a backup in a child process and SIGKILLs it when `when()` first says so (polled every 2 ms). Returns
 * the size of the temp file at the kill, or null when the child finished first.
 */
function backupAndKill(target: string, when: (tempBytes: number) => boolean): Promise<{ killedAt: number | null; code: number | null }> {
  const prefix = `.${target.split('/').at(-1)}.`;
  return new Promise((resolve, reject) => {
    const backup = spawn(process.execPath, ['--import', 'tsx', child, vaultDir, target, ADMIN.username, ADMIN.password], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    backup.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let killedAt: number | null = null;
    const timer = setInterval(() => {
      const temp = readdirSync(out).find((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
      let bytes = -1;
      try {
        if (temp) bytes = statSync(join(out, temp)).size;
      } catch {
        bytes = -1;
      }
      if (killedAt === null && when(bytes)) {
        killedAt = Math.max(bytes, 0);
        backup.kill('SIGKILL');
      }
    }, 2);
    backup.on('error', reject);
    backup.on('close', (code) => {
      clearInterval(timer);
      if (killedAt === null && code !== 0) reject(new Error(`the backup child exited ${code}: ${stderr}`));
      else resolve({ killedAt, code });
    });
  });
}

beforeAll(async () => {
  work = tempDir('xuncha-backup-crash-');
  vaultDir = join(work, 'vault');
  out = join(work, 'out');
  const app = new TestApp(vaultDir);
  await app.setUp();
  app.close();
  const vault = (await Vault.openWithPassword(vaultDir, ADMIN.username, ADMIN.password))!;
  try {
    const store = new FileStore(vault);
    for (const [i, size] of FILE_BYTES.entries()) {
      await store.put(
        (async function* () {
          yield randomBytes(size);
        })(),
        { fileName: `扫描件${i}.pdf`, mime: 'application/pdf', ownerType: 'clue', ownerId: 1, createdBy: null, at: new Date().toISOString() },
      );
    }
  } finally {
    vault.close();
  }
  mkdirSync(out);
  expectedBytes = FILE_BYTES.reduce((a, b) => a + b, 0);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('kill -9 during a backup', () => {
  it(`never leaves a file that verifies as complete, and the vault stays whole (${KILLS} kills)`, async () => {
    const kills: string[] = [];
    for (let run = 0; run < KILLS; run += 1) {
      const target = join(out, `backup-${run}.xbak`);
      // Every fourth run dies while the snapshot is taken; the others once the temp file has a random size.
      const threshold = Math.floor(Math.random() * expectedBytes);
      const duringSnapshot = run % 4 === 0;
      const { killedAt } = await backupAndKill(target, (bytes) => (duringSnapshot ? snapshotsLeft().length > 0 || bytes >= 0 : bytes >= threshold));
      kills.push(killedAt === null ? 'finished' : `${(killedAt / 1024 / 1024).toFixed(1)} MB`);

      const temps = readdirSync(out).filter((name) => name.startsWith(`.backup-${run}.xbak.`));
      for (const temp of temps) {
        const code = await outcome(join(out, temp));
        expect(['BACKUP_TRUNCATED', 'BACKUP_MALFORMED'], `${temp} after a kill at ${killedAt}`).toContain(code);
      }
      if (existsSync(target)) {
        // Under the real name only after the rename: whole once its final mark is written, and
        // refused as unfinished if the kill came between the two.
        expect(['ok', 'BACKUP_TRUNCATED']).toContain(await outcome(target));
      } else {
        expect(killedAt).not.toBeNull();
      }
      await assertVaultWhole();
    }
    console.log(`[backup-crash] killed at: ${kills.join(', ')} (of ~${(expectedBytes / 1024 / 1024).toFixed(0)} MB)`);
    expect(kills.filter((kill) => kill !== 'finished').length).toBeGreaterThanOrEqual(10);

    // The next backup completes, verifies, and clears the snapshots the killed ones left.
    const final = join(out, 'final.xbak');
    expect((await backupAndKill(final, () => false)).code).toBe(0);
    expect((await verify(final)).summary.files).toBe(FILE_BYTES.length);
    expect(snapshotsLeft()).toEqual([]);
  });
});
