import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Failed sign-ins, kept outside the encrypted database because a failure never opens it:
 * per-account failure counts (for the growing delay) and the failures not yet written to the
 * audit log. The next successful open moves them into the log with their original times.
 * Accounts are keyed by the same salted hash keys.json uses.
 */
const guardSchema = z.object({
  accounts: z.record(z.string(), z.object({ failures: z.number().int().min(0), lastFailureAt: z.string() })),
  pending: z.array(z.object({ at: z.string(), username: z.string().max(64), kind: z.enum(['password', 'recovery']) })),
});
type GuardData = z.infer<typeof guardSchema>;

export interface PendingFailure {
  at: string;
  username: string;
  kind: 'password' | 'recovery';
}

/** Failures before the first delay, the delay's doubling start, and its ceiling. */
const FREE_ATTEMPTS = 3;
const FIRST_DELAY_SECONDS = 1;
const MAX_DELAY_SECONDS = 15 * 60;
/** Keeps a flood of failures from growing the file without bound. */
const MAX_PENDING = 500;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

export class SignInGuard {
  constructor(
    private readonly path: string,
    private readonly now: () => Date,
  ) {}

  /** Seconds to wait before this key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const record = this.read().accounts[key];
    if (!record) return 0;
    const until = Date.parse(record.lastFailureAt) + delayAfterFailures(record.failures) * 1000;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 1000));
  }

  recordFailure(key: string, username: string, kind: PendingFailure['kind']): void {
    const data = this.read();
    const at = this.now().toISOString();
    const failures = (data.accounts[key]?.failures ?? 0) + 1;
    data.accounts[key] = { failures, lastFailureAt: at };
    data.pending = [...data.pending, { at, username: username.slice(0, 64), kind }].slice(-MAX_PENDING);
    this.write(data);
  }

  clearFailures(key: string): void {
    const data = this.read();
    if (!data.accounts[key]) return;
    delete data.accounts[key];
    this.write(data);
  }

  pending(): PendingFailure[] {
    return this.read().pending;
  }

  /** Called after the pending failures were written to the audit log (in the same open). */
  clearPending(): void {
    const data = this.read();
    if (data.pending.length === 0) return;
    data.pending = [];
    this.write(data);
  }

  private read(): GuardData {
    try {
      const parsed = guardSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Missing or unreadable: start empty. A deleted file resets the delay, which an attacker
      // with write access to the folder could do anyway; the scrypt cost still stands.
    }
    return { accounts: {}, pending: [] };
  }

  private write(data: GuardData): void {
    writeFileAtomic(this.path, JSON.stringify(data));
  }
}
