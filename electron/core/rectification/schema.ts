import type { Migration } from '../vault/migrations/types';

/**
 * Rectification (整改): one ledger item per problem with its measures, responsible person and
 * unit, deadline and status, the item's own history of every change, and per inspection the
 * unit's rectification report, its 整改专题民主生活会 and the supervisors. Evidence files are
 * stored files owned by ('rectification', item id).
 */
export function rectificationMigration(version: number): Migration {
  return {
    version,
    name: 'rectification',
    up(db) {
      db.exec(`
        CREATE TABLE rectification_items (
          id INTEGER PRIMARY KEY,
          problem_id INTEGER NOT NULL UNIQUE REFERENCES problems (id),
          -- Copied from the problem (and kept in step by the trigger below) so that the overdue
          -- list filters by round and unit on its own indexes, without reading problems.
          inspection_id INTEGER NOT NULL REFERENCES inspections (id),
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          unit_id INTEGER NOT NULL REFERENCES units (id),
          measures TEXT NOT NULL DEFAULT '',
          responsible_person TEXT NOT NULL DEFAULT '',
          responsible_unit TEXT NOT NULL DEFAULT '',
          deadline TEXT,
          status TEXT NOT NULL DEFAULT 'notStarted' CHECK (status IN ('notStarted', 'inProgress', 'awaitingReview', 'closed')),
          closed_on TEXT,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          CHECK ((status = 'closed') = (closed_on IS NOT NULL))
        );
        CREATE INDEX rectification_items_inspection ON rectification_items (inspection_id, status, problem_id);
        -- Open items by deadline: the overdue list reads a range of these and nothing else
        -- (bench: 100,000 items).
        CREATE INDEX rectification_items_overdue ON rectification_items (deadline, id) WHERE status <> 'closed' AND deadline IS NOT NULL;
        CREATE INDEX rectification_items_round_overdue ON rectification_items (round_id, deadline) WHERE status <> 'closed' AND deadline IS NOT NULL;
        CREATE INDEX rectification_items_unit_overdue ON rectification_items (unit_id, deadline) WHERE status <> 'closed' AND deadline IS NOT NULL;
        CREATE INDEX rectification_items_status_overdue ON rectification_items (status, deadline) WHERE status <> 'closed' AND deadline IS NOT NULL;
        -- Items by status for the dashboard, of all rounds or of one, counted on the index alone.
        CREATE INDEX rectification_items_status ON rectification_items (status);
        CREATE INDEX rectification_items_round_status ON rectification_items (round_id, status);

        -- A problem moved to another inspection takes its ledger item along.
        CREATE TRIGGER rectification_items_follow_problem AFTER UPDATE OF inspection_id ON problems
          WHEN NEW.inspection_id <> OLD.inspection_id
          BEGIN
            UPDATE rectification_items SET inspection_id = NEW.inspection_id,
              round_id = (SELECT round_id FROM inspections WHERE id = NEW.inspection_id),
              unit_id = (SELECT unit_id FROM inspections WHERE id = NEW.inspection_id)
            WHERE problem_id = NEW.id;
          END;

        -- Every change of an item, status changes and reviews above all (动态销号): what the item
        -- drawer shows. Like the audit log it only grows.
        CREATE TABLE rectification_history (
          id INTEGER PRIMARY KEY,
          item_id INTEGER NOT NULL REFERENCES rectification_items (id),
          event TEXT NOT NULL CHECK (event IN ('created', 'edited', 'evidence', 'started', 'submitted', 'accepted', 'sentBack')),
          from_status TEXT,
          to_status TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          actor_id INTEGER REFERENCES accounts (id),
          -- As the account was named then.
          actor_name TEXT NOT NULL,
          at TEXT NOT NULL
        );
        CREATE INDEX rectification_history_item ON rectification_history (item_id, id);
        CREATE TRIGGER rectification_history_no_update BEFORE UPDATE ON rectification_history
          BEGIN SELECT RAISE(ABORT, 'rectification history is never changed'); END;
        CREATE TRIGGER rectification_history_no_delete BEFORE DELETE ON rectification_history
          BEGIN SELECT RAISE(ABORT, 'rectification history is never removed'); END;

        CREATE TABLE rectification_reports (
          inspection_id INTEGER PRIMARY KEY REFERENCES inspections (id),
          received_on TEXT,
          -- 整改专题民主生活会
          meeting_on TEXT,
          discipline_supervisor TEXT NOT NULL DEFAULT '',
          organisation_supervisor TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT '',
          updated_by INTEGER REFERENCES accounts (id),
          updated_at TEXT NOT NULL
        );
      `);
    },
  };
}
