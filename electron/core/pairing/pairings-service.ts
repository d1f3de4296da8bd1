import type { ChannelInput, PairingLeader, PairingOverview } from '../../../shared/contract';
import { PAIRING_MAX_COUNTIES } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * 包联安排: the office's leaders and, per year, which county offices each supervises. A county
 * has one leader a year; a leader has at most three counties (四包联: 2–3 each).
 */

export function overviewOf(db: Db, year: number): PairingOverview {
  const leaders = db.prepare('SELECT id, name, position, sort_order AS sortOrder FROM pairing_leaders ORDER BY sort_order, id').all() as PairingLeader[];
  const counties = db.prepare('SELECT id AS regionId, name FROM regions ORDER BY sort_order, id').all() as PairingOverview['counties'];
  const pairings = db.prepare('SELECT leader_id AS leaderId, region_id AS regionId FROM pairings WHERE year = ? ORDER BY region_id').all(year) as PairingOverview['pairings'];
  const pairedYears = db.prepare('SELECT DISTINCT year FROM pairings ORDER BY year DESC').pluck().all() as number[];
  return { year, leaders, counties, pairings, pairedYears };
}

export function overview(ctx: CoreContext, year: number): PairingOverview {
  return overviewOf(ctx.active().vault.db, year);
}

export function requireLeader(db: Db, id: number): { id: number; name: string } {
  const leader = db.prepare('SELECT id, name FROM pairing_leaders WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  if (!leader) throw new AppError('INVALID_REFERENCE', '包联领导不存在');
  return leader;
}

export function requireCounty(db: Db, id: number): { id: number; name: string } {
  const county = db.prepare('SELECT id, name FROM regions WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  if (!county) throw new AppError('INVALID_REFERENCE', '旗县区不存在');
  return county;
}

export function saveLeader(ctx: CoreContext, input: ChannelInput<'pairing.saveLeader'>): PairingLeader {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const clash = db.prepare('SELECT id FROM pairing_leaders WHERE name = ?').pluck().get(input.name) as number | undefined;
    if (clash !== undefined && clash !== input.id) throw new AppError('DUPLICATE', `已有包联领导“${input.name}”`);
    const position = input.position ?? '';
    let id = input.id;
    if (id === undefined) {
      const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 10 FROM pairing_leaders').pluck().get() as number) ?? 10;
      id = Number(db.prepare('INSERT INTO pairing_leaders (name, position, sort_order, created_at) VALUES (?, ?, ?, ?)').run(input.name, position, order, ctx.now().toISOString()).lastInsertRowid);
      record({ action: 'pairing.saveLeader', target: { type: 'pairingLeader', id }, detail: { name: input.name, position } });
    } else {
      const before = db.prepare('SELECT name, position FROM pairing_leaders WHERE id = ?').get(id) as { name: string; position: string } | undefined;
      if (!before) throw new AppError('NOT_FOUND', '包联领导不存在');
      db.prepare('UPDATE pairing_leaders SET name = ?, position = ? WHERE id = ?').run(input.name, position, id);
      record({ action: 'pairing.saveLeader', target: { type: 'pairingLeader', id }, detail: { before, after: { name: input.name, position } } });
    }
    return db.prepare('SELECT id, name, position, sort_order AS sortOrder FROM pairing_leaders WHERE id = ?').get(id) as PairingLeader;
  });
}

export function pair(ctx: CoreContext, input: ChannelInput<'pairing.pair'>): PairingOverview {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const leader = requireLeader(db, input.leaderId);
    const county = requireCounty(db, input.regionId);
    const current = db.prepare('SELECT leader_id FROM pairings WHERE year = ? AND region_id = ?').pluck().get(input.year, input.regionId) as number | undefined;
    if (current === input.leaderId) return overviewOf(db, input.year);
    const held = db.prepare('SELECT count(*) FROM pairings WHERE year = ? AND leader_id = ?').pluck().get(input.year, input.leaderId) as number;
    if (held >= PAIRING_MAX_COUNTIES) throw new AppError('PAIRING_LIMIT', `${leader.name}在${input.year}年已包联${held}个旗县区`);
    const at = ctx.now().toISOString();
    if (current === undefined) {
      db.prepare('INSERT INTO pairings (year, leader_id, region_id, created_at) VALUES (?, ?, ?, ?)').run(input.year, input.leaderId, input.regionId, at);
    } else {
      db.prepare('UPDATE pairings SET leader_id = ?, created_at = ? WHERE year = ? AND region_id = ?').run(input.leaderId, at, input.year, input.regionId);
    }
    record({
      action: 'pairing.pair',
      target: { type: 'region', id: input.regionId },
      detail: { year: input.year, county: county.name, leader: leader.name, ...(current !== undefined ? { previousLeader: requireLeader(db, current).name } : {}) },
    });
    return overviewOf(db, input.year);
  });
}

export function unpair(ctx: CoreContext, input: ChannelInput<'pairing.unpair'>): PairingOverview {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const county = requireCounty(db, input.regionId);
    const current = db.prepare('SELECT leader_id FROM pairings WHERE year = ? AND region_id = ?').pluck().get(input.year, input.regionId) as number | undefined;
    if (current === undefined) return overviewOf(db, input.year);
    db.prepare('DELETE FROM pairings WHERE year = ? AND region_id = ?').run(input.year, input.regionId);
    record({ action: 'pairing.unpair', target: { type: 'region', id: input.regionId }, detail: { year: input.year, county: county.name, leader: requireLeader(db, current).name } });
    return overviewOf(db, input.year);
  });
}
