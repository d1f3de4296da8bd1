import { resultKinds, type ResultEntry, type ResultKind, type ResultKindTotals } from '../../../shared/channels/results-ledger';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

/** Reads of the results ledger; the service does the writes inside its audited transactions. */

interface EntryRow {
  id: number;
  round_id: number;
  inspection_id: number | null;
  unit_name: string | null;
  group_number: number | null;
  kind: ResultKind;
  subject: string;
  quantity: number;
  decided_on: string | null;
  note: string;
  problem_id: number | null;
  problem_description: string | null;
  clue_id: number | null;
  clue_code: string | null;
  updated_by_name: string | null;
  updated_at: string;
}

const SELECT_ENTRIES = `
  SELECT e.*, u.name AS unit_name, g.number AS group_number, p.description AS problem_description, c.code AS clue_code,
    a.display_name AS updated_by_name
  FROM result_entries e
  LEFT JOIN inspections i ON i.id = e.inspection_id
  LEFT JOIN units u ON u.id = i.unit_id
  LEFT JOIN inspection_groups g ON g.id = i.group_id
  LEFT JOIN problems p ON p.id = e.problem_id
  LEFT JOIN clues c ON c.id = e.clue_id
  LEFT JOIN accounts a ON a.id = e.updated_by`;

/** Round-level entries last, then by unit, kind order and date. */
const ORDER = `ORDER BY e.inspection_id IS NULL, u.name, e.inspection_id, ${kindOrder('e.kind')}, e.decided_on, e.id`;

function kindOrder(column: string): string {
  return `CASE ${column} ${resultKinds.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END`;
}

function toEntry(row: EntryRow, readsClues: boolean): ResultEntry {
  return {
    id: row.id,
    roundId: row.round_id,
    inspectionId: row.inspection_id,
    unitName: row.unit_name,
    groupNumber: row.group_number,
    kind: row.kind,
    subject: row.subject,
    quantity: row.quantity,
    decidedOn: row.decided_on,
    note: row.note,
    problemId: row.problem_id,
    problemDescription: row.problem_description,
    linkedClue: row.clue_id !== null,
    clueId: readsClues ? row.clue_id : null,
    clueCode: readsClues ? row.clue_code : null,
    updatedBy: row.updated_by_name ?? '',
    updatedAt: row.updated_at,
  };
}

export const emptyTotals = (): ResultKindTotals => Object.fromEntries(resultKinds.map((k) => [k, 0])) as ResultKindTotals;

export class ResultsStore {
  constructor(private readonly db: Db) {}

  entry(id: number, readsClues: boolean): ResultEntry | null {
    const row = this.db.prepare(`${SELECT_ENTRIES} WHERE e.id = ?`).get(id) as EntryRow | undefined;
    return row ? toEntry(row, readsClues) : null;
  }

  page(filter: { roundId: number; inspectionId?: number | undefined; kind?: ResultKind | undefined }, page: number, pageSize: number, readsClues: boolean) {
    const where = ['e.round_id = @roundId'];
    if (filter.inspectionId !== undefined) where.push('e.inspection_id = @inspectionId');
    if (filter.kind !== undefined) where.push('e.kind = @kind');
    const params = { roundId: filter.roundId, inspectionId: filter.inspectionId ?? null, kind: filter.kind ?? null };
    const clause = `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM result_entries e ${clause}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`${SELECT_ENTRIES} ${clause} ${ORDER} LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as EntryRow[];
    return { items: rows.map((r) => toEntry(r, readsClues)), total };
  }

  /** Every entry of the round, in the report's order. */
  all(roundId: number, readsClues: boolean): ResultEntry[] {
    return (this.db.prepare(`${SELECT_ENTRIES} WHERE e.round_id = ? ${ORDER}`).all(roundId) as EntryRow[]).map((r) => toEntry(r, readsClues));
  }

  roundLabel(roundId: number): string | null {
    const row = this.db.prepare('SELECT r.number, t.name AS term_name FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?').get(roundId) as
      | { number: number; term_name: string }
      | undefined;
    return row ? roundLabel(row.term_name, row.number) : null;
  }

  /** The sums per inspection and kind, grouped in SQL. */
  sums(roundId: number): { inspectionId: number | null; kind: ResultKind; entries: number; quantity: number }[] {
    const rows = this.db
      .prepare('SELECT inspection_id, kind, count(*) AS entries, sum(quantity) AS quantity FROM result_entries WHERE round_id = ? GROUP BY inspection_id, kind')
      .all(roundId) as { inspection_id: number | null; kind: ResultKind; entries: number; quantity: number }[];
    return rows.map((r) => ({ inspectionId: r.inspection_id, kind: r.kind, entries: r.entries, quantity: r.quantity }));
  }

  inspections(roundId: number): { id: number; unitName: string; groupNumber: number | null }[] {
    return this.db
      .prepare(
        `SELECT i.id, u.name AS unit_name, g.number AS group_number FROM inspections i JOIN units u ON u.id = i.unit_id
         LEFT JOIN inspection_groups g ON g.id = i.group_id WHERE i.round_id = ? ORDER BY g.number IS NULL, g.number, u.name, i.id`,
      )
      .all(roundId)
      .map((r) => {
        const row = r as { id: number; unit_name: string; group_number: number | null };
        return { id: row.id, unitName: row.unit_name, groupNumber: row.group_number };
      });
  }

  /**
   * The round's clues in numbers: registered, handed over (or disposed), disposed, and by each
   * clue's latest disposal; handed-over counts per inspection. Nothing of a clue's content.
   */
  clueCounts(roundId: number) {
    const status = this.db
      .prepare(
        `SELECT count(*) AS registered, coalesce(sum(status <> 'registered'), 0) AS handed_over, coalesce(sum(status = 'disposed'), 0) AS disposed
         FROM clues WHERE round_id = ?`,
      )
      .get(roundId) as { registered: number; handed_over: number; disposed: number };
    const byDisposal = this.db
      .prepare(
        `SELECT t.name, count(*) AS count FROM clues c
         JOIN clue_disposals d ON d.id = (SELECT d2.id FROM clue_disposals d2 WHERE d2.clue_id = c.id ORDER BY d2.decided_on DESC, d2.id DESC LIMIT 1)
         JOIN disposal_types t ON t.id = d.disposal_type_id
         WHERE c.round_id = ? GROUP BY t.id ORDER BY t.sort_order, t.id`,
      )
      .all(roundId) as { name: string; count: number }[];
    const perInspection = this.db
      .prepare("SELECT inspection_id, count(*) AS n FROM clues WHERE round_id = ? AND status <> 'registered' GROUP BY inspection_id")
      .all(roundId) as { inspection_id: number | null; n: number }[];
    return {
      registered: status.registered,
      handedOver: status.handed_over,
      disposed: status.disposed,
      byDisposal,
      handedOverByInspection: new Map(perInspection.map((r) => [r.inspection_id, r.n])),
    };
  }
}
