import type { Migration } from '../vault/migrations/types';

/**
 * Common problems (共性问题清单) and the pre-inspection scorecard (前置整改成绩单): lists of
 * problems that recur across units, each merged from source problems of earlier rounds, issued
 * (印发) to many units with a date and a deadline; then each unit's self-check of each item.
 * Evidence files are stored files owned by ('commonSelfCheck', self-check id).
 */
export function commonProblemsMigration(version: number): Migration {
  return {
    version,
    name: 'common-problems',
    up(db) {
      db.exec(`
        CREATE TABLE common_problem_lists (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
          issued_on TEXT,
          deadline TEXT,
          -- The term the issue date falls in: the scorecard is read per term.
          term_id INTEGER REFERENCES terms (id),
          issued_by INTEGER REFERENCES accounts (id),
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          CHECK ((status = 'issued') = (issued_on IS NOT NULL AND deadline IS NOT NULL)),
          CHECK (deadline IS NULL OR deadline >= issued_on)
        );

        CREATE TABLE common_problems (
          id INTEGER PRIMARY KEY,
          list_id INTEGER NOT NULL REFERENCES common_problem_lists (id),
          sequence INTEGER NOT NULL,
          focus TEXT NOT NULL CHECK (focus IN ('corruption', 'grassroots', 'rectification')),
          wording TEXT NOT NULL,
          category_id INTEGER REFERENCES problem_categories (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (list_id, sequence)
        );

        -- The problems a common problem was merged from. A source problem deleted later leaves
        -- its link with what it said (round, unit, wording as copied at merge time), so the list
        -- still shows where each item came from; the link just stops pointing at the record.
        CREATE TABLE common_problem_sources (
          id INTEGER PRIMARY KEY,
          common_problem_id INTEGER NOT NULL REFERENCES common_problems (id) ON DELETE CASCADE,
          problem_id INTEGER REFERENCES problems (id) ON DELETE SET NULL,
          round_id INTEGER,
          round_label TEXT NOT NULL,
          unit_name TEXT NOT NULL,
          description TEXT NOT NULL
        );
        CREATE INDEX common_problem_sources_item ON common_problem_sources (common_problem_id, id);
        CREATE UNIQUE INDEX common_problem_sources_problem ON common_problem_sources (problem_id, common_problem_id) WHERE problem_id IS NOT NULL;

        CREATE TABLE common_list_units (
          list_id INTEGER NOT NULL REFERENCES common_problem_lists (id),
          unit_id INTEGER NOT NULL REFERENCES units (id),
          PRIMARY KEY (list_id, unit_id)
        ) WITHOUT ROWID;
        CREATE INDEX common_list_units_unit ON common_list_units (unit_id);

        -- One unit's self-check of one item. term_id, list_id and on_time are copied in when the
        -- row is written (the list is frozen once issued, so they never go stale).
        CREATE TABLE common_self_checks (
          id INTEGER PRIMARY KEY,
          common_problem_id INTEGER NOT NULL REFERENCES common_problems (id),
          unit_id INTEGER NOT NULL REFERENCES units (id),
          list_id INTEGER NOT NULL REFERENCES common_problem_lists (id),
          term_id INTEGER REFERENCES terms (id),
          found INTEGER NOT NULL CHECK (found IN (0, 1)),
          measures TEXT NOT NULL DEFAULT '',
          fixed_on TEXT,
          on_time INTEGER NOT NULL DEFAULT 0 CHECK (on_time IN (0, 1)),
          note TEXT NOT NULL DEFAULT '',
          updated_by INTEGER REFERENCES accounts (id),
          updated_at TEXT NOT NULL,
          UNIQUE (common_problem_id, unit_id),
          CHECK (found = 1 OR fixed_on IS NULL),
          CHECK (on_time = 0 OR fixed_on IS NOT NULL)
        );
        CREATE INDEX common_self_checks_list ON common_self_checks (list_id, unit_id);

        -- The scorecard's figures per list and unit, kept by the triggers below in the same
        -- transaction as each self-check, so that a term's scorecard reads one row per unit and
        -- list instead of grouping every self-check (bench: 100,000 self-checks, 1,900 units).
        CREATE TABLE common_scorecard (
          list_id INTEGER NOT NULL REFERENCES common_problem_lists (id),
          unit_id INTEGER NOT NULL REFERENCES units (id),
          term_id INTEGER REFERENCES terms (id),
          checked INTEGER NOT NULL,
          found INTEGER NOT NULL,
          fixed INTEGER NOT NULL,
          on_time INTEGER NOT NULL,
          PRIMARY KEY (list_id, unit_id)
        ) WITHOUT ROWID;
        CREATE TRIGGER common_scorecard_insert AFTER INSERT ON common_self_checks
          BEGIN
            INSERT INTO common_scorecard (list_id, unit_id, term_id, checked, found, fixed, on_time)
              VALUES (NEW.list_id, NEW.unit_id, NEW.term_id, 1, NEW.found, NEW.fixed_on IS NOT NULL, NEW.on_time)
              ON CONFLICT (list_id, unit_id) DO UPDATE SET checked = checked + 1, found = found + excluded.found,
                fixed = fixed + excluded.fixed, on_time = on_time + excluded.on_time;
          END;
        -- A self-check never moves to another list or unit; only its answers change.
        CREATE TRIGGER common_scorecard_update AFTER UPDATE OF found, fixed_on, on_time ON common_self_checks
          BEGIN
            UPDATE common_scorecard SET found = found - OLD.found + NEW.found,
              fixed = fixed - (OLD.fixed_on IS NOT NULL) + (NEW.fixed_on IS NOT NULL), on_time = on_time - OLD.on_time + NEW.on_time
            WHERE list_id = NEW.list_id AND unit_id = NEW.unit_id;
          END;
        CREATE TRIGGER common_scorecard_delete AFTER DELETE ON common_self_checks
          BEGIN
            UPDATE common_scorecard SET checked = checked - 1, found = found - OLD.found,
              fixed = fixed - (OLD.fixed_on IS NOT NULL), on_time = on_time - OLD.on_time
            WHERE list_id = OLD.list_id AND unit_id = OLD.unit_id;
          END;
      `);
    },
  };
}
