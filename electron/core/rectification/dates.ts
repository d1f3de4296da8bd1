/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates, in UTC so that no time zone or summer time
 * shifts a day.
 */

const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The same day `months` later; a day the later month lacks becomes its last day
 * (2020-12-31 + 2 months → 2021-02-28), as "within two months" is read.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}

/** Days past `due` on `today`, or null when `today` is not after it. */
export function daysOverdue(due: string | null, today: string): number | null {
  if (!due || due >= today) return null;
  return daysBetween(due, today);
}
