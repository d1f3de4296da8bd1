import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit';
import type { AuditEntry, AuditVerification } from '../../../shared/contract';
import type { Db } from '../vault/database';

export type AuditOutcome = AuditEntry['outcome'];

export interface AuditEvent {
  action: AuditAction;
  actor: { id: number | null; name: string };
  outcome?: AuditOutcome;
  target?: { type: string; id: string | number };
  detail?: Record<string, unknown>;
  /** When the event happened, if not now (failed sign-ins are recorded once the vault opens). */
  at?: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every column but itself, in a fixed order, so any edited field shows. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.outcome,
    row.target_type,
    row.target_id,
    row.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The hash-chained audit log. Append runs inside the caller's transaction when there is one,
 * so a change and its audit entry commit together or not at all.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  append(event: AuditEvent): number {
    const write = this.db.transaction(() => {
      const last = this.db.prepare('SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1').get() as
        | { id: number; hash: string }
        | undefined;
      const row: Omit<AuditRow, 'hash'> = {
        id: (last?.id ?? 0) + 1,
        at: (event.at ?? this.now()).toISOString(),
        actor_id: event.actor.id,
        actor_name: event.actor.name,
        action: event.action,
        outcome: event.outcome ?? 'ok',
        target_type: event.target?.type ?? null,
        target_id: event.target ? String(event.target.id) : null,
        detail: JSON.stringify(event.detail ?? {}),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      this.db
        .prepare(
          `INSERT INTO audit_entries (id, at, actor_id, actor_name, action, outcome, target_type, target_id, detail, prev_hash, hash)
           VALUES (@id, @at, @actor_id, @actor_name, @action, @outcome, @target_type, @target_id, @detail, @prev_hash, @hash)`,
        )
        .run({ ...row, hash: entryHash(row) });
      return row.id;
    });
    return write();
  }

  /** Several appends committed together. */
  inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  list(filter: {
    page: number;
    pageSize: number;
    action?: AuditAction | undefined;
    actorName?: string | undefined;
    outcome?: AuditOutcome | undefined;
    from?: string | undefined;
    to?: string | undefined;
  }): { items: AuditEntry[]; total: number } {
    const conditions: [string, string, unknown][] = [
      ['action = @action', 'action', filter.action],
      ['outcome = @outcome', 'outcome', filter.outcome],
      ["actor_name LIKE @actor ESCAPE '\\'", 'actor', filter.actorName ? `%${escapeLike(filter.actorName)}%` : undefined],
      ['at >= @from', 'from', filter.from],
      ['at <= @to', 'to', filter.to],
    ];
    const active = conditions.filter(([, , value]) => value !== undefined && value !== '');
    const where = active.map(([sql]) => sql);
    const params = Object.fromEntries(active.map(([, name, value]) => [name, value]));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_entries ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit_entries ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }) as AuditRow[];
    return { items: rows.map(toEntry), total };
  }

  /** Walks the chain from the first entry; reports the first entry whose hash or link is wrong. */
  verify(): AuditVerification {
    let expectedPrev = GENESIS_HASH;
    let expectedId = 1;
    let checked = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_entries ORDER BY id').iterate() as Iterable<AuditRow>) {
      if (row.id !== expectedId) return { ok: false, checked, firstBroken: { id: row.id, reason: 'gap' } };
      if (row.prev_hash !== expectedPrev) return { ok: false, checked, firstBroken: { id: row.id, reason: 'link' } };
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash) return { ok: false, checked, firstBroken: { id: row.id, reason: 'hash' } };
      expectedPrev = hash;
      expectedId += 1;
      checked += 1;
    }
    return { ok: true, checked, firstBroken: null };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action as AuditEntry['action'],
    outcome: row.outcome as AuditOutcome,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: safeParse(row.detail),
  };
}

function safeParse(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
