/**
 * Breaks text into lines on the character grid, with the Chinese line-break rules (避头尾).
 *
 * Chinese characters and full-width punctuation take one cell each (28 to the line); Latin
 * letters and digits keep their own widths and are never split inside a word. No line starts
 * with 。，、；：？！”）》〕… and none ends with （《〔“. When the character that would start
 * the next line is a closing mark, it hangs just past the right edge (标点溢出边界, as Word
 * and WPS do), so the line still holds its 28 characters; when that cannot be done, characters
 * move down to the next line and the short line is spread to the full width.
 */
export interface Glyph {
  /** One code point. */
  text: string;
  /** Width it takes on the line, in pt (a cell for Chinese characters). */
  width: number;
  /** The glyph's own advance, in pt. */
  natural: number;
  /** Which font draws it (a key the renderer understands). */
  font: string;
  size: number;
  color?: string;
}

export interface PlacedGlyph extends Glyph {
  /** From the left edge of the text area, in pt. */
  x: number;
}

/** A glyph at `x`. Built field by field: every glyph object has the same shape, which keeps V8 fast. */
export const placeGlyph = (glyph: Glyph, x: number): PlacedGlyph => ({
  text: glyph.text,
  width: glyph.width,
  natural: glyph.natural,
  font: glyph.font,
  size: glyph.size,
  color: glyph.color,
  x,
});

export interface TextLine {
  glyphs: PlacedGlyph[];
  /** The last glyph is a closing mark hanging past the right edge. */
  hanging: boolean;
  /** Last line of its paragraph (not spread to the full width). */
  last: boolean;
}

/** Must not start a line. */
const noStart = new Set([...'。，、；：？！”’）》〕】」』〉｝］…‥·％‰℃°～!),.:;?]}%・ー々〃']);
/** Must not end a line. */
const noEnd = new Set([...'（《〔【「『〈｛［“‘([{￥$£']);
/** Closing marks that may hang past the right edge, one at a time. */
const mayHang = new Set([...'。，、；：？！”’）》〕】」』〉']);
/** Kept in pairs: —— and …… are one mark and never split. */
const pairedMarks = new Set(['—', '…']);

const wideRanges: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];
/** Marks Chinese fonts draw full width although Unicode leaves their width open. */
const ambiguousWide = new Set([...'“”‘’…—―·★☆※№℃°‰±×÷○●□■△▲◇◆→←↑↓']);

/** Takes a whole cell on the grid. */
export function isWide(codePoint: number, advanceEm: number): boolean {
  for (const [from, to] of wideRanges) if (codePoint >= from && codePoint <= to) return true;
  return ambiguousWide.has(String.fromCodePoint(codePoint)) && advanceEm >= 0.75;
}

const isSpace = (text: string): boolean => text === ' ' || text === '\t' || text === '\u3000';
/**
 * Half-width text (Latin words, numbers, paths, tags) breaks only at spaces, as in Western
 * typesetting; it may break where it meets Chinese text.
 */
const isWordish = (glyph: Glyph): boolean => glyph.width === glyph.natural && glyph.text.charCodeAt(0) < 0x2e80 && !isSpace(glyph.text);

/** May the line break between glyphs[k] and glyphs[k + 1]? */
function breakAllowed(glyphs: readonly Glyph[], k: number): boolean {
  const before = glyphs[k]!;
  const after = glyphs[k + 1];
  if (!after) return true;
  if (isSpace(after.text) || isSpace(before.text)) return true;
  if (noStart.has(after.text) || noEnd.has(before.text)) return false;
  if (pairedMarks.has(before.text) && before.text === after.text) return false;
  if (isWordish(before) && isWordish(after)) return false;
  return true;
}

const EPSILON = 0.01;

export interface BreakOptions {
  /** Width of the lines, in pt. */
  width: number;
  /** Indent of the first line and of the lines after it, in pt. */
  firstIndent: number;
  restIndent: number;
  /** Spread lines that are not the last to the full width (body text); false for centred text. */
  spread?: boolean;
}

function trimSpaces(glyphs: readonly Glyph[], from: number, to: number): [number, number] {
  while (from < to && isSpace(glyphs[from]!.text)) from++;
  while (to > from && isSpace(glyphs[to - 1]!.text)) to--;
  return [from, to];
}

/** Spreads a short line over the full width, at the places a line could break. */
function place(glyphs: readonly Glyph[], from: number, to: number, indent: number, width: number, spread: boolean, hanging: boolean): PlacedGlyph[] {
  const ink = hanging ? to - 1 : to;
  let used = 0;
  for (let i = from; i < ink; i++) used += glyphs[i]!.width;
  let gaps = 0;
  for (let i = from; i < ink - 1; i++) if (breakAllowed(glyphs, i)) gaps++;
  const extra = spread && gaps > 0 && used < width - indent - EPSILON ? (width - indent - used) / gaps : 0;
  const placed: PlacedGlyph[] = [];
  let x = indent;
  for (let i = from; i < to; i++) {
    const glyph = glyphs[i]!;
    placed.push(placeGlyph(glyph, x));
    x += glyph.width;
    if (i < ink - 1 && extra && breakAllowed(glyphs, i)) x += extra;
  }
  return placed;
}

/** Breaks one paragraph's glyphs into lines. */
export function breakLines(glyphs: readonly Glyph[], options: BreakOptions): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  const n = glyphs.length;
  while (start < n) {
    const indent = lines.length === 0 ? options.firstIndent : options.restIndent;
    const room = options.width - indent;
    while (start < n && isSpace(glyphs[start]!.text) && lines.length > 0) start++;
    if (start >= n) break;
    let used = 0;
    let end = start;
    while (end < n && used + glyphs[end]!.width <= room + EPSILON) used += glyphs[end++]!.width;
    if (end >= n) {
      const [from, to] = trimSpaces(glyphs, start, n);
      lines.push({ glyphs: place(glyphs, from, to, indent, options.width, false, false), hanging: false, last: true });
      break;
    }
    if (end === start) end = start + 1; // one glyph wider than the line: it goes alone
    const next = glyphs[end]!;
    const hangs = end > start && mayHang.has(next.text) && breakAllowed(glyphs, end) && !(end + 1 < n && noStart.has(glyphs[end + 1]!.text)) && (end + 1 >= n || !isSpace(next.text));
    if (hangs) {
      const last = end + 1 >= n || glyphs.slice(end + 1).every((glyph) => isSpace(glyph.text));
      lines.push({ glyphs: place(glyphs, start, end + 1, indent, options.width, !last && options.spread !== false, true), hanging: true, last });
      start = end + 1;
      continue;
    }
    let cut = end;
    while (cut > start + 1 && !breakAllowed(glyphs, cut - 1)) cut--;
    if (!breakAllowed(glyphs, cut - 1)) cut = end; // nowhere to break: break at the edge
    const [from, to] = trimSpaces(glyphs, start, cut);
    lines.push({ glyphs: place(glyphs, from, to, indent, options.width, options.spread !== false, false), hanging: false, last: false });
    start = cut;
  }
  return lines;
}

/** A stretch of glyphs drawn with one text operation: same font, size, colour and spacing. */
export interface Run {
  text: string;
  x: number;
  font: string;
  size: number;
  color?: string;
  /** Extra space after each glyph (PDF Tc), in pt. */
  spacing: number;
}

/** Groups a line's glyphs into as few runs as their positions allow. */
export function toRuns(glyphs: readonly PlacedGlyph[]): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  let count = 0;
  let previous: PlacedGlyph | null = null;
  for (const glyph of glyphs) {
    if (run && previous && previous.font === glyph.font && previous.size === glyph.size && previous.color === glyph.color) {
      const spacing = glyph.x - previous.x - previous.natural;
      if (count === 1 || Math.abs(spacing - run.spacing) < 0.001) {
        run.spacing = spacing;
        run.text += glyph.text;
        count++;
        previous = glyph;
        continue;
      }
    }
    run = { text: glyph.text, x: glyph.x, font: glyph.font, size: glyph.size, color: glyph.color, spacing: 0 };
    runs.push(run);
    count = 1;
    previous = glyph;
  }
  return runs;
}
