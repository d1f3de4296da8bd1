/**
 * 件号 as an archivist writes them: "1-5, 8，10" (ranges and single numbers, commas or spaces).
 * Empty means the whole volume ([]); anything else that does not read returns null.
 */
export function parseItemNumbers(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const numbers = new Set<number>();
  for (const part of parts) {
    const range = /^(\d{1,5})(?:[-–~～](\d{1,5}))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to < from || to - from > 5000) return null;
    for (let n = from; n <= to; n += 1) numbers.add(n);
  }
  if (numbers.size > 5000) return null;
  return [...numbers].sort((a, b) => a - b);
}
