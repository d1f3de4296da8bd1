import type { Migration } from '../../vault/migrations/types';

/**
 * 借阅登记: a request by one user for one or more archive items, its decision and its return.
 * Overdue is not stored: it is approved, not returned and past due_date by the core's clock.
 */
export function borrowingMigration(version: number): Migration {
  return {
    version,
    name: 'archive-borrowing',
    up(db) {
      db.exec(`
        CREATE TABLE archive_borrowings (
          id INTEGER PRIMARY KEY,
          requester_id INTEGER NOT NULL REFERENCES accounts (id),
          mode TEXT NOT NULL CHECK (mode IN ('view', 'loan')),
          purpose TEXT NOT NULL,
          due_date TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'returned')),
          requested_at TEXT NOT NULL,
          decided_by INTEGER REFERENCES accounts (id),
          decided_at TEXT,
          decision_note TEXT NOT NULL DEFAULT '',
          returned_at TEXT,
          returned_by INTEGER REFERENCES accounts (id)
        );
        CREATE INDEX archive_borrowings_requester ON archive_borrowings (requester_id, status);
        CREATE INDEX archive_borrowings_status ON archive_borrowings (status, due_date);
        CREATE TABLE archive_borrowing_items (
          borrowing_id INTEGER NOT NULL REFERENCES archive_borrowings (id),
          item_id INTEGER NOT NULL REFERENCES archive_items (id),
          PRIMARY KEY (borrowing_id, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX archive_borrowing_items_item ON archive_borrowing_items (item_id, borrowing_id);
      `);
    },
  };
}
