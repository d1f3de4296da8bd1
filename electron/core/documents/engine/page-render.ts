/**
 * Writes laid-out pages through pdfmake: every item at its absolute position, pages without
 * margins (the layout has placed everything already), one pdfmake page per laid-out page.
 */
import { pageHeight, pageWidth } from './grid';
import type { FontIndex, PageItem } from './layout-types';
import type { DocDefinition } from './pdfmake-runtime';

function starPoints(cx: number, cy: number, radius: number): { x: number; y: number }[] {
  const inner = radius * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? radius : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  });
}

/** Every style property pdfmake looks up for a piece of text that can be given without side effects. */
const plainText = {
  bold: false,
  italics: false,
  alignment: 'left',
  lineHeight: 1,
  leadingIndent: 0,
  noWrap: true,
  wordBreak: 'normal',
  opacity: 1,
  sup: false,
  sub: false,
  preserveLeadingSpaces: true,
  preserveTrailingSpaces: true,
};

function node(item: PageItem, fonts: FontIndex): Record<string, unknown> {
  switch (item.kind) {
    case 'text': {
      const { run } = item;
      const ascent = fonts.get(run.font)!.metrics.ascent * run.size;
      return {
        // As an inline object: pdfmake then finds each style property on the inline itself
        // instead of searching its style stack ~20 times per piece of text.
        text: [{ ...plainText, text: run.text, font: run.font, fontSize: run.size, characterSpacing: run.spacing, color: run.color ?? '#000000' }],
        // pdfmake puts the baseline one ascent below the top of the text it is given.
        absolutePosition: { x: item.x, y: item.baseline - ascent },
      };
    }
    case 'rule':
      return {
        canvas: [{ type: 'line', x1: item.x1, y1: item.y, x2: item.x2, y2: item.y, lineWidth: item.thickness, lineColor: item.color }],
        absolutePosition: { x: 0, y: 0 },
      };
    case 'star':
      return {
        canvas: [{ type: 'polyline', points: starPoints(item.cx, item.cy, item.radius), closePath: true, color: item.color, lineWidth: 0.1, lineColor: item.color }],
        absolutePosition: { x: 0, y: 0 },
      };
  }
}

export function pagesDefinition(pages: readonly PageItem[][], fonts: FontIndex): DocDefinition {
  return {
    pageSize: { width: pageWidth, height: pageHeight },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: fonts.keys().next().value, fontSize: 16 },
    content: pages.map((items, i) => ({ stack: items.map((item) => node(item, fonts)), ...(i > 0 ? { pageBreak: 'before' } : {}) })),
  };
}

/**
 * Several copies in one document: each copy a section of its own (its own watermark), starting
 * on an odd page. GB/T 9704 documents are printed on both sides, so a copy with an odd number
 * of pages is followed by a blank, unnumbered page; else the next copy would begin on its back.
 */
export function copiesDefinition(copies: readonly { pages: readonly PageItem[][]; watermark: unknown }[], fonts: FontIndex): DocDefinition {
  // pdfmake starts a section on the current page when that page is still empty: the blank
  // page carries one invisible mark so that it stays a page of its own.
  const blank: PageItem[] = [{ kind: 'rule', x1: 0, x2: 0, y: 0, thickness: 0, color: '#ffffff' }];
  return {
    pageSize: { width: pageWidth, height: pageHeight },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: fonts.keys().next().value, fontSize: 16 },
    content: copies.map((copy, c) => {
      const pages = c < copies.length - 1 && copy.pages.length % 2 === 1 ? [...copy.pages, blank] : copy.pages;
      return {
        section: pages.map((items, i) => ({ stack: items.map((item) => node(item, fonts)), ...(i > 0 ? { pageBreak: 'before' } : {}) })),
        watermark: copy.watermark,
      };
    }),
  };
}
