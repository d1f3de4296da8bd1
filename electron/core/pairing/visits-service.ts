import type { ChannelInput, ChannelOutput, PairingVisit } from '../../../shared/contract';
import { change, localDate, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { requireCounty, requireLeader } from './pairings-service';

/** 走访记录: each visit of a leader to a county office (每月至少一次), what was found and what follows. */

const SELECT = `SELECT v.id, v.visited_on AS visitedOn, v.leader_id AS leaderId, l.name AS leaderName, v.region_id AS regionId,
  r.name AS countyName, v.form, v.findings, v.follow_up AS followUp
  FROM pairing_visits v JOIN pairing_leaders l ON l.id = v.leader_id JOIN regions r ON r.id = v.region_id`;

function visitById(db: Db, id: number): PairingVisit {
  return db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as PairingVisit;
}

export function visits(ctx: CoreContext, input: ChannelInput<'pairing.visits'> & { page: number; pageSize: number }): ChannelOutput<'pairing.visits'> {
  const db = ctx.active().vault.db;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.year !== undefined) {
    where.push('v.visited_on >= @from AND v.visited_on < @to');
    params.from = `${input.year}-01-01`;
    params.to = `${input.year + 1}-01-01`;
  }
  if (input.regionId !== undefined) {
    where.push('v.region_id = @regionId');
    params.regionId = input.regionId;
  }
  if (input.leaderId !== undefined) {
    where.push('v.leader_id = @leaderId');
    params.leaderId = input.leaderId;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM pairing_visits v ${clause}`).pluck().get(params) as number;
  const items = db
    .prepare(`${SELECT} ${clause} ORDER BY v.visited_on DESC, v.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as PairingVisit[];
  return { items, total };
}

export function logVisit(ctx: CoreContext, input: ChannelInput<'pairing.logVisit'>): PairingVisit {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const leader = requireLeader(db, input.leaderId);
    const county = requireCounty(db, input.regionId);
    if (input.visitedOn > localDate(ctx.now())) throw new AppError('INVALID_INPUT', '走访日期不能晚于今天');
    const id = Number(
      db
        .prepare('INSERT INTO pairing_visits (visited_on, leader_id, region_id, form, findings, follow_up, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.visitedOn, input.leaderId, input.regionId, input.form, input.findings, input.followUp ?? '', session.user.id, ctx.now().toISOString()).lastInsertRowid,
    );
    record({ action: 'pairing.logVisit', target: { type: 'pairingVisit', id }, detail: { visitedOn: input.visitedOn, leader: leader.name, county: county.name, form: input.form } });
    return visitById(db, id);
  });
}
