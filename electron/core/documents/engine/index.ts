/**
 * The GB/T 9704 document engine: the one place that knows the page, the 22 × 28 grid, the head,
 * the 版记 and the page numbers. Runs in plain Node (main process, CLI, tests, bench).
 *
 *   const engine = createDocumentEngine({ bundledFontDir: path.join(resourcesPath, 'fonts') });
 *   const { pdf, pages, fonts } = await engine.renderLetter(letter, { copyNumber: '000001' });
 *
 * Fonts are looked up once, when the engine is first used, and parsed once per process; keep
 * one engine for the life of the process (make a new one when the font setting changes).
 */
import {
  fontRoles,
  fontUseSchema,
  letterDocumentSchema,
  tableDocumentSchema,
  type CopyOptions,
  type FontRole,
  type FontUse,
  type LetterDocument,
  type MultiCopyRenderer,
  type TableDocument,
} from '../../../../shared/documents';
import { loadFont } from './font-cache';
import { fallbackFont, findFonts, fontUses, type FontSet, type FontSource } from './fonts';
import { layoutLetter } from './letter-layout';
import type { FontIndex, RoleFonts } from './layout-types';
import { copiesDefinition, pagesDefinition } from './page-render';
import { renderPdf, type DocDefinition, type FontFile } from './pdfmake-runtime';
import type { LoadedFont } from './shaping';
import { tableCopiesDefinition, tableDefinition } from './table-layout';

export interface DocumentEngineOptions {
  /** Extra folders searched before the system font folders (the office's font setting). */
  fontDirs?: readonly string[];
  /** Where the build put the open fonts (resources/fonts); node_modules is tried after it. */
  bundledFontDir?: string;
  /** Search the system font folders (default true; tests turn it off to get the open fonts only). */
  systemFonts?: boolean;
}

export interface Rendered {
  pdf: Buffer;
  /** Pages in the PDF (every copy, and the blank pages between copies of a letter). */
  pages: number;
  /** Pages of one copy, as numbered on the paper. */
  copyPages: number;
  /** The fonts this document used, and whether each stood in for the official one. */
  fonts: FontUse[];
}

export interface DocumentEngine extends MultiCopyRenderer<Rendered> {
  /** Which font serves each role (the same for every document of this engine). */
  fonts(): FontUse[];
  /** True when any role is served by a substitute: the UI shows a notice before printing. */
  substitutes(): boolean;
  renderLetter(doc: LetterDocument, copy?: CopyOptions): Promise<Rendered>;
  renderTable(doc: TableDocument, copy?: CopyOptions): Promise<Rendered>;
  /**
   * Every copy in ONE PDF, each with its own 份号 and watermark and page numbers from — 1 —;
   * a letter copy with an odd number of pages is followed by a blank page (printed both sides).
   */
  renderLetterCopies(doc: LetterDocument, copies: readonly CopyOptions[]): Promise<Rendered>;
  renderTableCopies(doc: TableDocument, copies: readonly CopyOptions[]): Promise<Rendered>;
}

/** The key pdfmake knows a font by; `+` marks the open font standing in for missing glyphs. */
const fallbackKey = (role: FontRole): string => `${role}+`;

interface Prepared {
  roles: RoleFonts;
  index: FontIndex;
  sources: Map<string, FontSource>;
}

function prepare(set: FontSet, bundledFontDir: string | undefined): Prepared {
  const index: FontIndex = new Map();
  const sources = new Map<string, FontSource>();
  const load = (key: string, source: FontSource): LoadedFont => {
    const loaded = { key, metrics: loadFont(source.file, source.postscriptName) };
    index.set(key, loaded);
    sources.set(key, source);
    return loaded;
  };
  const roles = {} as RoleFonts;
  for (const role of fontRoles) {
    const source = set[role];
    const primary = load(role, source);
    // An official font rarely lacks a glyph: its stand-in is parsed only when one is missing.
    let fallback: LoadedFont | null = null;
    roles[role] = { role, primary, fallback: source.substitute ? null : () => (fallback ??= load(fallbackKey(role), fallbackFont(role, bundledFontDir))) };
  }
  return { roles, index, sources };
}

const fontFiles = (prepared: Prepared): Record<string, FontFile> =>
  Object.fromEntries([...prepared.sources].map(([key, source]) => [key, { file: source.file, ...(source.postscriptName ? { postscriptName: source.postscriptName } : {}) }]));

function usedFonts(prepared: Prepared, used: ReadonlySet<string>): FontUse[] {
  return [...prepared.sources]
    .filter(([key]) => used.has(key))
    .map(([, source]) => fontUseSchema.parse({ role: source.role, family: source.family, file: source.file, substitute: source.substitute }));
}

/** Every generated PDF says which fonts it used: in Keywords, and as JSON under XunchaFonts. */
function metadata(title: string, fonts: readonly FontUse[]): Record<string, string> {
  const names = fonts.map((font) => `${font.role}=${font.family}${font.substitute ? '（替代）' : ''}`).join('; ');
  return {
    title,
    creator: '巡察工作台 Xuncha Desk',
    producer: 'Xuncha Desk document engine (GB/T 9704-2012, pdfmake 0.3)',
    keywords: `fonts: ${names}`,
    XunchaFonts: JSON.stringify(fonts),
  };
}

/** A light diagonal watermark (user and time), if the office turns it on. */
function watermark(copy: CopyOptions, font: string): Record<string, unknown> | undefined {
  if (!copy.watermark) return undefined;
  return { text: copy.watermark, font, color: '#7f7f7f', opacity: 0.12 };
}

const WATERMARK_FONT = 'heiti';

function requireCopies(copies: readonly CopyOptions[]): void {
  if (copies.length === 0) throw new Error('at least one copy is needed');
}

export function createDocumentEngine(options: DocumentEngineOptions = {}): DocumentEngine {
  let set: FontSet | null = null;
  let prepared: Prepared | null = null;
  const fontSet = (): FontSet => (set ??= findFonts(options));
  const ready = (): Prepared => (prepared ??= prepare(fontSet(), options.bundledFontDir));

  async function render(definition: DocDefinition, title: string, used: Set<string>, copyPages: number | null): Promise<Rendered> {
    const state = ready();
    const fonts = usedFonts(state, used);
    const { pdf, pages } = await renderPdf({ ...definition, info: metadata(title, fonts) }, fontFiles(state));
    return { pdf, pages, copyPages: copyPages ?? pages, fonts };
  }

  /** The watermark of a copy, noting its font as used. */
  const markOf = (copy: CopyOptions, used: Set<string>): Record<string, unknown> | null => {
    const mark = watermark(copy, WATERMARK_FONT);
    if (mark) used.add(WATERMARK_FONT);
    return mark ?? null;
  };

  const engine: DocumentEngine = {
    fonts: () => fontUses(fontSet()),
    substitutes: () => fontRoles.some((role) => fontSet()[role].substitute),
    async renderLetter(input, copy = {}) {
      const doc = letterDocumentSchema.parse(input);
      const state = ready();
      const used = new Set<string>();
      const layout = layoutLetter(doc, copy, state.roles, state.index, used);
      const mark = markOf(copy, used);
      return render({ ...pagesDefinition(layout.pages, state.index), ...(mark ? { watermark: mark } : {}) }, doc.title, used, null);
    },
    async renderTable(input, copy = {}) {
      const doc = tableDocumentSchema.parse(input);
      const used = new Set<string>();
      const mark = markOf(copy, used);
      return render({ ...tableDefinition(doc, copy, used), ...(mark ? { watermark: mark } : {}) }, doc.title, used, null);
    },
    async renderLetterCopies(input, copies) {
      requireCopies(copies);
      const doc = letterDocumentSchema.parse(input);
      const state = ready();
      const used = new Set<string>();
      const layouts = copies.map((copy) => ({ pages: layoutLetter(doc, copy, state.roles, state.index, used).pages, watermark: markOf(copy, used) }));
      return render(copiesDefinition(layouts, state.index), doc.title, used, layouts[0]!.pages.length);
    },
    async renderTableCopies(input, copies) {
      requireCopies(copies);
      const doc = tableDocumentSchema.parse(input);
      // Only the 份号 differs between copies, so they all paginate like the first.
      const first = await engine.renderTable(doc, copies[0]);
      const used = new Set<string>();
      const parts = copies.map((copy) => ({ copy, watermark: markOf(copy, used) }));
      const rendered = await render(tableCopiesDefinition(doc, parts, first.pages, used), doc.title, used, first.pages);
      if (rendered.pages !== first.pages * copies.length) throw new Error(`copies paginated unevenly: ${rendered.pages} pages for ${copies.length} × ${first.pages}`);
      return rendered;
    },
  };
  return engine;
}
