import type { Migration } from '../vault/migrations/types';
import { resultKinds } from '../../../shared/channels/results-ledger';

/**
 * The results ledger (巡察成果运用台账): one row per result of a round — a person disciplined,
 * a case filed, funds recovered, a rule made — for one of its inspections or for the round as a
 * whole. Money in 分 (integers) so that sums are exact.
 */
export function resultsLedgerMigration(version: number): Migration {
  const kinds = resultKinds.map((k) => `'${k}'`).join(', ');
  return {
    version,
    name: 'results-ledger',
    up(db) {
      db.exec(`
        CREATE TABLE result_entries (
          id INTEGER PRIMARY KEY,
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          inspection_id INTEGER REFERENCES inspections (id),
          kind TEXT NOT NULL CHECK (kind IN (${kinds})),
          subject TEXT NOT NULL,
          -- Persons, cases or rules; 分 for the money kinds.
          quantity INTEGER NOT NULL CHECK (quantity >= 0 AND quantity <= 1000000000000),
          decided_on TEXT,
          note TEXT NOT NULL DEFAULT '',
          problem_id INTEGER REFERENCES problems (id) ON DELETE SET NULL,
          clue_id INTEGER REFERENCES clues (id) ON DELETE SET NULL,
          updated_by INTEGER REFERENCES accounts (id),
          updated_at TEXT NOT NULL
        );
        CREATE INDEX result_entries_round ON result_entries (round_id, inspection_id, kind);
        CREATE INDEX result_entries_problem ON result_entries (problem_id) WHERE problem_id IS NOT NULL;
        CREATE INDEX result_entries_clue ON result_entries (clue_id) WHERE clue_id IS NOT NULL;
      `);
    },
  };
}
