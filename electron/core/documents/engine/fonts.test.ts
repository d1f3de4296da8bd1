/**
 * Font discovery against real font files. No official font ships with the test machine, so
 * the tests make one the honest way: a real TrueType font (Noto Serif SC) whose name table is
 * replaced, the way 仿宋_GB2312 names itself (in Chinese, and FangSong_GB2312 in English).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFont } from './font-cache';
import { readFontFaces } from './font-names';
import { findFonts } from './fonts';
import { createDocumentEngine } from './index';
import { readPdf } from './pdf-reader';
import { sampleLetter } from './sample-letter';

const notoSerif = join(dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json')), '400Regular/NotoSerifSC_400Regular.ttf');

interface Names {
  chinese: string;
  english: string;
  postscript: string;
}

/** A `name` table (format 0): family (1), full name (4) and PostScript name (6). */
function nameTable(names: Names): Buffer {
  const records: { language: number; id: number; text: string }[] = [
    { language: 0x0409, id: 1, text: names.english },
    { language: 0x0409, id: 4, text: names.english },
    { language: 0x0409, id: 6, text: names.postscript },
    { language: 0x0804, id: 1, text: names.chinese },
    { language: 0x0804, id: 4, text: names.chinese },
  ];
  const strings = records.map((record) => Buffer.from(record.text, 'utf16le').swap16());
  const header = Buffer.alloc(6 + records.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach((record, i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(record.language, at + 4);
    header.writeUInt16BE(record.id, at + 6);
    header.writeUInt16BE(strings[i]!.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

/** The font with its name table replaced (appended; the table directory points at it). */
function renamed(source: string, names: Names): Buffer {
  const font = readFileSync(source);
  const table = nameTable(names);
  const at = font.length + ((4 - (font.length % 4)) % 4);
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const entry = 12 + i * 16;
    if (font.toString('latin1', entry, entry + 4) === 'name') {
      font.writeUInt32BE(at, entry + 8);
      font.writeUInt32BE(table.length, entry + 12);
    }
  }
  return Buffer.concat([font, Buffer.alloc(at - font.length), table]);
}

/**
 * The font with a `cmap` that maps only `chars` (format 4, one segment each): an official font
 * that lacks characters, as 仿宋_GB2312 lacks everything outside GB 2312.
 */
function withOnly(font: Buffer, chars: string): Buffer {
  const glyphs = loadFont(notoSerif);
  const codes = [...new Set([...chars].map((char) => char.codePointAt(0)!))].sort((a, b) => a - b);
  const segments = [...codes.map((code) => ({ code, delta: (glyphs.font.glyphForCodePoint(code).id - code + 65536) % 65536 })), { code: 0xffff, delta: 1 }];
  const count = segments.length;
  const sub = Buffer.alloc(16 + count * 8);
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(count * 2, 6);
  const power = 2 ** Math.floor(Math.log2(count));
  sub.writeUInt16BE(power * 2, 8);
  sub.writeUInt16BE(Math.log2(power), 10);
  sub.writeUInt16BE((count - power) * 2, 12);
  segments.forEach((segment, i) => {
    sub.writeUInt16BE(segment.code, 14 + i * 2); // endCode
    sub.writeUInt16BE(segment.code, 16 + count * 2 + i * 2); // startCode
    sub.writeUInt16BE(segment.delta, 16 + count * 4 + i * 2); // idDelta
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(12, 8);
  const table = Buffer.concat([header, sub]);
  const copy = Buffer.from(font);
  const at = copy.length + ((4 - (copy.length % 4)) % 4);
  for (let i = 0; i < copy.readUInt16BE(4); i++) {
    const entry = 12 + i * 16;
    if (copy.toString('latin1', entry, entry + 4) === 'cmap') {
      copy.writeUInt32BE(at, entry + 8);
      copy.writeUInt32BE(table.length, entry + 12);
    }
  }
  return Buffer.concat([copy, Buffer.alloc(at - copy.length), table]);
}

/** A one-face TrueType collection around a font: the ttcf header, table offsets moved by it. */
function collection(font: Buffer): Buffer {
  const shift = 16;
  const copy = Buffer.from(font);
  const numTables = copy.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) copy.writeUInt32BE(copy.readUInt32BE(12 + i * 16 + 8) + shift, 12 + i * 16 + 8);
  const header = Buffer.alloc(shift);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(1, 8);
  header.writeUInt32BE(shift, 12);
  return Buffer.concat([header, copy]);
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xuncha-fonts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding the fonts for each role', () => {
  it('reads family names in every language from the name table, and the faces of a collection', () => {
    const file = join(dir, 'renamed.ttf');
    writeFileSync(file, renamed(notoSerif, { chinese: '仿宋_GB2312', english: 'FangSong_GB2312', postscript: 'FangSong_GB2312' }));
    const [face] = readFontFaces(file);
    expect(face!.names).toEqual(expect.arrayContaining(['仿宋_GB2312', 'FangSong_GB2312']));
    expect(face!.postscriptName).toBe('FangSong_GB2312');
    expect(face!.outline).toBe('truetype');

    const ttc = join(dir, 'kai.ttc');
    writeFileSync(ttc, collection(renamed(notoSerif, { chinese: '楷体', english: 'KaiTi', postscript: 'KaiTi' })));
    const faces = readFontFaces(ttc);
    expect(faces).toHaveLength(1);
    expect(faces[0]).toMatchObject({ collection: true, postscriptName: 'KaiTi', names: expect.arrayContaining(['楷体']) });

    const woff = join(dir, 'web.ttf');
    writeFileSync(woff, Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(64)]));
    expect(readFontFaces(woff)).toEqual([]);
  });

  it('with only the open fonts, serves every role with a substitute', () => {
    const set = findFonts({ systemFonts: false });
    for (const source of Object.values(set)) expect(source.substitute).toBe(true);
    expect(set.fangsong.family).toBe('Noto Serif SC');
    expect(set.heiti.family).toContain('Noto Sans SC');
  });

  it('identifies official fonts by their names, not their file names', () => {
    const folder = mkdtempSync(join(dir, 'office-'));
    // A file called simfang.ttf that is not 仿宋 inside is not taken for it.
    copyFileSync(notoSerif, join(folder, 'simfang.ttf'));
    writeFileSync(join(folder, 'a1.ttf'), renamed(notoSerif, { chinese: '仿宋_GB2312', english: 'FangSong_GB2312', postscript: 'FangSong_GB2312' }));
    writeFileSync(join(folder, 'a2.ttf'), renamed(notoSerif, { chinese: '仿宋', english: 'FangSong', postscript: 'FangSong' }));
    writeFileSync(join(folder, 'b.ttc'), collection(renamed(notoSerif, { chinese: '黑体', english: 'SimHei', postscript: 'SimHei' })));
    const set = findFonts({ fontDirs: [folder], systemFonts: false });
    expect(set.fangsong).toMatchObject({ family: '仿宋_GB2312', file: join(folder, 'a1.ttf'), substitute: false });
    expect(set.heiti).toMatchObject({ family: '黑体', file: join(folder, 'b.ttc'), postscriptName: 'SimHei', substitute: false });
    expect(set.kaiti.substitute).toBe(true);
  });

  it('renders with the official fonts found, from a collection too, and records them in the PDF', async () => {
    const folder = mkdtempSync(join(dir, 'render-'));
    writeFileSync(join(folder, 'fs.ttf'), renamed(notoSerif, { chinese: '仿宋_GB2312', english: 'FangSong_GB2312', postscript: 'FangSong_GB2312' }));
    writeFileSync(join(folder, 'ht.ttc'), collection(renamed(notoSerif, { chinese: '黑体', english: 'SimHei', postscript: 'SimHei' })));
    const engine = createDocumentEngine({ fontDirs: [folder], systemFonts: false });
    expect(engine.fonts().find((font) => font.role === 'fangsong')).toMatchObject({ family: '仿宋_GB2312', substitute: false });
    expect(engine.substitutes()).toBe(true);
    const rendered = await engine.renderLetter(sampleLetter, { copyNumber: '000001' });
    const fangsong = rendered.fonts.find((font) => font.role === 'fangsong' && !font.substitute);
    expect(fangsong).toMatchObject({ family: '仿宋_GB2312', file: join(folder, 'fs.ttf') });
    expect(rendered.fonts.find((font) => font.role === 'heiti')).toMatchObject({ family: '黑体', substitute: false });
    const read = await readPdf(rendered.pdf);
    expect(String(read.info.Keywords)).toContain('fangsong=仿宋_GB2312;');
    expect(read.pages[0]!.lines[1]!.text).toBe('秘密★1年');
  });

  it('draws the characters an official font lacks with the open font, and says so', async () => {
    const folder = mkdtempSync(join(dir, 'gb2312-'));
    const body = '巡察组指出张堃同志的问题。';
    const official = withOnly(renamed(notoSerif, { chinese: '仿宋_GB2312', english: 'FangSong_GB2312', postscript: 'FangSong_GB2312' }), `${body.replace('堃', '')}0123456789年月日：，。（）〔〕附件`);
    writeFileSync(join(folder, 'fs.ttf'), official);
    const engine = createDocumentEngine({ fontDirs: [folder], systemFonts: false });
    const letter = { ...sampleLetter, body: [{ kind: 'paragraph' as const, text: body }], attachments: [], copiedTo: [], printedBy: '', printedOn: null };
    const rendered = await engine.renderLetter(letter);
    expect(rendered.fonts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'fangsong', family: '仿宋_GB2312', substitute: false }),
        expect.objectContaining({ role: 'fangsong', family: 'Noto Serif SC', substitute: true }),
      ]),
    );
    const read = await readPdf(rendered.pdf);
    const line = read.pages[0]!.lines.find((candidate) => candidate.text.startsWith('巡察组指出'))!;
    expect(line.text).toBe(body);
    // 堃 is its own piece of text, in another font, in its cell on the grid.
    const fills = read.pages[0]!.fills.map((fill) => fill.text);
    expect(fills).toContain('堃');
  });
});
