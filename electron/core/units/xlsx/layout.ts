import ExcelJS from 'exceljs';
import type { Borders, Fill, Style, Workbook, Worksheet } from 'exceljs';
import type { UnitField } from './columns';

/** The sheet the template and the export write, and the import reads first. */
export const UNIT_SHEET = '被巡察单位';
export const GUIDE_SHEET = '填写说明';
/** The hidden sheet holding the drop-down lists (a list over 255 characters cannot sit inline). */
export const OPTIONS_SHEET = '选项';

/** Column widths of the unit sheet (Excel's character units), by field. */
export const unitColumnWidths: Record<UnitField, number> = {
  name: 36,
  kind: 16,
  region: 14,
  parent: 28,
  partyOrgType: 12,
  establishedOn: 14,
  note: 40,
};

const REQUIRED_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const OPTIONAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const INFO_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const BORDER: Partial<Borders> = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };

export type HeaderTone = 'required' | 'optional' | 'info';

/** Cell styles of the unit columns: text stays text (a name like 0471 keeps its zero), dates show as dates. */
export const unitColumnStyles: Record<UnitField, Partial<Style>> = {
  name: { numFmt: '@' },
  kind: {},
  region: {},
  parent: { numFmt: '@' },
  partyOrgType: {},
  establishedOn: { numFmt: 'yyyy-mm-dd' },
  note: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
};
export const DATE_STYLE: Partial<Style> = { numFmt: 'yyyy-mm-dd' };

/**
 * Writes a bold header row with the given columns, frozen so it stays in view, and sets the
 * column widths and cell styles. The fill tells required columns from optional ones and from export-only ones.
 */
export interface SheetColumn {
  header: string;
  width: number;
  tone: HeaderTone;
  /** The style of the column's cells below the header (number format, wrapping). */
  style?: Partial<Style>;
}

export function writeHeader(sheet: Worksheet, columns: readonly SheetColumn[]): void {
  styleHeader(sheet, columns);
  sheet.views = [...FROZEN_HEADER];
}

/** The header's frozen pane, for a streaming sheet (which takes its views when added). */
export const FROZEN_HEADER = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] as const;

/** writeHeader without the frozen pane: the columns, widths, cell styles and the bold tinted header row. */
export function styleHeader(sheet: Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.style ? { style: c.style } : {}) }));
  const row = sheet.getRow(1);
  row.height = 22;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { bold: true, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.fill = c.tone === 'required' ? REQUIRED_FILL : c.tone === 'optional' ? OPTIONAL_FILL : INFO_FILL;
    cell.border = BORDER;
    cell.numFmt = 'General';
  });
}

/** A workbook stamped with the app as its author and a fixed time (the core's clock). */
export function newWorkbook(at: Date): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '巡察工作台';
  workbook.lastModifiedBy = '巡察工作台';
  workbook.created = at;
  workbook.modified = at;
  return workbook;
}

export async function toBase64(workbook: Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** Required columns are tinted; 所属旗县区 must be present but may be empty (市本级), so it reads as optional. */
export function unitHeaderTone(field: UnitField): HeaderTone {
  return field === 'name' || field === 'kind' || field === 'partyOrgType' ? 'required' : 'optional';
}
