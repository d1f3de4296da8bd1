/**
 * Parsed fonts, kept for the life of the process. A CJK font is 10–20 MB; reading and decoding
 * its cmap costs 40–80 ms, and stock pdfmake does it again for every font of every document.
 * Here a font file is read and parsed once; each document only gets its own subset around it.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const localRequire = createRequire(import.meta.url);

/** The part of a fontkit font the engine uses. */
export interface ParsedFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  'OS/2'?: { typoAscender: number; typoDescender: number };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; bbox: { minY: number; maxY: number } };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): ParsedFont;
}

const fontkit = localRequire('fontkit') as Fontkit;

/** Measurements in em (1 = the font size), taken from the font itself. */
export interface FontMetrics {
  font: ParsedFont;
  /** Advance width of a code point, in em. */
  advance(codePoint: number): number;
  has(codePoint: number): boolean;
  /** Baseline below the top of the line box pdfmake draws (hhea ascent). */
  ascent: number;
  /**
   * Baseline below the top of the ideographic em box: the typographic ascender where the
   * typographic ascender and descender span exactly one em (CJK fonts), else 0.88.
   */
  emTop: number;
  /** Height of the middle of a glyph above the baseline (to place the dashes of “— 1 —”). */
  middleOf(codePoint: number): number;
}

const parsed = new Map<string, FontMetrics>();

const keyOf = (file: string, postscriptName: string | undefined): string => {
  const stat = statSync(file);
  // A font replaced on disk is parsed again.
  return `${file}#${postscriptName ?? ''}#${stat.size}#${stat.mtimeMs}`;
};

function measure(font: ParsedFont): FontMetrics {
  const upem = font.unitsPerEm;
  const advances = new Map<number, number>();
  const os2 = font['OS/2'];
  const emTop = os2 && os2.typoAscender - os2.typoDescender === upem ? os2.typoAscender / upem : 0.88;
  return {
    font,
    advance(codePoint) {
      let advance = advances.get(codePoint);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(codePoint).advanceWidth / upem;
        advances.set(codePoint, advance);
      }
      return advance;
    },
    has: (codePoint) => font.hasGlyphForCodePoint(codePoint),
    ascent: font.ascent / upem,
    emTop,
    middleOf(codePoint) {
      const box = font.glyphForCodePoint(codePoint).bbox;
      return (box.minY + box.maxY) / 2 / upem;
    },
  };
}

/** The parsed font for a file (and a face of a collection), parsed at most once per process. */
export function loadFont(file: string, postscriptName?: string): FontMetrics {
  const key = keyOf(file, postscriptName);
  let metrics = parsed.get(key);
  if (!metrics) {
    const font = fontkit.create(readFileSync(file), postscriptName);
    metrics = measure(font);
    parsed.set(key, metrics);
  }
  return metrics;
}

/** How many fonts this process has parsed (the bench reports cold and warm runs with it). */
export const parsedFontCount = (): number => parsed.size;

/** Forgets every parsed font: only for measuring a cold start. */
export function forgetParsedFonts(): void {
  parsed.clear();
}
