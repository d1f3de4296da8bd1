import type { RoundSummary, Term } from '../../../shared/contract';
import { roundStages, type RoundStage } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

interface RoundRow {
  id: number;
  term_id: number;
  term_name: string;
  number: number;
  year: number;
  title: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  people_drawn: number;
  stage: RoundStage;
  group_count: number;
  inspection_count: number;
}

export interface RoundFields {
  termId: number;
  number: number;
  year: number;
  title: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  peopleDrawn: number;
}

const ROUND_SELECT = `
  SELECT r.*, t.name AS term_name,
    (SELECT count(*) FROM inspection_groups g WHERE g.round_id = r.id) AS group_count,
    (SELECT count(*) FROM inspections i WHERE i.round_id = r.id) AS inspection_count
  FROM rounds r JOIN terms t ON t.id = r.term_id`;

/** Inclusive days between two calendar dates (进驻 8月3日 to 撤离 9月26日 is 55 days). */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return days >= 0 ? days + 1 : null;
}

function toSummary(row: RoundRow): RoundSummary {
  return {
    id: row.id,
    termId: row.term_id,
    termName: row.term_name,
    number: row.number,
    label: roundLabel(row.term_name, row.number),
    year: row.year,
    title: row.title,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    daysOnSite: daysBetween(row.actual_start, row.actual_end),
    peopleDrawn: row.people_drawn,
    stage: row.stage,
    groupCount: row.group_count,
    inspectionCount: row.inspection_count,
  };
}

export class TermsStore {
  constructor(private readonly db: Db) {}

  list(): Term[] {
    const rows = this.db
      .prepare(
        `SELECT t.*, (SELECT count(*) FROM rounds r WHERE r.term_id = t.id) AS round_count
         FROM terms t ORDER BY t.starts_on DESC`,
      )
      .all() as { id: number; name: string; starts_on: string; ends_on: string | null; round_count: number }[];
    return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, roundCount: r.round_count }));
  }

  byId(id: number): Term | null {
    return this.list().find((t) => t.id === id) ?? null;
  }

  byName(name: string): Term | null {
    return this.list().find((t) => t.name === name) ?? null;
  }

  insert(input: { name: string; startsOn: string; endsOn: string | null }, at: string): number {
    return Number(
      this.db.prepare('INSERT INTO terms (name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?)').run(input.name, input.startsOn, input.endsOn, at)
        .lastInsertRowid,
    );
  }

  update(id: number, input: { name: string; startsOn: string; endsOn: string | null }): void {
    this.db.prepare('UPDATE terms SET name = ?, starts_on = ?, ends_on = ? WHERE id = ?').run(input.name, input.startsOn, input.endsOn, id);
  }
}

export class RoundsStore {
  constructor(private readonly db: Db) {}

  list(filter: { termId?: number | undefined; year?: number | undefined } = {}): RoundSummary[] {
    const where: string[] = [];
    const params: Record<string, number> = {};
    if (filter.termId !== undefined) {
      where.push('r.term_id = @termId');
      params.termId = filter.termId;
    }
    if (filter.year !== undefined) {
      where.push('r.year = @year');
      params.year = filter.year;
    }
    const sql = `${ROUND_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.starts_on DESC, r.number DESC`;
    return (this.db.prepare(sql).all(params) as RoundRow[]).map(toSummary);
  }

  byId(id: number): RoundSummary | null {
    const row = this.db.prepare(`${ROUND_SELECT} WHERE r.id = ?`).get(id) as RoundRow | undefined;
    return row ? toSummary(row) : null;
  }

  insert(fields: RoundFields, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO rounds (term_id, number, year, title, planned_start, planned_end, actual_start, actual_end, people_drawn, stage, created_at, updated_at)
           VALUES (@termId, @number, @year, @title, @plannedStart, @plannedEnd, @actualStart, @actualEnd, @peopleDrawn, 'plan', @at, @at)`,
        )
        .run({ ...fields, at }).lastInsertRowid,
    );
  }

  update(id: number, fields: RoundFields, at: string): void {
    this.db
      .prepare(
        `UPDATE rounds SET term_id = @termId, number = @number, year = @year, title = @title, planned_start = @plannedStart,
           planned_end = @plannedEnd, actual_start = @actualStart, actual_end = @actualEnd, people_drawn = @peopleDrawn, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...fields, id, at });
  }

  setStage(id: number, stage: RoundStage, at: string): void {
    this.db.prepare('UPDATE rounds SET stage = ?, updated_at = ? WHERE id = ?').run(stage, at, id);
  }

  recordStageBegan(roundId: number, stage: RoundStage, on: string): void {
    this.db
      .prepare('INSERT INTO round_stages (round_id, stage, began_on) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET began_on = excluded.began_on')
      .run(roundId, stage, on);
  }

  recordSkippedSteps(roundId: number, stage: RoundStage, reason: string, on: string): void {
    this.db
      .prepare(
        `INSERT INTO round_stages (round_id, stage, began_on, skipped_steps_reason) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET skipped_steps_reason = excluded.skipped_steps_reason`,
      )
      .run(roundId, stage, on, reason);
  }

  stageRows(roundId: number): { stage: RoundStage; began_on: string; skipped_steps_reason: string | null }[] {
    return this.db.prepare('SELECT stage, began_on, skipped_steps_reason FROM round_stages WHERE round_id = ?').all(roundId) as never;
  }
}

export function nextStage(stage: RoundStage): RoundStage | null {
  const index = roundStages.indexOf(stage);
  return roundStages[index + 1] ?? null;
}
