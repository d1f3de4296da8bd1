import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { readCell, type CellRead } from './cells';
import { matchHeader, type ColumnSpec, type HeaderMatch } from './columns';
import { GUIDE_SHEET, OPTIONS_SHEET } from './layout';
import { importLimits } from './limits';
import { unreadable } from './unreadable';
import { checkXlsxZip } from './zip-check';

export interface SheetRow {
  /** The Excel row number. */
  number: number;
  /** The non-empty cells by column number (1 = A). */
  cells: Map<number, CellRead>;
}

export interface ImportSheet<F extends string> {
  name: string;
  header: HeaderMatch<F>;
  /** Non-empty rows below the header row. */
  rows: SheetRow[];
}

/** Base64 from the renderer to bytes; anything that is not base64 becomes bytes no workbook has. */
export function decodeUpload(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw unreadable('notZip', '文件内容无法识别，请重新选择 .xlsx 文件');
  return Buffer.from(compact, 'base64');
}

/** Opens an upload as a workbook, after the zip checks; any failure is IMPORT_UNREADABLE. */
export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  checkXlsxZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('corrupt', '文件已损坏，无法作为 Excel 工作簿打开：请在 Excel 中打开并重新保存为 .xlsx');
  }
  if (workbook.worksheets.length === 0) throw unreadable('noSheet', '工作簿中没有工作表');
  return workbook;
}

/**
 * Picks the sheet to read: the one with the expected name, else the first visible sheet whose
 * header row names the first column (单位名称), else the first visible sheet (hidden sheets and
 * the template's guide and lists are passed over). Reads its rows,
 * refusing a sheet with more data rows than the limit.
 */
export function readImportSheet<F extends string>(workbook: ExcelJS.Workbook, preferredNames: readonly string[], specs: readonly ColumnSpec<F>[]): ImportSheet<F> {
  const sheets = workbook.worksheets;
  // The template's own 填写说明 and 选项 sheets are never data, whatever their rows look like.
  const visible = sheets.filter((s) => (s.state === undefined || s.state === 'visible') && s.name !== GUIDE_SHEET && s.name !== OPTIONS_SHEET);
  const candidates = visible.length ? visible : sheets;
  const keyField = specs[0]!.field;
  const sheet =
    sheets.find((s) => preferredNames.includes(s.name.trim())) ??
    candidates.find((s) => matchHeader(topRows(s), specs)?.columns.has(keyField)) ??
    candidates[0]!;

  const counted = sheet.actualRowCount;
  if (counted > importLimits.maxDataRows + importLimits.headerSearchRows) throw tooManyRows(counted - 1);

  const top = topRows(sheet);
  const header = matchHeader(top, specs) ?? { row: 1, columns: new Map(), written: new Map(), missing: specs.filter((s) => s.required), repeated: [] };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= header.row) return;
    const cells = rowCells(row);
    if (cells.size) rows.push({ number, cells });
  });
  if (rows.length > importLimits.maxDataRows) throw tooManyRows(rows.length);
  return { name: sheet.name, header, rows };
}

function topRows(sheet: Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  const last = Math.min(sheet.rowCount, importLimits.headerSearchRows);
  for (let number = 1; number <= last; number += 1) {
    const cells = rowCells(sheet.getRow(number));
    if (cells.size) rows.push({ number, cells });
  }
  return rows;
}

function rowCells(row: ExcelJS.Row): Map<number, CellRead> {
  const cells = new Map<number, CellRead>();
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const read = readCell(cell);
    if (read.kind !== 'empty') cells.set(column, read);
  });
  return cells;
}

function tooManyRows(rows: number) {
  return unreadable(
    'tooManyRows',
    `工作表有 ${rows} 行数据，超过每次最多 ${importLimits.maxDataRows} 行的限制，请拆分后分批导入`,
    { rows, limit: importLimits.maxDataRows },
  );
}
