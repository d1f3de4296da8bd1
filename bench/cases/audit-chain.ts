import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AuditLog, GENESIS_HASH, type AuditEvent } from '../../electron/core/audit/audit-log';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { auditEvents, openPlainDatabase } from '../lib/fixtures';
import { figure } from '../lib/measure';
import type { BenchCase } from '../lib/types';

interface Row {
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
}

/** The same canonical form AuditLog hashes (electron/core/audit/audit-log.ts, entryHash). */
function hashOf(row: Row): string {
  return createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.id, row.at, row.actor_id, row.actor_name, row.action, row.outcome, row.target_type, row.target_id, row.detail]))
    .digest('hex');
}

function toRow(event: AuditEvent, id: number, prev: string): Row {
  return {
    id,
    at: (event.at ?? new Date()).toISOString(),
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    action: event.action,
    outcome: event.outcome ?? 'ok',
    target_type: event.target?.type ?? null,
    target_id: event.target ? String(event.target.id) : null,
    detail: JSON.stringify(event.detail ?? {}),
    prev_hash: prev,
  };
}

/**
 * Baseline: the same rows into plain SQLite with one prepared statement, each insert its own
 * commit as AuditLog.append's are, the chain's sha256 computed in the loop; verification
 * reads the rows back and recomputes each hash.
 */
function baselineAppend(db: Db, events: AuditEvent[]): number {
  const insert = db.prepare(
    `INSERT INTO audit_entries (id, at, actor_id, actor_name, action, outcome, target_type, target_id, detail, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @outcome, @target_type, @target_id, @detail, @prev_hash, @hash)`,
  );
  const start = performance.now();
  let prev = GENESIS_HASH;
  events.forEach((event, i) => {
    const row = toRow(event, i + 1, prev);
    prev = hashOf(row);
    insert.run({ ...row, hash: prev });
  });
  return performance.now() - start;
}

function baselineVerify(db: Db): number {
  const start = performance.now();
  let prev = GENESIS_HASH;
  for (const row of db.prepare('SELECT * FROM audit_entries ORDER BY id').iterate() as Iterable<Row & { hash: string }>) {
    const { hash, ...rest } = row;
    if (rest.prev_hash !== prev || hashOf(rest) !== hash) throw new Error(`baseline chain broken at ${row.id}`);
    prev = hash;
  }
  return performance.now() - start;
}

/**
 * AuditLog.append (one commit per entry, as the app writes them) into the encrypted vault
 * schema, then AuditLog.verify over the whole chain; against plain inserts with sha256.
 */
export const auditChain: BenchCase = {
  name: 'audit append + verify',
  description: 'AuditLog.append × N (each its own commit) and AuditLog.verify in SQLCipher vs plain inserts + sha256 loop',
  async run(ctx) {
    const count = ctx.quick ? 1_000 : 10_000;
    const events = auditEvents(count);
    const runs = ctx.quick ? 1 : 3;
    const append = { ms: [] as number[], baseline: [] as number[] };
    const verify = { ms: [] as number[], baseline: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      const sides = [
        () => {
          const db = openEncryptedDatabase(join(ctx.dir('audit-encrypted'), 'vault.db'), randomBytes(32), { create: true });
          try {
            applyMigrations(db, migrations);
            const audit = new AuditLog(db, () => new Date());
            let start = performance.now();
            for (const event of events) audit.append(event);
            append.ms.push(performance.now() - start);
            start = performance.now();
            const result = audit.verify();
            verify.ms.push(performance.now() - start);
            if (!result.ok || result.checked !== count) throw new Error('the audit chain did not verify');
          } finally {
            db.close();
          }
        },
        () => {
          const db = openPlainDatabase(join(ctx.dir('audit-plain'), 'plain.db'));
          try {
            applyMigrations(db, migrations);
            append.baseline.push(baselineAppend(db, events));
            verify.baseline.push(baselineVerify(db));
          } finally {
            db.close();
          }
        },
      ];
      if (run % 2 === 1) sides.reverse();
      for (const side of sides) side();
    }
    const work = `${count.toLocaleString('en')} entries`;
    return [
      figure('audit append', append.ms, 'plain inserts + sha256', append.baseline, { work: `${work}, one commit each` }),
      figure('audit verify', verify.ms, 'plain select + sha256', verify.baseline, { work }),
    ];
  },
};
