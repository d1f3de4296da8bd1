import type { ChannelInput, ChannelOutput, Inspection } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { InspectionsStore, type InspectionFields } from './inspections-store';

interface UnitRow {
  id: number;
  name: string;
  status: string;
}

export function listInspections(ctx: CoreContext, input: ChannelInput<'inspections.list'>): Inspection[] {
  return new InspectionsStore(ctx.active().vault.db).list(input);
}

export function lookbackTargets(ctx: CoreContext, input: ChannelInput<'inspections.lookbackTargets'>): Inspection[] {
  return new InspectionsStore(ctx.active().vault.db).earlierOfUnit(input.roundId, input.unitId);
}

export function createInspection(ctx: CoreContext, input: ChannelInput<'inspections.create'>): Inspection {
  return change(ctx, ({ vault }, record) => {
    const store = new InspectionsStore(vault.db);
    const fields = inspectionFields(input);
    const unit = requireUnit(vault.db, input.unitId);
    validate(vault.db, store, input.roundId, unit, fields, null);
    const id = store.insert(input.roundId, unit.id, fields, ctx.now().toISOString());
    record({ action: 'inspection.create', target: { type: 'inspection', id }, detail: { roundId: input.roundId, unit: unit.name, ...fields } });
    return store.byId(id)!;
  });
}

export function updateInspection(ctx: CoreContext, input: ChannelInput<'inspections.update'>): Inspection {
  return change(ctx, ({ vault }, record) => {
    const store = new InspectionsStore(vault.db);
    const before = store.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = inspectionFields(input);
    validate(vault.db, store, before.roundId, requireUnit(vault.db, before.unitId), fields, before.id);
    store.update(before.id, fields, ctx.now().toISOString());
    record({ action: 'inspection.update', target: { type: 'inspection', id: before.id }, detail: { unit: before.unitName, after: fields } });
    return store.byId(before.id)!;
  });
}

export function deleteInspection(ctx: CoreContext, input: ChannelInput<'inspections.delete'>): null {
  return change(ctx, ({ vault }, record) => {
    const store = new InspectionsStore(vault.db);
    const inspection = store.byId(input.id);
    if (!inspection) throw new AppError('NOT_FOUND');
    if (store.isFollowed(inspection.id)) throw new AppError('IN_USE', '该巡察已被后续“回头看”引用，不能删除');
    store.delete(inspection.id);
    record({ action: 'inspection.delete', target: { type: 'inspection', id: inspection.id }, detail: { roundId: inspection.roundId, unit: inspection.unitName } });
    return null;
  });
}

/**
 * Creates one inspection per unit in one transaction. Units already in the round are skipped
 * and reported; any other refusal (an abolished unit, a 回头看 with nothing to follow) stops
 * the whole batch with the unit named, so a batch never half-applies. A 回头看 batch without
 * an explicit target follows each unit's most recent earlier inspection.
 */
export function createBatch(ctx: CoreContext, input: ChannelInput<'inspections.createBatch'>): ChannelOutput<'inspections.createBatch'> {
  return change(ctx, ({ vault }, record) => {
    const store = new InspectionsStore(vault.db);
    const base = inspectionFields(input);
    const at = ctx.now().toISOString();
    const created: Inspection[] = [];
    const skipped: { unitId: number; unitName: string; reason: string }[] = [];
    for (const unitId of [...new Set(input.unitIds)]) {
      const unit = requireUnit(vault.db, unitId);
      if (store.inRound(input.roundId, unit.id) !== null) {
        skipped.push({ unitId: unit.id, unitName: unit.name, reason: '已列入本轮巡察' });
        continue;
      }
      const fields = { ...base };
      if (fields.mode === 'lookback' && fields.followsInspectionId === null) {
        fields.followsInspectionId = store.earlierOfUnit(input.roundId, unit.id)[0]?.id ?? null;
      }
      try {
        validate(vault.db, store, input.roundId, unit, fields, null);
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `${unit.name}：${error.message}`, { unitId: unit.id });
        throw error;
      }
      created.push(store.byId(store.insert(input.roundId, unit.id, fields, at))!);
    }
    record({
      action: 'inspection.createBatch',
      target: { type: 'round', id: input.roundId },
      detail: { mode: base.mode, created: created.length, skipped: skipped.length, units: created.map((i) => i.unitName).slice(0, 200) },
    });
    return { created, skipped };
  });
}

type InspectionFieldInput = Omit<ChannelInput<'inspections.update'>, 'id'>;

function inspectionFields(input: InspectionFieldInput): InspectionFields {
  return {
    groupId: input.groupId ?? null,
    mode: input.mode,
    topicId: input.mode === 'special' ? (input.topicId ?? null) : null,
    followsInspectionId: input.mode === 'lookback' ? (input.followsInspectionId ?? null) : null,
    linkage: input.linkage ?? false,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    note: input.note ?? '',
  };
}

function requireUnit(db: Db, unitId: number): UnitRow {
  const unit = db.prepare('SELECT id, name, status FROM units WHERE id = ?').get(unitId) as UnitRow | undefined;
  if (!unit) throw new AppError('INVALID_REFERENCE', '被巡察单位不存在');
  return unit;
}

function validate(db: Db, store: InspectionsStore, roundId: number, unit: UnitRow, fields: InspectionFields, selfId: number | null): void {
  if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
  if (unit.status !== 'active' && selfId === null) throw new AppError('INVALID_REFERENCE', `“${unit.name}”已撤并，不能再安排巡察`);
  const existing = store.inRound(roundId, unit.id);
  if (existing !== null && existing !== selfId) throw new AppError('ALREADY_IN_ROUND', `“${unit.name}”已列入本轮巡察`);
  if (fields.groupId !== null) {
    const group = db.prepare('SELECT round_id FROM inspection_groups WHERE id = ?').get(fields.groupId) as { round_id: number } | undefined;
    if (!group || group.round_id !== roundId) throw new AppError('INVALID_REFERENCE', '巡察组不属于本轮');
  }
  if (fields.mode === 'special') {
    if (fields.topicId === null) throw new AppError('TOPIC_REQUIRED');
    if (!db.prepare('SELECT 1 FROM special_topics WHERE id = ?').get(fields.topicId)) throw new AppError('INVALID_REFERENCE', '专项主题不存在');
  }
  if (fields.mode === 'lookback') {
    const earlier = store.earlierOfUnit(roundId, unit.id);
    if (fields.followsInspectionId === null || !earlier.some((i) => i.id === fields.followsInspectionId)) {
      throw new AppError('LOOKBACK_TARGET_REQUIRED');
    }
  }
  if (fields.startsOn && fields.endsOn && fields.endsOn < fields.startsOn) throw new AppError('INVALID_INPUT', '结束日期不能早于开始日期');
}
