import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { fsyncDirectory, fsyncFile } from '../fs/atomic-write';
import { openEncryptedDatabase, schemaVersion, type Db } from './database';
import { latestSchemaVersion, type Migration } from './migrations';
import { sidecars, type VaultPaths } from './paths';

/** Runs the pending steps on an open database, each in its own transaction. */
export function applyMigrations(db: Db, list: readonly Migration[]): void {
  const current = schemaVersion(db);
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export interface OpenedDatabase {
  db: Db;
  /** The schema version before this open upgraded it, or null when nothing was migrated. */
  migratedFrom: number | null;
  backupFile: string | null;
}

/**
 * Opens the vault database and brings its schema up to date. An upgrade never touches the
 * original in place: the file is copied to backups/ first, the steps run on a second copy,
 * and only a fully migrated copy is renamed over the original. A failing step leaves the
 * original file byte for byte as it was.
 */
export function openAndMigrate(paths: VaultPaths, dataKey: Buffer, list: readonly Migration[], now: Date): OpenedDatabase {
  const db = openEncryptedDatabase(paths.database, dataKey);
  const current = schemaVersion(db);
  const latest = latestSchemaVersion(list);
  if (current === latest) return { db, migratedFrom: null, backupFile: null };
  db.close();
  if (current > latest) throw new AppError('VAULT_TOO_NEW', undefined, { found: current, supported: latest });

  // close() folds the WAL back into the file when this was the last connection. If another
  // process still holds the vault, the file alone is not the whole database: do not copy it.
  const wal = `${paths.database}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new AppError('VAULT_BUSY');

  mkdirSync(paths.backups, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backupFile = join(paths.backups, `vault-v${current}-${stamp}.db`);
  copyFileSync(paths.database, backupFile);
  fsyncFile(backupFile);

  const work = `${paths.database}.migrating`;
  removeWithSidecars(work);
  try {
    copyFileSync(paths.database, work);
    const workDb = openEncryptedDatabase(work, dataKey);
    try {
      applyMigrations(workDb, list);
      // Leave no -wal beside the copy: it is renamed alone.
      workDb.pragma('journal_mode = DELETE');
    } finally {
      workDb.close();
    }
    fsyncFile(work);
    renameSync(work, paths.database);
    fsyncDirectory(paths.dir);
  } catch (error) {
    removeWithSidecars(work);
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('MIGRATION_FAILED', undefined, { from: current, to: latest, cause: message, backupFile });
  }
  return { db: openEncryptedDatabase(paths.database, dataKey), migratedFrom: current, backupFile };
}

export function removeWithSidecars(file: string): void {
  for (const path of [file, ...sidecars(file)]) rmSync(path, { force: true });
}
