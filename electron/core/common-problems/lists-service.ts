import type { z } from 'zod';
import type { ChannelOutput, Channels, CommonList, CommonProblem } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { CommonStore } from './common-store';

/**
 * The lists: made as drafts, filled with common problems merged from problems of earlier rounds,
 * then issued (印发) to units with a date and a deadline, after which they are frozen.
 */

type In<C extends keyof Channels> = z.output<Channels[C]['input']>;

function requireList(store: CommonStore, id: number): CommonList {
  const list = store.list(id);
  if (!list) throw new AppError('NOT_FOUND', '共性问题清单不存在');
  return list;
}

function requireDraft(store: CommonStore, id: number): CommonList {
  const list = requireList(store, id);
  if (list.status !== 'draft') throw new AppError('COMMON_LIST_ISSUED');
  return list;
}

function requireItem(store: CommonStore, id: number): CommonProblem {
  const item = store.item(id);
  if (!item) throw new AppError('NOT_FOUND', '共性问题不存在');
  return item;
}

/** A category must exist and belong to the item's focus. */
function checkCategory(db: Db, categoryId: number | null, focus: string): void {
  if (categoryId === null) return;
  const row = db.prepare('SELECT focus FROM problem_categories WHERE id = ?').get(categoryId) as { focus: string } | undefined;
  if (!row) throw new AppError('INVALID_REFERENCE', '问题类别不存在');
  if (row.focus !== focus) throw new AppError('INVALID_INPUT', '问题类别与所属聚焦不一致');
}

export function lists(ctx: CoreContext): CommonList[] {
  return new CommonStore(ctx.active().vault.db).lists();
}

export function createList(ctx: CoreContext, input: In<'commonLists.create'>): CommonList {
  return change(ctx, ({ vault, user }, record) => {
    const store = new CommonStore(vault.db);
    const id = store.insertList(input.title, input.note, user.id, ctx.now().toISOString());
    record({ action: 'commonList.create', target: { type: 'commonList', id }, detail: { title: input.title } });
    return requireList(store, id);
  });
}

export function updateList(ctx: CoreContext, input: In<'commonLists.update'>): CommonList {
  return change(ctx, ({ vault }, record) => {
    const store = new CommonStore(vault.db);
    const before = requireDraft(store, input.id);
    store.updateList(input.id, input.title, input.note, ctx.now().toISOString());
    record({ action: 'commonList.update', target: { type: 'commonList', id: input.id }, detail: { from: before.title, to: input.title } });
    return requireList(store, input.id);
  });
}

export function items(ctx: CoreContext, input: In<'commonLists.items'>): ChannelOutput<'commonLists.items'> {
  const store = new CommonStore(ctx.active().vault.db);
  requireList(store, input.listId);
  return { items: store.items(input.listId, input.pageSize, (input.page - 1) * input.pageSize), total: store.itemCount(input.listId) };
}

export function merge(ctx: CoreContext, input: In<'commonProblems.merge'>): CommonProblem {
  return change(ctx, ({ vault }, record) => {
    const store = new CommonStore(vault.db);
    requireDraft(store, input.listId);
    checkCategory(vault.db, input.categoryId, input.focus);
    const unique = [...new Set(input.problemIds)];
    const id = store.insertItem(input.listId, input, ctx.now().toISOString());
    const linked = store.linkSources(id, unique);
    if (linked !== unique.length) throw new AppError('INVALID_REFERENCE', '所选问题中有的已不存在，请刷新后重新选择');
    const item = requireItem(store, id);
    record({
      action: 'commonProblem.merge',
      target: { type: 'commonList', id: input.listId },
      detail: { commonProblemId: id, sequence: item.sequence, focus: input.focus, problemIds: unique, rounds: item.rounds },
    });
    return item;
  });
}

export function updateItem(ctx: CoreContext, input: In<'commonProblems.update'>): CommonProblem {
  return change(ctx, ({ vault }, record) => {
    const store = new CommonStore(vault.db);
    const before = requireItem(store, input.id);
    requireDraft(store, before.listId);
    checkCategory(vault.db, input.categoryId, input.focus);
    store.updateItem(input.id, input, ctx.now().toISOString());
    record({
      action: 'commonProblem.update',
      target: { type: 'commonList', id: before.listId },
      detail: { commonProblemId: input.id, sequence: before.sequence, ...(before.focus !== input.focus ? { from: before.focus, to: input.focus } : {}), wordingChanged: before.wording !== input.wording },
    });
    return requireItem(store, input.id);
  });
}

export function deleteItem(ctx: CoreContext, id: number): null {
  return change(ctx, ({ vault }, record) => {
    const store = new CommonStore(vault.db);
    const item = requireItem(store, id);
    requireDraft(store, item.listId);
    store.deleteItem(id, item.listId, item.sequence);
    record({ action: 'commonProblem.delete', target: { type: 'commonList', id: item.listId }, detail: { commonProblemId: id, sequence: item.sequence, wording: item.wording.slice(0, 200) } });
    return null;
  });
}

/** The active units a selection names: by kind (and region), plus the ones picked by hand. */
function selectedUnits(db: Db, units: In<'commonLists.issue'>['units']): number[] {
  const chosen = new Set<number>();
  if (units.kindIds.length > 0) {
    const rows = db
      .prepare(
        `SELECT id FROM units WHERE status = 'active' AND kind_id IN (SELECT value FROM json_each(@kinds))
           AND (json_array_length(@regions) = 0 OR ifnull(region_id, 0) IN (SELECT value FROM json_each(@regions)))`,
      )
      .pluck()
      .all({ kinds: JSON.stringify(units.kindIds), regions: JSON.stringify(units.regionIds) }) as number[];
    rows.forEach((id) => chosen.add(id));
  }
  if (units.unitIds.length > 0) {
    const found = db.prepare("SELECT id FROM units WHERE id IN (SELECT value FROM json_each(?)) AND status = 'active'").pluck().all(JSON.stringify(units.unitIds)) as number[];
    if (found.length !== new Set(units.unitIds).size) throw new AppError('INVALID_REFERENCE', '所选单位中有的不存在或已撤并');
    found.forEach((id) => chosen.add(id));
  }
  return [...chosen].sort((a, b) => a - b);
}

export function issue(ctx: CoreContext, input: In<'commonLists.issue'>): CommonList {
  return change(ctx, ({ vault, user }, record) => {
    const store = new CommonStore(vault.db);
    const list = requireDraft(store, input.id);
    if (list.items === 0) throw new AppError('INVALID_INPUT', '清单中还没有共性问题，不能印发');
    const unitIds = selectedUnits(vault.db, input.units);
    if (unitIds.length === 0) throw new AppError('INVALID_INPUT', '请选择印发的单位');
    const termId = store.termOn(input.issuedOn);
    store.issue(input.id, { issuedOn: input.issuedOn, deadline: input.deadline, termId, by: user.id, at: ctx.now().toISOString() }, unitIds);
    record({
      action: 'commonList.issue',
      target: { type: 'commonList', id: input.id },
      detail: { from: 'draft', to: 'issued', issuedOn: input.issuedOn, deadline: input.deadline, items: list.items, units: unitIds.length, termId },
    });
    return requireList(store, input.id);
  });
}

export function listUnits(ctx: CoreContext, input: In<'commonLists.units'>): ChannelOutput<'commonLists.units'> {
  const db = ctx.active().vault.db;
  requireList(new CommonStore(db), input.listId);
  const params = { listId: input.listId, text: input.text ?? '', limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  const where = `lu.list_id = @listId AND (@text = '' OR instr(u.name, @text) > 0)`;
  const from = 'FROM common_list_units lu JOIN units u ON u.id = lu.unit_id JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions r ON r.id = u.region_id';
  const total = (db.prepare(`SELECT count(*) AS n ${from} WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT u.id AS unit_id, u.name AS unit_name, r.name AS region_name, k.name AS kind_name,
         coalesce(s.checked, 0) AS checked, coalesce(s.found, 0) AS found, coalesce(s.fixed, 0) AS fixed
       ${from} LEFT JOIN common_scorecard s ON s.list_id = lu.list_id AND s.unit_id = lu.unit_id
       WHERE ${where} ORDER BY ifnull(r.sort_order, -1), r.id, k.sort_order, u.name, u.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as { unit_id: number; unit_name: string; region_name: string | null; kind_name: string; checked: number; found: number; fixed: number }[];
  return {
    total,
    items: rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, regionName: r.region_name, kindName: r.kind_name, checked: r.checked, found: r.found, fixed: r.fixed })),
  };
}
