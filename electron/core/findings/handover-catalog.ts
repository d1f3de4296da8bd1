import type { ChannelInput, HandoverCatalog } from '../../../shared/contract';
import type { handoverCatalogNames } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * The office's receiving bodies (接收单位) and disposal categories (处置方式): added, renamed,
 * reordered, retired. An entry some record uses is never deleted, only retired, so old
 * hand-overs and disposals keep their names; retired entries leave the choices for new ones.
 */

type CatalogName = (typeof handoverCatalogNames)[number];

/** Table and usage count per catalogue; names come from this map, never from input. */
const CATALOGS: Record<CatalogName, { table: string; label: string; uses: string }> = {
  receivers: {
    table: 'receivers',
    label: '接收单位',
    uses: `(SELECT count(*) FROM handovers WHERE receiver_id = x.id)
      + (SELECT count(*) FROM accountability_items WHERE receiver_id = x.id)
      + (SELECT count(*) FROM person_matters WHERE receiver_id = x.id)`,
  },
  disposalTypes: { table: 'disposal_types', label: '处置方式', uses: '(SELECT count(*) FROM clue_disposals WHERE disposal_type_id = x.id)' },
};

function entries(db: Db, name: CatalogName) {
  const { table, uses } = CATALOGS[name];
  const rows = db.prepare(`SELECT x.id, x.name, x.sort_order, x.retired, ${uses} AS uses FROM ${table} x ORDER BY x.sort_order, x.id`).all() as {
    id: number;
    name: string;
    sort_order: number;
    retired: number;
    uses: number;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order, retired: r.retired === 1, uses: r.uses }));
}

export function handoverCatalog(db: Db): HandoverCatalog {
  return { receivers: entries(db, 'receivers'), disposalTypes: entries(db, 'disposalTypes') };
}

function entryOf(db: Db, name: CatalogName, id: number) {
  const entry = entries(db, name).find((e) => e.id === id);
  if (!entry) throw new AppError('NOT_FOUND');
  return entry;
}

function assertNameFree(db: Db, name: CatalogName, entry: string, except?: number): void {
  const clash = entries(db, name).find((e) => e.name === entry && e.id !== except);
  if (clash) throw new AppError('DUPLICATE', clash.retired ? `“${entry}”已在列表中（已停用，可重新启用）` : `“${entry}”已在列表中`);
}

/** Hand-overs and disposals need at least one entry to choose from. */
function assertOneLeft(db: Db, name: CatalogName, leaving: number): void {
  if (!entries(db, name).some((e) => !e.retired && e.id !== leaving)) throw new AppError('INVALID_INPUT', `${CATALOGS[name].label}至少要保留一个在用的条目`);
}

export function addEntry(ctx: CoreContext, input: ChannelInput<'handoverCatalog.add'>): HandoverCatalog {
  return change(ctx, ({ vault: { db } }, record) => {
    assertNameFree(db, input.catalog, input.name);
    const { table } = CATALOGS[input.catalog];
    const next = (db.prepare(`SELECT coalesce(max(sort_order), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
    const id = Number(db.prepare(`INSERT INTO ${table} (name, sort_order) VALUES (?, ?)`).run(input.name, next).lastInsertRowid);
    record({ action: 'catalog.change', target: { type: input.catalog, id }, detail: { added: input.name } });
    return handoverCatalog(db);
  });
}

export function renameEntry(ctx: CoreContext, input: ChannelInput<'handoverCatalog.rename'>): HandoverCatalog {
  return change(ctx, ({ vault: { db } }, record) => {
    const before = entryOf(db, input.catalog, input.id);
    assertNameFree(db, input.catalog, input.name, input.id);
    db.prepare(`UPDATE ${CATALOGS[input.catalog].table} SET name = ? WHERE id = ?`).run(input.name, input.id);
    record({ action: 'catalog.change', target: { type: input.catalog, id: input.id }, detail: { from: before.name, to: input.name } });
    return handoverCatalog(db);
  });
}

export function reorderEntries(ctx: CoreContext, input: ChannelInput<'handoverCatalog.reorder'>): HandoverCatalog {
  return change(ctx, ({ vault: { db } }, record) => {
    const current = entries(db, input.catalog).map((e) => e.id);
    const same = input.ids.length === current.length && new Set(input.ids).size === current.length && input.ids.every((id) => current.includes(id));
    if (!same) throw new AppError('INVALID_INPUT', '排序须包含列表中的全部条目，且各出现一次');
    const update = db.prepare(`UPDATE ${CATALOGS[input.catalog].table} SET sort_order = ? WHERE id = ?`);
    input.ids.forEach((id, index) => update.run(index + 1, id));
    record({ action: 'catalog.change', detail: { catalog: input.catalog, reordered: input.ids } });
    return handoverCatalog(db);
  });
}

export function setRetired(ctx: CoreContext, input: ChannelInput<'handoverCatalog.setRetired'>): HandoverCatalog {
  return change(ctx, ({ vault: { db } }, record) => {
    const entry = entryOf(db, input.catalog, input.id);
    if (entry.retired === input.retired) return handoverCatalog(db);
    if (input.retired) assertOneLeft(db, input.catalog, input.id);
    db.prepare(`UPDATE ${CATALOGS[input.catalog].table} SET retired = ? WHERE id = ?`).run(input.retired ? 1 : 0, input.id);
    record({ action: 'catalog.change', target: { type: input.catalog, id: input.id }, detail: input.retired ? { retired: entry.name } : { restored: entry.name } });
    return handoverCatalog(db);
  });
}

export function deleteEntry(ctx: CoreContext, input: ChannelInput<'handoverCatalog.delete'>): HandoverCatalog {
  return change(ctx, ({ vault: { db } }, record) => {
    const entry = entryOf(db, input.catalog, input.id);
    if (entry.uses > 0) throw new AppError('IN_USE', `“${entry.name}”已被 ${entry.uses} 条记录使用，不能删除，只能停用`);
    if (!entry.retired) assertOneLeft(db, input.catalog, input.id);
    db.prepare(`DELETE FROM ${CATALOGS[input.catalog].table} WHERE id = ?`).run(input.id);
    record({ action: 'catalog.change', target: { type: input.catalog, id: input.id }, detail: { deleted: entry.name } });
    return handoverCatalog(db);
  });
}
