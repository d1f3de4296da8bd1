/**
 * Printing a PDF the same way in Electron and in the browser: every page is drawn by pdf.js to
 * an image at print resolution, the images go into a print-only container, and window.print()
 * opens the system print dialog (Electron) or the browser's. Neither a PDF plugin (plugins stay
 * off) nor a looser CSP is needed, and the decrypted PDF never touches the disk: the images
 * live as blob: URLs in memory and are released when the print is over (`afterprint`).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdfjs';

/** Print resolution: sharp 3号 text and red marks, ~0.5 MB of PNG per A4 page. */
export const PRINT_DPI = 200;

const POINTS_PER_INCH = 72;
const MM_PER_POINT = 25.4 / POINTS_PER_INCH;
export const CONTAINER_ID = 'xuncha-print';

/** Releases what the print before left behind, should its dialog never have said `afterprint`. */
let releasePrevious: (() => void) | null = null;

export interface PrintProgress {
  /** Pages drawn so far and pages in the file. */
  done: number;
  total: number;
}

export class PrintCancelled extends Error {
  constructor() {
    super('print cancelled');
    this.name = 'PrintCancelled';
  }
}

interface PageImage {
  url: string;
  /** The page's size on paper, in millimetres. */
  widthMm: number;
  heightMm: number;
}

/**
 * The print rules, present only while a print is prepared: on paper the app is gone and each
 * image fills one sheet with no margin (the PDF carries its own GB/T 9704 margins).
 */
export function printCss(landscape: boolean): string {
  return [
    `#${CONTAINER_ID} { display: none; }`,
    '@media print {',
    `  @page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 0; }`,
    '  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; }',
    `  body > *:not(#${CONTAINER_ID}) { display: none !important; }`,
    `  #${CONTAINER_ID}, #${CONTAINER_ID} * { visibility: visible !important; }`,
    `  #${CONTAINER_ID} { display: block; margin: 0; padding: 0; }`,
    `  #${CONTAINER_ID} img { display: block; margin: 0; break-after: page; page-break-after: always; }`,
    `  #${CONTAINER_ID} img:last-child { break-after: auto; page-break-after: auto; }`,
    '}',
  ].join('\n');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PrintCancelled();
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
  });
}

/** Draws one page to a PNG blob; the canvas is released at once so only one exists at a time. */
async function drawPage(pdf: PDFDocumentProxy, number: number, signal: AbortSignal | undefined): Promise<PageImage> {
  const page = await pdf.getPage(number);
  const own = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: PRINT_DPI / POINTS_PER_INCH });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(viewport.width));
  canvas.height = Math.max(1, Math.round(viewport.height));
  const task = page.render({ canvas, viewport, background: '#ffffff' });
  const abort = () => task.cancel();
  signal?.addEventListener('abort', abort);
  try {
    await task.promise;
  } catch (error) {
    throwIfAborted(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', abort);
    page.cleanup();
  }
  throwIfAborted(signal);
  const blob = await canvasToBlob(canvas);
  // Zero-size canvases give their backing memory back now rather than at the next GC.
  canvas.width = 0;
  canvas.height = 0;
  return { url: URL.createObjectURL(blob), widthMm: own.width * MM_PER_POINT, heightMm: own.height * MM_PER_POINT };
}

function buildContainer(pages: PageImage[], repeat: number): { container: HTMLElement; images: HTMLImageElement[] } {
  const container = document.createElement('div');
  container.id = CONTAINER_ID;
  container.setAttribute('aria-hidden', 'true');
  const images: HTMLImageElement[] = [];
  for (let round = 0; round < repeat; round++) {
    for (const page of pages) {
      const image = document.createElement('img');
      image.src = page.url;
      image.alt = '';
      image.style.width = `${page.widthMm.toFixed(2)}mm`;
      image.style.height = `${page.heightMm.toFixed(2)}mm`;
      images.push(image);
      container.appendChild(image);
    }
  }
  return { container, images };
}

/**
 * Prints the PDF through the system dialog (`onDialog` says when it opens; nothing can be
 * cancelled from then on). Resolves once the dialog is closed (`afterprint`),
 * after everything it added to the page is gone; rejects with PrintCancelled when `signal`
 * aborts while pages are drawn. `repeat` prints the whole file that many times (an unclassified
 * document's PDF holds one copy; the copies registered are printed from it).
 */
export async function printPdf(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; repeat?: number; onProgress?: (progress: PrintProgress) => void; onDialog?: () => void } = {},
): Promise<void> {
  const { signal, repeat = 1, onProgress, onDialog } = options;
  throwIfAborted(signal);
  releasePrevious?.();
  const loading = openPdf(bytes);
  const pages: PageImage[] = [];
  let style: HTMLStyleElement | null = null;
  let container: HTMLElement | null = null;
  const release = () => {
    if (releasePrevious === release) releasePrevious = null;
    container?.remove();
    style?.remove();
    for (const page of pages) URL.revokeObjectURL(page.url);
  };
  try {
    const pdf = await loading.promise;
    throwIfAborted(signal);
    onProgress?.({ done: 0, total: pdf.numPages });
    for (let number = 1; number <= pdf.numPages; number++) {
      throwIfAborted(signal);
      pages.push(await drawPage(pdf, number, signal));
      onProgress?.({ done: number, total: pdf.numPages });
    }
  } catch (error) {
    release();
    throw error;
  } finally {
    loading.destroy();
  }
  releasePrevious = release;
  try {
    const first = pages[0];
    style = document.createElement('style');
    style.textContent = printCss(first !== undefined && first.widthMm > first.heightMm);
    document.head.appendChild(style);
    const built = buildContainer(pages, Math.max(1, repeat));
    container = built.container;
    document.body.appendChild(container);
    // A sheet printed before its image is decoded comes out blank.
    await Promise.all(built.images.map((image) => image.decode()));
    throwIfAborted(signal);
  } catch (error) {
    release();
    throw error;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      window.removeEventListener('afterprint', done);
      release();
      resolve();
    };
    window.addEventListener('afterprint', done);
    onDialog?.();
    window.print();
  });
}
