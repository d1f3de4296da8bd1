import type { ChannelInput, ChannelOutput, RectificationDetail, RectificationEvent, RectificationStatus } from '../../../shared/contract';
import type { AuditAction } from '../../../shared/audit';
import type { AuditEvent } from '../audit/audit-log';
import { change, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { EVIDENCE_OWNER, RectificationStore, statusCounts, type ItemFields } from './rectification-store';

/**
 * The rectification ledger (整改台账): one item per problem, moved through 未启动 → 整改中 →
 * 已完成待审核 → 已销号 by the inspection staff and closed (or sent back) by a reviewer (动态销号).
 * Every change is one transaction that writes the item, a line of its own history and an
 * audit entry.
 */

/** Measures, people and deadline can change, and evidence be added, only before submission. */
export const EDITABLE: readonly RectificationStatus[] = ['notStarted', 'inProgress'];

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

export function detail(ctx: CoreContext, session: ActiveSession, id: number): RectificationDetail {
  const store = new RectificationStore(session.vault.db);
  const item = store.byId(id, today(ctx));
  if (!item) throw new AppError('NOT_FOUND', '整改事项不存在');
  const files = new FileStore(session.vault)
    .ofOwner(EVIDENCE_OWNER, id)
    .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256, uploadedAt: f.createdAt }));
  return { ...item, files, history: store.history(id) };
}

export function getItem(ctx: CoreContext, id: number): RectificationDetail {
  return detail(ctx, ctx.active(), id);
}

export function ledger(ctx: CoreContext, input: ChannelInput<'rectification.ledger'> & { page: number; pageSize: number }): ChannelOutput<'rectification.ledger'> {
  const db = ctx.active().vault.db;
  if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(input.inspectionId)) throw new AppError('NOT_FOUND', '巡察任务不存在');
  const store = new RectificationStore(db);
  const page = store.ledger(input.inspectionId, input.status, input, today(ctx));
  const counts = statusCounts(
    db.prepare('SELECT status, count(*) AS n FROM rectification_items WHERE inspection_id = ? GROUP BY status').all(input.inspectionId) as { status: RectificationStatus; n: number }[],
  );
  const problemsWithoutItem = db
    .prepare('SELECT count(*) FROM problems p WHERE p.inspection_id = ? AND NOT EXISTS (SELECT 1 FROM rectification_items ri WHERE ri.problem_id = p.id)')
    .pluck()
    .get(input.inspectionId) as number;
  return { ...page, byStatus: counts, problemsWithoutItem };
}

export function createItems(ctx: CoreContext, input: ChannelInput<'rectification.createItems'>): ChannelOutput<'rectification.createItems'> {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const inspection = db.prepare('SELECT round_id, unit_id FROM inspections WHERE id = ?').get(input.inspectionId) as { round_id: number; unit_id: number } | undefined;
    if (!inspection) throw new AppError('NOT_FOUND', '巡察任务不存在');
    const problems = db
      .prepare('SELECT p.id, EXISTS (SELECT 1 FROM rectification_items ri WHERE ri.problem_id = p.id) AS has_item FROM problems p WHERE p.inspection_id = ? ORDER BY p.id')
      .all(input.inspectionId) as { id: number; has_item: number }[];
    const own = new Map((input.perProblem ?? []).map((p) => [p.problemId, itemFields(p)]));
    let chosen = problems;
    if (input.problemIds !== undefined || own.size > 0) {
      const wanted = new Set([...(input.problemIds ?? []), ...own.keys()]);
      chosen = problems.filter((p) => wanted.has(p.id));
      if (chosen.length !== wanted.size) throw new AppError('INVALID_REFERENCE', '所选问题不属于该巡察任务');
    }
    const fresh = chosen.filter((p) => p.has_item === 0);
    const store = new RectificationStore(db);
    const at = ctx.now().toISOString();
    const common = itemFields(input);
    const ids: number[] = [];
    for (const problem of fresh) {
      const fields = own.get(problem.id) ?? common;
      const id = store.insert({ id: problem.id, inspectionId: input.inspectionId, roundId: inspection.round_id, unitId: inspection.unit_id }, fields, session.user.id, at);
      store.addHistory({ itemId: id, event: 'created', from: null, to: 'notStarted', note: '', actorId: session.user.id, actorName: session.user.displayName, at });
      ids.push(id);
    }
    if (ids.length > 0) {
      record({
        action: 'rectification.createItems',
        target: { type: 'inspection', id: input.inspectionId },
        detail: { created: ids.length, itemIds: ids, problemIds: fresh.map((p) => p.id), ...(own.size === 0 ? { deadline: common.deadline } : {}) },
      });
    }
    return { created: ids.length, skipped: chosen.length - fresh.length };
  });
}

const FIELD_NAMES: Record<keyof ItemFields, string> = {
  measures: '整改措施',
  responsiblePerson: '责任人',
  responsibleUnit: '责任单位',
  deadline: '整改时限',
};

export function updateItem(ctx: CoreContext, input: ChannelInput<'rectification.update'>): RectificationDetail {
  return change(ctx, (session, record) => {
    const store = new RectificationStore(session.vault.db);
    const before = requireItem(ctx, store, input.id);
    if (!EDITABLE.includes(before.status)) throw new AppError('RECTIFICATION_LOCKED');
    const after = itemFields(input);
    const changed = (Object.keys(FIELD_NAMES) as (keyof ItemFields)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return detail(ctx, session, input.id);
    const at = ctx.now().toISOString();
    store.update(input.id, after, at);
    // The history says what changed; a long text of measures is named, not repeated.
    const note = changed
      .map((key) => (key === 'measures' ? `${FIELD_NAMES[key]}已修改` : `${FIELD_NAMES[key]}：${before[key] || '（空）'} → ${after[key] || '（空）'}`))
      .join('；');
    store.addHistory({ itemId: input.id, event: 'edited', from: before.status, to: before.status, note, actorId: session.user.id, actorName: session.user.displayName, at });
    // Changed fields as before → after; the measures only as changed (their text is in the ledger).
    const shown = changed.filter((key) => key !== 'measures');
    record({
      action: 'rectification.update',
      target: { type: 'rectification', id: input.id },
      detail: {
        problemId: before.problemId,
        ...(changed.includes('measures') ? { measuresChanged: true } : {}),
        ...(shown.length ? { before: Object.fromEntries(shown.map((key) => [key, before[key]])), after: Object.fromEntries(shown.map((key) => [key, after[key]])) } : {}),
      },
    });
    return detail(ctx, session, input.id);
  });
}

/** The moves of the status machine: from where, by which event, audited as what. */
const MOVES: Record<'inProgress' | 'awaitingReview', { from: RectificationStatus; event: RectificationEvent; action: AuditAction }> = {
  inProgress: { from: 'notStarted', event: 'started', action: 'rectification.start' },
  awaitingReview: { from: 'inProgress', event: 'submitted', action: 'rectification.submit' },
};

/** What change() hands a service to append an audit entry as the signed-in user. */
type Recorder = (event: Omit<AuditEvent, 'actor'>) => void;

/** One move of the status machine, inside the caller's transaction: item, history, audit. */
function advanceOne(ctx: CoreContext, session: ActiveSession, record: Recorder, id: number, to: 'inProgress' | 'awaitingReview', note: string): void {
  const store = new RectificationStore(session.vault.db);
  const item = requireState(store, id);
  const move = MOVES[to];
  if (item.status !== move.from) throw new AppError('RECTIFICATION_WRONG_STATUS', undefined, { itemId: id });
  if (to === 'awaitingReview' && (!item.measures || !item.responsiblePerson || !item.responsibleUnit || !item.deadline)) {
    throw new AppError('RECTIFICATION_INCOMPLETE', undefined, { itemId: id });
  }
  const at = ctx.now().toISOString();
  store.setStatus(id, to, null, at);
  store.addHistory({ itemId: id, event: move.event, from: item.status, to, note, actorId: session.user.id, actorName: session.user.displayName, at });
  record({ action: move.action, target: { type: 'rectification', id }, detail: { problemId: item.problemId, from: item.status, to, ...(note ? { note } : {}) } });
}

export function advance(ctx: CoreContext, input: ChannelInput<'rectification.advance'>): RectificationDetail {
  return change(ctx, (session, record) => {
    advanceOne(ctx, session, record, input.id, input.to, input.note ?? '');
    return detail(ctx, session, input.id);
  });
}

export function advanceMany(ctx: CoreContext, input: ChannelInput<'rectification.advanceMany'>): ChannelOutput<'rectification.advanceMany'> {
  return change(ctx, (session, record) => {
    const ids = [...new Set(input.ids)];
    for (const id of ids) advanceOne(ctx, session, record, id, input.to, input.note ?? '');
    return { updated: ids.length };
  });
}

/** 销号审核 of one item inside the caller's transaction: accepted closes it (today, or the day given); sent back returns it to 整改中 with the reason. */
function reviewOne(
  ctx: CoreContext,
  session: ActiveSession,
  record: Recorder,
  id: number,
  review: { decision: 'accepted' | 'sentBack'; reason: string; closedOn: string | undefined },
): void {
  const store = new RectificationStore(session.vault.db);
  const item = requireState(store, id);
  if (item.status !== 'awaitingReview') throw new AppError('RECTIFICATION_WRONG_STATUS', undefined, { itemId: id });
  const at = ctx.now().toISOString();
  const accepted = review.decision === 'accepted';
  const to: RectificationStatus = accepted ? 'closed' : 'inProgress';
  const closedOn = review.closedOn ?? today(ctx);
  if (accepted && closedOn > today(ctx)) throw new AppError('INVALID_INPUT', '销号日期不能晚于今天');
  store.setStatus(id, to, accepted ? closedOn : null, at);
  store.addHistory({ itemId: id, event: review.decision, from: item.status, to, note: review.reason, actorId: session.user.id, actorName: session.user.displayName, at });
  record({
    action: accepted ? 'rectification.accept' : 'rectification.sendBack',
    target: { type: 'rectification', id },
    detail: { problemId: item.problemId, from: item.status, to, ...(review.reason ? { reason: review.reason } : {}), ...(accepted ? { closedOn } : {}) },
  });
}

export function review(ctx: CoreContext, input: ChannelInput<'rectification.review'>): RectificationDetail {
  return change(ctx, (session, record) => {
    reviewOne(ctx, session, record, input.id, { decision: input.decision, reason: input.reason ?? '', closedOn: input.closedOn });
    return detail(ctx, session, input.id);
  });
}

export function reviewMany(ctx: CoreContext, input: ChannelInput<'rectification.reviewMany'>): ChannelOutput<'rectification.reviewMany'> {
  return change(ctx, (session, record) => {
    const ids = [...new Set(input.ids)];
    for (const id of ids) reviewOne(ctx, session, record, id, { decision: input.decision, reason: input.reason ?? '', closedOn: input.closedOn });
    return { updated: ids.length };
  });
}

function requireState(store: RectificationStore, id: number) {
  const item = store.state(id);
  if (!item) throw new AppError('NOT_FOUND', '整改事项不存在');
  return item;
}

function requireItem(ctx: CoreContext, store: RectificationStore, id: number) {
  const item = store.byId(id, today(ctx));
  if (!item) throw new AppError('NOT_FOUND', '整改事项不存在');
  return item;
}

function itemFields(input: { measures?: string | undefined; responsiblePerson?: string | undefined; responsibleUnit?: string | undefined; deadline?: string | null | undefined }): ItemFields {
  return {
    measures: input.measures ?? '',
    responsiblePerson: input.responsiblePerson ?? '',
    responsibleUnit: input.responsibleUnit ?? '',
    deadline: input.deadline ?? null,
  };
}
