/**
 * The GB/T 9704 document engine: a 10-page and a 100-page 反馈意见 rendered warm (fonts
 * already parsed: the app keeps one engine), and the first document of a fresh engine with
 * the parsed fonts forgotten (fonts read and parsed again; the OS file cache and the JIT stay
 * warm). The baseline is stock pdfmake on the same content with the same font files: one
 * createPdf, fonts set afresh, no grid, no head or 版记 placement.
 *
 * The truly cold first document (a new process: modules loaded, fonts read from disk and parsed,
 * code not yet compiled) is measured in child processes, this file being their entry point:
 * `node --import tsx bench/cases/documents.ts --xuncha-documents-child engine|stock`.
 *
 * Targets (issue 5): 10 pages warm ≤ 300 ms, 100 pages warm ≤ 1.5 s.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LetterDocument } from '../../shared/documents';
import { forgetParsedFonts } from '../../electron/core/documents/engine/font-cache';
import { createDocumentEngine, type DocumentEngine } from '../../electron/core/documents/engine/index';
import { withStockFontProvider } from '../../electron/core/documents/engine/pdfmake-runtime';
import { letterOfPages } from '../../electron/core/documents/engine/sample-letter';
import { compare, figure, timed } from '../lib/measure';
import type { BenchCase } from '../lib/types';

interface StockPdfmake {
  setFonts(fonts: Record<string, { normal: string | [string, string] }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const pdfmake = createRequire(import.meta.url)('pdfmake') as StockPdfmake;
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => true);

const bundledFontDir = join(import.meta.dirname, '..', '..', 'resources', 'fonts');
const engineOptions = existsSync(bundledFontDir) ? { bundledFontDir } : {};

const mm = (value: number): number => (value * 72) / 25.4;
const headingFont = { 1: 'heiti', 2: 'kaiti', 3: 'fangsong', 4: 'fangsong' } as const;

/** The same letter as plain pdfmake would set it: text in its fonts, nothing on a grid. */
function stockDefinition(doc: LetterDocument): Record<string, unknown> {
  const content: unknown[] = [
    { text: doc.issuerMark, font: 'xiaobiaosong', fontSize: 26, color: '#ff0000', alignment: 'center', margin: [0, mm(35), 0, 40] },
    { text: doc.documentNumber, alignment: 'center' },
    { canvas: [{ type: 'line', x1: 0, y1: 8, x2: mm(156), y2: 8, lineWidth: 1.5, lineColor: '#ff0000' }] },
    { text: doc.title, font: 'xiaobiaosong', fontSize: 22, alignment: 'center', margin: [0, 40, 0, 20] },
    { text: `${doc.addressee}：` },
  ];
  for (const block of doc.body) {
    if (block.kind === 'heading') content.push({ text: block.text, font: headingFont[block.level], leadingIndent: 32 });
    else if (block.kind === 'paragraph') content.push({ text: block.text, leadingIndent: 32 });
    else for (const item of block.items) content.push({ text: item, leadingIndent: 32 });
  }
  content.push({ text: doc.signature, alignment: 'right', margin: [0, 40, 64, 0] }, { text: '2020年10月15日', alignment: 'right', margin: [0, 0, 64, 0] });
  return {
    pageSize: 'A4',
    pageMargins: [mm(28), mm(37), mm(26), mm(35)],
    defaultStyle: { font: 'fangsong', fontSize: 16 },
    content,
    footer: (page: number) => ({ text: `— ${page} —`, font: 'songti', fontSize: 14, alignment: page % 2 ? 'right' : 'left', margin: [mm(33), 10, mm(33), 0] }),
  };
}

async function stockPdf(engine: DocumentEngine, doc: LetterDocument): Promise<Buffer> {
  const fonts: Record<string, { normal: string }> = {};
  for (const font of engine.fonts()) fonts[font.role] = { normal: font.file };
  // Stock pdfmake: fonts set afresh for each document, every font read and parsed by pdfkit.
  pdfmake.setFonts(fonts);
  return withStockFontProvider(() => pdfmake.createPdf(stockDefinition(doc)).getBuffer());
}

const CHILD_FLAG = '--xuncha-documents-child';

/** In a fresh process: milliseconds from loading the engine (or pdfmake) to the first 10-page PDF. */
async function runChild(mode: string): Promise<void> {
  const started = performance.now();
  const engine = createDocumentEngine(engineOptions);
  const doc = letterOfPages(10);
  if (mode === 'engine') await engine.renderLetter(doc);
  else await stockPdf(engine, doc);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
}

function child(mode: 'engine' | 'stock'): Promise<number> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    process_.on('error', reject);
    process_.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`documents child exited ${code}: ${stderr.trim() || stdout.trim()}`));
      else resolve((JSON.parse(line) as { ms: number }).ms);
    });
  });
}

export const documentsEngine: BenchCase = {
  name: 'documents: GB/T 9704 letter',
  description: 'engine.renderLetter (grid, head, 版记, cached fonts) vs stock pdfmake createPdf on the same content and font files',
  async run(ctx) {
    const engine = createDocumentEngine(engineOptions);
    const ten = letterOfPages(10);
    const hundred = letterOfPages(100);
    const pagesOf = async (doc: LetterDocument): Promise<number> => (await engine.renderLetter(doc)).pages;
    const tenPages = await pagesOf(ten);
    const hundredPages = await pagesOf(hundred);
    await stockPdf(engine, ten);
    const fonts = engine.fonts().map((font) => `${font.role} ${font.family}${font.substitute ? ' (open)' : ''}`).join(', ');
    ctx.log(`  fonts: ${fonts}`);

    const figures = [
      await compare({
        name: 'documents: 10-page letter (warm)',
        runs: ctx.quick ? 1 : 5,
        work: `${tenPages} pages, target ≤ 300 ms`,
        subject: () => timed(() => engine.renderLetter(ten)),
        baselineName: 'stock pdfmake, same content',
        baseline: () => timed(() => stockPdf(engine, ten)),
      }),
      await compare({
        name: 'documents: 100-page letter (warm)',
        runs: ctx.quick ? 1 : 3,
        work: `${hundredPages} pages, target ≤ 1.5 s`,
        subject: () => timed(() => engine.renderLetter(hundred)),
        baselineName: 'stock pdfmake, same content',
        baseline: () => timed(() => stockPdf(engine, hundred)),
      }),
      await compare({
        name: 'documents: 10-page letter (cold: fonts found and parsed)',
        runs: ctx.quick ? 1 : 2,
        work: `${tenPages} pages, a new engine with no parsed fonts (file cache warm)`,
        subject: () =>
          timed(async () => {
            forgetParsedFonts();
            await createDocumentEngine(engineOptions).renderLetter(ten);
          }),
        baselineName: 'stock pdfmake, same content',
        baseline: () => timed(() => stockPdf(engine, ten)),
      }),
    ];
    // Module loading is not timed; everything from the first call on is (the engine finds and
    // parses its fonts on first use, pdfmake parses them in createPdf).
    const cold: number[] = [];
    const coldStock: number[] = [];
    for (let run = 0; run < (ctx.quick ? 1 : 2); run++) {
      cold.push(await child('engine'));
      coldStock.push(await child('stock'));
    }
    figures.push(figure('documents: first 10-page letter in a new process (cold)', cold, 'stock pdfmake, new process', coldStock, { work: `${tenPages} pages` }));
    return figures;
  },
};

if (process.argv[2] === CHILD_FLAG) {
  runChild(process.argv[3] ?? 'engine').catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
