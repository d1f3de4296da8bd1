import type { RectificationEvent, RectificationHistoryEntry, RectificationItem, RectificationStatus } from '../../../shared/contract';
import type { Focus } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';
import { daysOverdue } from './dates';

/** Evidence files are stored files with this owner type and the item's id. */
export const EVIDENCE_OWNER = 'rectification';

interface ItemRow {
  id: number;
  problem_id: number;
  inspection_id: number;
  round_id: number;
  term_name: string;
  round_number: number;
  unit_id: number;
  unit_name: string;
  description: string;
  focus: Focus;
  measures: string;
  responsible_person: string;
  responsible_unit: string;
  deadline: string | null;
  status: RectificationStatus;
  closed_on: string | null;
  updated_at: string;
  evidence_count: number;
  review_event: 'accepted' | 'sentBack' | null;
  review_note: string | null;
  review_actor: string | null;
  review_at: string | null;
}

const SELECT = `
  SELECT ri.*, p.description, p.focus, r.number AS round_number, t.name AS term_name, u.name AS unit_name,
    (SELECT count(*) FROM attachments a WHERE a.owner_type = '${EVIDENCE_OWNER}' AND a.owner_id = ri.id AND a.removed_at IS NULL) AS evidence_count,
    rv.event AS review_event, rv.note AS review_note, rv.actor_name AS review_actor, rv.at AS review_at
  FROM rectification_items ri
  JOIN problems p ON p.id = ri.problem_id
  JOIN rounds r ON r.id = ri.round_id
  JOIN terms t ON t.id = r.term_id
  JOIN units u ON u.id = ri.unit_id
  LEFT JOIN rectification_history rv ON rv.id = (
    SELECT max(h.id) FROM rectification_history h WHERE h.item_id = ri.id AND h.event IN ('accepted', 'sentBack'))`;

/** The part of a WHERE clause that lets SQLite use the partial overdue indexes. */
const OPEN_WITH_DEADLINE = `status <> 'closed' AND deadline IS NOT NULL`;

export interface OverdueFilter {
  roundId?: number | undefined;
  unitId?: number | undefined;
  status?: Exclude<RectificationStatus, 'closed'> | undefined;
}

function toItem(row: ItemRow, today: string): RectificationItem {
  return {
    id: row.id,
    problemId: row.problem_id,
    inspectionId: row.inspection_id,
    roundId: row.round_id,
    roundLabel: roundLabel(row.term_name, row.round_number),
    unitId: row.unit_id,
    unitName: row.unit_name,
    problemDescription: row.description,
    focus: row.focus,
    measures: row.measures,
    responsiblePerson: row.responsible_person,
    responsibleUnit: row.responsible_unit,
    deadline: row.deadline,
    status: row.status,
    daysOverdue: row.status === 'closed' ? null : daysOverdue(row.deadline, today),
    evidenceCount: row.evidence_count,
    lastReview: row.review_event
      ? { decision: row.review_event, reason: row.review_note ?? '', reviewerName: row.review_actor ?? '', reviewedAt: row.review_at ?? '' }
      : null,
    closedOn: row.closed_on,
    updatedAt: row.updated_at,
  };
}

export interface ItemFields {
  measures: string;
  responsiblePerson: string;
  responsibleUnit: string;
  deadline: string | null;
}

/** The SQL of the ledger: items, their history, and the queries of the lists. */
export class RectificationStore {
  constructor(private readonly db: Db) {}

  byId(id: number, today: string): RectificationItem | null {
    const row = this.db.prepare(`${SELECT} WHERE ri.id = ?`).get(id) as ItemRow | undefined;
    return row ? toItem(row, today) : null;
  }

  /** The item's own fields only, for the status machine (no joins: a batch moves a thousand). */
  state(id: number): (ItemFields & { problemId: number; status: RectificationStatus }) | null {
    const row = this.db
      .prepare('SELECT problem_id, status, measures, responsible_person, responsible_unit, deadline FROM rectification_items WHERE id = ?')
      .get(id) as { problem_id: number; status: RectificationStatus; measures: string; responsible_person: string; responsible_unit: string; deadline: string | null } | undefined;
    return row
      ? { problemId: row.problem_id, status: row.status, measures: row.measures, responsiblePerson: row.responsible_person, responsibleUnit: row.responsible_unit, deadline: row.deadline }
      : null;
  }

  /** Rows for ids chosen by a narrower query, in the order given. */
  byIds(ids: number[], today: string): RectificationItem[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`${SELECT} WHERE ri.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as ItemRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toItem(row, today)] : [];
    });
  }

  insert(problem: { id: number; inspectionId: number; roundId: number; unitId: number }, fields: ItemFields, by: number, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO rectification_items (problem_id, inspection_id, round_id, unit_id, measures, responsible_person, responsible_unit, deadline, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(problem.id, problem.inspectionId, problem.roundId, problem.unitId, fields.measures, fields.responsiblePerson, fields.responsibleUnit, fields.deadline, by, at, at).lastInsertRowid,
    );
  }

  update(id: number, fields: ItemFields, at: string): void {
    this.db
      .prepare('UPDATE rectification_items SET measures = ?, responsible_person = ?, responsible_unit = ?, deadline = ?, updated_at = ? WHERE id = ?')
      .run(fields.measures, fields.responsiblePerson, fields.responsibleUnit, fields.deadline, at, id);
  }

  setStatus(id: number, status: RectificationStatus, closedOn: string | null, at: string): void {
    this.db.prepare('UPDATE rectification_items SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?').run(status, closedOn, at, id);
  }

  addHistory(entry: { itemId: number; event: RectificationEvent; from: RectificationStatus | null; to: RectificationStatus; note: string; actorId: number; actorName: string; at: string }): void {
    this.db
      .prepare('INSERT INTO rectification_history (item_id, event, from_status, to_status, note, actor_id, actor_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.itemId, entry.event, entry.from, entry.to, entry.note, entry.actorId, entry.actorName, entry.at);
  }

  history(itemId: number): RectificationHistoryEntry[] {
    const rows = this.db
      .prepare('SELECT id, event, from_status, to_status, note, actor_name, at FROM rectification_history WHERE item_id = ? ORDER BY id')
      .all(itemId) as { id: number; event: RectificationEvent; from_status: RectificationStatus | null; to_status: RectificationStatus; note: string; actor_name: string; at: string }[];
    return rows.map((r) => ({ id: r.id, event: r.event, fromStatus: r.from_status, toStatus: r.to_status, note: r.note, actorName: r.actor_name, at: r.at }));
  }

  /** One inspection's ledger, in the order of its problems. */
  ledger(inspectionId: number, status: RectificationStatus | undefined, page: { page: number; pageSize: number }, today: string) {
    const clause = status === undefined ? 'inspection_id = @inspectionId' : 'inspection_id = @inspectionId AND status = @status';
    const params: Record<string, unknown> = status === undefined ? { inspectionId } : { inspectionId, status };
    const total = this.db.prepare(`SELECT count(*) FROM rectification_items WHERE ${clause}`).pluck().get(params) as number;
    const ids = this.db
      .prepare(`SELECT id FROM rectification_items WHERE ${clause} ORDER BY problem_id LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as number[];
    return { items: this.byIds(ids, today), total };
  }

  /**
   * Items past their deadline and not closed, longest overdue first: the ids and the count come
   * from a range of one partial index (by round, by unit, or all), the joined rows for one page.
   */
  overdue(filter: OverdueFilter, page: { page: number; pageSize: number }, today: string): { items: RectificationItem[]; total: number } {
    const where = [OPEN_WITH_DEADLINE, 'deadline < @today'];
    const params: Record<string, unknown> = { today };
    if (filter.roundId !== undefined) {
      where.push('round_id = @roundId');
      params.roundId = filter.roundId;
    }
    if (filter.unitId !== undefined) {
      where.push('unit_id = @unitId');
      params.unitId = filter.unitId;
    }
    if (filter.status !== undefined) {
      where.push('status = @status');
      params.status = filter.status;
    }
    const clause = where.join(' AND ');
    const total = this.db.prepare(`SELECT count(*) FROM rectification_items WHERE ${clause}`).pluck().get(params) as number;
    const ids = this.db
      .prepare(`SELECT id FROM rectification_items WHERE ${clause} ORDER BY deadline, id LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as number[];
    return { items: this.byIds(ids, today), total };
  }

  overdueCount(roundId: number | undefined, today: string): number {
    const round = roundId === undefined ? '' : 'AND round_id = @roundId';
    const params: Record<string, unknown> = roundId === undefined ? { today } : { today, roundId };
    return this.db.prepare(`SELECT count(*) FROM rectification_items WHERE ${OPEN_WITH_DEADLINE} AND deadline < @today ${round}`).pluck().get(params) as number;
  }

  /** Items by status, of a round or of all. */
  countsByStatus(roundId: number | undefined): Record<RectificationStatus, number> {
    const rows = this.db
      .prepare(`SELECT status, count(*) AS n FROM rectification_items ${roundId === undefined ? '' : 'WHERE round_id = ?'} GROUP BY status`)
      .all(...(roundId === undefined ? [] : [roundId])) as { status: RectificationStatus; n: number }[];
    return statusCounts(rows);
  }
}

export function statusCounts(rows: readonly { status: RectificationStatus; n: number }[]): Record<RectificationStatus, number> {
  const counts: Record<RectificationStatus, number> = { notStarted: 0, inProgress: 0, awaitingReview: 0, closed: 0 };
  for (const row of rows) counts[row.status] += row.n;
  return counts;
}
