import type { ChannelInput, ChannelOutput, Coverage, Dashboard } from '../../../shared/contract';
import { inspectionModes, type InspectionMode } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import { localDate, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

interface TermRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string | null;
}

/**
 * Which units a term's full coverage (全覆盖) is measured against, as SQL over `units u`:
 *  - a unit established after the term ended is not due in this term;
 *  - a unit merged or abolished before the term began is not due;
 *  - a unit merged or abolished during the term counts if it was inspected first (it was
 *    covered), and drops out if it was not (there is nothing left to inspect).
 * "Inspected" means any inspection in one of the term's rounds except a 回头看, which follows
 * up an earlier inspection rather than covering the unit.
 */
const COVERAGE_CTE = `
  WITH covered AS (
    SELECT DISTINCT i.unit_id FROM inspections i JOIN rounds r ON r.id = i.round_id
    WHERE r.term_id = @termId AND i.mode <> 'lookback'
  ),
  due AS (
    -- IN rather than a LEFT JOIN: without statistics the planner scanned \`covered\` once per unit.
    SELECT u.id, u.kind_id, u.region_id, u.status, u.established_on, u.status_changed_on,
      (u.id IN (SELECT unit_id FROM covered)) AS is_covered
    FROM units u
    WHERE (u.established_on IS NULL OR u.established_on <= @termEnd)
      AND NOT (u.status <> 'active' AND u.status_changed_on IS NOT NULL AND u.status_changed_on < @termStart)
  ),
  counted AS (
    SELECT * FROM due WHERE status = 'active' OR is_covered OR status_changed_on IS NULL
  )`;

function term(db: Db, termId: number): TermRow {
  const row = db.prepare('SELECT id, name, starts_on, ends_on FROM terms WHERE id = ?').get(termId) as TermRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '届次不存在');
  return row;
}

function termParams(row: TermRow) {
  return { termId: row.id, termStart: row.starts_on, termEnd: row.ends_on ?? '9999-12-31' };
}

export function coverage(db: Db, termId: number): Coverage {
  const row = term(db, termId);
  const params = termParams(row);
  const totals = db
    .prepare(
      `${COVERAGE_CTE}
       SELECT
         (SELECT count(*) FROM counted) AS total,
         (SELECT count(*) FROM counted WHERE is_covered) AS covered,
         (SELECT count(*) FROM counted WHERE established_on > @termStart) AS new_units,
         (SELECT count(*) FROM due WHERE status <> 'active' AND NOT is_covered AND status_changed_on IS NOT NULL) AS retired_uncovered`,
    )
    .get(params) as { total: number; covered: number; new_units: number; retired_uncovered: number };

  const byKind = db
    .prepare(
      `${COVERAGE_CTE}
       SELECT k.id AS key, k.name AS label, count(c.id) AS total, coalesce(sum(c.is_covered), 0) AS covered
       FROM unit_kinds k LEFT JOIN counted c ON c.kind_id = k.id
       GROUP BY k.id ORDER BY k.sort_order, k.id`,
    )
    .all(params) as { key: number; label: string; total: number; covered: number }[];

  const byRegion = db
    .prepare(
      `${COVERAGE_CTE}
       SELECT coalesce(c.region_id, 0) AS key, coalesce(rg.name, '市本级') AS label, count(*) AS total, sum(c.is_covered) AS covered
       FROM counted c LEFT JOIN regions rg ON rg.id = c.region_id
       GROUP BY coalesce(c.region_id, 0) ORDER BY coalesce(rg.sort_order, 0)`,
    )
    .all(params) as { key: number; label: string; total: number; covered: number }[];

  const modes = db
    .prepare(
      `SELECT i.mode, count(*) AS inspections, count(DISTINCT i.unit_id) AS units
       FROM inspections i JOIN rounds r ON r.id = i.round_id WHERE r.term_id = ? GROUP BY i.mode`,
    )
    .all(termId) as { mode: InspectionMode; inspections: number; units: number }[];
  const modeMap = new Map(modes.map((m) => [m.mode, m]));

  return {
    termId: row.id,
    termName: row.name,
    total: totals.total,
    covered: totals.covered,
    newUnits: totals.new_units,
    retiredUncovered: totals.retired_uncovered,
    byKind: byKind.map((k) => ({ ...k, key: String(k.key) })),
    byRegion: byRegion.map((r) => ({ ...r, key: String(r.key) })),
    byMode: inspectionModes.map((mode) => ({ mode, inspections: modeMap.get(mode)?.inspections ?? 0, units: modeMap.get(mode)?.units ?? 0 })),
  };
}

/** The units × rounds matrix of a term, one page of units at a time. */
export function coverageMatrix(db: Db, input: ChannelInput<'coverage.matrix'> & { page: number; pageSize: number }): ChannelOutput<'coverage.matrix'> {
  const row = term(db, input.termId);
  const params: Record<string, unknown> = { ...termParams(row) };
  const where: string[] = [];
  if (input.kindId !== undefined) {
    where.push('u.kind_id = @kindId');
    params.kindId = input.kindId;
  }
  if (input.regionId !== undefined) {
    where.push('coalesce(u.region_id, 0) = @regionId');
    params.regionId = input.regionId;
  }
  if (input.text) {
    where.push("u.name LIKE @text ESCAPE '\\'");
    params.text = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (input.coverage === 'covered') where.push('c.is_covered');
  if (input.coverage === 'uncovered') where.push('NOT c.is_covered');
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `${COVERAGE_CTE} SELECT %COLUMNS% FROM counted c JOIN units u ON u.id = c.id JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions rg ON rg.id = u.region_id ${filter}`;
  const total = (db.prepare(from.replace('%COLUMNS%', 'count(*) AS n')).get(params) as { n: number }).n;
  const units = db
    .prepare(`${from.replace('%COLUMNS%', 'u.id, u.name, k.name AS kind_name, rg.name AS region_name, u.status')} ORDER BY k.sort_order, coalesce(rg.sort_order, 0), u.name LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as {
    id: number;
    name: string;
    kind_name: string;
    region_name: string | null;
    status: string;
  }[];
  const rounds = db.prepare('SELECT id, number FROM rounds WHERE term_id = ? ORDER BY number').all(row.id) as { id: number; number: number }[];
  const roundIndex = new Map(rounds.map((r, i) => [r.id, i]));
  const cells = new Map<number, (InspectionMode | null)[]>(units.map((u) => [u.id, rounds.map(() => null)]));
  if (units.length > 0) {
    const found = db
      .prepare(
        `SELECT i.unit_id, i.round_id, i.mode FROM inspections i JOIN rounds r ON r.id = i.round_id
         WHERE r.term_id = ? AND i.unit_id IN (${units.map(() => '?').join(',')})`,
      )
      .all(row.id, ...units.map((u) => u.id)) as { unit_id: number; round_id: number; mode: InspectionMode }[];
    for (const f of found) cells.get(f.unit_id)![roundIndex.get(f.round_id)!] = f.mode;
  }
  return {
    rounds: rounds.map((r) => ({ id: r.id, number: r.number, label: roundLabel(row.name, r.number) })),
    rows: units.map((u) => ({ unitId: u.id, unitName: u.name, kindName: u.kind_name, regionName: u.region_name, status: u.status, cells: cells.get(u.id)! })),
    total,
  };
}

/**
 * 回头看 candidates: units inspected earlier in the term and not yet followed up. Units whose
 * rectification ledger still has overdue items come first (the most such items first), then units with
 * items not yet closed, then the rest; within each, oldest first. The counts are lookups on
 * the ledger's (inspection_id, status) index.
 */
export function lookbackCandidates(db: Db, termId: number, today: string): ChannelOutput<'coverage.lookbackCandidates'> {
  const row = term(db, termId);
  const rows = db
    .prepare(
      `SELECT u.id AS unit_id, u.name AS unit_name, k.name AS kind_name, i.id AS inspection_id, r.number AS round_number,
         coalesce(i.ends_on, r.actual_end, r.planned_end) AS ended_on,
         (SELECT count(*) FROM rectification_items ri WHERE ri.inspection_id = i.id AND ri.status <> 'closed') AS open_items,
         (SELECT count(*) FROM rectification_items ri WHERE ri.inspection_id = i.id AND ri.status <> 'closed' AND ri.deadline < @today) AS overdue_items
       FROM inspections i
       JOIN rounds r ON r.id = i.round_id
       JOIN units u ON u.id = i.unit_id
       JOIN unit_kinds k ON k.id = u.kind_id
       WHERE r.term_id = @termId AND i.mode <> 'lookback' AND u.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM inspections f WHERE f.follows_inspection_id = i.id)
         AND i.id = (SELECT i2.id FROM inspections i2 JOIN rounds r2 ON r2.id = i2.round_id
                     WHERE i2.unit_id = i.unit_id AND r2.term_id = @termId AND i2.mode <> 'lookback'
                     ORDER BY r2.number DESC LIMIT 1)
       ORDER BY overdue_items DESC, open_items DESC, ended_on IS NULL, ended_on, u.name
       LIMIT 500`,
    )
    .all({ termId, today }) as {
    unit_id: number;
    unit_name: string;
    kind_name: string;
    inspection_id: number;
    round_number: number;
    ended_on: string | null;
    open_items: number;
    overdue_items: number;
  }[];
  return rows.map((r) => {
    const ageDays = r.ended_on ? Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.ended_on}T00:00:00Z`)) / 86_400_000) : null;
    return {
      unitId: r.unit_id,
      unitName: r.unit_name,
      kindName: r.kind_name,
      inspectionId: r.inspection_id,
      roundLabel: roundLabel(row.name, r.round_number),
      endedOn: r.ended_on,
      ageDays,
      openRectificationItems: r.open_items,
      overdueRectificationItems: r.overdue_items,
      reason:
        r.overdue_items > 0
          ? ('overdueRectification' as const)
          : r.open_items > 0
            ? ('openRectification' as const)
            : ageDays === null
              ? ('notEnded' as const)
              : ('notFollowedUp' as const),
    };
  });
}

export function dashboard(db: Db, year: number): Dashboard {
  const totals = db
    .prepare(
      `SELECT count(*) AS rounds, coalesce(sum(people_drawn), 0) AS people,
         (SELECT count(*) FROM inspection_groups g JOIN rounds r2 ON r2.id = g.round_id WHERE r2.year = @year) AS groups,
         (SELECT count(*) FROM inspections i JOIN rounds r3 ON r3.id = i.round_id WHERE r3.year = @year) AS inspections
       FROM rounds WHERE year = @year`,
    )
    .get({ year }) as { rounds: number; people: number; groups: number; inspections: number };
  const byMode = db
    .prepare('SELECT i.mode, count(*) AS count FROM inspections i JOIN rounds r ON r.id = i.round_id WHERE r.year = ? GROUP BY i.mode')
    .all(year) as { mode: InspectionMode; count: number }[];
  const modeMap = new Map(byMode.map((m) => [m.mode, m.count]));
  const byRegion = db
    .prepare(
      `SELECT coalesce(rg.name, '市本级') AS label, count(*) AS count
       FROM inspections i JOIN rounds r ON r.id = i.round_id JOIN units u ON u.id = i.unit_id LEFT JOIN regions rg ON rg.id = u.region_id
       WHERE r.year = ? GROUP BY coalesce(u.region_id, 0) ORDER BY coalesce(rg.sort_order, 0)`,
    )
    .all(year) as { label: string; count: number }[];
  const currentTerm = db
    .prepare(
      `SELECT id FROM terms WHERE substr(starts_on, 1, 4) <= @y AND (ends_on IS NULL OR substr(ends_on, 1, 4) >= @y)
       ORDER BY starts_on DESC LIMIT 1`,
    )
    .get({ y: String(year) }) as { id: number } | undefined;
  return {
    year,
    rounds: totals.rounds,
    groups: totals.groups,
    peopleDrawn: totals.people,
    inspections: totals.inspections,
    byMode: inspectionModes.map((mode) => ({ mode, count: modeMap.get(mode) ?? 0 })),
    byRegion,
    coverage: currentTerm ? coverage(db, currentTerm.id) : null,
  };
}

export function coverageToday(ctx: CoreContext): string {
  return localDate(ctx.now());
}
