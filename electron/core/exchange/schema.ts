import type { Migration } from '../vault/migrations/types';

/**
 * Exchange packages between offices (市县联动): this office's key pairs, the offices whose
 * cards it trusts, the packages it sent (the sequence per recipient) and took in (for replay
 * refusal and the import log), and where each imported record came from (provenance).
 */
export function exchangeMigration(version: number): Migration {
  return {
    version,
    name: 'exchange',
    up(db) {
      db.exec(`
        -- One row: the office's Ed25519 signing pair and X25519 pair. The private keys are PKCS#8
        -- inside the encrypted database only; the office card carries the public halves.
        CREATE TABLE exchange_office_keys (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          sign_private BLOB NOT NULL,
          sign_public TEXT NOT NULL,
          box_private BLOB NOT NULL,
          box_public TEXT NOT NULL,
          created_at TEXT NOT NULL
        );

        CREATE TABLE exchange_trusted_offices (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          code TEXT NOT NULL,
          level TEXT NOT NULL,
          fingerprint TEXT NOT NULL UNIQUE,
          -- The canonical card as received (its SHA-256 is the fingerprint).
          card TEXT NOT NULL,
          added_by INTEGER REFERENCES accounts (id),
          added_by_name TEXT NOT NULL,
          added_at TEXT NOT NULL,
          revoked_at TEXT,
          revoked_by_name TEXT
        );

        CREATE TABLE exchange_exports (
          id INTEGER PRIMARY KEY,
          package_id TEXT NOT NULL UNIQUE,
          recipient_fingerprint TEXT NOT NULL,
          recipient_name TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          round_id INTEGER REFERENCES rounds (id),
          includes_clues INTEGER NOT NULL DEFAULT 0,
          bytes INTEGER NOT NULL,
          created_by_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          UNIQUE (recipient_fingerprint, sequence)
        );

        CREATE TABLE exchange_imports (
          id INTEGER PRIMARY KEY,
          package_id TEXT NOT NULL UNIQUE,
          -- SHA-256 of the whole package file: the same id with other bytes is a replay.
          package_sha256 TEXT NOT NULL,
          sender_fingerprint TEXT NOT NULL,
          sender_name TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          round_id INTEGER REFERENCES rounds (id),
          round_label TEXT NOT NULL DEFAULT '',
          imported_by_name TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          -- The diff that was applied, per kind of record (JSON).
          summary TEXT NOT NULL
        );
        CREATE INDEX exchange_imports_sender ON exchange_imports (sender_fingerprint, sequence);

        -- Local record ↔ the record it came from in the sending office (its own table id there).
        CREATE TABLE exchange_provenance (
          sender_fingerprint TEXT NOT NULL,
          kind TEXT NOT NULL,
          source_id INTEGER NOT NULL,
          local_id INTEGER NOT NULL,
          content_hash TEXT NOT NULL,
          package_id TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          PRIMARY KEY (sender_fingerprint, kind, source_id)
        );
        CREATE INDEX exchange_provenance_local ON exchange_provenance (kind, local_id);
      `);
    },
  };
}
