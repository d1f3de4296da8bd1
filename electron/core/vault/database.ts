import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';

export type Db = Database.Database;

/**
 * Opens an SQLCipher 4 database with a raw 256-bit key, in the order SQLite3MultipleCiphers
 * needs: cipher and legacy mode before the key (its default cipher is chacha20, which
 * SQLCipher cannot read), then a read at once, because a wrong key still answers `ok` to
 * PRAGMA key and only the first read fails (SQLITE_NOTADB). Nothing is written before that
 * read succeeds, so a wrong key leaves the file exactly as it was.
 */
export function openEncryptedDatabase(file: string, dataKey: Buffer, options: { create?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw translateOpenError(error);
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Temp tables and sort spills stay in memory: the default wrote them in cleartext to disk.
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_mode = WAL');
    // FULL: a committed transaction survives power loss, not only a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error);
  }
}

function translateOpenError(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return new AppError('VAULT_KEY_MISMATCH');
  if (code === 'SQLITE_CORRUPT') return new AppError('VAULT_CORRUPT');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('VAULT_BUSY');
  if (code === 'SQLITE_CANTOPEN') return new AppError('VAULT_MISSING');
  if (error instanceof AppError) return error;
  return new AppError('VAULT_CORRUPT', undefined, { cause: String((error as Error)?.message ?? error) });
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite's full integrity check: an empty list when the file is sound, else the faults found. */
export function checkIntegrity(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
}
