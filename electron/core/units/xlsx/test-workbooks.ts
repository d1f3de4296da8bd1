/**
 * Builders of test uploads: workbooks made with exceljs the way users make them, and raw zip
 * archives for the files a user should not be able to sneak past the reader. Only for tests.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';

export const UNIT_HEADER = ['单位名称', '单位类别', '所属旗县区', '上级单位', '党组织类型', '成立日期', '备注'] as const;

export interface SheetSpec {
  name: string;
  rows: readonly (readonly CellValue[])[];
  /** Anything more the sheet needs (formulas, merges, hidden state). */
  setUp?: (sheet: Worksheet) => void;
}

export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow([...row]);
    spec.setUp?.(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function workbookBase64(sheets: readonly SheetSpec[]): Promise<string> {
  return (await workbookBytes(sheets)).toString('base64');
}

/** A 被巡察单位 sheet with the template header and the given rows. */
export function unitSheet(rows: readonly (readonly CellValue[])[], setUp?: (sheet: Worksheet) => void): SheetSpec[] {
  return [{ name: '被巡察单位', rows: [[...UNIT_HEADER], ...rows], ...(setUp ? { setUp } : {}) }];
}

export async function readBack(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook;
}

export interface RawEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

/** A zip archive written by hand (deflate, CRC left 0: the reader's checks come first). */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
