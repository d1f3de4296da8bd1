/**
 * The body and the closing of a letter as a flow of grid lines: paragraphs indented two
 * characters, headings numbered 一、 （一） 1. （1） in 黑体, 楷体, 仿宋, 仿宋, then 附件说明,
 * 署名, 成文日期 and 附注, kept together on one page with the last line of the body.
 */
import type { BodyBlock, LetterDocument } from '../../../../shared/documents';
import { bodySize, cellWidth, textWidth } from './grid';
import { blankLine, lineEnd, shifted, type FlowLine, type RoleFonts } from './layout-types';
import { breakLines, type Glyph } from './line-break';
import { chineseDate, HeadingCounter } from './numbering';
import { cleanText, naturalWidth, shape, type RoleFont } from './shaping';

const headingRole = { 1: 'heiti', 2: 'kaiti', 3: 'fangsong', 4: 'fangsong' } as const;
const INDENT = 2 * cellWidth;

interface Context {
  fonts: RoleFonts;
  used: Set<string>;
}

const glyphsOf = (text: string, font: RoleFont, context: Context): Glyph[] => shape(text, font, { size: bodySize, grid: true, used: context.used });

function paragraph(text: string, font: RoleFont, context: Context, keepWithNext = false): FlowLine[] {
  const lines: FlowLine[] = [];
  // A line break typed inside a paragraph starts a new paragraph.
  for (const part of cleanText(text).split('\n')) {
    if (!part.trim()) continue;
    for (const line of breakLines(glyphsOf(part.trim(), font, context), { width: textWidth, firstIndent: INDENT, restIndent: 0 })) {
      lines.push({ glyphs: line.glyphs, blank: false, keepWithNext });
    }
  }
  return lines;
}

function blockLines(block: BodyBlock, counter: HeadingCounter, context: Context): FlowLine[] {
  switch (block.kind) {
    case 'heading':
      return paragraph(counter.next(block.level) + block.text, context.fonts[headingRole[block.level]], context, true);
    case 'paragraph':
      return paragraph(block.text, context.fonts.fangsong, context);
    case 'list':
      return block.items.flatMap((item) => paragraph(item, context.fonts.fangsong, context));
  }
}

/** 附件：1.×××× with later names under the first, wrapped lines under the name's first character. */
function attachmentLines(names: readonly string[], context: Context): FlowLine[] {
  const { fangsong } = context.fonts;
  const label = glyphsOf('附件：', fangsong, context);
  const labelWidth = naturalWidth(label);
  const lines: FlowLine[] = [];
  names.forEach((name, i) => {
    const number = names.length > 1 ? glyphsOf(`${i + 1}.`, fangsong, context) : [];
    const lead = i === 0 ? [...label, ...number] : number;
    const start = i === 0 ? INDENT : INDENT + labelWidth;
    const nameStart = INDENT + labelWidth + naturalWidth(number);
    const broken = breakLines([...lead, ...glyphsOf(name.replace(/[。．.，,；;]+$/, ''), fangsong, context)], {
      width: textWidth,
      firstIndent: start,
      restIndent: nameStart,
    });
    for (const line of broken) lines.push({ glyphs: line.glyphs, blank: false, keepWithNext: true });
  });
  return lines;
}

/** 署名 centred above 成文日期, the date four characters in from the right; then 附注. */
function closingLines(doc: LetterDocument, context: Context): FlowLine[] {
  const { fangsong } = context.fonts;
  const lines: FlowLine[] = [];
  if (doc.attachments.length) lines.push(blankLine(true), ...attachmentLines(doc.attachments, context));
  // Two blank lines leave room for the seal, whose top comes within a line of the text above.
  lines.push(blankLine(true), blankLine(true));
  const date = glyphsOf(chineseDate(doc.date), fangsong, context);
  const dateWidth = naturalWidth(date);
  const dateX = textWidth - 4 * cellWidth - dateWidth;
  if (doc.signature) {
    const centre = dateX + dateWidth / 2;
    for (const line of breakLines(glyphsOf(doc.signature, fangsong, context), { width: textWidth, firstIndent: 0, restIndent: 0, spread: false })) {
      const width = lineEnd(line.glyphs);
      const x = Math.max(0, Math.min(centre - width / 2, textWidth - width));
      lines.push({ glyphs: shifted(line.glyphs, x), blank: false, keepWithNext: true });
    }
  }
  lines.push({ glyphs: shifted(breakLines(date, { width: textWidth, firstIndent: 0, restIndent: 0 })[0]!.glyphs, dateX), blank: false, keepWithNext: doc.note !== '' });
  if (doc.note) {
    const note = /^[（(].*[）)]$/.test(doc.note) ? doc.note : `（${doc.note}）`;
    const noteLines = paragraph(note, fangsong, context, true);
    noteLines[noteLines.length - 1]!.keepWithNext = false;
    lines.push(...noteLines);
  }
  return lines;
}

export function layoutBody(doc: LetterDocument, fonts: RoleFonts, used: Set<string>): FlowLine[] {
  const context = { fonts, used };
  const counter = new HeadingCounter();
  const lines = doc.body.flatMap((block) => blockLines(block, counter, context));
  // The closing (附件说明, 署名, 成文日期) never starts a page: the body's last line goes with it.
  const last = lines[lines.length - 1];
  if (last) last.keepWithNext = true;
  return [...lines, ...closingLines(doc, context)];
}
