/**
 * Calendar dates as the core stores them ('YYYY-MM-DD') and as people type them. Pure helpers,
 * shared by every date field and form.
 */
import dayjs from 'dayjs';

const SEPARATED = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;

/**
 * What people type into a date field: 2020-08-03, 2020/8/3, 2020.8.3, 20200803 or 2020年8月3日.
 * Returns 'YYYY-MM-DD', or null when it is not a whole, real date (2020-02-30 is not).
 */
export function parseDateText(text: string): string | null {
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return dayjs(iso).isValid() && dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}

/** Today in the user's time zone, as the core's calendar dates are written. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Both ends given and the end before the start. */
export function datesReversed(from: string | null, to: string | null): boolean {
  return Boolean(from && to && to < from);
}
