/**
 * Backup of a 1 GB vault (a 128 MB database and 896 MB of stored files) against copying the
 * same files with fs.copyFile, in the same run; and the check of that backup (every frame
 * decrypted, every part hashed) against reading the same bytes with SHA-256. The backup's peak
 * resident memory is sampled to show that it streams.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openBackup, unlockBackup } from '../../electron/core/backup/backup-format';
import { createBackup } from '../../electron/core/backup/create-backup';
import { readBackup } from '../../electron/core/backup/read-backup';
import { FileStore } from '../../electron/core/files/file-store';
import { TEST_SCRYPT_COST } from '../../electron/core/index';
import { Vault } from '../../electron/core/vault/vault';
import { chineseText, seededRandom } from '../lib/fixtures';
import { figure } from '../lib/measure';
import type { BenchCase, Figure } from '../lib/types';

const MiB = 1024 * 1024;

/** Rows of report-like text (2 KB each) with an index, until the database holds `bytes`. */
function fillDatabase(vault: Vault, bytes: number): void {
  const db = vault.db;
  db.exec('CREATE TABLE bench_notes (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, body TEXT NOT NULL); CREATE INDEX bench_notes_unit ON bench_notes (unit)');
  const random = seededRandom(8);
  const insert = db.prepare('INSERT INTO bench_notes (unit, body) VALUES (?, ?)');
  const rows = Math.ceil(bytes / 2300);
  for (let done = 0; done < rows; done += 2000) {
    db.transaction(() => {
      for (let i = done; i < Math.min(rows, done + 2000); i += 1) insert.run(`单位${i % 500}`, chineseText(random, 700));
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

async function fillFiles(vault: Vault, count: number, size: number): Promise<void> {
  const store = new FileStore(vault);
  const piece = randomBytes(MiB);
  for (let i = 0; i < count; i += 1) {
    await store.put(
      (async function* () {
        for (let at = 0; at < size; at += MiB) {
          // Each piece differs (a counter in front), like real scans.
          const copy = Buffer.from(piece);
          copy.writeUInt32BE(i * 100_000 + at / MiB, 0);
          yield copy.subarray(0, Math.min(MiB, size - at));
        }
      })(),
      { fileName: `扫描件${i}.pdf`, mime: 'application/pdf', ownerType: 'clue', ownerId: 1, createdBy: null, at: new Date().toISOString() },
    );
  }
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** The baseline: the same files copied one by one with fs.copyFile, each fsynced as the backup fsyncs its own. */
function copyVault(vault: Vault, target: string): number {
  let bytes = 0;
  const sources = [vault.paths.database, vault.paths.keyFile, ...filesUnder(vault.paths.files)];
  for (const source of sources) {
    const copy = join(target, relative(vault.paths.dir, source));
    mkdirSync(join(copy, '..'), { recursive: true });
    copyFileSync(source, copy);
    const fd = openSync(copy, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    bytes += statSync(copy).size;
  }
  return bytes;
}

async function readAndHash(paths: string[]): Promise<void> {
  for (const path of paths) {
    const hash = createHash('sha256');
    for await (const piece of createReadStream(path, { highWaterMark: MiB }) as AsyncIterable<Buffer>) hash.update(piece);
    hash.digest();
  }
}

/** Samples the resident set while `work` runs; returns the work's result and the peak in MiB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / MiB };
  } finally {
    clearInterval(timer);
  }
}

export const backupThroughput: BenchCase = {
  name: 'backup 1 GB vault',
  description: 'createBackup of a vault of 128 MB database + 896 MB stored files vs fs.copyFile (+fsync) of the same files; readBackup vs read + SHA-256',
  async run(ctx) {
    const scale = ctx.quick ? 1 / 8 : 1;
    const dbBytes = 128 * MiB * scale;
    const fileCount = 28;
    const fileBytes = 32 * MiB * scale;
    const runs = ctx.quick ? 2 : 3;
    const dir = ctx.dir('backup');
    const stats = statfsSync(dir);
    const needed = (dbBytes + fileCount * fileBytes) * 3.5;
    if (stats.bavail * stats.bsize < needed) {
      ctx.log(`  skipped: ${((stats.bavail * stats.bsize) / 1024 ** 3).toFixed(1)} GB free, ${(needed / 1024 ** 3).toFixed(1)} GB needed`);
      return [];
    }
    const password = 'Bench2020backup';
    const { vault } = await Vault.create(join(dir, 'vault'), { username: 'bench', password, scryptCost: TEST_SCRYPT_COST, initialise: () => undefined });
    try {
      let started = performance.now();
      fillDatabase(vault, dbBytes);
      await fillFiles(vault, fileCount, fileBytes);
      const vaultBytes = statSync(vault.paths.database).size + fileCount * fileBytes;
      ctx.log(`  built a ${(vaultBytes / MiB).toFixed(0)} MB vault (database ${(statSync(vault.paths.database).size / MiB).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const backupMs: number[] = [];
      const copyMs: number[] = [];
      const verifyMs: number[] = [];
      const hashMs: number[] = [];
      let peakMb = 0;
      let backupBytes = 0;
      const startRss = process.memoryUsage().rss / MiB;
      for (let run = 0; run < runs; run += 1) {
        const target = join(dir, `run-${run}.xbak`);
        const copyDir = join(dir, `copy-${run}`);
        const backup = async () => {
          started = performance.now();
          const measured = await withPeakRss(() => createBackup(vault, target, { now: new Date(), createdBy: 'bench' }));
          backupMs.push(performance.now() - started);
          peakMb = Math.max(peakMb, measured.peakMb);
          backupBytes = measured.value.bytes;
        };
        const copy = async () => {
          started = performance.now();
          copyVault(vault, copyDir);
          copyMs.push(performance.now() - started);
        };
        for (const step of run % 2 === 0 ? [backup, copy] : [copy, backup]) await step();

        const check = async () => {
          started = performance.now();
          const opened = openBackup(target);
          const { contentKey } = await unlockBackup(opened, { kind: 'vault', vault });
          await readBackup(opened, contentKey);
          verifyMs.push(performance.now() - started);
        };
        const hash = async () => {
          started = performance.now();
          await readAndHash([vault.paths.database, vault.paths.keyFile, ...filesUnder(vault.paths.files)]);
          hashMs.push(performance.now() - started);
        };
        for (const step of run % 2 === 0 ? [check, hash] : [hash, check]) await step();
        rmSync(target, { force: true });
        rmSync(copyDir, { recursive: true, force: true });
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const mbps = (ms: number) => (vaultBytes / MiB / (ms / 1000)).toFixed(0);
      const size = `${(vaultBytes / 1024 ** 3).toFixed(2)} GB`;
      ctx.log(
        `  backup ${(median(backupMs) / 1000).toFixed(1)} s (${mbps(median(backupMs))} MB/s, file ${(backupBytes / MiB).toFixed(0)} MB), copyFile ${(median(copyMs) / 1000).toFixed(1)} s (${mbps(median(copyMs))} MB/s): ` +
          `${(median(copyMs) / median(backupMs)).toFixed(2)} of copy speed; peak RSS ${peakMb.toFixed(0)} MB (${startRss.toFixed(0)} MB before)`,
      );
      ctx.log(`  check ${(median(verifyMs) / 1000).toFixed(1)} s (${mbps(median(verifyMs))} MB/s), read + SHA-256 ${(median(hashMs) / 1000).toFixed(1)} s (${mbps(median(hashMs))} MB/s)`);
      const figures: Figure[] = [
        figure(`backup ${size} vault (createBackup)`, backupMs, 'fs.copyFile + fsync of the same files', copyMs, {
          expected: '≤ 4 (GCM + SHA-256 vs a kernel copy)',
          work: `${size}: database ${(dbBytes / MiB).toFixed(0)} MB snapshot (VACUUM INTO) + ${fileCount} files; peak RSS ${peakMb.toFixed(0)} MB`,
        }),
        figure(`check ${size} backup (readBackup)`, verifyMs, 'read + SHA-256 of the same files', hashMs, { expected: '≤ 3', work: `${size}: every frame's tag, every part's SHA-256` }),
      ];
      return figures;
    } finally {
      vault.close();
    }
  },
};
