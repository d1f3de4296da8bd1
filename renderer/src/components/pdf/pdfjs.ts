/**
 * pdf.js, loaded on first use (most sessions never open a PDF) and configured for an offline,
 * locked-down renderer:
 * - the worker comes from the app's own bundle (electron-vite emits it as an asset);
 * - no eval (`isEvalSupported: false`), no WebAssembly (`useWasm: false`): the CSP stays
 *   `script-src 'self'` without 'unsafe-eval' or 'wasm-unsafe-eval'. pdf.js then decodes
 *   JPEG 2000 with its plain-JS decoder and JBIG2 with its JS fallback, which scans still need;
 * - CMaps (Chinese PDFs whose fonts are not embedded) and the standard fonts are files of the
 *   build (out/renderer/pdfjs/, copied by electron.vite.config.ts), never fetched from a CDN.
 * The PDF itself is handed over as bytes in memory; nothing is written to disk.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;

let library: Promise<PdfJs> | null = null;

function loadLibrary(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then(
    (lib) => {
      // Our own worker, handed to pdf.js as its port. Given only a URL, pdf.js checks the
      // origin with WHATWG URL, which calls app://xuncha opaque, and would wrap the worker in
      // a blob: script; this way worker-src needs nothing but 'self'.
      lib.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
      return lib;
    },
    (error: unknown) => {
      library = null; // a later attempt may succeed
      throw error;
    },
  );
  return library;
}

/** Starts loading pdf.js and its worker ahead of the bytes (while the file is still being read). */
export function preloadPdfJs(): void {
  loadLibrary().catch(() => undefined);
}

/** Where the build puts pdf.js's data files, as an absolute URL of the app's own origin. */
function assetUrl(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href;
}

export type PdfFailure = 'invalid' | 'password' | 'engine';

export class PdfOpenError extends Error {
  constructor(
    readonly reason: PdfFailure,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PdfOpenError';
  }
}

export interface PdfLoading {
  promise: Promise<PDFDocumentProxy>;
  /** Stops loading or closes the document (frees the worker's copy and the page caches). */
  destroy(): void;
}

/**
 * The closing of the documents opened before. pdf.js shares one worker between documents and
 * a document opened while the previous one is still being torn down there can fail as
 * "invalid" (a live preview replaces its PDF every few hundred milliseconds), so each open
 * waits for the closes before it.
 */
let closing: Promise<void> = Promise.resolve();

/** Opens a PDF from bytes in memory; rejects with a PdfOpenError saying why it cannot be shown. */
export function openPdf(bytes: Uint8Array): PdfLoading {
  let destroyed = false;
  let destroyTask: (() => Promise<void>) | null = null;
  const promise = loadLibrary()
    .catch((error: unknown) => {
      throw new PdfOpenError('engine', error);
    })
    .then(async (lib) => {
      await closing;
      if (destroyed) throw new PdfOpenError('engine', 'closed');
      const task = lib.getDocument({
        // pdf.js transfers the buffer it is given to the worker: keep the caller's intact.
        data: bytes.slice(),
        isEvalSupported: false,
        useWasm: false,
        // Data files are read by this page (same origin, same CSP) in Electron and the browser alike.
        useWorkerFetch: false,
        cMapUrl: assetUrl('cmaps'),
        cMapPacked: true,
        standardFontDataUrl: assetUrl('standard_fonts'),
        wasmUrl: assetUrl('wasm'),
        enableXfa: false,
        verbosity: lib.VerbosityLevel.ERRORS,
      });
      destroyTask = () => task.destroy();
      return task.promise.catch((error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        throw new PdfOpenError(name === 'PasswordException' ? 'password' : 'invalid', error);
      });
    });
  return {
    promise,
    destroy: () => {
      destroyed = true;
      const closed = destroyTask ? destroyTask().catch(() => undefined) : Promise.resolve();
      closing = closing.then(() => closed);
    },
  };
}
