/**
 * Lays a letter out page by page: the head on page 1, the body flowing 22 lines to a page,
 * the 版记 pinned to the foot of the last page and “— n —” on the outer side of every page.
 */
import type { CopyOptions, LetterDocument } from '../../../../shared/documents';
import {
  heavyRule,
  lightRule,
  linePitch,
  linesPerPage,
  lineTop,
  pageNumberGap,
  smallSize,
  textBottom,
  textLeft,
  textWidth,
} from './grid';
import { layoutBody } from './letter-body';
import { layoutHeader } from './letter-header';
import { lineItems, placeFrom, type FlowLine, type FontIndex, type PageItem, type RoleFonts } from './layout-types';
import { breakLines, type PlacedGlyph } from './line-break';
import { chineseDate } from './numbering';
import { naturalWidth, shape } from './shaping';

export interface LetterLayout {
  pages: PageItem[][];
}

/** Places flow lines on pages; returns the pages' items and the next free line of the last page. */
function paginate(flow: readonly FlowLine[], firstLine: number, index: FontIndex): { pages: PageItem[][]; nextLine: number } {
  const pages: PageItem[][] = [[]];
  let line = firstLine;
  let pageHasText = true; // page 1 has its head
  const newPage = (): void => {
    pages.push([]);
    line = 0;
    pageHasText = false;
  };
  let i = 0;
  while (i < flow.length) {
    // A group: lines that keep with the next, and the line they keep with.
    let j = i;
    while (j < flow.length - 1 && flow[j]!.keepWithNext) j++;
    const size = j - i + 1;
    if (line + size > linesPerPage && pageHasText && size <= linesPerPage) newPage();
    for (let k = i; k <= j; k++) {
      if (line >= linesPerPage) newPage();
      const entry = flow[k]!;
      if (entry.blank && line === 0) continue;
      const page = pages.length;
      pages[page - 1]!.push(...lineItems(entry.glyphs, textLeft(page), lineTop(line), index));
      if (!entry.blank) pageHasText = true;
      line++;
    }
    i = j + 1;
  }
  return { pages, nextLine: line };
}

/** A 4号 line of the 版记, centred in its grid cell. */
const smallLineTop = (line: number): number => lineTop(line) + (linePitch - smallSize) / 2;

/**
 * 版记: 抄送 (one character in from each side, wrapped under the first name) above 印发机关 and
 * 印发日期, between rules: heavy above and below, light between; the last rule on the bottom
 * edge of the text area.
 */
function imprint(doc: LetterDocument, fonts: RoleFonts, index: FontIndex, used: Set<string>): { lines: PlacedGlyph[][]; rules: { afterLine: number; thickness: number }[] } | null {
  const small = { size: smallSize, grid: false, used };
  const inset = smallSize;
  const lines: PlacedGlyph[][] = [];
  const rules: { afterLine: number; thickness: number }[] = [];
  if (doc.copiedTo.length) {
    const label = shape('抄送：', fonts.fangsong, small);
    const names = shape(`${doc.copiedTo.join('，')}。`, fonts.fangsong, small);
    const broken = breakLines([...label, ...names], { width: textWidth - inset, firstIndent: inset, restIndent: inset + naturalWidth(label) });
    lines.push(...broken.map((line) => line.glyphs));
  }
  if (doc.printedBy || doc.printedOn) {
    if (lines.length) rules.push({ afterLine: lines.length - 1, thickness: lightRule });
    const by = shape(doc.printedBy, fonts.fangsong, small);
    const on = doc.printedOn ? shape(`${chineseDate(doc.printedOn)}印发`, fonts.fangsong, small) : [];
    const onX = textWidth - inset - naturalWidth(on);
    lines.push([...placeFrom(by, inset), ...placeFrom(on, onX)]);
  }
  if (!lines.length) return null;
  return { lines, rules };
}

function pageNumber(page: number, fonts: RoleFonts, index: FontIndex, used: Set<string>): PageItem[] {
  const glyphs = shape(`— ${page} —`, fonts.songti, { size: smallSize, grid: false, used });
  const width = naturalWidth(glyphs);
  const left = textLeft(page);
  // Odd pages one character in from the right, even pages one character in from the left.
  const x = page % 2 === 1 ? textWidth - smallSize - width : smallSize;
  const dash = index.get(glyphs[0]!.font)!.metrics.middleOf(0x2014) * smallSize;
  const baseline = textBottom + pageNumberGap + dash;
  const placed = placeFrom(glyphs, x);
  const emTop = baseline - index.get(glyphs[0]!.font)!.metrics.emTop * smallSize;
  return lineItems(placed, left, emTop, index);
}

export function layoutLetter(doc: LetterDocument, copy: CopyOptions, fonts: RoleFonts, index: FontIndex, used: Set<string>): LetterLayout {
  const header = layoutHeader(doc, copy, fonts, index, used);
  const flow = layoutBody(doc, fonts, used);
  const { pages, nextLine } = paginate(flow, header.bodyStart, index);
  pages[0]!.unshift(...header.items);

  const foot = imprint(doc, fonts, index, used);
  if (foot) {
    const count = foot.lines.length;
    // The 版记 shares no line with the text: if it does not fit below it, it takes a new page.
    if (nextLine > linesPerPage - count) pages.push([]);
    const page = pages.length;
    const left = textLeft(page);
    const first = linesPerPage - count;
    foot.lines.forEach((glyphs, i) => pages[page - 1]!.push(...lineItems(glyphs, left, smallLineTop(first + i), index)));
    const rule = (y: number, thickness: number): PageItem => ({ kind: 'rule', x1: left, x2: left + textWidth, y, thickness, color: '#000000' });
    // Rules sit inside the text area: the last one's lower edge on the area's bottom edge.
    pages[page - 1]!.push(rule(lineTop(first) + heavyRule / 2, heavyRule));
    for (const { afterLine, thickness } of foot.rules) pages[page - 1]!.push(rule(lineTop(first + afterLine + 1), thickness));
    pages[page - 1]!.push(rule(textBottom - heavyRule / 2, heavyRule));
  }

  pages.forEach((items, i) => items.push(...pageNumber(i + 1, fonts, index, used)));
  return { pages };
}
