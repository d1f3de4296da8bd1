import type { ChannelInput, ChannelOutput, Unit } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { InspectionsStore } from '../inspections/inspections-store';
import type { Db } from '../vault/database';
import { UnitsStore, type UnitFields } from './units-store';

export function listUnits(ctx: CoreContext, input: ChannelInput<'units.list'> & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = input;
  return new UnitsStore(ctx.active().vault.db).list(filter, { page, pageSize });
}

export function getUnit(ctx: CoreContext, id: number): ChannelOutput<'units.get'> {
  const db = ctx.active().vault.db;
  const store = new UnitsStore(db);
  const unit = store.byId(id);
  if (!unit) throw new AppError('NOT_FOUND');
  return {
    ...unit,
    assessments: store.assessments(id),
    children: store.children(id),
    inspections: new InspectionsStore(db)
      .list({ unitId: id })
      .map((i) => ({ id: i.id, roundId: i.roundId, roundLabel: i.roundLabel, mode: i.mode, groupNumber: i.groupNumber })),
  };
}

export function createUnit(ctx: CoreContext, input: ChannelInput<'units.create'>): Unit {
  return change(ctx, ({ vault }, record) => {
    const store = new UnitsStore(vault.db);
    const fields = unitFields(input);
    validateUnit(vault.db, store, fields, null);
    const id = store.insert(fields, ctx.now().toISOString());
    record({ action: 'unit.create', target: { type: 'unit', id }, detail: { ...fields } });
    return store.byId(id)!;
  });
}

export function updateUnit(ctx: CoreContext, input: ChannelInput<'units.update'>): Unit {
  return change(ctx, ({ vault }, record) => {
    const store = new UnitsStore(vault.db);
    const before = store.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = unitFields(input);
    validateUnit(vault.db, store, fields, input.id);
    store.update(input.id, fields, ctx.now().toISOString());
    record({
      action: 'unit.update',
      target: { type: 'unit', id: input.id },
      detail: { before: { name: before.name, kindId: before.kindId, regionId: before.regionId, parentId: before.parentId }, after: { ...fields } },
    });
    return store.byId(input.id)!;
  });
}

/** Merged or abolished units keep their history and past inspections; coverage reads the date. */
export function setUnitStatus(ctx: CoreContext, input: ChannelInput<'units.setStatus'>): Unit {
  return change(ctx, ({ vault }, record) => {
    const store = new UnitsStore(vault.db);
    const before = store.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.status !== 'active' && !input.on) throw new AppError('INVALID_INPUT', '请填写撤并日期');
    store.setStatus(input.id, input.status, input.on, ctx.now().toISOString());
    record({ action: 'unit.setStatus', target: { type: 'unit', id: input.id }, detail: { name: before.name, from: before.status, to: input.status, on: input.on } });
    return store.byId(input.id)!;
  });
}

export function unitFields(input: ChannelInput<'units.create'>): UnitFields {
  return {
    name: input.name,
    kindId: input.kindId,
    regionId: input.regionId,
    parentId: input.parentId ?? null,
    partyOrgType: input.partyOrgType,
    establishedOn: input.establishedOn ?? null,
    note: input.note ?? '',
  };
}

export function validateUnit(db: Db, store: UnitsStore, fields: UnitFields, selfId: number | null): void {
  if (!db.prepare('SELECT 1 FROM unit_kinds WHERE id = ?').get(fields.kindId)) throw new AppError('INVALID_REFERENCE', '单位类别不存在');
  if (fields.regionId !== null && !db.prepare('SELECT 1 FROM regions WHERE id = ?').get(fields.regionId)) {
    throw new AppError('INVALID_REFERENCE', '旗县区不存在');
  }
  if (fields.parentId !== null) {
    if (!store.byId(fields.parentId)) throw new AppError('INVALID_REFERENCE', '上级单位不存在');
    if (selfId !== null && store.wouldLoop(selfId, fields.parentId)) throw new AppError('INVALID_REFERENCE', '上级单位不能是本单位或其下属单位');
  }
  const clash = store.findByName(fields.name, fields.regionId);
  if (clash !== null && clash !== selfId) throw new AppError('DUPLICATE', `同一地区已有名为“${fields.name}”的单位`);
}
