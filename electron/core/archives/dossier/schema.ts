import type { Migration } from '../../vault/migrations/types';

/**
 * Round dossiers (巡察档案): the 档号 defaults of each round's items and whether the dossier is
 * closed; which app record an item was filed from (so a finalised letter is filed once); the
 * corrections filed after closing (each a new item naming the one it corrects); the unit each
 * item concerns; and the archives' own preferences (days between fixity runs).
 */
export function archivesDossierMigration(version: number): Migration {
  return {
    version,
    name: 'archives-dossier',
    up(db) {
      db.exec(`
        CREATE TABLE archive_dossiers (
          round_id INTEGER PRIMARY KEY REFERENCES rounds (id),
          year INTEGER NOT NULL,
          retention TEXT NOT NULL CHECK (retention IN ('Y', 'D30', 'D10')),
          org_code TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
          closed_at TEXT,
          closed_by INTEGER REFERENCES accounts (id),
          close_reason TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL
        );
        CREATE TABLE archive_item_sources (
          item_id INTEGER PRIMARY KEY REFERENCES archive_items (id),
          source_type TEXT NOT NULL CHECK (source_type IN ('document', 'fourList', 'rectificationLedger')),
          -- document: the document and its final version; fourList: the round and the list's index in
          -- fourListKinds; rectificationLedger: the inspection and 0 (one ledger per inspection).
          source_id INTEGER NOT NULL,
          source_version INTEGER NOT NULL,
          UNIQUE (source_type, source_id, source_version)
        );
        CREATE TABLE archive_corrections (
          item_id INTEGER PRIMARY KEY REFERENCES archive_items (id),
          corrects_id INTEGER NOT NULL REFERENCES archive_items (id),
          reason TEXT NOT NULL,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL
        );
        -- The unit an item concerns (the inspected unit of the document or ledger it was filed from).
        ALTER TABLE archive_items ADD COLUMN unit_id INTEGER REFERENCES units (id);
        CREATE INDEX archive_items_unit ON archive_items (unit_id, id);
        CREATE TABLE archive_preferences (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  };
}
