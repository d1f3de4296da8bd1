import type { z } from 'zod';
import type { ChannelOutput, Channels, SelfCheckRow } from '../../../shared/contract';
import { change, localDate, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { readEvidence, storeEvidenceUpload } from '../files/evidence';
import { CommonStore, SELF_CHECK_OWNER, toSelfCheck, type SelfCheckRecord } from './common-store';

/**
 * Each unit's self-check (对照自查) of each item of an issued list: found or not, what it fixed,
 * when, and evidence. On time means fixed on or before the list's deadline.
 */

type In<C extends keyof Channels> = z.output<Channels[C]['input']>;
type Recorder = Parameters<Parameters<typeof change>[1]>[1];


/** What a self-check says in one word, for the audit trail of its changes. */
function stateOf(check: Pick<SelfCheckRecord, 'found' | 'fixedOn'> | null): string {
  if (!check) return 'unchecked';
  if (!check.found) return 'notFound';
  return check.fixedOn ? 'fixed' : 'found';
}

/** The issued list the item belongs to, and that the unit is among its recipients. */
function scopeOf(store: CommonStore, commonProblemId: number, unitId: number) {
  const item = store.item(commonProblemId);
  if (!item) throw new AppError('NOT_FOUND', '共性问题不存在');
  const list = store.list(item.listId);
  if (!list || list.status !== 'issued' || !list.deadline) throw new AppError('COMMON_LIST_NOT_ISSUED');
  if (!store.hasUnit(list.id, unitId)) throw new AppError('INVALID_REFERENCE', '该单位不在本清单的印发范围内');
  return { item, list: { ...list, deadline: list.deadline } };
}

function rowOf(ctx: CoreContext, store: CommonStore, listId: number, unitId: number, commonProblemId: number): SelfCheckRow {
  const row = ofUnitRows(ctx, store, listId, unitId).find((r) => r.commonProblemId === commonProblemId);
  if (!row) throw new AppError('NOT_FOUND', '共性问题不存在');
  return row;
}

function ofUnitRows(ctx: CoreContext, store: CommonStore, listId: number, unitId: number): SelfCheckRow[] {
  const files = new FileStore(ctx.active().vault);
  return store.checksOfUnit(listId, unitId).map((row) => ({
    commonProblemId: row.id,
    sequence: row.sequence,
    focus: row.focus,
    wording: row.wording,
    check: row.check
      ? toSelfCheck(
          row.check,
          files.ofOwner(SELF_CHECK_OWNER, row.check.id).map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256, uploadedAt: f.createdAt })),
        )
      : null,
  }));
}

export function ofUnit(ctx: CoreContext, input: In<'selfChecks.ofUnit'>): SelfCheckRow[] {
  const store = new CommonStore(ctx.active().vault.db);
  const list = store.list(input.listId);
  if (!list) throw new AppError('NOT_FOUND', '共性问题清单不存在');
  if (!store.hasUnit(input.listId, input.unitId)) throw new AppError('INVALID_REFERENCE', '该单位不在本清单的印发范围内');
  return ofUnitRows(ctx, store, input.listId, input.unitId);
}

type SaveInput = In<'selfChecks.save'>;

/** One self-check written and audited inside the caller's transaction; returns the item's list. */
function saveOne(ctx: CoreContext, store: CommonStore, userId: number, record: Recorder, input: SaveInput): number {
  const { item, list } = scopeOf(store, input.commonProblemId, input.unitId);
  if (input.fixedOn !== null && input.fixedOn > localDate(ctx.now())) throw new AppError('INVALID_INPUT', '整改完成日期不能晚于今天');
  if (input.found && input.fixedOn !== null && input.measures.length === 0) throw new AppError('INVALID_INPUT', '已整改的问题须填写整改措施');
  const before = store.selfCheck(input.commonProblemId, input.unitId);
  const onTime = input.found && input.fixedOn !== null && input.fixedOn <= list.deadline;
  const id = store.saveSelfCheck(
    { commonProblemId: input.commonProblemId, unitId: input.unitId, listId: list.id, termId: list.termId },
    { found: input.found, measures: input.measures, fixedOn: input.fixedOn, onTime, note: input.note },
    userId,
    ctx.now().toISOString(),
  );
  record({
    action: 'selfCheck.save',
    target: { type: 'selfCheck', id },
    detail: { listId: list.id, commonProblemId: item.id, sequence: item.sequence, unitId: input.unitId, from: stateOf(before), to: stateOf(input), fixedOn: input.fixedOn, onTime },
  });
  return list.id;
}

export function save(ctx: CoreContext, input: SaveInput): SelfCheckRow {
  return change(ctx, ({ vault, user }, record) => {
    const store = new CommonStore(vault.db);
    const listId = saveOne(ctx, store, user.id, record, input);
    return rowOf(ctx, store, listId, input.unitId, input.commonProblemId);
  });
}

/** A unit's whole sheet at once (as it reports it on paper), in one transaction: all or none. */
export function saveMany(ctx: CoreContext, input: In<'selfChecks.saveMany'>): ChannelOutput<'selfChecks.saveMany'> {
  return change(ctx, ({ vault, user }, record) => {
    const store = new CommonStore(vault.db);
    for (const check of input.checks) saveOne(ctx, store, user.id, record, { ...check, unitId: input.unitId });
    return { saved: input.checks.length };
  });
}

export async function attachEvidence(ctx: CoreContext, input: In<'selfChecks.attachEvidence'>): Promise<SelfCheckRow> {
  const session = ctx.active();
  const store = new CommonStore(session.vault.db);
  const check = store.selfCheckById(input.selfCheckId);
  if (!check) throw new AppError('NOT_FOUND', '自查记录不存在，请先保存自查情况');
  const { list } = scopeOf(store, check.commonProblemId, check.unitId);
  const file = await storeEvidenceUpload(session, input, { type: SELF_CHECK_OWNER, id: check.id }, ctx.now().toISOString());
  return change(ctx, (_active, record) => {
    record({ action: 'selfCheck.attachEvidence', target: { type: 'selfCheck', id: check.id }, detail: { listId: list.id, unitId: check.unitId, fileId: file.id, size: file.size, sha256: file.sha256 } });
    return rowOf(ctx, store, list.id, check.unitId, check.commonProblemId);
  });
}

export async function viewEvidence(ctx: CoreContext, input: In<'selfChecks.viewEvidence'>): Promise<ChannelOutput<'selfChecks.viewEvidence'>> {
  const session = ctx.active();
  return readEvidence(session, input.fileId, { type: SELF_CHECK_OWNER, id: input.selfCheckId }, { action: 'selfCheck.viewEvidence', target: { type: 'selfCheck', id: input.selfCheckId } });
}
