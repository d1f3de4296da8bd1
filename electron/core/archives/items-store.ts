import type { ArchiveFilter, ArchiveItem, ArchiveItemSummary, ArchiveListFilter, ArchiveKind, Retention } from '../../../shared/channels/archives';
import type { Classification } from '../../../shared/documents';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';
import type { ArchiveAccess } from './access';
import { CLASSIFIED } from './access';
import { composeArchiveCode, displayTitle } from './archive-code';

/** The fields of an item that may change after it is filed (the 档号's parts never do). */
export interface EditableFields {
  title: string;
  titleSupplied: boolean;
  responsible: string;
  docNumber: string;
  docDate: string | null;
  pages: number | null;
  classification: Classification;
  note: string;
  roundId: number | null;
  kind: ArchiveKind;
  clueMaterial: boolean;
  unitId: number | null;
}

export interface NewItem extends EditableFields {
  fondsCode: string;
  year: number;
  retention: Retention;
  orgCode: string;
}

interface ItemRow {
  id: number;
  fonds_code: string;
  year: number;
  retention: Retention;
  org_code: string;
  item_number: number;
  archive_code: string;
  title: string;
  title_supplied: number;
  responsible: string;
  doc_number: string;
  doc_date: string | null;
  pages: number | null;
  classification: Classification;
  note: string;
  round_id: number | null;
  round_number: number | null;
  term_name: string | null;
  kind: ArchiveKind;
  clue_material: number;
  unit_id: number | null;
  unit_name: string | null;
  no_text: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT a.*, r.number AS round_number, t.name AS term_name, u.name AS unit_name,
    (EXISTS (SELECT 1 FROM archive_files f WHERE f.item_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM archive_files f WHERE f.item_id = a.id AND f.text_status = 'text')) AS no_text
  FROM archive_items a LEFT JOIN rounds r ON r.id = a.round_id LEFT JOIN terms t ON t.id = r.term_id LEFT JOIN units u ON u.id = a.unit_id`;

const toSummary = (row: ItemRow): ArchiveItemSummary => ({
  id: row.id,
  archiveCode: row.archive_code,
  fondsCode: row.fonds_code,
  category: 'WS',
  year: row.year,
  retention: row.retention,
  orgCode: row.org_code,
  itemNumber: row.item_number,
  title: row.title,
  titleSupplied: row.title_supplied === 1,
  displayTitle: displayTitle(row.title, row.title_supplied === 1),
  responsible: row.responsible,
  docNumber: row.doc_number,
  docDate: row.doc_date,
  pages: row.pages,
  classification: row.classification,
  note: row.note,
  roundId: row.round_id,
  roundLabel: row.round_id !== null && row.term_name !== null && row.round_number !== null ? roundLabel(row.term_name, row.round_number) : null,
  kind: row.kind,
  clueMaterial: row.clue_material === 1,
  unitId: row.unit_id,
  unitName: row.unit_name,
  noText: row.no_text === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The SQL condition (on alias `a`) that leaves out what `access` may not see. */
export function visibleClause(access: ArchiveAccess): string {
  const parts: string[] = [];
  if (!access.mayReadClues) parts.push('a.clue_material = 0');
  if (!access.mayReadClassified) parts.push(`a.classification NOT IN (${CLASSIFIED.map((c) => `'${c}'`).join(', ')})`);
  return parts.length ? parts.join(' AND ') : '1';
}

/** Filter conditions on the items table (alias `a`), with their named parameters. */
export function filterClause(filter: ArchiveFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const columns = [
    ['year', 'year'],
    ['retention', 'retention'],
    ['classification', 'classification'],
    ['roundId', 'round_id'],
    ['kind', 'kind'],
    ['unitId', 'unit_id'],
  ] as const;
  for (const [name, column] of columns) {
    if (filter[name] === undefined) continue;
    where.push(`a.${column} = @${name}`);
    params[name] = filter[name];
  }
  return { where, params };
}

export class ArchiveItemsStore {
  constructor(private readonly db: Db) {}

  /**
   * Files a new item: the next 件号 within year + retention + organisation from the counter
   * (call inside a transaction; the UNIQUE constraint backs it up).
   */
  insert(item: NewItem, createdBy: number | null, at: string): number {
    const counter = this.db
      .prepare(
        `INSERT INTO archive_number_counters (year, retention, org_code, last_number) VALUES (?, ?, ?, 1)
         ON CONFLICT (year, retention, org_code) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
      )
      .pluck()
      .get(item.year, item.retention, item.orgCode) as number;
    const archiveCode = composeArchiveCode({ ...item, itemNumber: counter });
    return Number(
      this.db
        .prepare(
          `INSERT INTO archive_items (fonds_code, year, retention, org_code, item_number, archive_code, title, title_supplied, responsible, doc_number,
             doc_date, pages, classification, note, round_id, kind, clue_material, unit_id, created_by, created_at, updated_at)
           VALUES (@fondsCode, @year, @retention, @orgCode, @itemNumber, @archiveCode, @title, @titleSupplied, @responsible, @docNumber,
             @docDate, @pages, @classification, @note, @roundId, @kind, @clueMaterial, @unitId, @createdBy, @at, @at)`,
        )
        .run({ ...item, itemNumber: counter, archiveCode, titleSupplied: Number(item.titleSupplied), clueMaterial: Number(item.clueMaterial), createdBy, at })
        .lastInsertRowid,
    );
  }

  update(id: number, fields: EditableFields, at: string): void {
    this.db
      .prepare(
        `UPDATE archive_items SET title = @title, title_supplied = @titleSupplied, responsible = @responsible, doc_number = @docNumber,
           doc_date = @docDate, pages = @pages, classification = @classification, note = @note, round_id = @roundId, kind = @kind,
           clue_material = @clueMaterial, unit_id = @unitId, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, titleSupplied: Number(fields.titleSupplied), clueMaterial: Number(fields.clueMaterial), id, at });
  }

  summary(id: number): ArchiveItemSummary | null {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ItemRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** Summaries in the order of `ids` (missing ones left out). */
  summaries(ids: readonly number[]): ArchiveItemSummary[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ItemRow[];
    const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  files(itemId: number): ArchiveItem['files'] {
    const rows = this.db
      .prepare(
        `SELECT f.attachment_id AS id, x.file_name, x.mime, x.size, x.sha256, f.role, f.text_status, length(f.text) AS text_chars
         FROM archive_files f JOIN attachments x ON x.id = f.attachment_id WHERE f.item_id = ? AND x.removed_at IS NULL ORDER BY f.attachment_id`,
      )
      .all(itemId) as { id: number; file_name: string; mime: string; size: number; sha256: string; role: 'original' | 'text'; text_status: ArchiveItem['files'][number]['textStatus']; text_chars: number }[];
    return rows.map((r) => ({ id: r.id, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, role: r.role, textStatus: r.text_status, textChars: r.text_chars }));
  }

  /**
   * One page in catalogue order, newest first (year, retention Y → D30 → D10, organisation, 件号,
   * all descending: the order of the UNIQUE index, read backwards, so nothing is sorted), with the count.
   */
  list(filter: ArchiveListFilter, access: ArchiveAccess, page: { page: number; pageSize: number }): { items: ArchiveItemSummary[]; total: number } {
    const { where, params } = filterClause(filter);
    const clause = `WHERE ${[visibleClause(access), ...where].join(' AND ')}`;
    const total = this.db.prepare(`SELECT count(*) FROM archive_items a ${clause}`).pluck().get(params) as number;
    const ids = this.db
      .prepare(`SELECT a.id FROM archive_items a ${clause} ORDER BY a.year DESC, a.retention DESC, a.org_code DESC, a.item_number DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as number[];
    return { items: this.summaries(ids), total };
  }
}
