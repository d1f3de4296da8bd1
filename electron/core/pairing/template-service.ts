import type { ChannelInput, PairingItem } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * 督导事项模板: the supervision items in their 4 aspects. An item no ledger has used is edited in
 * place; one already used is retired and a new item takes its place and order, so every
 * self-check keeps the wording it was made against.
 */

const SELECT = `SELECT i.id, i.aspect, i.text, i.sort_order AS sortOrder,
  (SELECT count(*) FROM pairing_checks c WHERE c.item_id = i.id) AS used FROM pairing_items i`;

export function activeItems(db: Db): PairingItem[] {
  return db.prepare(`${SELECT} WHERE i.retired_at IS NULL ORDER BY i.sort_order, i.id`).all() as PairingItem[];
}

function itemById(db: Db, id: number): (PairingItem & { retired: number }) | undefined {
  return db.prepare(`${SELECT.replace('FROM pairing_items i', ', i.retired_at IS NOT NULL AS retired FROM pairing_items i')} WHERE i.id = ?`).get(id) as
    | (PairingItem & { retired: number })
    | undefined;
}

export function template(ctx: CoreContext): PairingItem[] {
  return activeItems(ctx.active().vault.db);
}

export function saveItem(ctx: CoreContext, input: ChannelInput<'pairing.saveItem'>): PairingItem {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const at = ctx.now().toISOString();
    const insert = (sortOrder: number) =>
      Number(db.prepare('INSERT INTO pairing_items (aspect, text, sort_order, created_at) VALUES (?, ?, ?, ?)').run(input.aspect, input.text, sortOrder, at).lastInsertRowid);
    if (input.id === undefined) {
      const order = input.sortOrder ?? (db.prepare('SELECT coalesce(max(sort_order), 0) + 10 FROM pairing_items').pluck().get() as number);
      const id = insert(order);
      record({ action: 'pairing.saveItem', target: { type: 'pairingItem', id }, detail: { aspect: input.aspect, text: input.text } });
      return itemById(db, id)!;
    }
    const before = itemById(db, input.id);
    if (!before || before.retired) throw new AppError('NOT_FOUND', '督导事项不存在或已停用');
    const order = input.sortOrder ?? before.sortOrder;
    if (before.text === input.text && before.aspect === input.aspect && before.sortOrder === order) return before;
    let id = input.id;
    // Moving an item keeps its wording: only a new wording (or aspect) of a used item retires it.
    const reworded = before.text !== input.text || before.aspect !== input.aspect;
    if (before.used > 0 && reworded) {
      id = insert(order);
      db.prepare('UPDATE pairing_items SET retired_at = ?, replaced_by = ? WHERE id = ?').run(at, id, input.id);
    } else {
      db.prepare('UPDATE pairing_items SET aspect = ?, text = ?, sort_order = ? WHERE id = ?').run(input.aspect, input.text, order, input.id);
    }
    record({
      action: 'pairing.saveItem',
      target: { type: 'pairingItem', id },
      detail: { before: { aspect: before.aspect, text: before.text }, after: { aspect: input.aspect, text: input.text }, ...(id !== input.id ? { replaces: input.id } : {}) },
    });
    return itemById(db, id)!;
  });
}

export function retireItem(ctx: CoreContext, id: number): null {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const item = itemById(db, id);
    if (!item || item.retired) throw new AppError('NOT_FOUND', '督导事项不存在或已停用');
    db.prepare('UPDATE pairing_items SET retired_at = ? WHERE id = ?').run(ctx.now().toISOString(), id);
    record({ action: 'pairing.retireItem', target: { type: 'pairingItem', id }, detail: { aspect: item.aspect, text: item.text } });
    return null;
  });
}
