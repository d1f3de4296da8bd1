import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { coverage, coverageMatrix, lookbackCandidates } from '../../electron/core/coverage/coverage-service';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { compare, figure } from '../lib/measure';
import { seededRandom } from '../lib/fixtures';
import type { BenchCase, BenchContext } from '../lib/types';

// ---- the fixture: one term, many units, many rounds ---------------------------------------

export interface RoundsFixture {
  db: Db;
  termId: number;
  termName: string;
  roundIds: number[];
  /** A finished round in the middle of the term: the round page's subject. */
  pageRoundId: number;
  units: number;
  inspections: number;
  members: number;
  perRound: number;
  groupsPerRound: number;
}

const TERM = { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' };
/** Unit kinds of the preset catalogue (002-rounds) and their share of the registry. */
const KIND_MIX: readonly [kindId: number, share: number, cityLevel: boolean][] = [
  [1, 0.06, true], // 市直部门
  [2, 0.04, true], // 市属国有企业
  [3, 0.09, false], // 乡镇/街道
  [4, 0.61, false], // 村/社区
  [5, 0.12, false], // 派出所
  [6, 0.06, false], // 国土所
  [7, 0.02, false], // 法院/执行局
];
const MODE_MIX: readonly [mode: string, share: number][] = [
  ['routine', 0.5],
  ['special', 0.15],
  ['elevated_cross', 0.12],
  ['cross', 0.05],
  ['pinpoint', 0.05],
  ['lookback', 0.13],
];

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Writes an app-shaped registry straight into a migrated vault, in one transaction with raw
 * SQL (seconds, where the channels would take minutes): `unitCount` units (a village-heavy mix,
 * 3% abolished during the term, 5% set up after it began), a people pool, one term of
 * `roundCount` rounds, each with 16 groups of 8–16 members and `perRound` inspections in a
 * realistic mix of modes (回头看 following the unit's latest earlier inspection; about half the
 * units are new to the term each time, so the term ends about half covered), stages and
 * procedure ticks. Deterministic.
 */
export function buildRoundsFixture(db: Db, options: { units: number; rounds: number; perRound: number; seed?: number }): RoundsFixture {
  const random = seededRandom(options.seed ?? 5000);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groupsPerRound = 16;
  const at = '2021-10-08T09:00:00.000Z';
  let inspectionCount = 0;
  let memberCount = 0;
  const roundIds: number[] = [];

  db.transaction(() => {
    db.prepare("INSERT INTO accounts (username, display_name, role, created_at, updated_at) VALUES ('bench', '王建军', 'admin', ?, ?)").run(at, at);
    const regions = (db.prepare('SELECT id FROM regions ORDER BY sort_order').all() as { id: number }[]).map((r) => r.id);

    // Units.
    const insertUnit = db.prepare(
      `INSERT INTO units (name, kind_id, region_id, parent_id, party_org_type, established_on, status, status_changed_on, created_at, updated_at)
       VALUES (@name, @kind, @region, @parent, @org, @established, @status, @changed, @at, @at)`,
    );
    const units: { id: number; kind: number; region: number | null; abolishedOn: string | null; establishedOn: string | null }[] = [];
    const townshipsByRegion = new Map<number, number[]>();
    let serial = 0;
    for (const [kind, share, cityLevel] of KIND_MIX) {
      const count = kind === KIND_MIX[KIND_MIX.length - 1]![0] ? options.units - units.length : Math.round(options.units * share);
      for (let i = 0; i < count; i += 1) {
        serial += 1;
        const region = cityLevel ? null : pick(regions);
        const parent = kind === 4 && region !== null ? (pick(townshipsByRegion.get(region) ?? [0]) || null) : null;
        const roll = random();
        const abolishedOn = roll < 0.03 ? addDays(TERM.startsOn, 60 + Math.floor(random() * 1700)) : null;
        const establishedOn = roll > 0.95 ? addDays(TERM.startsOn, 30 + Math.floor(random() * 1500)) : null;
        const id = Number(
          insertUnit.run({
            name: `${['', '市直单位', '市属企业', '乡镇', '村', '派出所', '国土所', '法院'][kind]}${String(serial).padStart(5, '0')}`,
            kind,
            region,
            parent,
            org: kind === 4 ? '党支部' : '党组',
            established: establishedOn,
            status: abolishedOn ? 'abolished' : 'active',
            changed: abolishedOn,
            at,
          }).lastInsertRowid,
        );
        if (kind === 3 && region !== null) townshipsByRegion.set(region, [...(townshipsByRegion.get(region) ?? []), id]);
        units.push({ id, kind, region, abolishedOn, establishedOn });
      }
    }

    // People.
    const insertPerson = db.prepare(
      `INSERT INTO people (name, unit_id, unit_text, position, rank, region_id, created_at, updated_at) VALUES (?, ?, ?, '干部', '正科级', ?, ?, ?)`,
    );
    const cityUnits = units.filter((u) => u.kind === 1);
    const people: number[] = [];
    for (let i = 0; i < 1200; i += 1) {
      const unit = random() < 0.7 ? pick(cityUnits) : null;
      people.push(Number(insertPerson.run(`巡察干部${i + 1}`, unit?.id ?? null, unit ? '' : '旗县区委巡察办', unit ? null : pick(regions), at, at).lastInsertRowid));
    }

    // The term, its rounds, groups, members, inspections, stages and ticks.
    const termId = Number(db.prepare('INSERT INTO terms (name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?)').run(TERM.name, TERM.startsOn, TERM.endsOn, at).lastInsertRowid);
    const insertRound = db.prepare(
      `INSERT INTO rounds (term_id, number, year, title, planned_start, planned_end, actual_start, actual_end, people_drawn, stage, created_at, updated_at)
       VALUES (@termId, @number, @year, '', @start, @end, @start, @end, @people, @stage, @at, @at)`,
    );
    const insertStage = db.prepare('INSERT INTO round_stages (round_id, stage, began_on) VALUES (?, ?, ?)');
    const insertGroup = db.prepare('INSERT INTO inspection_groups (round_id, number, created_at) VALUES (?, ?, ?)');
    const insertMember = db.prepare("INSERT INTO group_members (group_id, person_id, role) VALUES (?, ?, ?)");
    const insertInspection = db.prepare(
      `INSERT INTO inspections (round_id, group_id, unit_id, mode, topic_id, follows_inspection_id, linkage, starts_on, ends_on, note, created_at, updated_at)
       VALUES (@round, @group, @unit, @mode, @topic, @follows, @linkage, @start, @end, '', @at, @at)`,
    );
    const insertTick = db.prepare('INSERT INTO round_step_ticks (round_id, step_id, done_by, done_at) VALUES (?, ?, 1, ?)');
    const steps = db.prepare('SELECT id, stage FROM procedure_steps').all() as { id: number; stage: string }[];
    const stages = ['plan', 'mobilise', 'onSite', 'report', 'feedback', 'handover', 'rectification', 'filed'];

    const lastInspection = new Map<number, number>();
    const covered = new Set<number>();
    for (let r = 0; r < options.rounds; r += 1) {
      const start = addDays('2017-01-09', Math.floor((r * (1700 - 60)) / options.rounds));
      const end = addDays(start, 54);
      const stage = r >= options.rounds - 2 ? stages[4 + (options.rounds - 1 - r)]! : 'filed';
      const roundId = Number(
        insertRound.run({ termId, number: r + 1, year: Number(start.slice(0, 4)), start, end, people: 0, stage, at }).lastInsertRowid,
      );
      roundIds.push(roundId);
      stages.slice(0, stages.indexOf(stage) + 1).forEach((s, i) => insertStage.run(roundId, s, addDays(start, i * 12 - 7)));
      for (const step of steps) if (stages.indexOf(step.stage) < stages.indexOf(stage)) insertTick.run(roundId, step.id, at);

      const shuffledPeople = [...people].sort(() => random() - 0.5);
      const groupIds: number[] = [];
      let drawn = 0;
      for (let g = 0; g < groupsPerRound; g += 1) {
        const groupId = Number(insertGroup.run(roundId, g + 1, at).lastInsertRowid);
        groupIds.push(groupId);
        const size = 8 + Math.floor(random() * 9);
        for (let m = 0; m < size; m += 1) insertMember.run(groupId, shuffledPeople[drawn++]!, m === 0 ? 'leader' : m === 1 ? 'deputy' : 'member');
        memberCount += size;
      }
      db.prepare('UPDATE rounds SET people_drawn = ? WHERE id = ?').run(drawn, roundId);

      const alive = units.filter((u) => (!u.abolishedOn || u.abolishedOn > start) && (!u.establishedOn || u.establishedOn < start));
      const fresh = alive.filter((u) => !covered.has(u.id));
      const followable = alive.filter((u) => lastInspection.has(u.id));
      const again = alive.filter((u) => covered.has(u.id));
      const inRound = new Set<number>();
      for (let k = 0; k < options.perRound; k += 1) {
        let roll = random();
        let mode = MODE_MIX[MODE_MIX.length - 1]![0];
        for (const [m, share] of MODE_MIX) {
          if (roll < share) {
            mode = m;
            break;
          }
          roll -= share;
        }
        if (mode === 'lookback' && followable.length === 0) mode = 'routine';
        let unit: (typeof units)[number];
        let attempts = 0;
        do {
          if (++attempts > 20) mode = 'routine';
          if (mode === 'lookback') unit = pick(followable);
          // Half the time a unit new to the term, else one inspected before (or any, early on).
          else unit = random() < 0.5 && fresh.length > 0 ? pick(fresh) : pick(again.length > 100 ? again : alive);
        } while (inRound.has(unit.id));
        inRound.add(unit.id);
        const id = Number(
          insertInspection.run({
            round: roundId,
            group: groupIds[k % groupsPerRound]!,
            unit: unit.id,
            mode,
            topic: mode === 'special' ? 1 + Math.floor(random() * 3) : null,
            follows: mode === 'lookback' ? lastInspection.get(unit.id)! : null,
            linkage: random() < 0.1 ? 1 : 0,
            start,
            end,
            at,
          }).lastInsertRowid,
        );
        inspectionCount += 1;
        if (mode !== 'lookback') {
          lastInspection.set(unit.id, id);
          covered.add(unit.id);
        }
      }
    }
  })();

  const termId = (db.prepare('SELECT id FROM terms').get() as { id: number }).id;
  return {
    db,
    termId,
    termName: TERM.name,
    roundIds,
    pageRoundId: roundIds[Math.floor(roundIds.length * 0.7)]!,
    units: options.units,
    inspections: inspectionCount,
    members: memberCount,
    perRound: options.perRound,
    groupsPerRound,
  };
}

export function openFixture(ctx: BenchContext, label: string): RoundsFixture {
  const db = openEncryptedDatabase(join(ctx.dir(label), 'vault.db'), randomBytes(32), { create: true });
  applyMigrations(db, migrations);
  return ctx.quick
    ? buildRoundsFixture(db, { units: 1_000, rounds: 8, perRound: 100 })
    : buildRoundsFixture(db, { units: 5_000, rounds: 20, perRound: 250 });
}

// ---- the coverage page ------------------------------------------------------------------------

const TODAY = '2021-10-08';

/** What the coverage page loads: the term's coverage, the first page of the matrix, the 回头看 candidates. */
export function coveragePageData(db: Db, termId: number) {
  return {
    coverage: coverage(db, termId),
    matrix: coverageMatrix(db, { termId, coverage: 'all', page: 1, pageSize: 50 }),
    candidates: lookbackCandidates(db, termId, TODAY),
  };
}

interface UnitRow {
  id: number;
  name: string;
  kind_id: number;
  kind_sort: number;
  kind_name: string;
  region_id: number | null;
  region_sort: number | null;
  region_name: string | null;
  status: string;
  established_on: string | null;
  status_changed_on: string | null;
}
interface InspectionRow {
  id: number;
  unit_id: number;
  round_id: number;
  round_number: number;
  mode: string;
  follows_inspection_id: number | null;
  ended_on: string | null;
}

/** Baseline, step 1: every unit, every round and inspection of the term, the followed ids. */
function naiveLoad(db: Db, termId: number) {
  const term = db.prepare('SELECT id, starts_on, ends_on FROM terms WHERE id = ?').get(termId) as { starts_on: string; ends_on: string | null };
  const units = db
    .prepare(
      `SELECT u.id, u.name, u.kind_id, k.sort_order AS kind_sort, k.name AS kind_name, u.region_id, rg.sort_order AS region_sort, rg.name AS region_name,
         u.status, u.established_on, u.status_changed_on
       FROM units u JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions rg ON rg.id = u.region_id`,
    )
    .all() as UnitRow[];
  const rounds = db.prepare('SELECT id, number FROM rounds WHERE term_id = ? ORDER BY number').all(termId) as { id: number; number: number }[];
  const inspections = db
    .prepare(
      `SELECT i.id, i.unit_id, i.round_id, r.number AS round_number, i.mode, i.follows_inspection_id,
         coalesce(i.ends_on, r.actual_end, r.planned_end) AS ended_on
       FROM inspections i JOIN rounds r ON r.id = i.round_id WHERE r.term_id = ?`,
    )
    .all(termId) as InspectionRow[];
  const followed = new Set((db.prepare('SELECT follows_inspection_id AS id FROM inspections WHERE follows_inspection_id IS NOT NULL').all() as { id: number }[]).map((r) => r.id));
  const covered = new Set(inspections.filter((i) => i.mode !== 'lookback').map((i) => i.unit_id));
  const termEnd = term.ends_on ?? '9999-12-31';
  const counted = units.filter((u) => {
    if (u.established_on !== null && u.established_on > termEnd) return false;
    if (u.status !== 'active' && u.status_changed_on !== null && u.status_changed_on < term.starts_on) return false;
    return u.status === 'active' || covered.has(u.id) || u.status_changed_on === null;
  });
  return { units, rounds, inspections, followed, covered, counted };
}
type Loaded = ReturnType<typeof naiveLoad>;

/** Baseline coverage: totals and shares by kind, region and mode, in loops. */
function naiveCoverage({ inspections, covered, counted }: Loaded) {
  const byKind = new Map<string, { total: number; covered: number }>();
  const byRegion = new Map<string, { total: number; covered: number }>();
  for (const u of counted) {
    for (const [map, key] of [
      [byKind, u.kind_name],
      [byRegion, u.region_name ?? '市本级'],
    ] as const) {
      const share = map.get(key) ?? { total: 0, covered: 0 };
      share.total += 1;
      if (covered.has(u.id)) share.covered += 1;
      map.set(key, share);
    }
  }
  const byMode = new Map<string, { inspections: number; units: Set<number> }>();
  for (const i of inspections) {
    const m = byMode.get(i.mode) ?? { inspections: 0, units: new Set<number>() };
    m.inspections += 1;
    m.units.add(i.unit_id);
    byMode.set(i.mode, m);
  }
  return { total: counted.length, covered: counted.filter((u) => covered.has(u.id)).length, byKind, byRegion, byMode };
}

/** Baseline matrix: the first 50 due units in the page's order, a cell per round. */
function naiveMatrix({ rounds, inspections, counted }: Loaded) {
  const byUnit = new Map<number, InspectionRow[]>();
  for (const i of inspections) byUnit.set(i.unit_id, [...(byUnit.get(i.unit_id) ?? []), i]);
  const page = [...counted]
    .sort((a, b) => a.kind_sort - b.kind_sort || (a.region_sort ?? 0) - (b.region_sort ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 50);
  const roundIndex = new Map(rounds.map((r, i) => [r.id, i]));
  const rows = page.map((u) => {
    const cells: (string | null)[] = rounds.map(() => null);
    for (const i of byUnit.get(u.id) ?? []) cells[roundIndex.get(i.round_id)!] = i.mode;
    return { unitId: u.id, cells };
  });
  return { rows, total: counted.length };
}

/** Baseline 回头看 candidates: each active unit's latest covering inspection not yet followed, oldest first. */
function naiveCandidates({ units, inspections, followed }: Loaded) {
  const latest = new Map<number, InspectionRow>();
  for (const i of inspections) {
    if (i.mode === 'lookback') continue;
    const before = latest.get(i.unit_id);
    if (!before || before.round_number < i.round_number) latest.set(i.unit_id, i);
  }
  const unitById = new Map(units.map((u) => [u.id, u]));
  const name = (i: InspectionRow) => unitById.get(i.unit_id)!.name;
  return [...latest.values()]
    .filter((i) => unitById.get(i.unit_id)!.status === 'active' && !followed.has(i.id))
    .sort((a, b) => {
      if (a.ended_on !== b.ended_on) {
        if (a.ended_on === null) return 1;
        if (b.ended_on === null) return -1;
        return a.ended_on < b.ended_on ? -1 : 1;
      }
      return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
    })
    .slice(0, 500);
}

/**
 * Baseline: the same page computed the obvious way: every unit and every inspection of the
 * term loaded into JS, then coverage, the matrix page and the candidates worked out in loops
 * with Maps and Sets.
 */
export function naiveCoveragePage(db: Db, termId: number) {
  const loaded = naiveLoad(db, termId);
  return { coverage: naiveCoverage(loaded), matrix: naiveMatrix(loaded), candidates: naiveCandidates(loaded) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The coverage page's data through the core's own service functions (coverage, coverageMatrix,
 * lookbackCandidates: the SQL the app runs, on a vault whose planner has no ANALYZE statistics,
 * as the app's vaults have none) against the naive all-in-JS baseline. Target: ≤ 50 ms for the
 * three together. Each part is also reported against the baseline's load plus that part.
 */
export const coveragePage: BenchCase = {
  name: 'coverage page',
  description: 'coverage.get + coverage.matrix page 1 + coverage.lookbackCandidates (core services, SQLCipher) vs loading all units and inspections into JS',
  async run(ctx) {
    const fixture = openFixture(ctx, 'coverage');
    const { db, termId } = fixture;
    const matrixInput = { termId, coverage: 'all' as const, page: 1, pageSize: 50 };
    try {
      // Both ways must agree before either is timed.
      const core = coveragePageData(db, termId);
      const naive = naiveCoveragePage(db, termId);
      const same =
        core.coverage.total === naive.coverage.total &&
        core.coverage.covered === naive.coverage.covered &&
        core.matrix.total === naive.matrix.total &&
        JSON.stringify(core.matrix.rows.map((r) => [r.unitId, r.cells])) === JSON.stringify(naive.matrix.rows.map((r) => [r.unitId, r.cells])) &&
        JSON.stringify(core.candidates.map((c) => c.inspectionId)) === JSON.stringify(naive.candidates.map((c) => c.id));
      if (!same) throw new Error('the baseline does not compute the same page as the core');
      ctx.log(
        `  ${fixture.units.toLocaleString('en')} units, ${fixture.roundIds.length} rounds, ${fixture.inspections.toLocaleString('en')} inspections; coverage ${core.coverage.covered}/${core.coverage.total} (${Math.round((core.coverage.covered / core.coverage.total) * 100)}%), ${core.candidates.length} 回头看 candidates`,
      );

      const runs = ctx.quick ? 3 : 15;
      const work = `${fixture.units.toLocaleString('en')} units × ${fixture.roundIds.length} rounds, ${fixture.inspections.toLocaleString('en')} inspections`;
      const parts = { coverage: [] as number[], matrix: [] as number[], candidates: [] as number[] };
      const baseParts = { coverage: [] as number[], matrix: [] as number[], candidates: [] as number[] };
      const whole = await compare({
        name: 'coverage page data',
        runs,
        work,
        expected: '≤ 50 ms',
        subject: () => {
          const t0 = performance.now();
          coverage(db, termId);
          const t1 = performance.now();
          coverageMatrix(db, matrixInput);
          const t2 = performance.now();
          lookbackCandidates(db, termId, TODAY);
          const t3 = performance.now();
          parts.coverage.push(t1 - t0);
          parts.matrix.push(t2 - t1);
          parts.candidates.push(t3 - t2);
          return t3 - t0;
        },
        baselineName: 'all rows into JS, loops',
        baseline: () => {
          const t0 = performance.now();
          const loaded = naiveLoad(db, termId);
          const t1 = performance.now();
          naiveCoverage(loaded);
          const t2 = performance.now();
          naiveMatrix(loaded);
          const t3 = performance.now();
          naiveCandidates(loaded);
          const t4 = performance.now();
          baseParts.coverage.push(t1 - t0 + (t2 - t1));
          baseParts.matrix.push(t1 - t0 + (t3 - t2));
          baseParts.candidates.push(t1 - t0 + (t4 - t3));
          return t4 - t0;
        },
      });
      const baseline = 'rows into JS + that part';
      const figures = [
        whole,
        figure('  · coverage.get', parts.coverage, baseline, baseParts.coverage, { work }),
        figure('  · coverage.matrix page 1', parts.matrix, baseline, baseParts.matrix, { work: `${work}, 50 rows` }),
        figure('  · lookbackCandidates', parts.candidates, baseline, baseParts.candidates, { work }),
      ];
      ctx.log(`  parts (median ms): coverage.get ${median(parts.coverage).toFixed(1)} · matrix page ${median(parts.matrix).toFixed(1)} · lookback candidates ${median(parts.candidates).toFixed(1)}`);
      return figures;
    } finally {
      db.close();
    }
  },
};
