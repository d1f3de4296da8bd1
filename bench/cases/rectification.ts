/**
 * The overdue list of the rectification ledger (逾期清单) over 100,000 ledger items: the core's own
 * RectificationStore.overdue (first page of 50 and the total) and the dashboard's counts, on the
 * encrypted vault, against the same code on plain SQLite with the same schema and data in the
 * same run. Target: ≤ 50 ms each.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { RectificationStore, type OverdueFilter } from '../../electron/core/rectification/rectification-store';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { openPlainDatabase, seededRandom } from '../lib/fixtures';
import { figure } from '../lib/measure';
import type { BenchCase, BenchContext, Figure } from '../lib/types';
import { buildRoundsFixture } from './coverage';

/** The day the lists are read on: after the term's last round, so most deadlines have passed. */
const TODAY = '2021-10-08';
const STATUSES = ['notStarted', 'inProgress', 'awaitingReview'] as const;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface Fixture {
  db: Db;
  middleRoundId: number;
  /** The unit with the most overdue items: the heaviest unit filter. */
  busiestUnitId: number;
  overdue: number;
}

/**
 * The rounds fixture of the coverage case, then `count` problems (one per ledger item, spread
 * over the inspections) and their items with raw SQL in one transaction: deadlines two to six
 * months after the round's feedback, most long-past items closed (销号) and the rest open, with
 * the history lines the app writes (created; submitted and accepted for closed ones).
 * Deterministic, so the encrypted and the plain database hold the same rows.
 */
function fill(db: Db, count: number, quick: boolean): Omit<Fixture, 'db'> {
  applyMigrations(db, migrations);
  // A smaller registry than the coverage case's: the lists read the ledger's own indexes, not the registry.
  const rounds = buildRoundsFixture(db, quick ? { units: 1_000, rounds: 8, perRound: 100 } : { units: 2_000, rounds: 12, perRound: 150 });
  const random = seededRandom(628);
  const inspections = db
    .prepare(
      `SELECT i.id, i.round_id, i.unit_id, coalesce(rs.began_on, r.actual_end) AS feedback_on FROM inspections i JOIN rounds r ON r.id = i.round_id
       LEFT JOIN round_stages rs ON rs.round_id = i.round_id AND rs.stage = 'feedback' ORDER BY i.id`,
    )
    .all() as { id: number; round_id: number; unit_id: number; feedback_on: string }[];
  const at = '2021-10-08T09:00:00.000Z';
  const insertProblem = db.prepare(
    `INSERT INTO problems (inspection_id, focus, description, source, created_by, created_at, updated_at) VALUES (?, ?, ?, 'documents', 1, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO rectification_items (problem_id, inspection_id, round_id, unit_id, measures, responsible_person, responsible_unit, deadline, status, closed_on, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '张某某', '被巡察单位', ?, ?, ?, 1, ?, ?)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO rectification_history (item_id, event, from_status, to_status, note, actor_id, actor_name, at) VALUES (?, ?, ?, ?, '', 1, '王建军', ?)`,
  );
  const focuses = ['corruption', 'grassroots', 'rectification'] as const;
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) {
      const inspection = inspections[Math.floor(random() * inspections.length)]!;
      const focus = focuses[Math.floor(random() * 3)]!;
      const problemId = Number(insertProblem.run(inspection.id, focus, `问题${n + 1}：违规发放津贴补贴，“三会一课”制度落实不到位`, at, at).lastInsertRowid);
      const deadline = addDays(inspection.feedback_on, 60 + Math.floor(random() * 120));
      const closed = random() < (deadline < TODAY ? 0.85 : 0.3);
      const status = closed ? 'closed' : STATUSES[Math.floor(random() * STATUSES.length)]!;
      const itemId = Number(
        insertItem.run(problemId, inspection.id, inspection.round_id, inspection.unit_id, '全额清退违规款项，修订完善制度', deadline, status, closed ? addDays(deadline, -5) : null, at, at)
          .lastInsertRowid,
      );
      insertHistory.run(itemId, 'created', null, 'notStarted', at);
      if (closed) {
        insertHistory.run(itemId, 'submitted', 'inProgress', 'awaitingReview', at);
        insertHistory.run(itemId, 'accepted', 'awaitingReview', 'closed', at);
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const busiest = db
    .prepare(
      `SELECT unit_id, count(*) AS n FROM rectification_items WHERE status <> 'closed' AND deadline IS NOT NULL AND deadline < ? GROUP BY unit_id ORDER BY n DESC LIMIT 1`,
    )
    .get(TODAY) as { unit_id: number; n: number };
  const overdue = db.prepare(`SELECT count(*) FROM rectification_items WHERE status <> 'closed' AND deadline < ?`).pluck().get(TODAY) as number;
  return { middleRoundId: rounds.roundIds[Math.floor(rounds.roundIds.length / 2)]!, busiestUnitId: busiest.unit_id, overdue };
}

function build(ctx: BenchContext, kind: 'encrypted' | 'plain', count: number): Fixture {
  const dir = ctx.dir(`rectification-${kind}`);
  const db = kind === 'encrypted' ? openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32), { create: true }) : openPlainDatabase(join(dir, 'plain.db'));
  // A fixture, not a record: no fsync per commit while it is written.
  db.pragma('synchronous = OFF');
  const filled = fill(db, count, ctx.quick);
  db.pragma('synchronous = FULL');
  return { db, ...filled };
}

/** What the overdue tab and the dashboard card ask for. */
function queries(fixture: Fixture): { name: string; run: (store: RectificationStore) => unknown }[] {
  const page = { page: 1, pageSize: 50 };
  const overdue = (filter: OverdueFilter) => (store: RectificationStore) => store.overdue(filter, page, TODAY);
  return [
    { name: 'overdue list, all rounds', run: overdue({}) },
    { name: 'overdue list, one round', run: overdue({ roundId: fixture.middleRoundId }) },
    { name: 'overdue list, one unit', run: overdue({ unitId: fixture.busiestUnitId }) },
    { name: 'overdue list, awaiting review', run: overdue({ status: 'awaitingReview' }) },
    { name: 'dashboard counts', run: (store) => ({ byStatus: store.countsByStatus(undefined), overdue: store.overdueCount(undefined, TODAY) }) },
  ];
}

export const rectificationOverdue: BenchCase = {
  name: 'rectification overdue 100k',
  description: 'rectification.overdue (core RectificationStore, first page of 50 + total) and the dashboard counts over 100,000 ledger items: SQLCipher vs plain SQLite',
  async run(ctx) {
    const count = ctx.quick ? 20_000 : 100_000;
    ctx.log(`  building ${count.toLocaleString('en')} ledger items twice (encrypted and plain, raw SQL, one transaction each) …`);
    const started = performance.now();
    const encrypted = build(ctx, 'encrypted', count);
    const plain = build(ctx, 'plain', count);
    ctx.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s; ${encrypted.overdue.toLocaleString('en')} items overdue on ${TODAY}`);
    try {
      const runs = ctx.quick ? 3 : 9;
      const figures: Figure[] = [];
      const cores = { encrypted: new RectificationStore(encrypted.db), plain: new RectificationStore(plain.db) };
      for (const query of queries(encrypted)) {
        // Both sides must answer the same before either is timed.
        const a = JSON.stringify(query.run(cores.encrypted));
        const b = JSON.stringify(query.run(cores.plain));
        if (a !== b) throw new Error(`${query.name}: the encrypted and the plain database answer differently`);
        const samples = { encrypted: [] as number[], plain: [] as number[] };
        for (let run = 0; run < runs; run += 1) {
          const order = run % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const);
          for (const side of order) {
            const t = performance.now();
            query.run(cores[side]);
            samples[side].push(performance.now() - t);
          }
        }
        const total = (query.run(cores.encrypted) as { total?: number }).total;
        const work = `${count.toLocaleString('en')} items${total === undefined ? '' : `, ${total.toLocaleString('en')} overdue matched, page 1 of 50`}`;
        const f = figure(`rectification: ${query.name}`, samples.encrypted, 'plain SQLite, same code', samples.plain, { expected: '≤ 50 ms', work });
        figures.push(f);
        ctx.log(`  ${query.name}: ${f.ms.toFixed(1)} ms (plain ${f.baseline.ms.toFixed(1)} ms, ×${f.ratio})${f.ms > 50 ? '  OVER 50 ms' : ''}`);
      }
      return figures;
    } finally {
      encrypted.db.close();
      plain.db.close();
    }
  },
};
