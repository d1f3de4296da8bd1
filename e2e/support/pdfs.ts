/**
 * PDFs made on the spot for the clue-file spec: a two-page tip-off letter typeset by pdfmake
 * with an embedded Noto Serif SC subset (as office software writes them), and a one-page note
 * whose Chinese font is NOT embedded, so pdf.js needs the bundled Adobe-GB1 CMap to read it
 * (as many scanners and older tools write them).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './env';

/** The part of pdfmake 0.3's Node API used here (the package ships no types). */
interface PdfMake {
  setFonts(fonts: Record<string, { normal: string }>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
}

const NOTO_SERIF_SC = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf');

/** A two-page A4 letter in Chinese, the font embedded as a subset. */
export async function chineseLetterPdf(): Promise<Buffer> {
  const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
  // Fonts are set afresh for each document (pdfmake breaks on the second one otherwise).
  pdfmake.setFonts({ NotoSerifSC: { normal: NOTO_SERIF_SC } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === NOTO_SERIF_SC);
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [80, 100, 75, 100],
      defaultStyle: { font: 'NotoSerifSC', fontSize: 16, lineHeight: 1.5 },
      content: [
        { text: '举报信', fontSize: 26, alignment: 'center', margin: [0, 0, 0, 24] },
        '市委第一巡察组：',
        { text: '我反映市审计局副局长张某某在2019年春节期间收受下属单位礼金共计人民币贰万元的问题。相关单位财务人员可以证明。', margin: [32, 8, 0, 0] },
        { text: '第二页 附：相关情况说明', fontSize: 20, pageBreak: 'before', margin: [0, 0, 0, 16] },
        '一、礼金由该局办公室转交，未入账。',
        '二、当年审计项目中存在照顾关系的情况。',
        { text: '反映人：王某　2020年4月18日', alignment: 'right', margin: [0, 40, 0, 0] },
      ],
    })
    .getBuffer();
}

/** A long report, one heading per page ('第 12 页'), to show pages drawn only near the view. */
export async function longReportPdf(pages: number): Promise<Buffer> {
  const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
  pdfmake.setFonts({ NotoSerifSC: { normal: NOTO_SERIF_SC } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === NOTO_SERIF_SC);
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      defaultStyle: { font: 'NotoSerifSC', fontSize: 40 },
      content: Array.from({ length: pages }, (_, index) => ({ text: `第 ${index + 1} 页`, pageBreak: index === 0 ? undefined : 'before', margin: [0, 200, 0, 0] })),
    })
    .getBuffer();
}

/** A PDF file from its objects (numbered from 1, the first being the catalog) with a correct xref. */
function assemble(objects: string[]): Buffer {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** UTF-16BE hex, as text shown with the UniGB-UCS2-H encoding. */
function ucs2Hex(text: string): string {
  return [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/** One page of Chinese in STSong-Light, not embedded: readable only through the UniGB-UCS2-H CMap. */
export function unembeddedChinesePdf(lines: string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 28 Tf 36 ${170 - index * 48} Td <${ucs2Hex(line)}> Tj ET`).join('\n');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 480 220] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** Bytes that claim to be a PDF but are not one (a truncated download, a renamed file). */
export function brokenPdf(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n% the rest of this file never arrived\n', 'latin1');
}
