import { copyFileSync, existsSync, statSync } from 'node:fs';
import type { Vault } from '../vault/vault';

export type SnapshotMethod = 'copy' | 'vacuum';

/**
 * A consistent copy of the live database at one moment, still encrypted under the vault's key.
 *
 * better-sqlite3's backup API cannot do it: it opens the target without a key, and
 * SQLite3MultipleCiphers refuses to back up an encrypted database into an unencrypted one
 * ("backup is not supported with incompatible source and target databases"). VACUUM INTO does
 * write the copy encrypted under the same key, but it rebuilds every table and index through
 * the cipher (measured here: ~30 MB/s). So: fold the WAL into the file, take the write lock
 * (BEGIN IMMEDIATE: no connection, in this process or another, can commit meanwhile), and if
 * the WAL is then empty the file alone is the whole database: copy its encrypted pages as they
 * are, at the speed of a file copy. Only when another program keeps the WAL from being folded
 * (a reader of its own) does VACUUM INTO take the snapshot instead.
 */
export function snapshotDatabase(vault: Vault, target: string): SnapshotMethod {
  const db = vault.db;
  const wal = `${vault.paths.database}-wal`;
  // TRUNCATE waits on the busy handler for other programs' readers: do not wait, fall back instead.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  let locked = false;
  try {
    db.exec('BEGIN IMMEDIATE');
    locked = true;
    if (!existsSync(wal) || statSync(wal).size === 0) {
      copyFileSync(vault.paths.database, target);
      return 'copy';
    }
  } catch (error) {
    // Another program holds the write lock past the busy timeout: VACUUM INTO needs only a read.
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  } finally {
    if (locked) db.exec('ROLLBACK');
  }
  db.prepare('VACUUM INTO ?').run(target);
  return 'vacuum';
}
