import type { ChannelInput, ChannelOutput, PairingCheckEvent, PairingCheckStatus, PairingHistoryEntry, PairingLedgerRow } from '../../../shared/contract';
import { change, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { daysOverdue } from '../rectification/dates';
import type { Db } from '../vault/database';
import { requireCounty } from './pairings-service';

/**
 * 县区自查台账: per county and year, one self-check row per supervision item: the problem the
 * county found, its measures, deadline and responsible person, and 销号 when fixed (动态销号).
 * Every change writes the row, a line of its own history and an audit entry in one transaction.
 */

interface CheckRow {
  id: number;
  year: number;
  region_id: number;
  item_id: number;
  status: PairingCheckStatus;
  problem: string;
  measures: string;
  deadline: string | null;
  responsible_person: string;
  closed_on: string | null;
  closed_by: string | null;
}

const ROW_SELECT = `SELECT i.id AS item_id, i.aspect, i.text, c.id AS check_id, c.status, c.problem, c.measures, c.deadline,
  c.responsible_person, c.closed_on, c.closed_by FROM pairing_items i`;

interface LedgerSqlRow {
  item_id: number;
  aspect: PairingLedgerRow['aspect'];
  text: string;
  check_id: number | null;
  status: PairingCheckStatus | null;
  problem: string | null;
  measures: string | null;
  deadline: string | null;
  responsible_person: string | null;
  closed_on: string | null;
  closed_by: string | null;
}

function toRow(row: LedgerSqlRow, today: string): PairingLedgerRow {
  const status = row.status ?? 'notStarted';
  return {
    itemId: row.item_id,
    aspect: row.aspect,
    text: row.text,
    checkId: row.check_id,
    status,
    problem: row.problem ?? '',
    measures: row.measures ?? '',
    deadline: row.deadline,
    responsiblePerson: row.responsible_person ?? '',
    closedOn: row.closed_on,
    closedBy: row.closed_by,
    daysOverdue: status === 'closed' ? null : daysOverdue(row.deadline, today),
  };
}

export const today = (ctx: CoreContext) => localDate(ctx.now());

export function ledger(ctx: CoreContext, input: ChannelInput<'pairing.ledger'>): ChannelOutput<'pairing.ledger'> {
  const db = ctx.active().vault.db;
  requireCounty(db, input.regionId);
  const now = today(ctx);
  // Every item in use, and retired items this county already checked (their old wording).
  const rows = (
    db
      .prepare(
        `${ROW_SELECT} LEFT JOIN pairing_checks c ON c.item_id = i.id AND c.year = @year AND c.region_id = @regionId
         WHERE i.retired_at IS NULL OR c.id IS NOT NULL ORDER BY i.sort_order, i.id`,
      )
      .all({ year: input.year, regionId: input.regionId }) as LedgerSqlRow[]
  ).map((row) => toRow(row, now));
  const counts = { notStarted: 0, inProgress: 0, closed: 0, overdue: 0 };
  for (const row of rows) {
    counts[row.status] += 1;
    if (row.daysOverdue !== null) counts.overdue += 1;
  }
  return { rows, counts };
}

function rowOf(ctx: CoreContext, db: Db, checkId: number): PairingLedgerRow {
  const row = db.prepare(`${ROW_SELECT} JOIN pairing_checks c ON c.item_id = i.id WHERE c.id = ?`).get(checkId) as LedgerSqlRow;
  return toRow(row, today(ctx));
}

function requireCheck(db: Db, id: number): CheckRow {
  const check = db.prepare('SELECT * FROM pairing_checks WHERE id = ?').get(id) as CheckRow | undefined;
  if (!check) throw new AppError('NOT_FOUND', '自查事项不存在');
  return check;
}

function addHistory(session: ActiveSession, at: string, entry: { checkId: number; event: PairingCheckEvent; from: PairingCheckStatus | null; to: PairingCheckStatus; note: string }) {
  session.vault.db
    .prepare('INSERT INTO pairing_check_history (check_id, event, from_status, to_status, note, actor_id, actor_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(entry.checkId, entry.event, entry.from, entry.to, entry.note, session.user.id, session.user.displayName, at);
}

export function history(ctx: CoreContext, checkId: number): PairingHistoryEntry[] {
  const db = ctx.active().vault.db;
  requireCheck(db, checkId);
  return db
    .prepare(
      'SELECT id, event, from_status AS fromStatus, to_status AS toStatus, note, actor_name AS actorName, at FROM pairing_check_history WHERE check_id = ? ORDER BY id',
    )
    .all(checkId) as PairingHistoryEntry[];
}

const FIELD_NAMES = { problem: '存在问题', measures: '整改措施', deadline: '整改时限', responsiblePerson: '责任人' } as const;
type Field = keyof typeof FIELD_NAMES;

export function recordCheck(ctx: CoreContext, input: ChannelInput<'pairing.recordCheck'>): PairingLedgerRow {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const county = requireCounty(db, input.regionId);
    const item = db.prepare('SELECT id, retired_at FROM pairing_items WHERE id = ?').get(input.itemId) as { id: number; retired_at: string | null } | undefined;
    if (!item) throw new AppError('INVALID_REFERENCE', '督导事项不存在');
    const after = { problem: input.problem, measures: input.measures ?? '', deadline: input.deadline ?? null, responsiblePerson: input.responsiblePerson ?? '' };
    const at = ctx.now().toISOString();
    const existing = db.prepare('SELECT * FROM pairing_checks WHERE year = ? AND region_id = ? AND item_id = ?').get(input.year, input.regionId, input.itemId) as CheckRow | undefined;
    if (!existing) {
      if (item.retired_at) throw new AppError('INVALID_REFERENCE', '该督导事项已停用');
      const checkId = Number(
        db
          .prepare(
            `INSERT INTO pairing_checks (year, region_id, item_id, status, problem, measures, deadline, responsible_person, updated_at)
             VALUES (?, ?, ?, 'inProgress', ?, ?, ?, ?, ?)`,
          )
          .run(input.year, input.regionId, input.itemId, after.problem, after.measures, after.deadline, after.responsiblePerson, at).lastInsertRowid,
      );
      addHistory(session, at, { checkId, event: 'recorded', from: 'notStarted', to: 'inProgress', note: after.problem });
      record({ action: 'pairing.recordCheck', target: { type: 'pairingCheck', id: checkId }, detail: { year: input.year, county: county.name, itemId: input.itemId, deadline: after.deadline } });
      return rowOf(ctx, db, checkId);
    }
    if (existing.status === 'closed') throw new AppError('PAIRING_WRONG_STATUS', '该事项已销号，须先重新打开才能修改');
    const before = { problem: existing.problem, measures: existing.measures, deadline: existing.deadline, responsiblePerson: existing.responsible_person };
    const changed = (Object.keys(FIELD_NAMES) as Field[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return rowOf(ctx, db, existing.id);
    db.prepare('UPDATE pairing_checks SET problem = ?, measures = ?, deadline = ?, responsible_person = ?, updated_at = ? WHERE id = ?').run(
      after.problem,
      after.measures,
      after.deadline,
      after.responsiblePerson,
      at,
      existing.id,
    );
    // Long texts are named as changed; short fields show before → after.
    const note = changed
      .map((key) => (key === 'problem' || key === 'measures' ? `${FIELD_NAMES[key]}已修改` : `${FIELD_NAMES[key]}：${before[key] || '（空）'} → ${after[key] || '（空）'}`))
      .join('；');
    addHistory(session, at, { checkId: existing.id, event: 'edited', from: existing.status, to: existing.status, note });
    record({ action: 'pairing.recordCheck', target: { type: 'pairingCheck', id: existing.id }, detail: { year: input.year, county: county.name, itemId: input.itemId, changed } });
    return rowOf(ctx, db, existing.id);
  });
}

export function closeCheck(ctx: CoreContext, input: ChannelInput<'pairing.closeCheck'>): PairingLedgerRow {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const check = requireCheck(db, input.checkId);
    if (check.status !== 'inProgress') throw new AppError('PAIRING_WRONG_STATUS');
    const closedOn = input.closedOn ?? today(ctx);
    if (closedOn > today(ctx)) throw new AppError('INVALID_INPUT', '销号日期不能晚于今天');
    const at = ctx.now().toISOString();
    db.prepare("UPDATE pairing_checks SET status = 'closed', closed_on = ?, closed_by = ?, updated_at = ? WHERE id = ?").run(closedOn, session.user.displayName, at, check.id);
    addHistory(session, at, { checkId: check.id, event: 'closed', from: check.status, to: 'closed', note: input.note ?? '' });
    record({ action: 'pairing.closeCheck', target: { type: 'pairingCheck', id: check.id }, detail: { year: check.year, regionId: check.region_id, itemId: check.item_id, closedOn } });
    return rowOf(ctx, db, check.id);
  });
}

export function reopenCheck(ctx: CoreContext, input: ChannelInput<'pairing.reopenCheck'>): PairingLedgerRow {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const check = requireCheck(db, input.checkId);
    if (check.status !== 'closed') throw new AppError('PAIRING_WRONG_STATUS');
    const at = ctx.now().toISOString();
    db.prepare("UPDATE pairing_checks SET status = 'inProgress', closed_on = NULL, closed_by = NULL, updated_at = ? WHERE id = ?").run(at, check.id);
    addHistory(session, at, { checkId: check.id, event: 'reopened', from: 'closed', to: 'inProgress', note: input.reason });
    record({ action: 'pairing.reopenCheck', target: { type: 'pairingCheck', id: check.id }, detail: { year: check.year, regionId: check.region_id, itemId: check.item_id, reason: input.reason } });
    return rowOf(ctx, db, check.id);
  });
}
