import { matchKey, quote, type CellRead } from './cells';
import type { ColumnSpec } from './columns';
import type { IssueList } from './issues';
import type { ImportSheet, SheetRow } from './sheet';

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Checks that hold for any import sheet. The header: required columns present, no read column
 * twice (one issue naming them all). The data: no formula anywhere, no error value (#N/A) in a
 * read column. Returns false when the header is unusable, so no row can be read.
 */
export function checkSheet<F extends string>(sheet: ImportSheet<F>, specs: readonly ColumnSpec<F>[], issues: IssueList): boolean {
  const { header } = sheet;
  if (header.missing.length) {
    const found = [...header.written.values()].slice(0, 12).map((h) => quote(h, 12)).join('、');
    issues.add(
      header.row,
      null,
      `缺少必填列：${header.missing.map((s) => s.header).join('、')}。` +
        (found ? `第 ${header.row} 行的表头为 ${found}；` : '') +
        '请使用导入模板的表头（列的顺序不限）',
    );
  }
  if (header.repeated.length) issues.add(header.row, null, `表头中 ${header.repeated.join('、')} 出现了不止一次，请只保留一列`);
  if (header.missing.length || header.repeated.length) return false;
  if (sheet.rows.length === 0) {
    issues.add(header.row + 1, null, `工作表“${sheet.name}”的表头下面没有数据`);
    return true;
  }

  const readColumns = new Map<number, string>();
  for (const spec of specs) {
    const column = header.columns.get(spec.field);
    if (column !== undefined) readColumns.set(column, spec.header);
  }
  for (const row of sheet.rows) {
    for (const [column, cell] of row.cells) {
      const address = `${columnLetter(column)}${row.number}`;
      const label = readColumns.get(column) ?? header.written.get(column) ?? `${columnLetter(column)}列`;
      if (cell.kind === 'formula') issues.add(row.number, label, `不接受公式，请粘贴为数值（单元格 ${address}）`);
      else if (cell.kind === 'error' && readColumns.has(column)) issues.add(row.number, label, `单元格 ${address} 是错误值 ${cell.code}`);
    }
  }
  return true;
}

/** The cell of a field in a row (empty when the column is absent or the cell blank). */
export function fieldCell<F extends string>(sheet: ImportSheet<F>, row: SheetRow, field: F): CellRead {
  const column = sheet.header.columns.get(field);
  return (column !== undefined && row.cells.get(column)) || { kind: 'empty' };
}

/** Looks up a catalogue entry by name as the user typed it (全角/半角 and spaces ignored). */
export function catalogLookup<T extends { name: string }>(entries: readonly T[]): (text: string) => T | undefined {
  const byKey = new Map(entries.map((e) => [matchKey(e.name), e]));
  return (text) => byKey.get(matchKey(text));
}

/** '新城区、回民区…' for a message listing the choices, cut short when long. */
export function choices(names: readonly string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join('、')} 等` : names.join('、');
}

/** What 所属旗县区 may say for a city-level unit, besides nothing. */
export const CITY_LEVEL = '市本级';

/** Region key for maps: 0 is 市本级. */
export function regionKey(regionId: number | null): number {
  return regionId ?? 0;
}
