/**
 * Reads a generated PDF back with pdfjs-dist, the way a checker would: text lines with their
 * positions (pt, y down from the top edge), the colour each piece of text was filled with, and
 * the ruled lines with their colour and thickness. Used by the tests of the engine and of the
 * document kinds built on it.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  text: string;
  x: number;
  width: number;
}

export interface PdfLine {
  /** Baseline, from the top edge. */
  baseline: number;
  size: number;
  left: number;
  right: number;
  text: string;
  pieces: PdfText[];
}

export interface PdfRule {
  color: string;
  thickness: number;
  x1: number;
  x2: number;
  /** From the top edge. */
  y1: number;
  y2: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
  /** Every text operation with its fill colour (#rrggbb), in drawing order. */
  fills: { text: string; color: string }[];
  rules: PdfRule[];
  /** Text set at an angle (the watermark). */
  slanted: string[];
}

export interface PdfRead {
  pages: PdfPage[];
  info: Record<string, unknown>;
  /** Non-standard info keys (XunchaFonts). */
  custom: Record<string, string>;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const opNames = new Map(Object.entries(pdfjs.OPS).map(([name, code]) => [code as number, name]));

async function readPage(doc: pdfjs.PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  const [, , width, height] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const byBaseline = new Map<string, PdfLine>();
  const slanted: string[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [size, skew, , , x, y] = item.transform as number[];
    if (Math.abs(skew!) > 1e-6) {
      slanted.push(item.str);
      continue;
    }
    const baseline = height - y!;
    const key = `${baseline.toFixed(1)}|${size!.toFixed(1)}`;
    let line = byBaseline.get(key);
    if (!line) {
      line = { baseline, size: size!, left: x!, right: x! + item.width, text: '', pieces: [] };
      byBaseline.set(key, line);
    }
    line.pieces.push({ text: item.str, x: x!, width: item.width });
  }
  const lines = [...byBaseline.values()]
    .map((line) => {
      line.pieces.sort((a, b) => a.x - b.x);
      line.left = line.pieces[0]!.x;
      line.right = Math.max(...line.pieces.map((piece) => piece.x + piece.width));
      line.text = line.pieces.map((piece) => piece.text).join('');
      return line;
    })
    .sort((a, b) => a.baseline - b.baseline || a.left - b.left);

  const operators = await page.getOperatorList();
  const fills: PdfPage['fills'] = [];
  const rules: PdfRule[] = [];
  let fill = '#000000';
  let stroke = '#000000';
  let lineWidth = 1;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: { ctm: Matrix; fill: string; stroke: string; lineWidth: number }[] = [];
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i] as unknown[];
    switch (opNames.get(fn)) {
      case 'save':
        stack.push({ ctm, fill, stroke, lineWidth });
        break;
      case 'restore':
        ({ ctm, fill, stroke, lineWidth } = stack.pop() ?? { ctm, fill, stroke, lineWidth });
        break;
      case 'transform':
        ctm = multiply(ctm, args as Matrix);
        break;
      case 'setFillRGBColor':
        fill = String(args[0]).toLowerCase();
        break;
      case 'setStrokeRGBColor':
        stroke = String(args[0]).toLowerCase();
        break;
      case 'setLineWidth':
        lineWidth = args[0] as number;
        break;
      case 'showText': {
        const glyphs = args[0] as ({ unicode?: string } | number)[];
        fills.push({ text: glyphs.map((glyph) => (typeof glyph === 'object' ? (glyph.unicode ?? '') : '')).join(''), color: fill });
        break;
      }
      case 'constructPath': {
        const box = args[2] as ArrayLike<number> | null;
        if (!box) break;
        const [x1, y1] = apply(ctm, box[0]!, box[1]!);
        const [x2, y2] = apply(ctm, box[2]!, box[3]!);
        rules.push({ color: stroke, thickness: lineWidth, x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: height - Math.max(y1, y2), y2: height - Math.min(y1, y2) });
        break;
      }
    }
  });
  page.cleanup();
  return { number, width, height, lines, fills, rules, slanted };
}

export async function readPdf(pdf: Uint8Array): Promise<PdfRead> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) pages.push(await readPage(doc, number));
    const { info } = await doc.getMetadata();
    const record = (info ?? {}) as Record<string, unknown>;
    return { pages, info: record, custom: (record.Custom ?? {}) as Record<string, string> };
  } finally {
    await doc.destroy();
  }
}

/** Millimetres from points, for assertions written in the standard's units. */
export const toMm = (points: number): number => (points * 25.4) / 72;
