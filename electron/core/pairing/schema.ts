import type { Migration } from '../vault/migrations/types';
import { defaultTemplate } from './template-seed';

/**
 * Pairing supervision (四包联): the office's leaders, each paired per year with 2–3 county
 * offices (regions); the template of supervision items in 4 aspects; monthly visits; and each
 * county's self-check ledger, one row per item and year, with its own history.
 */
export function pairingMigration(version: number): Migration {
  return {
    version,
    name: 'pairing',
    up(db) {
      db.exec(`
        CREATE TABLE pairing_leaders (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          position TEXT NOT NULL DEFAULT '',
          sort_order INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        );

        -- One leader per county and year: a county moved to another leader is re-paired.
        CREATE TABLE pairings (
          id INTEGER PRIMARY KEY,
          year INTEGER NOT NULL,
          leader_id INTEGER NOT NULL REFERENCES pairing_leaders (id),
          region_id INTEGER NOT NULL REFERENCES regions (id),
          created_at TEXT NOT NULL,
          UNIQUE (year, region_id)
        );
        CREATE INDEX pairings_leader ON pairings (year, leader_id);

        -- An item once used by a ledger is never rewritten: editing it retires it (replaced_by)
        -- and adds the new wording, so old ledger rows keep the text they were checked against.
        CREATE TABLE pairing_items (
          id INTEGER PRIMARY KEY,
          aspect TEXT NOT NULL CHECK (aspect IN ('responsibility', 'quality', 'rectification', 'team')),
          text TEXT NOT NULL,
          sort_order INTEGER NOT NULL,
          retired_at TEXT,
          replaced_by INTEGER REFERENCES pairing_items (id),
          created_at TEXT NOT NULL
        );
        CREATE INDEX pairing_items_active ON pairing_items (sort_order) WHERE retired_at IS NULL;

        CREATE TABLE pairing_visits (
          id INTEGER PRIMARY KEY,
          visited_on TEXT NOT NULL,
          leader_id INTEGER NOT NULL REFERENCES pairing_leaders (id),
          region_id INTEGER NOT NULL REFERENCES regions (id),
          form TEXT NOT NULL,
          findings TEXT NOT NULL DEFAULT '',
          follow_up TEXT NOT NULL DEFAULT '',
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL
        );
        CREATE INDEX pairing_visits_date ON pairing_visits (visited_on, id);
        CREATE INDEX pairing_visits_region ON pairing_visits (region_id, visited_on);

        CREATE TABLE pairing_checks (
          id INTEGER PRIMARY KEY,
          year INTEGER NOT NULL,
          region_id INTEGER NOT NULL REFERENCES regions (id),
          item_id INTEGER NOT NULL REFERENCES pairing_items (id),
          status TEXT NOT NULL CHECK (status IN ('notStarted', 'inProgress', 'closed')),
          problem TEXT NOT NULL DEFAULT '',
          measures TEXT NOT NULL DEFAULT '',
          deadline TEXT,
          responsible_person TEXT NOT NULL DEFAULT '',
          closed_on TEXT,
          closed_by TEXT,
          updated_at TEXT NOT NULL,
          UNIQUE (year, region_id, item_id),
          CHECK ((status = 'closed') = (closed_on IS NOT NULL))
        );

        CREATE TABLE pairing_check_history (
          id INTEGER PRIMARY KEY,
          check_id INTEGER NOT NULL REFERENCES pairing_checks (id),
          event TEXT NOT NULL CHECK (event IN ('recorded', 'edited', 'closed', 'reopened')),
          from_status TEXT,
          to_status TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          actor_id INTEGER REFERENCES accounts (id),
          actor_name TEXT NOT NULL,
          at TEXT NOT NULL
        );
        CREATE INDEX pairing_check_history_check ON pairing_check_history (check_id, id);
        CREATE TRIGGER pairing_check_history_no_update BEFORE UPDATE ON pairing_check_history
          BEGIN SELECT RAISE(ABORT, 'pairing history is never changed'); END;
        CREATE TRIGGER pairing_check_history_no_delete BEFORE DELETE ON pairing_check_history
          BEGIN SELECT RAISE(ABORT, 'pairing history is never removed'); END;
      `);
      const insert = db.prepare("INSERT INTO pairing_items (aspect, text, sort_order, created_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
      defaultTemplate.forEach((item, i) => insert.run(item.aspect, item.text, (i + 1) * 10));
    },
  };
}
