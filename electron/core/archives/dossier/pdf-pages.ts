/**
 * The number of pages of a PDF coming into the archives (页数 of its item), read by pdf.js's
 * legacy build in plain Node; null when the file is not a readable PDF (the archivist fills it in).
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js takes the buffer over: give it a copy.
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      return doc.numPages;
    } finally {
      await doc.destroy();
    }
  } catch {
    return null;
  }
}
