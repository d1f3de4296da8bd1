import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { BackupPhase } from '../../../shared/channels/backup';
import { AppError } from '../errors';
import { schemaVersion } from '../vault/database';
import { KeyFile } from '../vault/keyfile';
import type { Vault } from '../vault/vault';
import { BACKUP_KIND, DATABASE_PART, KEYFILE_PART, sealContentKey, storedFilePart, type BackupMeta } from './backup-format';
import { ContainerWriter } from './container';
import { snapshotDatabase, type SnapshotMethod } from './snapshot';

export interface BackupProgress {
  phase: BackupPhase;
  doneBytes: number;
  totalBytes: number;
}
export type ProgressListener = (progress: BackupProgress) => void;

/** How often progress is reported while bytes stream (a listener may post it to a window). */
const PROGRESS_STEP_BYTES = 4 * 1024 * 1024;
/** A snapshot left behind by a killed backup is removed by the next one once this old, whoever made it. */
const STALE_SNAPSHOT_MS = 24 * 60 * 60 * 1000;

interface StoredFile {
  part: string;
  path: string;
  size: number;
}

/** Everything a backup holds, fixed at one moment: the snapshot, keys.json and the list of stored files. */
export interface PreparedBackup {
  target: string;
  snapshotPath: string;
  /** How the database snapshot was taken (a copy of its encrypted file, or VACUUM INTO). */
  snapshot: SnapshotMethod;
  snapshotBytes: number;
  keyFileText: string;
  files: StoredFile[];
  missingFiles: string[];
  meta: BackupMeta;
  writer: ContainerWriter;
  startedAt: number;
}

export interface CreatedBackupInfo {
  path: string;
  fileName: string;
  bytes: number;
  durationMs: number;
  files: number;
  missingFiles: number;
  backupId: string;
}

/** A backup inside the vault folder would be copied into the next backup, and lost with the disk. */
function assertOutsideVault(vault: Vault, target: string): void {
  const from = relative(resolve(vault.paths.dir), resolve(target));
  if (from === '' || (!from.startsWith('..') && !isAbsolute(from))) throw new AppError('BACKUP_TARGET_INVALID');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Snapshots are named after the process taking them: one whose process has gone (killed in the
 * middle of a backup) is removed by the next backup; one of a live process (the app and the CLI
 * backing up at once) is left alone unless it is a day old.
 */
function removeStaleSnapshots(folder: string, now: number): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    // VACUUM INTO writes a rollback journal beside its output: a killed one leaves it too.
    const match = /^\.snapshot-(\d+)-[0-9a-f]+\.db(-journal)?$/.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    try {
      if (!processAlive(Number(match[1])) || now - statSync(path).mtimeMs > STALE_SNAPSHOT_MS) rmSync(path, { force: true });
    } catch {
      // In use (Windows) or already gone.
    }
  }
}

/**
 * Step one, synchronous so that nothing else in this process reaches the database in between:
 * a consistent snapshot of the live database (snapshot.ts), keys.json as it is now, and the
 * stored files the snapshot refers to. Then the container is opened under a temp name beside
 * the target.
 */
export function prepareBackup(vault: Vault, target: string, info: { now: Date; createdBy: string }): PreparedBackup {
  const startedAt = performance.now();
  assertOutsideVault(vault, target);
  if (!existsSync(dirname(target))) throw new AppError('NOT_FOUND', '备份要保存到的文件夹不存在');
  mkdirSync(vault.paths.backups, { recursive: true, mode: 0o700 });
  removeStaleSnapshots(vault.paths.backups, info.now.getTime());

  const db = vault.db;
  const snapshotPath = join(vault.paths.backups, `.snapshot-${process.pid}-${randomBytes(8).toString('hex')}.db`);
  try {
    const snapshot = snapshotDatabase(vault, snapshotPath);
    const keyFileText = readFileSync(vault.paths.keyFile, 'utf8');
    const admins = (db.prepare("SELECT username FROM accounts WHERE role = 'admin' AND disabled_at IS NULL").all() as { username: string }[]).map((row) => row.username);
    const keyring = KeyFile.parse(keyFileText, vault.paths.keyFile).withOnlyAccounts(admins);
    const storageNames = (db.prepare('SELECT storage_name FROM attachments ORDER BY id').all() as { storage_name: string }[]).map((row) => row.storage_name);
    const office = db.prepare('SELECT name, fonds_code AS fondsCode, level FROM office WHERE id = 1').get() as BackupMeta['office'] | undefined;

    const files: StoredFile[] = [];
    const missingFiles: string[] = [];
    for (const name of storageNames) {
      const part = storedFilePart(name);
      const path = join(vault.paths.dir, part);
      try {
        files.push({ part, path, size: statSync(path).size });
      } catch {
        missingFiles.push(name);
      }
    }
    const createdAt = info.now.toISOString();
    const header = ContainerWriter.newHeader({ kind: BACKUP_KIND, createdAt, key: null, signer: null });
    const { contentKey, key } = sealContentKey(vault, header.id, keyring);
    const meta: BackupMeta = {
      vaultId: vault.vaultId,
      createdAt,
      createdBy: info.createdBy,
      schemaVersion: schemaVersion(db),
      office: office ?? null,
      files: files.length,
      missingFiles,
    };
    let writer: ContainerWriter;
    try {
      writer = ContainerWriter.open(target, { ...header, key }, contentKey);
    } finally {
      contentKey.fill(0);
    }
    return { target, snapshotPath, snapshot, snapshotBytes: statSync(snapshotPath).size, keyFileText, files, missingFiles, meta, writer, startedAt };
  } catch (error) {
    rmSync(snapshotPath, { force: true });
    throw error;
  }
}

/**
 * Step two, streamed: the snapshot, keys.json and every stored file go into the container as
 * they are on disk (the files are already encrypted at rest), then the manifest; the temp file
 * is renamed to the target only after fsync. The snapshot is removed whatever happens.
 */
export async function writeBackup(prepared: PreparedBackup, onProgress?: ProgressListener): Promise<CreatedBackupInfo> {
  const { writer, files } = prepared;
  const keyBytes = Buffer.from(prepared.keyFileText, 'utf8');
  const totalBytes = prepared.snapshotBytes + keyBytes.length + files.reduce((sum, file) => sum + file.size, 0);
  let doneBytes = 0;
  let reported = 0;
  const report = (force = false) => {
    if (force || doneBytes - reported >= PROGRESS_STEP_BYTES) {
      reported = doneBytes;
      onProgress?.({ phase: 'write', doneBytes, totalBytes });
    }
  };
  const count = (bytes: number) => {
    doneBytes += bytes;
    report();
  };
  const stream = (path: string) => createReadStream(path, { highWaterMark: writer.header.chunkBytes });
  try {
    report(true);
    await writer.addPart(DATABASE_PART, prepared.snapshotBytes, stream(prepared.snapshotPath), count);
    await writer.addPart(KEYFILE_PART, keyBytes.length, keyBytes, count);
    for (const file of files) await writer.addPart(file.part, file.size, stream(file.path), count);
    const finished = writer.finish(prepared.meta);
    report(true);
    return {
      path: finished.path,
      fileName: basename(finished.path),
      bytes: finished.bytes,
      durationMs: Math.round(performance.now() - prepared.startedAt),
      files: files.length,
      missingFiles: prepared.missingFiles.length,
      backupId: writer.header.id,
    };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    rmSync(prepared.snapshotPath, { force: true });
  }
}

/** Both steps at once (the CLI, tests and the bench). */
export async function createBackup(vault: Vault, target: string, info: { now: Date; createdBy: string }, onProgress?: ProgressListener): Promise<CreatedBackupInfo> {
  return writeBackup(prepareBackup(vault, target, info), onProgress);
}
