import type { CommonList, CommonListStatus, CommonProblem, SelfCheck } from '../../../shared/contract';
import type { Focus } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

/** Evidence of a self-check: stored files with this owner type and the self-check's id. */
export const SELF_CHECK_OWNER = 'commonSelfCheck';

interface ListRow {
  id: number;
  title: string;
  note: string;
  status: CommonListStatus;
  issued_on: string | null;
  deadline: string | null;
  term_id: number | null;
  term_name: string | null;
  items: number;
  units: number;
  checks: number;
  created_at: string;
}

const LIST_SELECT = `
  SELECT l.id, l.title, l.note, l.status, l.issued_on, l.deadline, l.term_id, t.name AS term_name, l.created_at,
    (SELECT count(*) FROM common_problems p WHERE p.list_id = l.id) AS items,
    (SELECT count(*) FROM common_list_units u WHERE u.list_id = l.id) AS units,
    (SELECT coalesce(sum(s.checked), 0) FROM common_scorecard s WHERE s.list_id = l.id) AS checks
  FROM common_problem_lists l LEFT JOIN terms t ON t.id = l.term_id`;

const toList = (row: ListRow): CommonList => ({
  id: row.id,
  title: row.title,
  note: row.note,
  status: row.status,
  issuedOn: row.issued_on,
  deadline: row.deadline,
  termId: row.term_id,
  termName: row.term_name,
  items: row.items,
  units: row.units,
  checks: row.checks,
  createdAt: row.created_at,
});

interface ItemRow {
  id: number;
  list_id: number;
  sequence: number;
  focus: Focus;
  wording: string;
  category_id: number | null;
  category_name: string | null;
}

interface SourceRow {
  common_problem_id: number;
  problem_id: number | null;
  round_id: number | null;
  round_label: string;
  unit_name: string;
  description: string;
}

export interface SelfCheckRecord {
  id: number;
  commonProblemId: number;
  unitId: number;
  found: boolean;
  measures: string;
  fixedOn: string | null;
  onTime: boolean;
  note: string;
}

/** The rows of common problem lists, their items and links, and the units' self-checks. */
export class CommonStore {
  constructor(private readonly db: Db) {}

  lists(): CommonList[] {
    return (this.db.prepare(`${LIST_SELECT} ORDER BY l.id DESC`).all() as ListRow[]).map(toList);
  }

  list(id: number): CommonList | null {
    const row = this.db.prepare(`${LIST_SELECT} WHERE l.id = ?`).get(id) as ListRow | undefined;
    return row ? toList(row) : null;
  }

  insertList(title: string, note: string, by: number, at: string): number {
    return Number(this.db.prepare('INSERT INTO common_problem_lists (title, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(title, note, by, at, at).lastInsertRowid);
  }

  updateList(id: number, title: string, note: string, at: string): void {
    this.db.prepare('UPDATE common_problem_lists SET title = ?, note = ?, updated_at = ? WHERE id = ?').run(title, note, at, id);
  }

  issue(id: number, fields: { issuedOn: string; deadline: string; termId: number | null; by: number; at: string }, unitIds: readonly number[]): void {
    this.db
      .prepare("UPDATE common_problem_lists SET status = 'issued', issued_on = ?, deadline = ?, term_id = ?, issued_by = ?, updated_at = ? WHERE id = ?")
      .run(fields.issuedOn, fields.deadline, fields.termId, fields.by, fields.at, id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO common_list_units (list_id, unit_id) VALUES (?, ?)');
    for (const unitId of unitIds) insert.run(id, unitId);
  }

  /** The term whose period holds the date (the newest, if terms overlap). */
  termOn(date: string): number | null {
    const row = this.db.prepare('SELECT id FROM terms WHERE starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?) ORDER BY starts_on DESC LIMIT 1').get(date, date) as { id: number } | undefined;
    return row?.id ?? null;
  }

  items(listId: number, limit: number, offset: number): CommonProblem[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.list_id, p.sequence, p.focus, p.wording, p.category_id, c.name AS category_name
         FROM common_problems p LEFT JOIN problem_categories c ON c.id = p.category_id
         WHERE p.list_id = ? ORDER BY p.sequence LIMIT ? OFFSET ?`,
      )
      .all(listId, limit, offset) as ItemRow[];
    return this.withSources(rows);
  }

  itemCount(listId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM common_problems WHERE list_id = ?').get(listId) as { n: number }).n;
  }

  item(id: number): CommonProblem | null {
    const row = this.db
      .prepare('SELECT p.id, p.list_id, p.sequence, p.focus, p.wording, p.category_id, c.name AS category_name FROM common_problems p LEFT JOIN problem_categories c ON c.id = p.category_id WHERE p.id = ?')
      .get(id) as ItemRow | undefined;
    return row ? (this.withSources([row])[0] ?? null) : null;
  }

  insertItem(listId: number, fields: { focus: Focus; wording: string; categoryId: number | null }, at: string): number {
    const next = (this.db.prepare('SELECT coalesce(max(sequence), 0) + 1 AS n FROM common_problems WHERE list_id = ?').get(listId) as { n: number }).n;
    return Number(
      this.db
        .prepare('INSERT INTO common_problems (list_id, sequence, focus, wording, category_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(listId, next, fields.focus, fields.wording, fields.categoryId, at, at).lastInsertRowid,
    );
  }

  updateItem(id: number, fields: { focus: Focus; wording: string; categoryId: number | null }, at: string): void {
    this.db.prepare('UPDATE common_problems SET focus = ?, wording = ?, category_id = ?, updated_at = ? WHERE id = ?').run(fields.focus, fields.wording, fields.categoryId, at, id);
  }

  /** Removes an item of a draft and closes the gap in the numbering. */
  deleteItem(id: number, listId: number, sequence: number): void {
    this.db.prepare('DELETE FROM common_problems WHERE id = ?').run(id);
    // Two steps, since UNIQUE (list_id, sequence) is checked row by row.
    this.db.prepare('UPDATE common_problems SET sequence = -sequence WHERE list_id = ? AND sequence > ?').run(listId, sequence);
    this.db.prepare('UPDATE common_problems SET sequence = -sequence - 1 WHERE list_id = ? AND sequence < 0').run(listId);
  }

  /** Links the sources, copying what each said now so that a later deletion keeps the wording. */
  linkSources(itemId: number, problemIds: readonly number[]): number {
    const problems = this.db
      .prepare(
        `SELECT p.id, r.id AS round_id, t.name AS term_name, r.number, u.name AS unit_name, p.description
         FROM problems p JOIN inspections i ON i.id = p.inspection_id JOIN rounds r ON r.id = i.round_id
           JOIN terms t ON t.id = r.term_id JOIN units u ON u.id = i.unit_id
         WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY r.term_id, r.number, p.id`,
      )
      .all(JSON.stringify(problemIds)) as { id: number; round_id: number; term_name: string; number: number; unit_name: string; description: string }[];
    const insert = this.db.prepare('INSERT INTO common_problem_sources (common_problem_id, problem_id, round_id, round_label, unit_name, description) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of problems) insert.run(itemId, p.id, p.round_id, roundLabel(p.term_name, p.number), p.unit_name, p.description);
    return problems.length;
  }

  unitsOf(listId: number): Set<number> {
    return new Set((this.db.prepare('SELECT unit_id FROM common_list_units WHERE list_id = ?').pluck().all(listId) as number[]));
  }

  hasUnit(listId: number, unitId: number): boolean {
    return this.db.prepare('SELECT 1 FROM common_list_units WHERE list_id = ? AND unit_id = ?').get(listId, unitId) !== undefined;
  }

  selfCheck(commonProblemId: number, unitId: number): SelfCheckRecord | null {
    const row = this.db.prepare('SELECT * FROM common_self_checks WHERE common_problem_id = ? AND unit_id = ?').get(commonProblemId, unitId) as SelfCheckRow | undefined;
    return row ? toRecord(row) : null;
  }

  selfCheckById(id: number): SelfCheckRecord | null {
    const row = this.db.prepare('SELECT * FROM common_self_checks WHERE id = ?').get(id) as SelfCheckRow | undefined;
    return row ? toRecord(row) : null;
  }

  saveSelfCheck(
    key: { commonProblemId: number; unitId: number; listId: number; termId: number | null },
    fields: { found: boolean; measures: string; fixedOn: string | null; onTime: boolean; note: string },
    by: number,
    at: string,
  ): number {
    this.db
      .prepare(
        `INSERT INTO common_self_checks (common_problem_id, unit_id, list_id, term_id, found, measures, fixed_on, on_time, note, updated_by, updated_at)
         VALUES (@commonProblemId, @unitId, @listId, @termId, @found, @measures, @fixedOn, @onTime, @note, @by, @at)
         ON CONFLICT (common_problem_id, unit_id) DO UPDATE SET found = excluded.found, measures = excluded.measures, fixed_on = excluded.fixed_on,
           on_time = excluded.on_time, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run({ ...key, found: fields.found ? 1 : 0, measures: fields.measures, fixedOn: fields.fixedOn, onTime: fields.onTime ? 1 : 0, note: fields.note, by, at });
    return (this.db.prepare('SELECT id FROM common_self_checks WHERE common_problem_id = ? AND unit_id = ?').get(key.commonProblemId, key.unitId) as { id: number }).id;
  }

  /** Every item of the list with the unit's self-check and who last wrote it. */
  checksOfUnit(listId: number, unitId: number): (ItemRow & { check: (SelfCheckRow & { updated_name: string }) | null })[] {
    const items = this.db.prepare('SELECT id, list_id, sequence, focus, wording, category_id, NULL AS category_name FROM common_problems WHERE list_id = ? ORDER BY sequence').all(listId) as ItemRow[];
    const checks = this.db
      .prepare('SELECT c.*, coalesce(a.display_name, \'\') AS updated_name FROM common_self_checks c LEFT JOIN accounts a ON a.id = c.updated_by WHERE c.list_id = ? AND c.unit_id = ?')
      .all(listId, unitId) as (SelfCheckRow & { updated_name: string })[];
    const byItem = new Map(checks.map((c) => [c.common_problem_id, c]));
    return items.map((item) => ({ ...item, check: byItem.get(item.id) ?? null }));
  }

  private withSources(rows: ItemRow[]): CommonProblem[] {
    if (rows.length === 0) return [];
    const sources = this.db
      .prepare('SELECT * FROM common_problem_sources WHERE common_problem_id IN (SELECT value FROM json_each(?)) ORDER BY common_problem_id, id')
      .all(JSON.stringify(rows.map((r) => r.id))) as SourceRow[];
    const byItem = new Map<number, SourceRow[]>();
    for (const source of sources) byItem.set(source.common_problem_id, [...(byItem.get(source.common_problem_id) ?? []), source]);
    return rows.map((row) => {
      const mine = byItem.get(row.id) ?? [];
      return {
        id: row.id,
        listId: row.list_id,
        sequence: row.sequence,
        focus: row.focus,
        wording: row.wording,
        categoryId: row.category_id,
        categoryName: row.category_name,
        sources: mine.map((s) => ({ problemId: s.problem_id, roundId: s.round_id, roundLabel: s.round_label, unitName: s.unit_name, description: s.description })),
        rounds: new Set(mine.map((s) => s.round_label)).size,
      };
    });
  }
}

interface SelfCheckRow {
  id: number;
  common_problem_id: number;
  unit_id: number;
  found: number;
  measures: string;
  fixed_on: string | null;
  on_time: number;
  note: string;
  updated_at: string;
}

function toRecord(row: SelfCheckRow): SelfCheckRecord {
  return { id: row.id, commonProblemId: row.common_problem_id, unitId: row.unit_id, found: row.found === 1, measures: row.measures, fixedOn: row.fixed_on, onTime: row.on_time === 1, note: row.note };
}

export function toSelfCheck(row: SelfCheckRow & { updated_name: string }, files: SelfCheck['files']): SelfCheck {
  return { ...toRecord(row), updatedBy: row.updated_name, updatedAt: row.updated_at, files };
}
