import { join } from 'node:path';

/** The files of one office's vault folder. */
export interface VaultPaths {
  dir: string;
  database: string;
  keyFile: string;
  signInGuard: string;
  backups: string;
  /** Encrypted stored files (attachments, clue material, archive originals). */
  files: string;
}

export function vaultPaths(dir: string): VaultPaths {
  return {
    dir,
    database: join(dir, 'vault.db'),
    keyFile: join(dir, 'keys.json'),
    signInGuard: join(dir, 'signin-guard.json'),
    backups: join(dir, 'backups'),
    files: join(dir, 'files'),
  };
}

/** SQLite's companions of a database file. */
export const sidecars = (file: string): string[] => [`${file}-wal`, `${file}-shm`, `${file}-journal`];
