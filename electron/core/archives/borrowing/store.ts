import type { BorrowingMode, BorrowingStatus } from '../../../../shared/contract';
import type { Classification } from '../../../../shared/documents';
import type { Db } from '../../vault/database';

export interface BorrowingRow {
  id: number;
  requester_id: number;
  requester_name: string;
  mode: BorrowingMode;
  purpose: string;
  due_date: string;
  status: BorrowingStatus;
  requested_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string;
  returned_at: string | null;
}

export interface BorrowedItemRow {
  id: number;
  archive_code: string;
  title: string;
  title_supplied: number;
  classification: Classification;
  clue_material: number;
}

const SELECT = `
  SELECT b.*, r.display_name AS requester_name, d.display_name AS decided_by_name
  FROM archive_borrowings b
  JOIN accounts r ON r.id = b.requester_id
  LEFT JOIN accounts d ON d.id = b.decided_by`;

/** Which requests a list shows; `today` decides overdue. */
export interface BorrowingQuery {
  view: 'all' | 'mine' | 'pending' | 'open' | 'overdue';
  /** Set for users who see only their own requests. */
  onlyRequester: number | null;
  me: number;
  today: string;
}

export class BorrowingStore {
  constructor(private readonly db: Db) {}

  insert(request: { requesterId: number; mode: BorrowingMode; purpose: string; dueDate: string; at: string }, itemIds: readonly number[]): number {
    const id = Number(
      this.db
        .prepare("INSERT INTO archive_borrowings (requester_id, mode, purpose, due_date, status, requested_at) VALUES (?, ?, ?, ?, 'pending', ?)")
        .run(request.requesterId, request.mode, request.purpose, request.dueDate, request.at).lastInsertRowid,
    );
    const add = this.db.prepare('INSERT INTO archive_borrowing_items (borrowing_id, item_id) VALUES (?, ?)');
    for (const itemId of itemIds) add.run(id, itemId);
    return id;
  }

  get(id: number): BorrowingRow | null {
    return (this.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BorrowingRow | undefined) ?? null;
  }

  decide(id: number, status: 'approved' | 'refused', by: number, at: string, note: string): void {
    this.db.prepare('UPDATE archive_borrowings SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?').run(status, by, at, note, id);
  }

  markReturned(id: number, by: number, at: string): void {
    this.db.prepare("UPDATE archive_borrowings SET status = 'returned', returned_by = ?, returned_at = ? WHERE id = ?").run(by, at, id);
  }

  items(borrowingId: number): BorrowedItemRow[] {
    return this.db
      .prepare(
        `SELECT a.id, a.archive_code, a.title, a.title_supplied, a.classification, a.clue_material
         FROM archive_borrowing_items bi JOIN archive_items a ON a.id = bi.item_id
         WHERE bi.borrowing_id = ? ORDER BY a.archive_code`,
      )
      .all(borrowingId) as BorrowedItemRow[];
  }

  list(query: BorrowingQuery, page: { page: number; pageSize: number }): { rows: BorrowingRow[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = { today: query.today, me: query.me };
    if (query.onlyRequester !== null) {
      where.push('b.requester_id = @requester');
      params.requester = query.onlyRequester;
    }
    if (query.view === 'mine') where.push('b.requester_id = @me');
    if (query.view === 'pending') where.push("b.status = 'pending'");
    if (query.view === 'open') where.push("b.status = 'approved'");
    if (query.view === 'overdue') where.push("b.status = 'approved' AND b.due_date < @today");
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM archive_borrowings b ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`${SELECT} ${clause} ORDER BY b.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as BorrowingRow[];
    return { rows, total };
  }
}

/**
 * The user's own approved request holding the item that is neither returned nor past its due
 * date (the due date itself still counts); null if there is none.
 */
export function activeBorrowing(db: Db, userId: number, itemId: number, today: string): number | null {
  const row = db
    .prepare(
      `SELECT b.id FROM archive_borrowing_items bi JOIN archive_borrowings b ON b.id = bi.borrowing_id
       WHERE bi.item_id = ? AND b.requester_id = ? AND b.status = 'approved' AND b.due_date >= ?
       ORDER BY b.id DESC LIMIT 1`,
    )
    .get(itemId, userId, today) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The user has asked for the item at some time (so being told it needs approval reveals nothing new). */
export function hasRequested(db: Db, userId: number, itemId: number): boolean {
  return !!db.prepare('SELECT 1 FROM archive_borrowing_items bi JOIN archive_borrowings b ON b.id = bi.borrowing_id WHERE bi.item_id = ? AND b.requester_id = ?').get(itemId, userId);
}
