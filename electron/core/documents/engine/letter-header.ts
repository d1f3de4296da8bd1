/**
 * The first page's head (版头) and the lines down to the body: 份号, 密级和保密期限, 紧急程度
 * in the top-left lines, the red 发文机关标志, the 发文字号 (and 签发人 for upward documents),
 * the red separator, the title and the 主送机关.
 */
import { classificationNames, numberedClassifications, urgencyNames, type CopyOptions, type LetterDocument } from '../../../../shared/documents';
import {
  bodySize,
  cellWidth,
  lineTop,
  linePitch,
  mastheadOffset,
  red,
  separatorGap,
  textLeft,
  textWidth,
  titleSize,
  topMargin,
  upwardMastheadOffset,
  mm,
} from './grid';
import { lineEnd, lineItems, placeFrom as placeAt, shifted, type FontIndex, type PageItem, type RoleFonts } from './layout-types';
import { breakLines } from './line-break';
import { naturalWidth, shape } from './shaping';

export interface Header {
  items: PageItem[];
  /** The grid line (0-based) on page 1 where the body starts. */
  bodyStart: number;
}

/** The grid line whose top is at or below `y`. */
const firstLineBelow = (y: number): number => Math.ceil((y - topMargin) / linePitch - 1e-6);

/** The largest 小标宋 size for the mark; names longer than 22 characters go on two lines. */
const MAX_MASTHEAD_SIZE = 42;
const SEPARATOR_THICKNESS = 1.5;

/** Five-pointed star for Party bodies' separators. */
function separator(y: number, left: number, star: boolean): PageItem[] {
  if (!star) return [{ kind: 'rule', x1: left, x2: left + textWidth, y, thickness: SEPARATOR_THICKNESS, color: red }];
  const radius = mm(2.6);
  const centre = left + textWidth / 2;
  const gap = radius + mm(1.5);
  return [
    { kind: 'rule', x1: left, x2: centre - gap, y, thickness: SEPARATOR_THICKNESS, color: red },
    { kind: 'star', cx: centre, cy: y, radius, color: red },
    { kind: 'rule', x1: centre + gap, x2: left + textWidth, y, thickness: SEPARATOR_THICKNESS, color: red },
  ];
}

export function layoutHeader(doc: LetterDocument, copy: CopyOptions, fonts: RoleFonts, index: FontIndex, used: Set<string>): Header {
  const left = textLeft(1);
  const items: PageItem[] = [];
  const body = { size: bodySize, grid: true, used };

  // Top-left marks, one per line from the first line of the text area.
  const marks: { text: string; role: 'heiti' | 'songti' }[] = [];
  const numbered = numberedClassifications.includes(doc.classification);
  if (numbered && copy.copyNumber) marks.push({ text: copy.copyNumber, role: 'heiti' });
  if (doc.classification !== 'public') {
    const period = numbered && doc.classificationPeriod ? `★${doc.classificationPeriod}` : '';
    marks.push({ text: `${classificationNames[doc.classification]}${period}`, role: 'heiti' });
  }
  if (doc.urgency !== 'none') marks.push({ text: urgencyNames[doc.urgency], role: 'heiti' });
  marks.forEach((mark, line) => items.push(...lineItems(placeAt(shape(mark.text, fonts[mark.role], body), 0), left, lineTop(line), index)));

  // 发文机关标志: red 小标宋, centred, its top 35 mm below the text area (80 mm sent upwards).
  const upward = doc.signer !== '';
  const mastTop = topMargin + (upward ? upwardMastheadOffset : mastheadOffset);
  const markChars = [...doc.issuerMark].length;
  const markLines = markChars > 22 ? 2 : 1;
  const perLine = Math.ceil(markChars / markLines);
  const markSize = Math.min(MAX_MASTHEAD_SIZE, (textWidth * 0.96) / perLine);
  const markGlyphs = shape(doc.issuerMark, fonts.xiaobiaosong, { size: markSize, grid: false, color: red, used });
  const markRows = markLines === 1 ? [markGlyphs] : [markGlyphs.slice(0, perLine), markGlyphs.slice(perLine)];
  const markLeading = markSize * 1.2;
  markRows.forEach((row, i) => {
    const x = (textWidth - naturalWidth(row)) / 2;
    items.push(...lineItems(placeAt(row, x), left, mastTop + i * markLeading, index));
  });
  const mastBottom = mastTop + (markRows.length - 1) * markLeading + markSize;

  // 发文字号 two blank lines below the mark; upward: number left, 签发人 right, one character in.
  const numberLine = firstLineBelow(mastBottom) + 2;
  const numberTop = lineTop(numberLine);
  if (doc.documentNumber) {
    const glyphs = shape(doc.documentNumber, fonts.fangsong, body);
    const x = upward ? cellWidth : (textWidth - naturalWidth(glyphs)) / 2;
    items.push(...lineItems(placeAt(glyphs, x), left, numberTop, index));
  }
  if (upward) {
    const label = shape('签发人：', fonts.fangsong, body);
    const name = shape(doc.signer, fonts.kaiti, body);
    const x = textWidth - cellWidth - naturalWidth(label) - naturalWidth(name);
    items.push(...lineItems(placeAt([...label, ...name], x), left, numberTop, index));
  }
  const separatorY = numberTop + bodySize + separatorGap;
  items.push(...separator(separatorY, left, doc.separatorStar === true));

  // Title: 2号小标宋, centred, two blank lines below the separator; long titles in balanced lines.
  const titleLine = firstLineBelow(separatorY) + 2;
  const titleGlyphs = shape(doc.title, fonts.xiaobiaosong, { size: titleSize, grid: false, used });
  const total = naturalWidth(titleGlyphs);
  const rows = Math.ceil(total / textWidth - 1e-6);
  let titleLines = breakLines(titleGlyphs, { width: Math.min(textWidth, total / rows + titleSize), firstIndent: 0, restIndent: 0, spread: false });
  if (titleLines.length > rows) titleLines = breakLines(titleGlyphs, { width: textWidth, firstIndent: 0, restIndent: 0, spread: false });
  titleLines.forEach((line, i) => {
    const x = (textWidth - lineEnd(line.glyphs)) / 2;
    // The larger title glyphs are centred on the line where a body line's glyphs would be.
    items.push(...lineItems(shifted(line.glyphs, x), left, lineTop(titleLine + i) + (bodySize - titleSize) / 2, index));
  });

  // 主送机关: one blank line below the title, flush left, ending with a full-width colon.
  let next = titleLine + titleLines.length + 1;
  if (doc.addressee) {
    const text = /[：:]$/.test(doc.addressee) ? doc.addressee.replace(/:$/, '：') : `${doc.addressee}：`;
    const lines = breakLines(shape(text, fonts.fangsong, body), { width: textWidth, firstIndent: 0, restIndent: 0 });
    lines.forEach((line, i) => items.push(...lineItems(line.glyphs, left, lineTop(next + i), index)));
    next += lines.length;
  }
  return { items, bodyStart: next };
}
