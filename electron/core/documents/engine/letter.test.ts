/**
 * The sample letter rendered by the real engine with the open fonts only, read back with
 * pdfjs-dist, and measured against GB/T 9704-2012 in the standard's own units.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../../../shared/documents';
import { parsedFontCount } from './font-cache';
import { createDocumentEngine, type DocumentEngine, type Rendered } from './index';
import { readPdf, toMm, type PdfLine, type PdfPage, type PdfRead } from './pdf-reader';
import { sampleLetter } from './sample-letter';

const mm = (value: number): number => (value * 72) / 25.4;
/** Noto CJK's ideographic em box starts 0.88 em above the baseline. */
const EM_TOP = 0.88;
const PITCH = mm(225) / 22;
const CELL = mm(156) / 28;
const textLeftOf = (page: number): number => (page % 2 === 1 ? mm(28) : mm(26));
const textRightOf = (page: number): number => textLeftOf(page) + mm(156);
/** Top of a line's characters, from the top edge of the paper. */
const glyphTop = (line: PdfLine): number => line.baseline - EM_TOP * line.size;

const noStart = [...'。，、；：？！”）》〕'];
const noEnd = [...'（《〔“'];
const isWide = (char: string): boolean => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uff60“”‘’…—★]/u.test(char);

let engine: DocumentEngine;
let rendered: Rendered;
let read: PdfRead;

/** The 16 pt lines of the body: on page 1 below the 主送机关, and above the closing. */
function bodyLines(page: PdfPage): PdfLine[] {
  const body = page.lines.filter((line) => Math.abs(line.size - 16) < 0.01);
  const start = page.number === 1 ? body.findIndex((line) => line.text.startsWith('中共某某局党组')) + 1 : 0;
  const end = body.findIndex((line) => line.text.startsWith('附件：'));
  return body.slice(start, end < 0 ? undefined : end);
}

beforeAll(async () => {
  engine = createDocumentEngine({ systemFonts: false });
  rendered = await engine.renderLetter(sampleLetter, { copyNumber: '000042' });
  read = await readPdf(rendered.pdf);
});

describe('a GB/T 9704 letter read back from the PDF', () => {
  it('is A4, several pages, as many as the engine says', () => {
    expect(read.pages.length).toBe(rendered.pages);
    expect(rendered.pages).toBeGreaterThanOrEqual(4);
    for (const page of read.pages) {
      expect(toMm(page.width)).toBeCloseTo(210, 1);
      expect(toMm(page.height)).toBeCloseTo(297, 1);
    }
  });

  it('holds exactly 28 characters on every full line of the body', () => {
    let checked = 0;
    for (const page of read.pages) {
      for (const line of bodyLines(page)) {
        const chars = [...line.text];
        if (line.right < textRightOf(page.number) - 1) continue; // last line of a paragraph
        const hanging = line.right > textRightOf(page.number) + 1;
        const inside = hanging ? chars.slice(0, -1) : chars;
        if (hanging) expect(noStart).toContain(chars[chars.length - 1]);
        if (inside.every(isWide)) {
          // A paragraph's first line starts two characters in: its indent counts as cells.
          const indent = Math.round((line.left - textLeftOf(page.number)) / CELL);
          expect(inside.length + indent, `${page.number}: ${line.text}`).toBe(28);
          checked++;
        } else {
          // Latin words and digits keep their own widths: the line is spread edge to edge.
          expect(inside.filter(isWide).length).toBeLessThanOrEqual(28);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('puts 22 lines on every full page, each on the grid', () => {
    for (const page of read.pages) {
      const lines = bodyLines(page);
      for (const line of lines) {
        const row = (glyphTop(line) - mm(37)) / PITCH;
        expect(Math.abs(row - Math.round(row)), `${page.number}: ${line.text}`).toBeLessThan(0.01);
        expect(Math.round(row)).toBeGreaterThanOrEqual(0);
        expect(Math.round(row)).toBeLessThan(22);
      }
    }
    const middle = read.pages.slice(1, -1);
    expect(middle.length).toBeGreaterThanOrEqual(2);
    for (const page of middle.slice(0, 2)) expect(bodyLines(page)).toHaveLength(22);
  });

  it('has the 37 mm top margin and the 28 mm binding margin, mirrored on even pages', () => {
    for (const page of read.pages.slice(1, -1)) {
      const lines = page.lines.filter((line) => Math.abs(line.size - 16) < 0.01);
      expect(toMm(glyphTop(lines[0]!))).toBeGreaterThan(36);
      expect(toMm(glyphTop(lines[0]!))).toBeLessThan(38);
      const flush = Math.min(...lines.map((line) => line.left));
      const expected = page.number % 2 === 1 ? 28 : 26;
      expect(Math.abs(toMm(flush) - expected)).toBeLessThan(1);
      // Right edge of full lines: the text area is 156 mm wide.
      const right = Math.max(...lines.filter((line) => line.right < textRightOf(page.number) + 1).map((line) => line.right));
      expect(Math.abs(toMm(right) - (expected + 156))).toBeLessThan(1);
    }
    const first = read.pages[0]!.lines[0]!;
    expect(toMm(glyphTop(first))).toBeCloseTo(37, 0);
  });

  it('prints “— n —” 7 mm below the text area, on the outer side of each page', () => {
    for (const page of read.pages) {
      const number = page.lines.find((line) => line.text.replace(/\s/g, '') === `—${page.number}—`);
      expect(number, `page ${page.number}`).toBeDefined();
      expect(number!.size).toBeCloseTo(14, 1);
      // The dashes sit at mid-height of the digits: about 0.35 em above the baseline.
      expect(Math.abs(toMm(number!.baseline - 0.35 * 14) - (37 + 225 + 7))).toBeLessThan(1);
      if (page.number % 2 === 1) expect(toMm(textRightOf(page.number) - number!.right)).toBeCloseTo(toMm(14), 0);
      else expect(toMm(number!.left - textLeftOf(page.number))).toBeCloseTo(toMm(14), 0);
    }
  });

  it('starts the head with the copy number, the classification, then the red masthead 35 mm down', () => {
    const [copy, secret] = read.pages[0]!.lines;
    expect(copy!.text).toBe('000042');
    expect(toMm(copy!.left)).toBeCloseTo(28, 1);
    expect(toMm(glyphTop(copy!))).toBeCloseTo(37, 0);
    expect(secret!.text).toBe('秘密★1年');
    expect((glyphTop(secret!) - glyphTop(copy!)) / PITCH).toBeCloseTo(1, 2);

    const page = read.pages[0]!;
    const masthead = page.lines.find((line) => line.text === sampleLetter.issuerMark)!;
    expect(Math.abs(toMm(glyphTop(masthead)) - (37 + 35))).toBeLessThan(1);
    expect(Math.abs((masthead.left + masthead.right) / 2 - (textLeftOf(1) + textRightOf(1)) / 2)).toBeLessThan(1);
    const colour = (text: string): string | undefined => page.fills.find((fill) => fill.text.startsWith(text))?.color;
    expect(colour('中共某某市委')).toBe('#ff0000');
    expect(colour('市巡办')).toBe('#000000');
  });

  it('centres the 发文字号 two lines below the mark and draws the red separator 4 mm below it', () => {
    const page = read.pages[0]!;
    const masthead = page.lines.find((line) => line.text === sampleLetter.issuerMark)!;
    const number = page.lines.find((line) => line.text === '市巡办〔2020〕8号')!;
    expect(Math.abs((number.left + number.right) / 2 - (textLeftOf(1) + textRightOf(1)) / 2)).toBeLessThan(1);
    const gap = glyphTop(number) - (glyphTop(masthead) + masthead.size);
    expect(gap / PITCH).toBeGreaterThan(2);
    expect(gap / PITCH).toBeLessThan(3);
    const red = page.rules.filter((rule) => rule.color === '#ff0000' && rule.x2 - rule.x1 > mm(50));
    expect(red.length).toBeGreaterThanOrEqual(1);
    const numberBottom = glyphTop(number) + number.size;
    for (const rule of red) expect(Math.abs(toMm((rule.y1 + rule.y2) / 2 - numberBottom) - 4)).toBeLessThan(0.5);
    // Full width of the text area, with the Party star in the middle.
    expect(toMm(Math.min(...red.map((rule) => rule.x1)))).toBeCloseTo(28, 0);
    expect(toMm(Math.max(...red.map((rule) => rule.x2)))).toBeCloseTo(184, 0);
  });

  it('numbers headings 一、 （一） 1. （1） and sets the title, addressee and body in place', () => {
    const text = read.pages.flatMap((page) => page.lines.map((line) => line.text));
    expect(text).toContain('一、巡察发现的主要问题');
    expect(text).toContain('（一）贯彻落实党的路线方针政策和上级决策部署方面');
    expect(text).toContain('1.主体责任落实不到位');
    expect(text).toContain('（1）违反中央八项规定精神问题');
    expect(text).toContain('三、整改要求');
    const page = read.pages[0]!;
    const title = page.lines.filter((line) => Math.abs(line.size - 22) < 0.01);
    expect(title.map((line) => line.text).join('')).toBe(sampleLetter.title);
    const addressee = page.lines.find((line) => line.text === '中共某某局党组：')!;
    expect(toMm(addressee.left)).toBeCloseTo(28, 1);
    // Body paragraphs are indented two characters.
    const firstBody = bodyLines(page)[0]!;
    expect((firstBody.left - textLeftOf(1)) / (mm(156) / 28)).toBeCloseTo(2, 2);
  });

  it('keeps the line-break rules: no line starts with a closing mark or ends with an opening one', () => {
    for (const page of read.pages) {
      for (const line of page.lines) {
        expect(noStart, `${page.number}: ${line.text}`).not.toContain([...line.text][0]);
        expect(noEnd, `${page.number}: ${line.text}`).not.toContain([...line.text].at(-1));
      }
    }
  });

  it('ends with the attachments, the signature centred over the date four characters in, the note and the imprint at the foot', () => {
    const last = read.pages.at(-1)!;
    const number = last.number;
    const lines = last.lines;
    const attachments = lines.filter((line) => line.text.startsWith('附件：') || /^\d\./.test(line.text));
    expect(attachments[0]!.text).toBe('附件：1.巡察发现问题清单');
    expect(attachments[1]!.left).toBeCloseTo(attachments[0]!.left + (3 * mm(156)) / 28, 1);
    const date = lines.find((line) => line.text === '2020年10月15日')!;
    expect(toMm(textRightOf(number) - date.right)).toBeCloseTo(toMm((4 * mm(156)) / 28), 0);
    const signature = lines.find((line) => line.text === '市委第三巡察组')!;
    expect((signature.left + signature.right) / 2).toBeCloseTo((date.left + date.right) / 2, 0);
    expect((date.baseline - signature.baseline) / PITCH).toBeCloseTo(1, 2);
    const note = lines.find((line) => line.text === '（此件发至被巡察单位党组）')!;
    expect((note.baseline - date.baseline) / PITCH).toBeCloseTo(1, 2);

    const copiedTo = lines.find((line) => line.text.startsWith('抄送：'))!;
    expect(copiedTo.text).toBe('抄送：市纪委监委，市委组织部，市委巡察工作领导小组成员。');
    expect(copiedTo.size).toBeCloseTo(14, 1);
    expect(toMm(copiedTo.left - textLeftOf(number))).toBeCloseTo(toMm(14), 0);
    const imprint = lines.find((line) => line.text.endsWith('2020年10月16日印发'))!;
    expect(toMm(textRightOf(number) - imprint.right)).toBeCloseTo(toMm(14), 0);
    const rules = last.rules.filter((rule) => rule.color === '#000000').sort((a, b) => a.y1 - b.y1);
    expect(rules.map((rule) => Number(toMm(rule.thickness).toFixed(2)))).toEqual([0.35, 0.25, 0.35]);
    // The last rule's lower edge lies on the bottom edge of the text area.
    expect(toMm(rules[2]!.y2 + rules[2]!.thickness / 2)).toBeCloseTo(37 + 225, 1);
    expect(rules[0]!.y1).toBeLessThan(copiedTo.baseline - copiedTo.size);
    expect(rules[1]!.y1).toBeGreaterThan(copiedTo.baseline);
    expect(rules[1]!.y1).toBeLessThan(imprint.baseline - imprint.size);
  });

  it('prints markup as the text it is', () => {
    const text = read.pages.flatMap((page) => page.lines.map((line) => line.text)).join('');
    expect(text).toContain('<b>加粗</b>');
    expect(text).toContain('**星号**');
    expect(text).toContain('{"text":"JSON"}');
  });

  it('says which fonts stood in, in the result and in the PDF itself', () => {
    expect(engine.substitutes()).toBe(true);
    const roles = rendered.fonts.map((font) => font.role).sort();
    expect(roles).toEqual(['fangsong', 'heiti', 'kaiti', 'songti', 'xiaobiaosong']);
    expect(rendered.fonts.every((font) => font.substitute)).toBe(true);
    expect(JSON.parse(read.custom.XunchaFonts!)).toEqual(rendered.fonts);
    expect(String(read.info.Keywords)).toContain('fangsong=Noto Serif SC（替代）');
  });
});

describe('the engine across documents', () => {
  const upward: LetterDocument = {
    ...sampleLetter,
    classification: 'public',
    classificationPeriod: '',
    signer: '王某某',
    documentNumber: '市巡办〔2020〕9号',
    title: '关于第八轮巡察情况的报告',
    addressee: '市委巡察工作领导小组',
    body: [{ kind: 'paragraph', text: '现将第八轮巡察有关情况报告如下。' }],
    attachments: [],
    note: '',
    copiedTo: [],
    printedBy: '',
    printedOn: null,
    separatorStar: false,
  };

  it('renders document after document with the fonts parsed once, and each copy with its own number', async () => {
    const parsed = parsedFontCount();
    expect(parsed).toBeGreaterThanOrEqual(4);
    const second = await readPdf((await engine.renderLetter(sampleLetter, { copyNumber: '000043' })).pdf);
    expect(second.pages[0]!.lines[0]!.text).toBe('000043');
    const third = await readPdf((await engine.renderLetter(sampleLetter, { copyNumber: '000044', watermark: '张某 2020-10-16 09:30' })).pdf);
    expect(third.pages[0]!.lines[0]!.text).toBe('000044');
    // The watermark is on every page, slanted, and not part of the lines.
    for (const page of third.pages) expect(page.slanted.join('')).toContain('张某');
    expect(parsedFontCount()).toBe(parsed);
  });

  it('prints no copy number or classification for a public document, and lays out an upward one', async () => {
    const pdf = await readPdf((await engine.renderLetter(upward, { copyNumber: '000001' })).pdf);
    const page = pdf.pages[0]!;
    expect(page.lines.some((line) => line.text === '000001')).toBe(false);
    const masthead = page.lines.find((line) => line.text === upward.issuerMark)!;
    expect(Math.abs(toMm(glyphTop(masthead)) - (37 + 80))).toBeLessThan(1);
    const numberLine = page.lines.find((line) => line.text.includes('〔2020〕9号'))!;
    expect(toMm(numberLine.left - textLeftOf(1))).toBeCloseTo(toMm(mm(156) / 28), 0);
    const signer = page.lines.find((line) => line.text.endsWith('王某某'))!;
    expect(signer.text).toContain('签发人：');
    expect(toMm(textRightOf(1) - signer.right)).toBeCloseTo(toMm(mm(156) / 28), 0);
    expect(pdf.pages).toHaveLength(1);
  });

  it('pushes a heading that would end a page to the next page with its first line', async () => {
    const filler = '巡察组通过听取汇报、个别谈话、调阅资料等方式开展工作，发现了一些问题需要整改落实到位。';
    const body: LetterDocument['body'] = [];
    for (let i = 0; i < 40; i++) body.push({ kind: 'paragraph', text: filler });
    body.push({ kind: 'heading', level: 1, text: '最后一个标题' }, { kind: 'paragraph', text: filler });
    for (let extra = 0; extra < 3; extra++) {
      const doc = { ...upward, body: [{ kind: 'paragraph' as const, text: filler.repeat(extra + 1) }, ...body] };
      const pdf = await readPdf((await engine.renderLetter(doc)).pdf);
      for (const page of pdf.pages) {
        const lines = bodyLines(page);
        expect(lines.at(-1)?.text.startsWith('一、')).toBe(false);
      }
    }
  });
});

describe('several copies in one PDF', () => {
  it('gives every copy its own 份号 and watermark, page numbers from — 1 —, each copy starting on an odd page', async () => {
    const copies = ['000001', '000002', '000003'].map((copyNumber) => ({ copyNumber, watermark: `张某 ${copyNumber}` }));
    const rendered = await engine.renderLetterCopies(sampleLetter, copies);
    const single = (await engine.renderLetter(sampleLetter, copies[0])).pages;
    expect(rendered.copyPages).toBe(single);
    const padded = single % 2 === 1 ? single + 1 : single;
    expect(rendered.pages).toBe(padded * 2 + single);
    const read = await readPdf(rendered.pdf);
    expect(read.pages).toHaveLength(rendered.pages);
    copies.forEach((copy, c) => {
      const first = read.pages[c * padded]!;
      expect(first.lines[0]!.text).toBe(copy.copyNumber);
      for (let p = 0; p < single; p++) {
        const page = read.pages[c * padded + p]!;
        expect(page.lines.at(-1)!.text.replace(/\s/g, '')).toBe(`—${p + 1}—`);
        expect(page.slanted.join('')).toContain(copy.copyNumber);
      }
      // The blank back of an odd last page carries no text, not even a page number.
      if (padded > single && c < copies.length - 1) expect(read.pages[c * padded + single]!.lines).toHaveLength(0);
    });
  });
});
