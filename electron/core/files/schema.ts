import type { Migration } from '../vault/migrations/types';

/**
 * Stored files: one row per file, its own key sealed under the vault's file subkey, the
 * SHA-256 of the original for fixity, and what record it belongs to.
 */
export function filesMigration(version: number): Migration {
  return {
    version,
    name: 'files',
    up(db) {
      db.exec(`
        CREATE TABLE attachments (
          id INTEGER PRIMARY KEY,
          storage_name TEXT NOT NULL UNIQUE,
          file_name TEXT NOT NULL,
          mime TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          key_iv TEXT NOT NULL,
          key_tag TEXT NOT NULL,
          key_data TEXT NOT NULL,
          owner_type TEXT NOT NULL,
          owner_id INTEGER NOT NULL,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          removed_at TEXT
        );
        CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);
      `);
    },
  };
}
