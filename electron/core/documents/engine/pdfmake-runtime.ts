/**
 * pdfmake 0.3 as the engine drives it: a Printer per document (no module-level fonts or
 * policies shared with anyone else), no URL ever fetched, local reads limited to the fonts,
 * and fonts served from the process-wide cache of parsed fonts (font-cache.ts).
 *
 * The one change to pdfmake is its font provider: stock pdfmake hands pdfkit a file path, and
 * pdfkit reads and parses the whole font again for every document. Ours gives pdfkit an
 * embedded font built around the already parsed font; the subset stays per document.
 */
import { createRequire } from 'node:module';
import { loadFont } from './font-cache';

const localRequire = createRequire(import.meta.url);

/** A pdfmake document definition; typed loosely, pdfmake ships no types. */
export type DocDefinition = Record<string, unknown>;

export interface FontFile {
  file: string;
  postscriptName?: string;
}

interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

interface EmbeddedFont {
  font: { unitsPerEm: number; glyphForCodePoint(codePoint: number): GlyphRun['glyphs'][number] };
  layoutRun(text: string, features?: unknown): GlyphRun;
}
type EmbeddedFontClass = new (document: unknown, font: unknown, id: string) => EmbeddedFont;

interface PdfKitDocument {
  fonts: Record<string, Record<string, string | [string, string] | undefined>>;
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _pdfMakePages?: unknown[];
  getFontType(bold: boolean, italics: boolean): string;
  font(src: string | Buffer, family?: string): PdfKitDocument;
  _font: EmbeddedFont;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  end(): void;
}

interface PrinterInstance {
  createPdfKitDocument(doc: DocDefinition, options?: Record<string, unknown>): Promise<PdfKitDocument>;
}
type PrinterClass = new (fonts: Record<string, unknown>, virtualfs: unknown, urlResolver: unknown, localAccessPolicy: (path: string) => boolean) => PrinterInstance;

const Printer = (localRequire('pdfmake/js/Printer.js') as { default: PrinterClass }).default;
const PdfMakeDocument = (localRequire('pdfmake/js/PDFDocument.js') as { default: { prototype: Record<string, unknown> } }).default;
const URLResolver = (localRequire('pdfmake/js/URLResolver.js') as { default: new (fs: unknown) => { setUrlAccessPolicy(policy: () => boolean): void } }).default;
const virtualfs = (localRequire('pdfmake/js/virtual-fs.js') as { default: unknown }).default;
const PdfKit = localRequire('pdfkit') as new (options: Record<string, unknown>) => PdfKitDocument;

let embeddedFontClass: EmbeddedFontClass | null = null;

/** pdfkit does not export its EmbeddedFont class: take it from a font it made itself, once. */
function embeddedFontFor(file: string, postscriptName?: string): EmbeddedFontClass {
  if (!embeddedFontClass) {
    const probe = new PdfKit({ autoFirstPage: false });
    probe.font(file, postscriptName);
    embeddedFontClass = probe._font.constructor as EmbeddedFontClass;
  }
  return embeddedFontClass;
}

/** Scripts that need real shaping (joining, reordering, combining marks). */
const needsShaping = /[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Chinese text needs no shaping: each character is its cmap glyph at its own advance. Skipping
 * fontkit's OpenType shaping (GSUB/GPOS for every distinct run of every document) makes a
 * 10-page letter about twice as fast; text in scripts that need shaping still gets it.
 */
function withPlainLayout(embedded: EmbeddedFont): EmbeddedFont {
  const shaped = embedded.layoutRun.bind(embedded);
  const scale = 1000 / embedded.font.unitsPerEm;
  embedded.layoutRun = (text, features) => {
    if (features || needsShaping.test(text)) return shaped(text, features);
    const glyphs: GlyphRun['glyphs'] = [];
    const positions: GlyphRun['positions'] = [];
    let advanceWidth = 0;
    for (const char of text) {
      const glyph = embedded.font.glyphForCodePoint(char.codePointAt(0)!);
      const advance = glyph.advanceWidth * scale;
      glyphs.push(glyph);
      positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      advanceWidth += advance;
    }
    return { glyphs, positions, advanceWidth };
  };
  return embedded;
}

function provideCachedFont(this: PdfKitDocument, familyName: string, bold: boolean, italics: boolean): EmbeddedFont {
  const type = this.getFontType(bold, italics);
  const definition = this.fonts[familyName]?.[type];
  if (!definition) throw new Error(`Font '${familyName}' in style '${type}' is not defined in the font section of the document definition.`);
  this.fontCache[familyName] ??= {};
  const cached = this.fontCache[familyName][type];
  if (cached) return cached;
  const [file, postscriptName] = Array.isArray(definition) ? definition : [definition, undefined];
  // One embedded font per file and face, however many families point at it.
  const key = `${file}#${postscriptName ?? ''}`;
  let embedded = this._fontFamilies[key];
  if (!embedded) {
    const Embedded = embeddedFontFor(file, postscriptName);
    embedded = withPlainLayout(new Embedded(this, loadFont(file, postscriptName).font, `F${++this._fontCount}`));
    this._fontFamilies[key] = embedded;
  }
  this.fontCache[familyName][type] = embedded;
  return embedded;
}

const stockProvideFont = PdfMakeDocument.prototype.provideFont;
PdfMakeDocument.prototype.provideFont = provideCachedFont;

/**
 * Runs `work` with pdfmake's own font provider (every font read and parsed for every document),
 * for the benchmark's baseline only. Not for concurrent use.
 */
export async function withStockFontProvider<T>(work: () => Promise<T>): Promise<T> {
  PdfMakeDocument.prototype.provideFont = stockProvideFont;
  try {
    return await work();
  } finally {
    PdfMakeDocument.prototype.provideFont = provideCachedFont;
  }
}

export interface PdfOutput {
  pdf: Buffer;
  pages: number;
}

/** Lays out and writes one document. `fonts` maps the family names used in `doc` to files. */
export async function renderPdf(doc: DocDefinition, fonts: Record<string, FontFile>): Promise<PdfOutput> {
  const descriptors: Record<string, { normal: string | [string, string] }> = {};
  const allowed = new Set<string>();
  for (const [family, font] of Object.entries(fonts)) {
    descriptors[family] = { normal: font.postscriptName ? [font.file, font.postscriptName] : font.file };
    allowed.add(font.file);
  }
  const urlResolver = new URLResolver(virtualfs);
  urlResolver.setUrlAccessPolicy(() => false);
  const printer = new Printer(descriptors, virtualfs, urlResolver, (path) => allowed.has(path));
  const pdfKit = await printer.createPdfKitDocument(doc);
  const pages = pdfKit._pdfMakePages?.length ?? 0;
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdfKit.on('data', (chunk) => chunks.push(chunk));
    pdfKit.on('end', () => resolve(Buffer.concat(chunks)));
    pdfKit.on('error', (error) => reject(error ?? new Error('PDF stream failed')));
    pdfKit.end();
  });
  return { pdf, pages };
}
