import type { Figure } from './types';

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** The figures as an aligned text table: figure, value, baseline, ratio, expected. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'baseline', 'baseline median', 'ratio', 'expected', 'runs'];
  const rows = figures.map((f) => [
    f.name,
    formatMs(f.ms),
    f.baseline.name,
    formatMs(f.baseline.ms),
    `${f.ratio.toFixed(2)}×`,
    f.expected ?? '',
    String(f.runs),
  ]);
  const numeric = new Set([1, 3, 4, 6]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, numeric.has(i))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
