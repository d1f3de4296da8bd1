import type { Migration } from '../vault/migrations/types';

/**
 * Archives (DA/T 22): archive items (件) with the parts of their 档号, the counter that hands
 * out 件号 (never reused, even if an item were ever removed), the files of each item with the
 * text read from them, the searchable text of each item with its bigram index, and the fixity
 * runs over the file store.
 */
export function archivesMigration(version: number): Migration {
  return {
    version,
    name: 'archives',
    up(db) {
      db.exec(`
        CREATE TABLE archive_items (
          id INTEGER PRIMARY KEY,
          fonds_code TEXT NOT NULL,
          category TEXT NOT NULL DEFAULT 'WS' CHECK (category = 'WS'),
          year INTEGER NOT NULL,
          retention TEXT NOT NULL CHECK (retention IN ('Y', 'D30', 'D10')),
          org_code TEXT NOT NULL,
          item_number INTEGER NOT NULL CHECK (item_number > 0),
          archive_code TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          title_supplied INTEGER NOT NULL DEFAULT 0,
          responsible TEXT NOT NULL,
          doc_number TEXT NOT NULL DEFAULT '',
          doc_date TEXT,
          pages INTEGER,
          classification TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          round_id INTEGER REFERENCES rounds (id),
          kind TEXT NOT NULL,
          clue_material INTEGER NOT NULL DEFAULT 0,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (year, retention, org_code, item_number)
        );
        CREATE INDEX archive_items_round ON archive_items (round_id, id);
        CREATE TABLE archive_number_counters (
          year INTEGER NOT NULL,
          retention TEXT NOT NULL,
          org_code TEXT NOT NULL,
          last_number INTEGER NOT NULL,
          PRIMARY KEY (year, retention, org_code)
        ) WITHOUT ROWID;
        CREATE TABLE archive_files (
          attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
          item_id INTEGER NOT NULL REFERENCES archive_items (id),
          role TEXT NOT NULL CHECK (role IN ('original', 'text')),
          text_status TEXT NOT NULL CHECK (text_status IN ('text', 'none', 'unsupported', 'failed')),
          text TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX archive_files_item ON archive_files (item_id);
        -- The original text each item is found by (its fields, then its files' text): LIKE
        -- confirms against it and snippets are cut from it. archive_fts holds its bigrams and
        -- the filter tokens (search-index.ts); contentless, rowid = item id.
        CREATE TABLE archive_search_text (
          item_id INTEGER PRIMARY KEY,
          body TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE archive_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
        CREATE TABLE archive_fixity_runs (
          id INTEGER PRIMARY KEY,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          started_by INTEGER REFERENCES accounts (id),
          total INTEGER NOT NULL,
          checked INTEGER NOT NULL DEFAULT 0,
          ok INTEGER NOT NULL DEFAULT 0,
          last_checked_id INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE archive_fixity_findings (
          run_id INTEGER NOT NULL REFERENCES archive_fixity_runs (id),
          attachment_id INTEGER NOT NULL,
          result TEXT NOT NULL CHECK (result IN ('missing', 'tampered')),
          PRIMARY KEY (run_id, attachment_id)
        );
      `);
    },
  };
}
