import { AppError } from '../errors';
import type { Db } from '../vault/database';

/** 份号 are six digits: 000001 … 999999. */
export const MAX_COPY_NUMBER = 999_999;

export const formatCopyNumber = (n: number) => String(n).padStart(6, '0');

/**
 * Hands out `count` consecutive copy numbers from the office's one counter. Call inside the
 * write transaction that also records them in the register: SQLite lets one writer at a time
 * raise the counter, so two prints (in this process or another one on the same vault) never
 * get the same number, and a rolled-back print gives its numbers back with the register row.
 */
export function takeCopyNumbers(db: Db, count: number): { first: number; last: number } {
  const row = db
    .prepare('UPDATE copy_number_counter SET last_number = last_number + @count WHERE id = 1 AND last_number + @count <= @max RETURNING last_number')
    .get({ count, max: MAX_COPY_NUMBER }) as { last_number: number } | undefined;
  if (!row) throw new AppError('COPY_NUMBERS_EXHAUSTED');
  return { first: row.last_number - count + 1, last: row.last_number };
}
