import type { Problem } from '../../../shared/contract';
import type { Focus, ProblemSource } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import { bigramDocument } from '../search/bigrams';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../vault/database';
import { commonToken, focusToken, inspectionToken, problemPage, roundToken, sourceToken, unitToken, type ProblemFilter } from './problems-page';

export { COUNT_CEILING, type ProblemFilter } from './problems-page';

interface ProblemRow {
  id: number;
  inspection_id: number;
  round_id: number;
  term_name: string;
  round_number: number;
  unit_id: number;
  unit_name: string;
  group_number: number | null;
  focus: Focus;
  category_id: number | null;
  category_name: string | null;
  description: string;
  evidence: string;
  source: ProblemSource;
  is_common: number;
  created_at: string;
}

export interface ProblemFields {
  inspectionId: number;
  focus: Focus;
  categoryId: number | null;
  description: string;
  evidence: string;
  source: ProblemSource;
  isCommon: boolean;
}

const SELECT = `
  SELECT p.*, i.round_id, r.number AS round_number, t.name AS term_name, i.unit_id, u.name AS unit_name,
    g.number AS group_number, c.name AS category_name
  FROM problems p
  JOIN inspections i ON i.id = p.inspection_id
  JOIN rounds r ON r.id = i.round_id
  JOIN terms t ON t.id = r.term_id
  JOIN units u ON u.id = i.unit_id
  LEFT JOIN inspection_groups g ON g.id = i.group_id
  LEFT JOIN problem_categories c ON c.id = p.category_id`;

/** What a problem's full-text document is made of. */
export type IndexedFields = Pick<ProblemFields, 'description' | 'evidence' | 'focus' | 'source' | 'isCommon'>;

/**
 * What the full-text index holds for a problem: the bigrams of its description and evidence,
 * and the tokens the list filters by (problems-page.ts). Every change to one of these fields,
 * or to the problem's inspection, must rewrite the document (update, reindex).
 */
export function problemDocument(fields: IndexedFields, place: { roundId: number; unitId: number; inspectionId: number }): string {
  const tokens = [
    roundToken(place.roundId),
    unitToken(place.unitId),
    inspectionToken(place.inspectionId),
    focusToken(fields.focus),
    sourceToken(fields.source),
    commonToken(fields.isCommon),
  ];
  return `${bigramDocument(`${fields.description}\n${fields.evidence}`)} ${tokens.join(' ')}`;
}

export class ProblemsStore {
  // better-sqlite3 compiles a statement on every prepare(); an import writes thousands of rows
  // through one store, so each statement is compiled once per store.
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** One page of problems, newest first (which ids: problems-page.ts), with the filter's count. */
  list(filter: ProblemFilter, page: { page: number; pageSize: number }): { items: Problem[]; total: number; totalIsLowerBound: boolean } {
    const found = problemPage(this.db, filter, page);
    return { items: this.byIds(found.ids), total: found.total, totalIsLowerBound: found.totalIsLowerBound };
  }

  byId(id: number): Problem | null {
    return this.byIds([id])[0] ?? null;
  }

  /**
   * Problems in the order of `ids` (missing ones left out): one joined query for the rows and
   * one for all their checklist links, whatever the number of ids.
   */
  byIds(ids: readonly number[]): Problem[] {
    if (ids.length === 0) return [];
    const list = JSON.stringify(ids);
    const rows = this.db.prepare(`${SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`).all(list) as ProblemRow[];
    const links = this.db
      .prepare('SELECT problem_id, item_id FROM problem_checklist_items WHERE problem_id IN (SELECT value FROM json_each(?)) ORDER BY problem_id, item_id')
      .all(list) as { problem_id: number; item_id: number }[];
    const itemsOf = new Map<number, number[]>();
    for (const link of links) {
      const items = itemsOf.get(link.problem_id);
      if (items) items.push(link.item_id);
      else itemsOf.set(link.problem_id, [link.item_id]);
    }
    const byId = new Map(rows.map((row) => [row.id, toProblem(row, itemsOf.get(row.id) ?? [])]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  insert(fields: ProblemFields, createdBy: number, at: string): number {
    const id = Number(
      this
        .sql(
          `INSERT INTO problems (inspection_id, focus, category_id, description, evidence, source, is_common, created_by, created_at, updated_at)
           VALUES (@inspectionId, @focus, @categoryId, @description, @evidence, @source, @isCommon, @createdBy, @at, @at)`,
        )
        .run({ ...fields, isCommon: fields.isCommon ? 1 : 0, createdBy, at }).lastInsertRowid,
    );
    this.index(id, fields.inspectionId, fields);
    return id;
  }

  update(id: number, fields: ProblemFields, at: string): void {
    this
      .sql(
        `UPDATE problems SET inspection_id = @inspectionId, focus = @focus, category_id = @categoryId, description = @description,
           evidence = @evidence, source = @source, is_common = @isCommon, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, isCommon: fields.isCommon ? 1 : 0, id, at });
    this.sql('DELETE FROM problems_fts WHERE rowid = ?').run(id);
    this.index(id, fields.inspectionId, fields);
  }

  delete(id: number): void {
    this.sql('DELETE FROM problems_fts WHERE rowid = ?').run(id);
    this.sql('DELETE FROM problems WHERE id = ?').run(id);
  }

  setChecklistItems(problemId: number, itemIds: number[]): void {
    this.sql('DELETE FROM problem_checklist_items WHERE problem_id = ?').run(problemId);
    const insert = this.sql('INSERT INTO problem_checklist_items (problem_id, item_id) VALUES (?, ?)');
    for (const itemId of new Set(itemIds)) insert.run(problemId, itemId);
  }

  /** Rewrites a problem's full-text document from its row, after a change made in SQL (a bulk edit). */
  reindex(id: number): void {
    const row = this.sql('SELECT inspection_id, focus, description, evidence, source, is_common FROM problems WHERE id = ?').get(id) as
      | { inspection_id: number; focus: Focus; description: string; evidence: string; source: ProblemSource; is_common: number }
      | undefined;
    if (!row) return;
    this.sql('DELETE FROM problems_fts WHERE rowid = ?').run(id);
    this.index(id, row.inspection_id, { ...row, isCommon: row.is_common === 1 });
  }

  private index(id: number, inspectionId: number, fields: IndexedFields): void {
    const place = this.sql('SELECT round_id AS roundId, unit_id AS unitId, id AS inspectionId FROM inspections WHERE id = ?').get(inspectionId) as {
      roundId: number;
      unitId: number;
      inspectionId: number;
    };
    this.sql('INSERT INTO problems_fts (rowid, body) VALUES (?, ?)').run(id, problemDocument(fields, place));
  }
}

function toProblem(row: ProblemRow, checklistItemIds: number[]): Problem {
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    roundId: row.round_id,
    roundLabel: roundLabel(row.term_name, row.round_number),
    unitId: row.unit_id,
    unitName: row.unit_name,
    groupNumber: row.group_number,
    focus: row.focus,
    categoryId: row.category_id,
    categoryName: row.category_name,
    description: row.description,
    evidence: row.evidence,
    source: row.source,
    isCommon: row.is_common === 1,
    checklistItemIds,
    createdAt: row.created_at,
  };
}
