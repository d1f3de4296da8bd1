/**
 * The GB/T 9704-2012 page in PDF points (1 pt = 1/72 in), y measured down from the top edge.
 * Every body line sits on a grid of 22 lines × 28 characters inside the 156 × 225 mm text
 * area; the glyphs' em box starts at the top of its line cell, so the first line's characters
 * touch the 37 mm top margin.
 */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export const pageWidth = mm(210);
export const pageHeight = mm(297);
export const textWidth = mm(156);
export const textHeight = mm(225);
export const topMargin = mm(37);
/** The binding margin (订口): left on odd pages, right on even pages. */
export const bindingMargin = mm(28);
export const outerMargin = pageWidth - bindingMargin - textWidth;
export const textBottom = topMargin + textHeight;

export const linesPerPage = 22;
export const charsPerLine = 28;
/** 3号 (16 pt), the body size. */
export const bodySize = 16;
/** 2号 (22 pt), the title. */
export const titleSize = 22;
/** 4号 (14 pt): 版记 and page numbers. */
export const smallSize = 14;
/** The horizontal pitch of one character cell: 15.79 pt, a little less than the 16 pt glyph. */
export const cellWidth = textWidth / charsPerLine;
/** The vertical pitch of one line: 28.99 pt. */
export const linePitch = textHeight / linesPerPage;

/** Left edge of the text area on a page (1-based): 28 mm on odd pages, mirrored on even. */
export const textLeft = (page: number): number => (page % 2 === 1 ? bindingMargin : outerMargin);

/** Top of line cell `line` (0-based) of the grid. */
export const lineTop = (line: number): number => topMargin + line * linePitch;

/** 发文机关标志: its top 35 mm below the top of the text area (80 mm for upward documents). */
export const mastheadOffset = mm(35);
export const upwardMastheadOffset = mm(80);
/** The red separator: 4 mm below the 发文字号. */
export const separatorGap = mm(4);
/** Page number: its dashes 7 mm below the bottom of the text area. */
export const pageNumberGap = mm(7);

/** 版记 rules: the first and last 0.35 mm, the middle ones 0.25 mm. */
export const heavyRule = mm(0.35);
export const lightRule = mm(0.25);

export const red = '#FF0000';
