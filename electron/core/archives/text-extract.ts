/**
 * The text of a stored file, for the search index. PDFs through pdf.js (the legacy build runs in
 * plain Node), plain text as UTF-8 or, failing that, GB 18030 (files from older Windows
 * machines), .docx through mammoth when it is installed (it is optional: without it a .docx is
 * filed and found by its fields). A PDF or image without a text layer is "no text": a scan needs
 * OCR, which this version does not do.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type TextStatus = 'text' | 'none' | 'unsupported' | 'failed';

export interface ExtractedText {
  status: TextStatus;
  text: string;
}

/** The most text kept per file: a 1,000-page report's text fits; beyond it the rest is not searchable. */
export const MAX_TEXT_CHARS = 2_000_000;

const localRequire = createRequire(import.meta.url);

/** pdf.js's CMaps and standard fonts from node_modules (for PDFs whose Chinese fonts are not embedded). */
function pdfjsDataDir(folder: 'cmaps' | 'standard_fonts'): string | undefined {
  try {
    return `${join(dirname(localRequire.resolve('pdfjs-dist/package.json')), folder)}/`;
  } catch {
    return undefined;
  }
}

const hasText = (text: string) => /[\p{L}\p{N}]/u.test(text);
const cap = (text: string) => (text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const cMapUrl = pdfjsDataDir('cmaps');
  const standardFontDataUrl = pdfjsDataDir('standard_fonts');
  const doc = await pdfjs.getDocument({
    // pdf.js takes the buffer over: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
  }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= doc.numPages && length < MAX_TEXT_CHARS; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      pages.push(text);
      length += text.length;
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

export function plainText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

async function docxText(bytes: Uint8Array): Promise<string | null> {
  // Optional dependency: looked up at run time, so that its absence is "unsupported", not a crash.
  const name = 'mammoth';
  let mammoth: { extractRawText(input: { buffer: Buffer }): Promise<{ value: string }> };
  try {
    mammoth = (await import(/* @vite-ignore */ name)) as typeof mammoth;
  } catch {
    return null;
  }
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

export async function extractText(bytes: Uint8Array, mime: string): Promise<ExtractedText> {
  try {
    if (mime === 'application/pdf') {
      const text = await pdfText(bytes);
      return hasText(text) ? { status: 'text', text: cap(text) } : { status: 'none', text: '' };
    }
    if (mime === 'text/plain') {
      const text = plainText(bytes);
      return hasText(text) ? { status: 'text', text: cap(text) } : { status: 'none', text: '' };
    }
    if (mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      const text = await docxText(bytes);
      if (text === null) return { status: 'unsupported', text: '' };
      return hasText(text) ? { status: 'text', text: cap(text) } : { status: 'none', text: '' };
    }
    if (mime.startsWith('image/')) return { status: 'none', text: '' };
    return { status: 'unsupported', text: '' };
  } catch {
    return { status: 'failed', text: '' };
  }
}
