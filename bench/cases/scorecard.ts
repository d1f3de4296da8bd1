/**
 * 前置整改成绩单 over 100,000 self-checks: the core's scorecardRows (every unit of a term with its
 * items issued, checked, found, fixed and fixed on time, read from the per-list-and-unit figures
 * the schema's triggers keep as self-checks are written) on the encrypted vault, against a naive
 * plain-SQLite baseline measured in the same run: one flat table of self-checks with the list's
 * deadline copied in and no index but the rowid, grouped by unit. Target: ≤ 50 ms.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { scorecardRows } from '../../electron/core/common-problems/scorecard-service';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { openPlainDatabase, seededRandom } from '../lib/fixtures';
import { figure } from '../lib/measure';
import type { BenchCase, BenchContext } from '../lib/types';

const AT = '2021-06-30T09:00:00.000Z';
const ISSUED_ON = '2020-07-01';
const DEADLINE = '2020-09-30';
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface Check {
  itemId: number;
  unitId: number;
  found: boolean;
  fixedOn: string | null;
}

/**
 * The same answers for both databases: for each unit and item, checked or not (90%), found
 * (30% of those), fixed (80% of found) within −30…+60 days of the deadline.
 */
function checks(items: number[], units: number, seed: number): Check[] {
  const random = seededRandom(seed);
  const out: Check[] = [];
  for (let unitId = 1; unitId <= units; unitId += 1) {
    for (const itemId of items) {
      if (random() > 0.9) continue;
      const found = random() < 0.3;
      const fixedOn = found && random() < 0.8 ? addDays(DEADLINE, Math.floor(random() * 90) - 30) : null;
      out.push({ itemId, unitId, found, fixedOn });
    }
  }
  return out;
}

/** Two terms, each with an issued list to every unit; the measured term holds the 100,000 rows. */
function fillVault(db: Db, units: number, items: number[]): { termId: number; rows: number } {
  applyMigrations(db, migrations);
  const kinds = db.prepare('SELECT id FROM unit_kinds ORDER BY id').pluck().all() as number[];
  const regions = db.prepare('SELECT id FROM regions ORDER BY id').pluck().all() as number[];
  let rows = 0;
  db.transaction(() => {
    const insertUnit = db.prepare("INSERT INTO units (id, name, kind_id, region_id, party_org_type, created_at, updated_at) VALUES (?, ?, ?, ?, '党组', ?, ?)");
    for (let id = 1; id <= units; id += 1) insertUnit.run(id, `单位${String(id).padStart(5, '0')}`, kinds[id % kinds.length], id % 10 === 0 ? null : regions[id % regions.length], AT, AT);
    const termIds = [
      Number(db.prepare("INSERT INTO terms (name, starts_on, ends_on, created_at) VALUES ('十一届市委', '2011-10-01', '2016-09-30', ?)").run(AT).lastInsertRowid),
      Number(db.prepare("INSERT INTO terms (name, starts_on, ends_on, created_at) VALUES ('十二届市委', '2016-10-01', '2021-09-30', ?)").run(AT).lastInsertRowid),
    ];
    for (const [index, termId] of termIds.entries()) {
      const count = index === 0 ? 20 : items.length;
      const issuedOn = index === 0 ? '2015-07-01' : ISSUED_ON;
      const deadline = index === 0 ? '2015-09-30' : DEADLINE;
      const listId = Number(
        db
          .prepare("INSERT INTO common_problem_lists (title, status, issued_on, deadline, term_id, created_at, updated_at) VALUES (?, 'issued', ?, ?, ?, ?, ?)")
          .run(`共性问题清单${index + 1}`, issuedOn, deadline, termId, AT, AT).lastInsertRowid,
      );
      const insertItem = db.prepare("INSERT INTO common_problems (list_id, sequence, focus, wording, created_at, updated_at) VALUES (?, ?, 'grassroots', ?, ?, ?)");
      const itemIds = Array.from({ length: count }, (_, n) => Number(insertItem.run(listId, n + 1, `共性问题${n + 1}`, AT, AT).lastInsertRowid));
      const insertRecipient = db.prepare('INSERT INTO common_list_units (list_id, unit_id) VALUES (?, ?)');
      for (let unitId = 1; unitId <= units; unitId += 1) insertRecipient.run(listId, unitId);
      const insertCheck = db.prepare(
        `INSERT INTO common_self_checks (common_problem_id, unit_id, list_id, term_id, found, measures, fixed_on, on_time, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, NULL, ?)`,
      );
      for (const check of checks(itemIds, units, 100 + index)) {
        insertCheck.run(check.itemId, check.unitId, listId, termId, check.found ? 1 : 0, check.fixedOn, check.fixedOn !== null && check.fixedOn <= deadline ? 1 : 0, AT);
        if (index === 1) rows += 1;
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { termId: 2, rows };
}

/** The naive way: one flat table, the deadline in every row, grouped and joined at read time. */
function fillNaive(db: Db, units: number, items: number[]): void {
  db.exec(`
    CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE checks (id INTEGER PRIMARY KEY, term_id INTEGER, unit_id INTEGER, item_id INTEGER, found INTEGER, fixed_on TEXT, deadline TEXT);
  `);
  db.transaction(() => {
    const insertUnit = db.prepare('INSERT INTO units (id, name) VALUES (?, ?)');
    for (let id = 1; id <= units; id += 1) insertUnit.run(id, `单位${String(id).padStart(5, '0')}`);
    const insert = db.prepare('INSERT INTO checks (term_id, unit_id, item_id, found, fixed_on, deadline) VALUES (?, ?, ?, ?, ?, ?)');
    for (const check of checks(Array.from({ length: 20 }, (_, n) => n + 1), units, 100)) insert.run(1, check.unitId, check.itemId, check.found ? 1 : 0, check.fixedOn, '2015-09-30');
    for (const check of checks(items, units, 101)) insert.run(2, check.unitId, check.itemId, check.found ? 1 : 0, check.fixedOn, DEADLINE);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const naiveQuery = `SELECT u.id, u.name, count(*) AS checked, sum(c.found) AS found, sum(c.fixed_on IS NOT NULL) AS fixed, sum(c.fixed_on <= c.deadline) AS on_time
  FROM checks c JOIN units u ON u.id = c.unit_id WHERE c.term_id = ? GROUP BY u.id ORDER BY u.name`;

function open(ctx: BenchContext, kind: 'encrypted' | 'plain'): Db {
  const dir = ctx.dir(`scorecard-${kind}`);
  const db = kind === 'encrypted' ? openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32), { create: true }) : openPlainDatabase(join(dir, 'plain.db'));
  db.pragma('synchronous = OFF');
  return db;
}

export const scorecardTerm: BenchCase = {
  name: 'scorecard 100k',
  description: 'scorecard.get of a term (core scorecardRows, every unit) over 100,000 self-checks (60 items × 1,700 units) on SQLCipher vs a naive plain-SQLite group-by',
  async run(ctx) {
    const units = ctx.quick ? 400 : 1_900;
    const items = Array.from({ length: 60 }, (_, n) => n + 1);
    ctx.log(`  building the self-checks of ${units.toLocaleString('en')} units × 60 items twice …`);
    const started = performance.now();
    const vault = open(ctx, 'encrypted');
    const naive = open(ctx, 'plain');
    try {
      const { termId, rows } = fillVault(vault, units, items);
      fillNaive(naive, units, items);
      vault.pragma('synchronous = FULL');
      naive.pragma('synchronous = FULL');
      ctx.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s; ${rows.toLocaleString('en')} self-checks in the term`);
      // Both must count the same before either is timed.
      const ours = scorecardRows(vault, { termId });
      const theirs = naive.prepare(naiveQuery).all(2) as { checked: number; found: number; fixed: number; on_time: number }[];
      const sum = (list: { checked: number; found: number; fixed: number; onTime?: number; on_time?: number }[]) =>
        list.reduce((acc, r) => [acc[0]! + r.checked, acc[1]! + r.found, acc[2]! + r.fixed, acc[3]! + (r.onTime ?? r.on_time ?? 0)], [0, 0, 0, 0]);
      if (JSON.stringify(sum(ours)) !== JSON.stringify(sum(theirs)) || ours.length !== units) throw new Error('the scorecard and the baseline count differently');
      const runs = ctx.quick ? 3 : 9;
      const samples = { ours: [] as number[], naive: [] as number[] };
      for (let run = 0; run < runs; run += 1) {
        let t = performance.now();
        scorecardRows(vault, { termId });
        samples.ours.push(performance.now() - t);
        t = performance.now();
        naive.prepare(naiveQuery).all(2);
        samples.naive.push(performance.now() - t);
      }
      const f = figure('scorecard: one term, every unit', samples.ours, 'naive plain-SQLite group-by', samples.naive, {
        expected: '≤ 50 ms',
        work: `${rows.toLocaleString('en')} self-checks, ${units.toLocaleString('en')} units`,
      });
      ctx.log(`  scorecard: ${f.ms.toFixed(1)} ms (naive plain ${f.baseline.ms.toFixed(1)} ms, ×${f.ratio})${f.ms > 50 ? '  OVER 50 ms' : ''}`);
      return [f];
    } finally {
      vault.close();
      naive.close();
    }
  },
};
