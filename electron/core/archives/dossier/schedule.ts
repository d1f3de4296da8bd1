/**
 * The fixity reminder: days between fixity runs (an archives preference) and whether a run is
 * due, by the core's clock (tests move it).
 */
import type { ChannelInput, FixitySchedule } from '../../../../shared/contract';
import { change, localDate, type CoreContext } from '../../context';
import type { Db } from '../../vault/database';

const DEFAULT_INTERVAL_DAYS = 90;
const DAY_MS = 86_400_000;

function intervalDays(db: Db): number {
  const row = db.prepare("SELECT value FROM archive_preferences WHERE key = 'fixityIntervalDays'").get() as { value: string } | undefined;
  return row ? Number(row.value) : DEFAULT_INTERVAL_DAYS;
}

function scheduleOf(db: Db, now: Date): FixitySchedule {
  const days = intervalDays(db);
  const storedFiles = db.prepare('SELECT count(*) FROM archive_files').pluck().get() as number;
  const last = db.prepare('SELECT max(finished_at) AS at FROM archive_fixity_runs').get() as { at: string | null };
  if (!last.at) return { intervalDays: days, lastRunAt: null, nextDueOn: null, due: true, storedFiles };
  const dueAt = new Date(new Date(last.at).getTime() + days * DAY_MS);
  return { intervalDays: days, lastRunAt: last.at, nextDueOn: localDate(dueAt), due: now.getTime() >= dueAt.getTime(), storedFiles };
}

export function fixitySchedule(ctx: CoreContext): FixitySchedule {
  return scheduleOf(ctx.active().vault.db, ctx.now());
}

export function setFixityInterval(ctx: CoreContext, input: ChannelInput<'archives.setFixityInterval'>): FixitySchedule {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const before = intervalDays(db);
    db.prepare("INSERT INTO archive_preferences (key, value) VALUES ('fixityIntervalDays', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(input.days));
    record({ action: 'archive.fixitySchedule', detail: { before, after: input.days } });
    return scheduleOf(db, ctx.now());
  });
}
