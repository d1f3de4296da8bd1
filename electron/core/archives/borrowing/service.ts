/**
 * 借阅登记: requests to view or borrow archive items, their approval and their return, with the
 * rules of shared/channels/archives-borrowing.ts. Every step is audited with the request's id
 * and the items' 档号; the reads it allows are audited by items-service.ts.
 */
import type { Borrowing, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { actorOf, change, localDate, type ActiveSession, type CoreContext } from '../../context';
import { AppError } from '../../errors';
import { archiveAccess, isClassified, mayRead } from '../access';
import { displayTitle } from '../archive-code';
import { BorrowingStore, type BorrowingRow } from './store';

const mayApprove = (session: ActiveSession) => roleMay(session.user.role, 'archives.approve');

/** The request as the signed-in user sees it: titles and files only of what they may read now. */
function present(session: ActiveSession, row: BorrowingRow, today: string): Borrowing {
  const db = session.vault.db;
  const access = archiveAccess(session);
  const overdue = row.status === 'approved' && row.due_date < today;
  const active = row.status === 'approved' && !overdue && row.requester_id === session.user.id;
  const files = db.prepare('SELECT f.attachment_id AS id, a.file_name AS fileName, a.mime, a.size, a.sha256 FROM archive_files f JOIN attachments a ON a.id = f.attachment_id WHERE f.item_id = ? ORDER BY f.attachment_id');
  const items = new BorrowingStore(db).items(row.id).map((item) => {
    const shape = { clueMaterial: item.clue_material === 1, classification: item.classification };
    const readable = mayRead(access, shape) || (active && !shape.clueMaterial && isClassified(item.classification));
    return {
      itemId: item.id,
      archiveCode: item.archive_code,
      title: readable ? displayTitle(item.title, item.title_supplied === 1) : null,
      classification: item.classification,
      files: readable ? (files.all(item.id) as Borrowing['items'][number]['files']) : [],
    };
  });
  return {
    id: row.id,
    requesterId: row.requester_id,
    requesterName: row.requester_name,
    mode: row.mode,
    purpose: row.purpose,
    dueDate: row.due_date,
    status: row.status,
    overdue,
    active,
    requestedAt: row.requested_at,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    returnedAt: row.returned_at,
    items,
  };
}

/** The request if the user may see it (their own, or any for approvers); NOT_FOUND otherwise. */
function visibleRequest(session: ActiveSession, id: number): BorrowingRow {
  const row = new BorrowingStore(session.vault.db).get(id);
  if (!row || (row.requester_id !== session.user.id && !mayApprove(session))) throw new AppError('NOT_FOUND');
  return row;
}

export function listBorrowings(ctx: CoreContext, input: ChannelInput<'archives.borrowings'> & { page: number; pageSize: number }): ChannelOutput<'archives.borrowings'> {
  const session = ctx.active();
  const today = localDate(ctx.now());
  const { rows, total } = new BorrowingStore(session.vault.db).list(
    { view: input.view ?? 'all', onlyRequester: mayApprove(session) ? null : session.user.id, me: session.user.id, today },
    { page: input.page, pageSize: input.pageSize },
  );
  return { items: rows.map((row) => present(session, row, today)), total };
}

/**
 * Items are named by 档号, as on the paper catalogue: a 密件 the user cannot list may still be
 * asked for. Clue material is not lent to those who may not read clues (it "does not exist").
 */
export function requestBorrowing(ctx: CoreContext, input: ChannelInput<'archives.borrow'>): Borrowing {
  return change(ctx, (session, record) => {
    const today = localDate(ctx.now());
    if (input.dueDate < today) throw new AppError('INVALID_INPUT', '归还日期不能早于今天');
    const access = archiveAccess(session);
    const find = session.vault.db.prepare('SELECT id, clue_material FROM archive_items WHERE archive_code = ?');
    const codes = [...new Set(input.archiveCodes.map((code) => code.trim()))];
    const ids = codes.map((code) => {
      const found = find.get(code) as { id: number; clue_material: number } | undefined;
      if (!found || (found.clue_material === 1 && !access.mayReadClues)) throw new AppError('INVALID_REFERENCE', `档号 ${code} 不存在`);
      return found.id;
    });
    const store = new BorrowingStore(session.vault.db);
    const id = store.insert({ requesterId: session.user.id, mode: input.mode, purpose: input.purpose, dueDate: input.dueDate, at: ctx.now().toISOString() }, ids);
    record({ action: 'archive.borrow', target: { type: 'archiveBorrowing', id }, detail: { archiveCodes: codes, mode: input.mode, dueDate: input.dueDate } });
    return present(session, store.get(id)!, today);
  });
}

export function decideBorrowing(ctx: CoreContext, input: ChannelInput<'archives.decideBorrowing'>): Borrowing {
  const session = ctx.active();
  const row = visibleRequest(session, input.id);
  if (row.requester_id === session.user.id) {
    session.audit.append({ action: 'permission.denied', actor: actorOf(session.user), outcome: 'denied', target: { type: 'archiveBorrowing', id: row.id }, detail: { what: 'selfApproval' } });
    throw new AppError('BORROW_SELF_APPROVAL');
  }
  return change(ctx, (s, record) => {
    const store = new BorrowingStore(s.vault.db);
    if (store.get(row.id)?.status !== 'pending') throw new AppError('BORROW_WRONG_STATUS');
    const status = input.approve ? 'approved' : 'refused';
    store.decide(row.id, status, s.user.id, ctx.now().toISOString(), input.note ?? '');
    record({
      action: 'archive.borrowDecide',
      target: { type: 'archiveBorrowing', id: row.id },
      detail: { status, archiveCodes: store.items(row.id).map((item) => item.archive_code), requesterId: row.requester_id, dueDate: row.due_date },
    });
    return present(s, store.get(row.id)!, localDate(ctx.now()));
  });
}

/** A 借出 comes back through the archivist; a 查阅 may also be ended by the requester. */
export function returnBorrowing(ctx: CoreContext, input: ChannelInput<'archives.returnBorrowing'>): Borrowing {
  const session = ctx.active();
  const row = visibleRequest(session, input.id);
  const own = row.requester_id === session.user.id;
  if (!mayApprove(session) && !(own && row.mode === 'view')) throw new AppError('PERMISSION_DENIED');
  return change(ctx, (s, record) => {
    const store = new BorrowingStore(s.vault.db);
    if (store.get(row.id)?.status !== 'approved') throw new AppError('BORROW_WRONG_STATUS');
    const today = localDate(ctx.now());
    store.markReturned(row.id, s.user.id, ctx.now().toISOString());
    record({ action: 'archive.borrowReturn', target: { type: 'archiveBorrowing', id: row.id }, detail: { mode: row.mode, dueDate: row.due_date, late: row.due_date < today } });
    return present(s, store.get(row.id)!, today);
  });
}
