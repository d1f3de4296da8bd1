import type { Problem } from '../../../shared/contract';
import type { Focus, ProblemSource } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import { bigramDocument, bigramQuery, likePattern } from '../search/bigrams';
import type { Db } from '../vault/database';

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

export interface ProblemFilter {
  roundId?: number | undefined;
  inspectionId?: number | undefined;
  unitId?: number | undefined;
  groupId?: number | undefined;
  focus?: Focus | undefined;
  source?: ProblemSource | undefined;
  isCommon?: boolean | undefined;
  text?: string | undefined;
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

/** What the full-text index holds for a problem: its description and evidence. */
/** Where counting stops for text queries. */
export const COUNT_CEILING = 10_000;

const indexedText = (fields: { description: string; evidence: string }) => `${fields.description}\n${fields.evidence}`;

export class ProblemsStore {
  constructor(private readonly db: Db) {}

  /**
   * One page of problems, newest first. Text goes through the bigram index and is confirmed
   * with LIKE on the candidates only, so a text query never scans the table.
   */
  list(filter: ProblemFilter, page: { page: number; pageSize: number }): { items: Problem[]; total: number; totalIsLowerBound: boolean } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (sql: string, name: string, value: unknown) => {
      where.push(sql);
      params[name] = value;
    };
    if (filter.inspectionId !== undefined) add('p.inspection_id = @inspectionId', 'inspectionId', filter.inspectionId);
    if (filter.roundId !== undefined) add('i.round_id = @roundId', 'roundId', filter.roundId);
    if (filter.unitId !== undefined) add('i.unit_id = @unitId', 'unitId', filter.unitId);
    if (filter.groupId !== undefined) add('i.group_id = @groupId', 'groupId', filter.groupId);
    if (filter.focus !== undefined) add('p.focus = @focus', 'focus', filter.focus);
    if (filter.source !== undefined) add('p.source = @source', 'source', filter.source);
    if (filter.isCommon !== undefined) add('p.is_common = @isCommon', 'isCommon', filter.isCommon ? 1 : 0);
    // With text, the full-text index drives the query (its matches are few next to the table),
    // and LIKE confirms each candidate so the result is exact.
    let ftsJoin = '';
    if (filter.text) {
      const query = bigramQuery(filter.text);
      if (query.match) {
        ftsJoin = 'JOIN problems_fts ON problems_fts.rowid = p.id';
        add('problems_fts MATCH @match', 'match', query.match);
      }
      query.terms.forEach((term, i) => add(`(p.description || char(10) || p.evidence) LIKE @like${i} ESCAPE '\\'`, `like${i}`, likePattern(term)));
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const inspectionJoin = /\bi\./.test(clause) ? 'JOIN inspections i ON i.id = p.inspection_id' : '';
    // A text query that matches most of a million problems is counted up to a ceiling: the
    // page shows "more than 10,000" rather than spend a second on an exact number.
    const counted = (
      this.db
        .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM problems p ${ftsJoin} ${inspectionJoin} ${clause} ${filter.text ? `LIMIT ${COUNT_CEILING + 1}` : ''})`)
        .get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`${SELECT} ${ftsJoin} ${clause} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as ProblemRow[];
    const capped = counted > COUNT_CEILING;
    return { items: rows.map((r) => this.toProblem(r)), total: capped ? COUNT_CEILING : counted, totalIsLowerBound: capped };
  }

  byId(id: number): Problem | null {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProblemRow | undefined;
    return row ? this.toProblem(row) : null;
  }

  insert(fields: ProblemFields, createdBy: number, at: string): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO problems (inspection_id, focus, category_id, description, evidence, source, is_common, created_by, created_at, updated_at)
           VALUES (@inspectionId, @focus, @categoryId, @description, @evidence, @source, @isCommon, @createdBy, @at, @at)`,
        )
        .run({ ...fields, isCommon: fields.isCommon ? 1 : 0, createdBy, at }).lastInsertRowid,
    );
    this.db.prepare('INSERT INTO problems_fts (rowid, body) VALUES (?, ?)').run(id, bigramDocument(indexedText(fields)));
    return id;
  }

  update(id: number, fields: ProblemFields, at: string): void {
    this.db
      .prepare(
        `UPDATE problems SET inspection_id = @inspectionId, focus = @focus, category_id = @categoryId, description = @description,
           evidence = @evidence, source = @source, is_common = @isCommon, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, isCommon: fields.isCommon ? 1 : 0, id, at });
    this.db.prepare('DELETE FROM problems_fts WHERE rowid = ?').run(id);
    this.db.prepare('INSERT INTO problems_fts (rowid, body) VALUES (?, ?)').run(id, bigramDocument(indexedText(fields)));
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM problems_fts WHERE rowid = ?').run(id);
    this.db.prepare('DELETE FROM problems WHERE id = ?').run(id);
  }

  setChecklistItems(problemId: number, itemIds: number[]): void {
    this.db.prepare('DELETE FROM problem_checklist_items WHERE problem_id = ?').run(problemId);
    const insert = this.db.prepare('INSERT INTO problem_checklist_items (problem_id, item_id) VALUES (?, ?)');
    for (const itemId of new Set(itemIds)) insert.run(problemId, itemId);
  }

  private toProblem(row: ProblemRow): Problem {
    const items = this.db.prepare('SELECT item_id FROM problem_checklist_items WHERE problem_id = ?').all(row.id) as { item_id: number }[];
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
      checklistItemIds: items.map((i) => i.item_id),
      createdAt: row.created_at,
    };
  }
}
