/**
 * The encrypted file store (附件, 线索材料) with big files: FileStore.put streaming a file in
 * from disk and FileStore.exportTo writing a verified copy out, against node:crypto doing the
 * same cipher and hash over the same bytes in the same 1 MiB chunks; and, in a child process
 * of its own, a 2 GB file in and out with the peak resident memory.
 *
 * This file is also the child's entry point: `node --import tsx bench/cases/file-store.ts
 * --xuncha-file-store-child …` (see runChild).
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CHUNK_BYTES } from '../../electron/core/files/encrypted-file';
import { FileStore } from '../../electron/core/files/file-store';
import { TEST_SCRYPT_COST } from '../../electron/core/index';
import { Vault } from '../../electron/core/vault/vault';
import { figure } from '../lib/measure';
import type { BenchCase, BenchContext, Figure } from '../lib/types';

const MiB = 1024 * 1024;
const CHUNK = DEFAULT_CHUNK_BYTES;
const CHILD_FLAG = '--xuncha-file-store-child';
const LARGE_ENV = 'XUNCHA_BENCH_LARGE';

/** A file of `bytes` pseudo-random bytes, written in 1 MiB pieces; returns its SHA-256. */
export function writeSourceFile(path: string, bytes: number): string {
  const piece = randomFillSync(Buffer.alloc(CHUNK));
  const hash = createHash('sha256');
  const fd = openSync(path, 'w', 0o600);
  try {
    for (let written = 0, n = 0; written < bytes; n += 1) {
      // Each piece differs from the last (a counter in front), so no two chunks are equal.
      piece.writeUInt32BE(n, 0);
      const part = written + piece.length <= bytes ? piece : piece.subarray(0, bytes - written);
      writeSync(fd, part);
      hash.update(part);
      written += part.length;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** A vault to put files in: created as the app creates one, with the test KDF cost. */
async function benchVault(dir: string): Promise<Vault> {
  const { vault } = await Vault.create(dir, { username: 'bench', password: 'Bench2020files', scryptCost: TEST_SCRYPT_COST, initialise: () => undefined });
  return vault;
}

const meta = (fileName: string) => ({ fileName, mime: 'application/pdf', ownerType: 'clue', ownerId: 1, createdBy: null, at: new Date().toISOString() });

function nonce(prefix: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(index, 8);
  return iv;
}

/**
 * Baseline in: the file read with the same stream and chunk size as clues.attachFromDisk, each
 * 1 MiB chunk sealed with AES-256-GCM (its own nonce, its tag after it), SHA-256 over the whole,
 * the ciphertext written and fsynced: the work any encrypted import must do, and nothing more.
 */
export async function rawEncrypt(source: string, target: string, key: Buffer, prefix: Buffer): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const fd = openSync(target, 'w', 0o600);
  let size = 0;
  let index = 0;
  try {
    for await (const piece of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      hash.update(piece);
      size += piece.length;
      const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index));
      index += 1;
      writeSync(fd, cipher.update(piece));
      cipher.final();
      writeSync(fd, cipher.getAuthTag());
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** node:crypto alone, nothing written: the ceiling the CPU sets, to tell it from the disk's. */
export async function cryptoOnly(source: string, key: Buffer, prefix: Buffer): Promise<void> {
  const hash = createHash('sha256');
  let index = 0;
  for await (const piece of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(piece);
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index));
    index += 1;
    cipher.update(piece);
    cipher.final();
  }
  hash.digest();
}

/** Baseline out: the frames of rawEncrypt read back, each tag checked, SHA-256, written and fsynced. */
export function rawDecrypt(source: string, target: string, key: Buffer, prefix: Buffer): string {
  const hash = createHash('sha256');
  const input = openSync(source, 'r');
  const output = openSync(target, 'w', 0o600);
  const frame = Buffer.alloc(CHUNK + 16);
  try {
    for (let position = 0, index = 0; ; index += 1) {
      const read = readSync(input, frame, 0, frame.length, position);
      if (read === 0) break;
      position += read;
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index));
      decipher.setAuthTag(frame.subarray(read - 16, read));
      const plain = Buffer.concat([decipher.update(frame.subarray(0, read - 16)), decipher.final()]);
      hash.update(plain);
      writeSync(output, plain);
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return hash.digest('hex');
}

/** Removes what the store wrote (the rows stay: the vault is thrown away at the end). */
function emptyStoredFiles(vault: Vault): void {
  for (const sub of readdirSync(vault.paths.files)) rmSync(join(vault.paths.files, sub), { recursive: true, force: true });
}

const mbps = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Throughput {
  put: number[];
  rawIn: number[];
  out: number[];
  rawOut: number[];
  /** node:crypto over the same bytes writing nothing, once: the CPU's ceiling. */
  cryptoOnlyMs: number;
}

/**
 * In `dir`: a source file, a vault, then `runs` rounds of store and baseline alternately
 * (import, then export of what was imported); the files written are removed after each round.
 */
async function measureThroughput(dir: string, bytes: number, runs: number): Promise<Throughput> {
  const source = join(dir, 'source.bin');
  const sha256 = writeSourceFile(source, bytes);
  const vault = await benchVault(join(dir, 'vault'));
  const store = new FileStore(vault);
  const key = randomBytes(32);
  const prefix = randomBytes(8);
  const rawCipher = join(dir, 'raw.enc');
  const exported = join(dir, 'exported.bin');
  const rawPlain = join(dir, 'raw-out.bin');
  const samples: Throughput = { put: [], rawIn: [], out: [], rawOut: [], cryptoOnlyMs: 0 };
  const timed = async (into: number[], work: () => unknown) => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
  try {
    for (let run = 0; run < runs; run += 1) {
      let id = 0;
      const storeIn = () =>
        timed(samples.put, async () => {
          const record = await store.put(createReadStream(source, { highWaterMark: CHUNK }), meta('source.bin'));
          if (record.sha256 !== sha256 || record.size !== bytes) throw new Error('the store kept a different file');
          id = record.id;
        });
      const rawIn = () =>
        timed(samples.rawIn, async () => {
          if ((await rawEncrypt(source, rawCipher, key, prefix)).sha256 !== sha256) throw new Error('the baseline read a different file');
        });
      const storeOut = () => timed(samples.out, () => store.exportTo(id, exported));
      const rawOut = () =>
        timed(samples.rawOut, () => {
          if (rawDecrypt(rawCipher, rawPlain, key, prefix) !== sha256) throw new Error('the baseline decrypted a different file');
        });
      // Alternate which side goes first, so that neither always meets the other's pending writes.
      for (const step of run % 2 === 0 ? [storeIn, rawIn, storeOut, rawOut] : [rawIn, storeIn, rawOut, storeOut]) await step();
      if (statSync(exported).size !== bytes) throw new Error('the export has a different size');
      for (const path of [exported, rawPlain, rawCipher]) rmSync(path, { force: true });
      emptyStoredFiles(vault);
    }
    const started = performance.now();
    await cryptoOnly(source, key, prefix);
    samples.cryptoOnlyMs = performance.now() - started;
  } finally {
    vault.close();
    rmSync(source, { force: true });
  }
  return samples;
}

/** A RAM-backed folder (Linux /dev/shm), where writing and fsync cost next to nothing. */
function tmpfsDir(): string | null {
  try {
    return statSync('/dev/shm').isDirectory() ? mkdtempSync(join('/dev/shm', 'xuncha-bench-')) : null;
  } catch {
    return null;
  }
}

/**
 * Import and export of a 512 MB file, each against node:crypto doing the same cipher and hash
 * over the same bytes in the same chunks and writing (and fsyncing) its output the same way:
 * once on the disk under the bench folder (what a user sees, noisy where the disk is shared),
 * and once on tmpfs, where the disk is out of the picture and the figure is the store's own
 * overhead. Throughput ratio = baseline time ÷ store time (target ≥ 0.8).
 */
export const fileStoreThroughput: BenchCase = {
  name: 'file store throughput',
  description: 'FileStore.put from disk and FileStore.exportTo (streamed, AES-256-GCM in 1 MiB chunks, SHA-256) vs node:crypto over the same bytes, on disk and on tmpfs',
  async run(ctx) {
    const bytes = (ctx.quick ? 64 : 512) * MiB;
    const runs = ctx.quick ? 2 : 5;
    const size = `${bytes / MiB} MB`;
    const figures: Figure[] = [];
    const report = (where: string, samples: Throughput) => {
      ctx.log(`  ${where}: node:crypto AES-256-GCM + SHA-256 writing nothing ${mbps(bytes, samples.cryptoOnlyMs).toFixed(0)} MB/s (the CPU's ceiling)`);
      for (const [what, app, base] of [
        ['import', samples.put, samples.rawIn],
        ['export', samples.out, samples.rawOut],
      ] as const) {
        const ratio = median(base) / median(app);
        const work = `${size} ${where}; store ${mbps(bytes, median(app)).toFixed(0)} MB/s vs ${mbps(bytes, median(base)).toFixed(0)} MB/s raw (${ratio.toFixed(2)} of raw speed)`;
        ctx.log(`  ${where} ${what}: store ${mbps(bytes, median(app)).toFixed(0)} MB/s, node:crypto ${mbps(bytes, median(base)).toFixed(0)} MB/s → ${ratio.toFixed(2)} of raw speed (target ≥ 0.8)`);
        const name = what === 'import' ? `file import ${size} (put), ${where}` : `file export ${size} (exportTo), ${where}`;
        figures.push(figure(name, [...app], 'node:crypto GCM+SHA-256, write', [...base], { expected: '≤ 1.25 (≥ 0.8 speed)', work }));
      }
    };
    report('disk', await measureThroughput(ctx.dir('file-store'), bytes, runs));
    const shm = tmpfsDir();
    if (shm) {
      try {
        report('tmpfs', await measureThroughput(shm, bytes, runs));
      } finally {
        rmSync(shm, { recursive: true, force: true });
      }
    } else {
      ctx.log('  tmpfs: no /dev/shm here, skipped');
    }
    return figures;
  },
};

// ---- 2 GB in and out, in a child process -------------------------------------------------------

interface ChildReport {
  mode: 'store' | 'raw';
  bytes: number;
  inMs: number;
  outMs: number;
  verifyMs: number;
  /** process.resourceUsage().maxRSS, in MiB (the peak of the whole child). */
  peakRssMb: number;
  /** Resident memory just before the file went in (node, tsx, the modules, the open vault). */
  startRssMb: number;
}

/** Streams a file's SHA-256 (1 MiB reads). */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) hash.update(piece);
  return hash.digest('hex');
}

/**
 * The child: `store` puts the source into a new vault's file store and exports it again (the
 * store verifies the SHA-256 before it renames the copy into place), then reads the copy back
 * to check it against the source's hash; `raw` does the same with node:crypto alone. Prints one
 * JSON line.
 */
async function runChild(args: string[]): Promise<void> {
  const [mode, dir, source, expected] = args as ['store' | 'raw', string, string, string];
  const out = join(dir, 'out.bin');
  const startRssMb = process.memoryUsage().rss / MiB;
  let inMs: number;
  let outMs: number;
  if (mode === 'store') {
    const vault = await benchVault(join(dir, 'vault'));
    try {
      const store = new FileStore(vault);
      let started = performance.now();
      const record = await store.put(createReadStream(source, { highWaterMark: CHUNK }), meta('large.bin'));
      inMs = performance.now() - started;
      if (record.sha256 !== expected) throw new Error('stored SHA-256 differs from the source');
      started = performance.now();
      await store.exportTo(record.id, out);
      outMs = performance.now() - started;
    } finally {
      vault.close();
    }
  } else {
    const key = randomBytes(32);
    const prefix = randomBytes(8);
    const cipherFile = join(dir, 'raw.enc');
    let started = performance.now();
    await rawEncrypt(source, cipherFile, key, prefix);
    inMs = performance.now() - started;
    started = performance.now();
    rawDecrypt(cipherFile, out, key, prefix);
    outMs = performance.now() - started;
    rmSync(cipherFile, { force: true });
  }
  const started = performance.now();
  const copy = await sha256Of(out);
  const verifyMs = performance.now() - started;
  if (copy !== expected) throw new Error('the copy written out differs from the source');
  rmSync(out, { force: true });
  const report: ChildReport = { mode, bytes: statSync(source).size, inMs, outMs, verifyMs, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function spawnChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`file-store child exited ${code}: ${stderr.trim() || stdout.trim()}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

/** Whether the 2 GB case was asked for: `--large` on the bench's command line, or XUNCHA_BENCH_LARGE=1. */
export function largeRequested(): boolean {
  return process.argv.includes('--large') || process.env[LARGE_ENV] === '1';
}

function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export const fileStoreLarge: BenchCase = {
  name: 'file store 2 GB',
  description: 'a 2 GB file streamed into the store and back out with verification, in a child process: times and peak RSS (only with --large or XUNCHA_BENCH_LARGE=1)',
  async run(ctx: BenchContext) {
    const bytes = (ctx.quick ? 256 : 2048) * MiB;
    if (!largeRequested()) {
      ctx.log(`  skipped: needs --large or ${LARGE_ENV}=1 (it writes 2 GB files: ~6 GB of free disk, about two minutes)`);
      return [];
    }
    const dir = ctx.dir('file-store-large');
    const needed = bytes * 3 + 256 * MiB;
    if (freeBytes(dir) < needed) {
      ctx.log(`  skipped: ${(freeBytes(dir) / 1024 ** 3).toFixed(1)} GB free under ${dir}, ${(needed / 1024 ** 3).toFixed(1)} GB needed`);
      return [];
    }
    const source = join(dir, 'large.bin');
    try {
      const started = performance.now();
      const sha256 = writeSourceFile(source, bytes);
      ctx.log(`  wrote a ${bytes / MiB} MB source file in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      // Each way twice, alternating (store, raw, raw, store): the disk is the noisy part.
      const runs: Record<ChildReport['mode'], ChildReport[]> = { store: [], raw: [] };
      for (const mode of ['store', 'raw', 'raw', 'store'] as const) {
        runs[mode].push(await spawnChild([mode, dir, source, sha256]));
        rmSync(join(dir, 'vault'), { recursive: true, force: true });
      }
      const size = `${bytes / 1024 ** 3} GB`;
      const peakRss = Math.max(...runs.store.map((r) => r.peakRssMb));
      const peak = `peak RSS ${peakRss.toFixed(0)} MB`;
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const [inMs, outMs, rawIn, rawOut] = [mean(runs.store.map((r) => r.inMs)), mean(runs.store.map((r) => r.outMs)), mean(runs.raw.map((r) => r.inMs)), mean(runs.raw.map((r) => r.outMs))];
      ctx.log(
        `  store: in ${(inMs / 1000).toFixed(1)} s (${mbps(bytes, inMs).toFixed(0)} MB/s), out with verification ${(outMs / 1000).toFixed(1)} s (${mbps(bytes, outMs).toFixed(0)} MB/s), ` +
          `the copy read back and checked against the source in ${(mean(runs.store.map((r) => r.verifyMs)) / 1000).toFixed(1)} s; ${peak} (${runs.store[0]!.startRssMb.toFixed(0)} MB before the file; target < 300 MB)`,
      );
      ctx.log(`  node:crypto alone: in ${(rawIn / 1000).toFixed(1)} s (${mbps(bytes, rawIn).toFixed(0)} MB/s), out ${(rawOut / 1000).toFixed(1)} s (${mbps(bytes, rawOut).toFixed(0)} MB/s); its peak RSS ${Math.max(...runs.raw.map((r) => r.peakRssMb)).toFixed(0)} MB`);
      return [
        figure(`${size} in: FileStore.put (child)`, runs.store.map((r) => r.inMs), 'node:crypto stream (child)', runs.raw.map((r) => r.inMs), { expected: `${peak} (< 300)`, work: `${size} streamed from disk; ${peak}` }),
        figure(`${size} out: exportTo, verified (child)`, runs.store.map((r) => r.outMs), 'node:crypto stream (child)', runs.raw.map((r) => r.outMs), { expected: `${peak} (< 300)`, work: `${size} to disk, SHA-256 checked; ${peak}` }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[2] === CHILD_FLAG) {
  runChild(process.argv.slice(3)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
