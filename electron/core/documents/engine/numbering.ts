/**
 * Heading numbers as GB/T 9704 writes them: 一、 （一） 1. （1）. The engine numbers headings
 * itself so that stored text never carries a number that goes stale when a section moves.
 */
const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const parts: string[] = [];
  const text = String(n);
  let zero = false;
  for (let i = 0; i < text.length; i++) {
    const digit = Number(text[i]);
    const unit = units[text.length - 1 - i]!;
    if (digit === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length) parts.push('零');
    zero = false;
    parts.push(digits[digit]! + unit);
  }
  return parts.join('');
}

/** The printed number of a heading, given its position among its siblings (1-based). */
export function headingNumber(level: 1 | 2 | 3 | 4, position: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(position)}、`;
    case 2:
      return `（${chineseNumber(position)}）`;
    case 3:
      return `${position}.`;
    case 4:
      return `（${position}）`;
  }
}

/** Numbers a sequence of headings: a heading restarts the count of every level below it. */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0];

  next(level: 1 | 2 | 3 | 4): string {
    this.counts[level - 1]!++;
    for (let below = level; below < 4; below++) this.counts[below] = 0;
    return headingNumber(level, this.counts[level - 1]!);
  }
}

/** 2020-10-15 → 2020年10月15日 (Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
