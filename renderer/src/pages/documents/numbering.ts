/**
 * The heading numbers the document engine prints (一、 （一） 1. （1）), computed here the same way
 * so the editor shows them beside each heading; the stored text never carries them
 * (electron/core/documents/engine/numbering.ts is the engine's side; a test keeps both equal).
 */
import type { BodyBlock } from '../../../../shared/documents';

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const text = String(n);
  const parts: string[] = [];
  let zero = false;
  for (let i = 0; i < text.length; i++) {
    const digit = Number(text[i]);
    if (digit === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length) parts.push('零');
    zero = false;
    parts.push(digits[digit]! + units[text.length - 1 - i]!);
  }
  return parts.join('');
}

export function headingNumber(level: 1 | 2 | 3 | 4, position: number): string {
  if (level === 1) return `${chineseNumber(position)}、`;
  if (level === 2) return `（${chineseNumber(position)}）`;
  if (level === 3) return `${position}.`;
  return `（${position}）`;
}

/** The printed number of each block ('' for paragraphs and lists): a heading restarts the levels below it. */
export function blockNumbers(blocks: readonly { kind: BodyBlock['kind']; level?: number }[]): string[] {
  const counts = [0, 0, 0, 0];
  return blocks.map((block) => {
    if (block.kind !== 'heading' || !block.level) return '';
    const level = block.level as 1 | 2 | 3 | 4;
    counts[level - 1]!++;
    for (let below = level; below < 4; below++) counts[below] = 0;
    return headingNumber(level, counts[level - 1]!);
  });
}
