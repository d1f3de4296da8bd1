/**
 * Turns text into measured glyphs in a role's font. A character the font lacks (仿宋_GB2312
 * has GB 2312 only: a name with 堃 or 喆 would print as a box) is drawn by the role's open
 * font instead, and the document records that it was.
 */
import type { FontRole } from '../../../../shared/documents';
import type { FontMetrics } from './font-cache';
import { cellWidth } from './grid';
import { isWide, type Glyph } from './line-break';

/** A font the renderer knows by `key`. */
export interface LoadedFont {
  key: string;
  metrics: FontMetrics;
}

export interface RoleFont {
  role: FontRole;
  primary: LoadedFont;
  /**
   * The open font for glyphs the primary lacks, loaded on first need; null when the primary
   * is the open font.
   */
  fallback: (() => LoadedFont) | null;
}

/** Text as printed: controls dropped, tabs as spaces. Markup stays literal text. */
export const cleanText = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '');

export interface ShapeOptions {
  size: number;
  /** Put wide characters on the 28-per-line grid (body text), or keep natural widths. */
  grid: boolean;
  color?: string;
  /** Records each font key used, so the document can say which fonts it used. */
  used?: Set<string>;
}

export function shape(text: string, font: RoleFont, options: ShapeOptions): Glyph[] {
  const glyphs: Glyph[] = [];
  for (const char of cleanText(text).replace(/\n/g, ' ')) {
    const codePoint = char.codePointAt(0)!;
    const fallback = font.primary.metrics.has(codePoint) || !font.fallback ? null : font.fallback();
    const chosen = fallback?.metrics.has(codePoint) ? fallback : font.primary;
    const advance = chosen.metrics.advance(codePoint);
    const natural = advance * options.size;
    options.used?.add(chosen.key);
    glyphs.push({
      text: char,
      natural,
      width: options.grid && isWide(codePoint, advance) ? (cellWidth * options.size) / 16 : natural,
      font: chosen.key,
      size: options.size,
      color: options.color,
    });
  }
  return glyphs;
}

/** Width of text set naturally (no grid), in pt. */
export const naturalWidth = (glyphs: readonly Glyph[]): number => glyphs.reduce((sum, glyph) => sum + glyph.width, 0);
