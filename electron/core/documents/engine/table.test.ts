import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentEngine, type Rendered } from './index';
import { readPdf, toMm, type PdfRead } from './pdf-reader';
import { sampleTable } from './sample-letter';

let rendered: Rendered;
let read: PdfRead;

beforeAll(async () => {
  const engine = createDocumentEngine({ systemFonts: false });
  const rows = [...sampleTable.rows, ['61', '纪律建设', '<script>alert(1)</script> 与 **加粗** 原样打印', '信访', '办公室']];
  rendered = await engine.renderTable({ ...sampleTable, rows }, { copyNumber: '000007' });
  read = await readPdf(rendered.pdf);
});

describe('a table document read back from the PDF', () => {
  it('is landscape A4 over several pages', () => {
    expect(rendered.pages).toBeGreaterThan(2);
    expect(read.pages).toHaveLength(rendered.pages);
    for (const page of read.pages) {
      expect(toMm(page.width)).toBeCloseTo(297, 1);
      expect(toMm(page.height)).toBeCloseTo(210, 1);
    }
  });

  it('puts the copy number and classification top left, then the title, on the first page only', () => {
    const [copy, mark] = read.pages[0]!.lines;
    expect(copy!.text).toBe('000007');
    expect(mark!.text).toBe('秘密★1年');
    expect(copy!.left).toBeCloseTo(mark!.left, 1);
    expect(read.pages[0]!.lines.some((line) => line.text === '巡察发现问题清单')).toBe(true);
    expect(read.pages[1]!.lines.some((line) => line.text === '000007')).toBe(false);
  });

  it('repeats the header row at the top of every page', () => {
    for (const page of read.pages) {
      const header = page.lines.find((line) => line.text.replace(/\s/g, '').includes('序号问题类别问题描述问题来源责任单位'));
      expect(header, `page ${page.number}`).toBeDefined();
      const body = page.lines.filter((line) => line.size < 13 && line.baseline > header!.baseline);
      expect(body.length).toBeGreaterThan(0);
    }
  });

  it('numbers the pages on the outer side and keeps every row', () => {
    for (const page of read.pages) {
      const number = page.lines.find((line) => line.text.replace(/\s/g, '') === `—${page.number}—`)!;
      expect(number).toBeDefined();
      const middle = (number.left + number.right) / 2;
      if (page.number % 2 === 1) expect(middle).toBeGreaterThan(page.width / 2);
      else expect(middle).toBeLessThan(page.width / 2);
    }
    const text = read.pages.flatMap((page) => page.lines.map((line) => line.text)).join('');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('**加粗**');
    for (const row of ['1', '30', '60']) expect(read.pages.some((page) => page.lines.some((line) => line.text.startsWith(`${row}`)))).toBe(true);
  });
});

describe('several copies of a table in one PDF', () => {
  it('numbers each copy and restarts its page numbers', async () => {
    const engine = createDocumentEngine({ systemFonts: false });
    const copies = [{ copyNumber: '000011' }, { copyNumber: '000012' }];
    const rendered = await engine.renderTableCopies(sampleTable, copies);
    const read = await readPdf(rendered.pdf);
    expect(rendered.pages).toBe(rendered.copyPages * 2);
    expect(read.pages).toHaveLength(rendered.pages);
    expect(read.pages[0]!.lines[0]!.text).toBe('000011');
    expect(read.pages[rendered.copyPages]!.lines[0]!.text).toBe('000012');
    read.pages.forEach((page, i) => {
      const number = page.lines.find((line) => /^—\d+—$/.test(line.text.replace(/\s/g, '')))!;
      expect(number.text.replace(/\s/g, '')).toBe(`—${(i % rendered.copyPages) + 1}—`);
    });
  });
});
