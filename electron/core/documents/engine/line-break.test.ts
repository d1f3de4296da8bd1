import { describe, expect, it } from 'vitest';
import { cellWidth, textWidth } from './grid';
import { breakLines, toRuns, type Glyph } from './line-break';

/** Glyphs as the body font gives them: Chinese a cell wide (16 pt drawn), Latin 8 pt. */
const glyphs = (text: string): Glyph[] =>
  [...text].map((char) => {
    const wide = char.codePointAt(0)! >= 0x2e80 || '“”‘’…—'.includes(char);
    return { text: char, width: wide ? cellWidth : 8, natural: wide ? 16 : 8, font: 'fangsong', size: 16, color: undefined };
  });
const lineText = (line: { glyphs: Glyph[] }): string => line.glyphs.map((glyph) => glyph.text).join('');
const body = { width: textWidth, firstIndent: 0, restIndent: 0 };
const han = (count: number, offset = 0): string => Array.from({ length: count }, (_, i) => String.fromCodePoint(0x4e00 + offset + i)).join('');

describe('breaking lines on the 28-character grid', () => {
  it('puts 28 characters on a line, each in its cell', () => {
    const lines = breakLines(glyphs(han(60)), body);
    expect(lines.map((line) => line.glyphs.length)).toEqual([28, 28, 4]);
    expect(lines[0]!.glyphs[27]!.x).toBeCloseTo(27 * cellWidth, 6);
    expect(lines.map((line) => line.last)).toEqual([false, false, true]);
  });

  it('hangs a closing mark that would start a line just past the right edge', () => {
    const lines = breakLines(glyphs(`${han(28)}。${han(5)}`), body);
    expect(lineText(lines[0]!)).toBe(`${han(28)}。`);
    expect(lines[0]!.hanging).toBe(true);
    expect(lines[0]!.glyphs[28]!.x).toBeCloseTo(textWidth, 6);
    expect(lines[1]!.glyphs[0]!.text).toBe(han(5)[0]);
  });

  it('moves a character down when two closing marks would start the line, and spreads the short line', () => {
    const lines = breakLines(glyphs(`${han(28)}。”${han(3)}`), body);
    expect(lines[0]!.glyphs).toHaveLength(27);
    const last = lines[0]!.glyphs[26]!;
    expect(last.x + last.width).toBeCloseTo(textWidth, 6);
    expect(lineText(lines[1]!).startsWith(`${han(28)[27]}。”`)).toBe(true);
  });

  it('never ends a line with an opening mark: it goes down with what it opens', () => {
    for (const opening of ['“', '（', '《', '〔']) {
      const lines = breakLines(glyphs(`${han(27)}${opening}${han(4, 100)}`), body);
      expect(lines[0]!.glyphs.at(-1)!.text).not.toBe(opening);
      expect(lines[1]!.glyphs[0]!.text).toBe(opening);
    }
  });

  it('never starts a line with 〕 or ” either', () => {
    for (const closing of ['〕', '”', '）', '》', '…']) {
      const lines = breakLines(glyphs(`${han(28)}${closing}${closing}${han(4, 100)}`), body);
      for (const line of lines) expect(line.glyphs[0]!.text).not.toBe(closing);
    }
  });

  it('keeps a Latin word or a number whole', () => {
    const lines = breakLines(glyphs(`${han(26)}Version 2020.10 ${han(3)}`), body);
    expect(lineText(lines[0]!)).toBe(han(26));
    expect(lineText(lines[1]!).startsWith('Version 2020.10')).toBe(true);
  });

  it('indents the first line and wraps the rest flush left', () => {
    const lines = breakLines(glyphs(han(40)), { width: textWidth, firstIndent: 2 * cellWidth, restIndent: 0 });
    expect(lines[0]!.glyphs).toHaveLength(26);
    expect(lines[0]!.glyphs[0]!.x).toBeCloseTo(2 * cellWidth, 6);
    expect(lines[1]!.glyphs[0]!.x).toBe(0);
  });

  it('draws a full line of Chinese as one text run spaced to the cell', () => {
    const [line] = breakLines(glyphs(han(30)), body);
    const runs = toRuns(line!.glyphs);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.spacing).toBeCloseTo(cellWidth - 16, 6);
    expect([...runs[0]!.text]).toHaveLength(28);
  });
});
