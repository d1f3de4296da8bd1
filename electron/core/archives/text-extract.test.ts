/**
 * Text from the files an office files: a Chinese letter rendered by the document engine (real
 * fonts, subset-embedded, as pdfmake writes them) read back by pdf.js, plain text in UTF-8 and
 * GB 18030, and a PDF without text (a scan) flagged as such. Then the same PDF filed through the
 * router and found by a word that stands only in its body.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentEngine } from '../documents/engine';
import { sampleLetter } from '../documents/engine/sample-letter';
import { signedInApp } from '../testing/harness';
import { itemInput } from './archives-fixture';
import { extractText, plainText } from './text-extract';

let letterPdf: Buffer;
beforeAll(async () => {
  letterPdf = (await createDocumentEngine({ systemFonts: false }).renderLetter(sampleLetter)).pdf;
}, 120_000);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A one-page PDF that only draws a rectangle: what a scan without OCR looks like to a text reader. */
function pdfWithoutText(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 22 >>\nstream\n10 10 100 100 re f\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('text extraction', () => {
  it('reads the Chinese text of a generated letter', async () => {
    const result = await extractText(letterPdf, 'application/pdf');
    expect(result.status).toBe('text');
    const flat = result.text.replace(/\s+/g, '');
    expect(flat).toContain('市巡办〔2020〕8号');
    expect(flat).toContain('主体责任落实不到位');
    expect(flat).toContain('违反中央八项规定精神问题');
  });

  it('flags a PDF without a text layer and an image as no text; a broken PDF as failed', async () => {
    expect(await extractText(pdfWithoutText(), 'application/pdf')).toEqual({ status: 'none', text: '' });
    expect(await extractText(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).toEqual({ status: 'none', text: '' });
    expect((await extractText(Buffer.from('%PDF-1.4 not really'), 'application/pdf')).status).toBe('failed');
    expect((await extractText(Buffer.from('PK'), 'application/msword')).status).toBe('unsupported');
  });

  it('reads plain text as UTF-8, or as GB 18030 when it is not UTF-8', () => {
    expect(plainText(Buffer.from('\uFEFF巡察组进驻', 'utf8'))).toBe('巡察组进驻');
    // 巡察 in GB 18030 (GBK range).
    expect(plainText(Buffer.from([0xd1, 0xb2, 0xb2, 0xec]))).toBe('巡察');
  });

  it('finds a filed PDF by a word in its body, with the word in the snippet', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const item = await env.app.call('archives.create', itemInput({ title: '反馈意见（定稿）' }));
    const filed = await env.app.call('archives.attachFile', { itemId: item.id, fileName: '反馈意见.pdf', mime: 'application/pdf', base64: letterPdf.toString('base64') });
    expect(filed.files[0]).toMatchObject({ textStatus: 'text', mime: 'application/pdf' });
    const result = await env.app.call('archives.search', { query: '八项规定' });
    expect(result.items.map((hit) => hit.item.archiveCode)).toEqual([item.archiveCode]);
    const hits = result.items[0]!.snippet.filter((piece) => piece.hit).map((piece) => piece.text);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits)).toEqual(new Set(['八项规定']));
  });
});
