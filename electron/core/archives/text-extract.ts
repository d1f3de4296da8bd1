/**
 * The text of a stored file, for the search index. PDFs through pdf.js (the legacy build runs in
 * plain Node), plain text as UTF-8 or, failing that, GB 18030 (files from older Windows
 * machines), .docx through mammoth. A PDF or image without a text layer is "no text": a scan
 * needs OCR, which this version does not do.
 *
 * A .docx is a zip, and mammoth holds each XML part it reads in memory as a whole document: a
 * zip bomb (a few kB that inflate to gigabytes) would take the app down. So the parts mammoth
 * reads are first inflated as a stream, counting, with jszip (the zip reader mammoth itself
 * uses, so both see the same entries), and the file is refused past DOCX_LIMITS with a Chinese
 * reason. The item is still filed: only its text is missing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import mammoth from 'mammoth';

export type TextStatus = 'text' | 'none' | 'unsupported' | 'failed';

export interface ExtractedText {
  status: TextStatus;
  text: string;
  /** Why no text was read (for 'failed'), in Chinese, for the user. */
  reason?: string;
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

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A real report's XML is a few MB (a 300-page one: ~15 MB); the entry count of a .docx is
 * tens, with images hundreds. Photos are already compressed, so they inflate to about their
 * packed size: everything together may inflate to the XML limit plus twice the file's size. A
 * zip bomb inflates hundreds of times over, whatever its parts are called (mammoth follows the
 * package's relationships, not the names, to find the body).
 */
export const DOCX_LIMITS = { maxEntries: 5000, maxXmlBytes: 64 * 1024 * 1024 };
const inflatedLimit = (packedBytes: number) => DOCX_LIMITS.maxXmlBytes + 2 * packedBytes;

/** Thrown for a .docx refused before mammoth reads it; the message is for the user. */
class RefusedDocx extends Error {}

/** Inflates one entry without keeping it; false as soon as more than `budget` bytes came out. */
function inflatesWithin(entry: JSZip.JSZipObject, budget: number): Promise<number | false> {
  return new Promise((resolve, reject) => {
    let size = 0;
    // jszip's Node stream is a stream.Readable (its types say only NodeJS.ReadableStream): destroy() stops the inflating.
    const stream = entry.nodeStream('nodebuffer') as Readable;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        stream.destroy();
        resolve(false);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(size));
  });
}

async function checkDocx(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new RefusedDocx('不是有效的 Word 文档（.docx）：文件已损坏，或不是 .docx 格式');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > DOCX_LIMITS.maxEntries) throw new RefusedDocx(`Word 文档内部文件过多（超过${DOCX_LIMITS.maxEntries}个），未提取文字`);
  const tooLarge = new RefusedDocx(`Word 文档解压后的内容超过${DOCX_LIMITS.maxXmlBytes / 1024 / 1024} MB 文字（或远大于文件本身），可能是恶意构造的文件，未提取文字`);
  let xmlBudget = DOCX_LIMITS.maxXmlBytes;
  let budget = inflatedLimit(bytes.length);
  for (const entry of entries) {
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    const size = await inflatesWithin(entry, isXml ? Math.min(xmlBudget, budget) : budget).catch(() => {
      throw new RefusedDocx('Word 文档已损坏（压缩数据无法解开），未提取文字');
    });
    if (size === false) throw tooLarge;
    budget -= size;
    if (isXml) xmlBudget -= size;
  }
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  await checkDocx(bytes);
  try {
    return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new RefusedDocx('Word 文档的内容无法读取（缺少正文或格式不对），未提取文字');
  }
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
    if (mime === DOCX_MIME) {
      const text = await docxText(bytes);
      return hasText(text) ? { status: 'text', text: cap(text) } : { status: 'none', text: '' };
    }
    if (mime.startsWith('image/')) return { status: 'none', text: '' };
    return { status: 'unsupported', text: '' };
  } catch (error) {
    return error instanceof RefusedDocx ? { status: 'failed', text: '', reason: error.message } : { status: 'failed', text: '' };
  }
}
