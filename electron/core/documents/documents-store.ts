import type { DocumentKind, DocumentStatus, DocumentSummary, DocumentVersionInfo } from '../../../shared/contract';
import { letterDocumentSchema, type Classification, type LetterDocument } from '../../../shared/documents';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

interface DocumentRow {
  id: number;
  kind: DocumentKind;
  round_id: number;
  term_name: string;
  round_number: number;
  inspection_id: number | null;
  unit_name: string | null;
  group_number: number | null;
  title: string;
  classification: Classification;
  classification_period: string;
  status: DocumentStatus;
  latest_version: number;
  final_version: number | null;
  finalised_by_name: string | null;
  finalised_at: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  print_count: number;
}

const SELECT = `
  SELECT d.*, r.number AS round_number, t.name AS term_name, u.name AS unit_name, g.number AS group_number,
    fa.display_name AS finalised_by_name, ca.display_name AS created_by_name,
    (SELECT count(*) FROM print_register p WHERE p.document_id = d.id AND p.outcome = 'done') AS print_count
  FROM documents d
  JOIN rounds r ON r.id = d.round_id
  JOIN terms t ON t.id = r.term_id
  LEFT JOIN inspections i ON i.id = d.inspection_id
  LEFT JOIN units u ON u.id = i.unit_id
  LEFT JOIN inspection_groups g ON g.id = i.group_id
  LEFT JOIN accounts fa ON fa.id = d.finalised_by
  LEFT JOIN accounts ca ON ca.id = d.created_by`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    roundId: row.round_id,
    roundLabel: roundLabel(row.term_name, row.round_number),
    inspectionId: row.inspection_id,
    unitName: row.unit_name,
    groupNumber: row.group_number,
    title: row.title,
    classification: row.classification,
    classificationPeriod: row.classification_period,
    status: row.status,
    latestVersion: row.latest_version,
    finalVersion: row.final_version,
    finalisedBy: row.finalised_by_name,
    finalisedAt: row.finalised_at,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    printCount: row.print_count,
  };
}

export interface DocumentFilter {
  roundId?: number | undefined;
  inspectionId?: number | undefined;
  kind?: DocumentKind | undefined;
  status?: DocumentStatus | undefined;
}

/** Documents and their versions. A version, once written, is never changed (the schema's triggers refuse it too). */
export class DocumentsStore {
  constructor(private readonly db: Db) {}

  byId(id: number): DocumentSummary | null {
    const row = this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  list(filter: DocumentFilter, page: number, pageSize: number): { items: DocumentSummary[]; total: number } {
    const where: string[] = [];
    if (filter.roundId !== undefined) where.push('d.round_id = @roundId');
    if (filter.inspectionId !== undefined) where.push('d.inspection_id = @inspectionId');
    if (filter.kind !== undefined) where.push('d.kind = @kind');
    if (filter.status !== undefined) where.push('d.status = @status');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const params = { roundId: filter.roundId ?? null, inspectionId: filter.inspectionId ?? null, kind: filter.kind ?? null, status: filter.status ?? null };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM documents d ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`${SELECT} ${clause} ORDER BY d.updated_at DESC, d.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as DocumentRow[];
    return { items: rows.map(toSummary), total };
  }

  versions(documentId: number): DocumentVersionInfo[] {
    const rows = this.db
      .prepare(
        `SELECT v.version, v.note, a.display_name AS created_by, v.created_at FROM document_versions v
         LEFT JOIN accounts a ON a.id = v.created_by WHERE v.document_id = ? ORDER BY v.version`,
      )
      .all(documentId) as { version: number; note: string; created_by: string | null; created_at: string }[];
    return rows.map((r) => ({ version: r.version, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
  }

  content(documentId: number, version: number): LetterDocument | null {
    const row = this.db.prepare('SELECT content FROM document_versions WHERE document_id = ? AND version = ?').get(documentId, version) as
      | { content: string }
      | undefined;
    // Parsed through the schema so a version written by an older build gains the newer defaults.
    return row ? letterDocumentSchema.parse(JSON.parse(row.content)) : null;
  }

  insert(input: { kind: DocumentKind; roundId: number; inspectionId: number | null; content: LetterDocument; accountId: number; at: string }): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO documents (kind, round_id, inspection_id, classification, classification_period, title, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.kind, input.roundId, input.inspectionId, input.content.classification, input.content.classificationPeriod, input.content.title, input.accountId, input.at, input.at)
        .lastInsertRowid,
    );
    this.insertVersion(id, 1, input.content, '', input.accountId, input.at);
    return id;
  }

  /** Adds version `version`; the document row takes its title and classification. */
  addVersion(documentId: number, version: number, content: LetterDocument, note: string, accountId: number, at: string): void {
    this.insertVersion(documentId, version, content, note, accountId, at);
    this.db
      .prepare('UPDATE documents SET latest_version = ?, title = ?, classification = ?, classification_period = ?, updated_at = ? WHERE id = ?')
      .run(version, content.title, content.classification, content.classificationPeriod, at, documentId);
  }

  /** Locks a version; the row takes the classification and title of that version. */
  finalise(documentId: number, version: number, content: LetterDocument, accountId: number, at: string): void {
    this.db
      .prepare(
        `UPDATE documents SET status = 'final', final_version = ?, finalised_by = ?, finalised_at = ?, title = ?,
           classification = ?, classification_period = ?, updated_at = ? WHERE id = ?`,
      )
      .run(version, accountId, at, content.title, content.classification, content.classificationPeriod, at, documentId);
  }

  private insertVersion(documentId: number, version: number, content: LetterDocument, note: string, accountId: number, at: string): void {
    this.db
      .prepare('INSERT INTO document_versions (document_id, version, content, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(documentId, version, JSON.stringify(content), note, accountId, at);
  }
}
