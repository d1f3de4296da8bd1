/**
 * Chinese numbering as official documents write it: 第八轮, 第十三巡察组.
 * Covers 1–999, more than any office has rounds or groups.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  return rest < 10 ? `${hundreds}零${DIGITS[rest]}` : `${hundreds}${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
}

/** 十二届市委 + 8 → 十二届市委第八轮巡察 */
export function roundLabel(termName: string, number: number): string {
  return `${termName}第${chineseNumber(number)}轮巡察`;
}

/** 3 → 第三巡察组 */
export function groupLabel(number: number): string {
  return `第${chineseNumber(number)}巡察组`;
}
