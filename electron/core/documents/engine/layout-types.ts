/**
 * What a laid-out page holds, in page coordinates (pt, y down from the top edge). The layout
 * decides every position; the renderer only writes them into the PDF.
 */
import type { FontRole } from '../../../../shared/documents';
import { placeGlyph, toRuns, type Glyph, type PlacedGlyph, type Run } from './line-break';
import type { LoadedFont, RoleFont } from './shaping';

export type PageItem =
  | { kind: 'text'; x: number; baseline: number; run: Run }
  | { kind: 'rule'; x1: number; x2: number; y: number; thickness: number; color: string }
  | { kind: 'star'; cx: number; cy: number; radius: number; color: string };

export type RoleFonts = Record<FontRole, RoleFont>;

/** Every font of a document by the key its glyphs carry. */
export type FontIndex = Map<string, LoadedFont>;

/** One line of the body flow: it takes exactly one line of the grid. */
export interface FlowLine {
  /** x from the left edge of the text area. */
  glyphs: PlacedGlyph[];
  /** Blank lines at the top of a page are dropped. */
  blank: boolean;
  /** Goes on the same page as the line after it (headings, the closing block). */
  keepWithNext: boolean;
}

export const blankLine = (keepWithNext = false): FlowLine => ({ glyphs: [], blank: true, keepWithNext });

/**
 * The text items of one line whose glyphs' em boxes start at `emTop` (the grid puts the em
 * box at the top of the line cell): each run's baseline comes from its own font.
 */
export function lineItems(glyphs: readonly PlacedGlyph[], left: number, emTop: number, fonts: FontIndex): PageItem[] {
  return toRuns(glyphs).map((run) => ({
    kind: 'text' as const,
    x: left + run.x,
    baseline: emTop + fonts.get(run.font)!.metrics.emTop * run.size,
    run,
  }));
}

/** Where the glyphs of a line end (the hanging mark included). */
export const lineEnd = (glyphs: readonly PlacedGlyph[]): number => {
  const last = glyphs[glyphs.length - 1];
  return last ? last.x + last.width : 0;
};

/** Moves a line's glyphs right by `dx`. */
export const shifted = (glyphs: readonly PlacedGlyph[], dx: number): PlacedGlyph[] => glyphs.map((glyph) => placeGlyph(glyph, glyph.x + dx));

/** Glyphs set one after another from `x`, at their own widths. */
export function placeFrom(glyphs: readonly Glyph[], x: number): PlacedGlyph[] {
  let at = x;
  return glyphs.map((glyph) => {
    const placed = placeGlyph(glyph, at);
    at += glyph.width;
    return placed;
  });
}
