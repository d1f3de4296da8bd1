/**
 * Helpers of the registry spec: spreadsheets made in the test with exceljs (as an office would
 * fill them), calls straight to the core for data the rounds UI owns, and the import dialog.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { IpcResult } from '../../shared/result';
import { expect } from './fixtures';

export const UNIT_HEADERS = ['单位名称', '单位类别', '所属旗县区', '上级单位', '党组织类型', '成立日期', '备注'] as const;

export type SheetCell = string | number | Date | null | { formula: string; result?: string };
export type UnitRow = [name: string, kind: string, region: string, parent: string, partyOrgType: SheetCell, established?: SheetCell, note?: string];

/**
 * The registry the specs import: a 乡镇 with two of its 村, city departments, and 派出所 in two
 * counties (赛罕区 and 武川县), as in the 2020 提级交叉巡察 of the 派出所.
 */
export const GOOD_UNITS: UnitRow[] = [
  ['市审计局', '市直部门', '市本级', '', '党组'],
  ['市财政局', '市直部门', '', '', '党组'],
  ['金河镇', '乡镇/街道', '赛罕区', '', '党委', '1984-05-01'],
  ['金河村', '村/社区', '赛罕区', '金河镇', '党支部'],
  ['西把栅村', '村/社区', '赛罕区', '金河镇', '党支部'],
  ['赛罕区公安分局大学路派出所', '派出所', '赛罕区', '', '党支部'],
  ['赛罕区公安分局昭乌达路派出所', '派出所', '赛罕区', '', '党支部'],
  ['武川县公安局可可以力更派出所', '派出所', '武川县', '', '党支部'],
  ['武川县公安局哈乐派出所', '派出所', '武川县', '', '党支部'],
];

/** Two good rows and three bad ones: an unknown county, a unit already registered, a formula. */
export const MIXED_UNITS: UnitRow[] = [
  ['托克托县公安局双河派出所', '派出所', '托克托县', '', '党支部'],
  ['海拉尔区公安局胜利派出所', '派出所', '海拉尔区', '', '党支部'],
  ['金河镇', '乡镇/街道', '赛罕区', '', '党委'],
  ['和林格尔县公安局城关派出所', '派出所', '和林格尔县', '', { formula: 'CONCATENATE("党","支部")', result: '党支部' }],
  ['清水河县公安局城关派出所', '派出所', '清水河县', '', '党支部'],
];

function cellValue(value: SheetCell | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'object' && !(value instanceof Date)) return { formula: value.formula, result: value.result };
  return value;
}

/** A workbook with one sheet: the header row, then the rows. */
export async function makeWorkbook(headers: readonly string[], rows: readonly (readonly (SheetCell | undefined)[])[], sheetName = '被巡察单位'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(row.map(cellValue));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fills the downloaded import template below its header row, as a user would in Excel. */
export async function fillTemplate(template: Buffer, rows: readonly UnitRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('被巡察单位');
  if (!sheet) throw new Error('the template has no sheet 被巡察单位');
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let number = 1; number <= 10 && !headerRow; number += 1) {
    sheet.getRow(number).eachCell((cell, column) => {
      const text = String(cell.value ?? '').replace(/[*＊\s]|（.*）|\(.*\)/g, '');
      if ((UNIT_HEADERS as readonly string[]).includes(text)) columns.set(text, column);
    });
    if (columns.has('单位名称')) headerRow = number;
  }
  if (!headerRow) throw new Error('no header row found in the template');
  rows.forEach((row, index) => {
    const target = sheet.getRow(headerRow + 1 + index);
    UNIT_HEADERS.forEach((header, field) => {
      const column = columns.get(header);
      if (column !== undefined) target.getCell(column).value = cellValue(row[field]);
    });
    target.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of a downloaded workbook's first visible sheet, as text. */
export async function readDownload(download: Download): Promise<{ sheets: string[]; rows: string[][] }> {
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => values.push(cell.text));
    rows.push(values);
  });
  return { sheets: workbook.worksheets.map((s) => s.name), rows };
}

/** Calls the core as the page's own window.api would (for data whose UI belongs to another module). */
export async function invoke<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await page.evaluate(([name, payload]) => window.api.invoke(name, payload), [channel, input] as const)) as IpcResult<
    ChannelOutput<C>
  >;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value;
}

/** Imports rows straight through the core (for specs that need a registry, not the import UI). */
export async function seedUnits(page: Page, rows: readonly UnitRow[]): Promise<void> {
  const buffer = await makeWorkbook(UNIT_HEADERS, rows);
  const result = await invoke(page, 'units.import', { fileName: 'seed.xlsx', base64: buffer.toString('base64'), mode: 'all' });
  expect(result.imported, JSON.stringify(result.issues)).toBe(rows.length);
}

/** Opens the import dialog and chooses a file; waits until the check is done. */
export async function chooseImportFile(page: Page, opener: 'unit-import' | 'assessment-import', fileName: string, buffer: Buffer): Promise<void> {
  await page.getByTestId(opener).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toHaveAttribute('data-step', 'choose');
  await dialog.getByTestId('import-file').setInputFiles({
    name: fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await expect(dialog).toHaveAttribute('data-step', 'report');
}

export function unitRow(page: Page, name: string) {
  return page.getByTestId('units-table').locator(`tr[data-unit-name="${name.replace(/"/g, '\\"')}"]`);
}

/** Picks an option of a Mantine Select by its label. */
export async function pick(page: Page, testId: string, option: string, scope: Page | Locator = page): Promise<void> {
  await scope.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
