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
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { DOCX_LIMITS, DOCX_MIME, extractText, plainText } from './text-extract';

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

/** The smallest .docx Word and mammoth accept: content types, the package relationship and one body. */
async function docx(paragraphs: readonly string[], extra: Record<string, string | Uint8Array> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('.docx text', () => {
  it('reads the paragraphs of a Word document, markup in the text kept as text', async () => {
    const bytes = await docx(['市委第三巡察组关于巡察市审计局党组的反馈意见', '根据市巡办〔2020〕8号文件，<b>整改</b>要求如下：']);
    const result = await extractText(bytes, DOCX_MIME);
    expect(result.status).toBe('text');
    expect(result.text.split(/\n+/).filter(Boolean)).toEqual(['市委第三巡察组关于巡察市审计局党组的反馈意见', '根据市巡办〔2020〕8号文件，<b>整改</b>要求如下：']);
  });

  it('refuses a broken or bogus .docx with a Chinese reason, and never throws', async () => {
    const notZip = await extractText(Buffer.from('这不是Word文档'), DOCX_MIME);
    expect(notZip).toMatchObject({ status: 'failed', text: '' });
    expect(notZip.reason).toContain('不是有效的 Word 文档');
    const good = await docx(['巡察']);
    const truncated = await extractText(good.subarray(0, Math.floor(good.length / 2)), DOCX_MIME);
    expect(truncated).toMatchObject({ status: 'failed', text: '' });
    expect(truncated.reason).toMatch(/Word 文档/);
    const zip = new JSZip();
    zip.file('readme.txt', '没有正文');
    const noBody = await extractText(await zip.generateAsync({ type: 'nodebuffer' }), DOCX_MIME);
    expect(noBody).toMatchObject({ status: 'failed', text: '' });
    expect(noBody.reason).toContain('无法读取');
  });

  it('refuses a zip bomb before mammoth inflates it', async () => {
    // ~70 MB of one repeated character in a part mammoth would read: a few tens of kB packed.
    const bomb = await docx(['巡察'], { 'word/styles.xml': new Uint8Array(DOCX_LIMITS.maxXmlBytes + 4 * 1024 * 1024).fill(0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const result = await extractText(bomb, DOCX_MIME);
    expect(result).toMatchObject({ status: 'failed', text: '' });
    expect(result.reason).toContain('超过64 MB');
    expect(performance.now() - started).toBeLessThan(10_000);
    // The same bomb under a name mammoth could still be pointed at by a relationship.
    const renamed = await docx(['巡察'], { 'word/media/image1.png': new Uint8Array(DOCX_LIMITS.maxXmlBytes + 4 * 1024 * 1024).fill(0x20) });
    expect((await extractText(renamed, DOCX_MIME)).reason).toContain('可能是恶意构造的文件');
    // A real photo (incompressible bytes) inflates to its packed size and is fine.
    const photo = await docx(['附照片'], { 'word/media/image1.jpeg': randomBytes(2 * 1024 * 1024) });
    expect(await extractText(photo, DOCX_MIME)).toMatchObject({ status: 'text', text: expect.stringContaining('附照片') });
  });

  it('files a .docx through the router and finds it by a word of its body', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const item = await env.app.call('archives.create', itemInput({ title: '谈话记录' }));
    const bytes = await docx(['谈话对象反映：2020年度专项资金拨付滞后。']);
    const filed = await env.app.call('archives.attachFile', { itemId: item.id, fileName: '谈话记录.docx', mime: DOCX_MIME, base64: bytes.toString('base64') });
    expect(filed.files[0]).toMatchObject({ textStatus: 'text' });
    expect((await env.app.call('archives.search', { query: '拨付滞后' })).items.map((hit) => hit.item.id)).toEqual([item.id]);
  });
});

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
