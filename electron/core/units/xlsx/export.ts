import type { Unit } from '../../../../shared/contract';
import type { UnitStatus } from '../../../../shared/domain';
import { unitColumns, type UnitField } from './columns';
import { DATE_STYLE, newWorkbook, toBase64, UNIT_SHEET, unitColumnStyles, unitColumnWidths, unitHeaderTone, writeHeader, type SheetColumn } from './layout';
import { CITY_LEVEL } from './rows';

const STATUS_LABELS: Record<UnitStatus, string> = { active: '正常', merged: '已合并', abolished: '已撤销' };

/** Columns the export adds after the template's: for reading, not read back by the import. */
const EXTRA_COLUMNS = [
  { header: '状态', width: 10, value: (u: Unit) => STATUS_LABELS[u.status] },
  { header: '撤并日期', width: 14, style: DATE_STYLE, value: (u: Unit) => excelDate(u.statusChangedOn) },
  { header: '最近党建考核', width: 16, value: (u: Unit) => (u.latestAssessment ? `${u.latestAssessment.year}年 ${u.latestAssessment.result}` : '') },
  { header: '巡察次数', width: 10, value: (u: Unit) => u.inspectionCount },
  { header: '最近一次巡察', width: 30, value: (u: Unit) => u.lastInspectedIn ?? '' },
] as const;

const TEMPLATE_VALUES: Record<UnitField, (u: Unit) => string | Date | null> = {
  name: (u) => u.name,
  kind: (u) => u.kindName,
  region: (u) => u.regionName ?? CITY_LEVEL,
  parent: (u) => u.parentName ?? '',
  partyOrgType: (u) => u.partyOrgType,
  establishedOn: (u) => excelDate(u.establishedOn),
  note: (u) => u.note,
};

/**
 * The registry as a workbook: the template's columns first (so the file imports again as it
 * is), then status, 撤并日期, the latest 党建考核 and the inspection history.
 */
export async function buildUnitExport(units: readonly Unit[], at: Date): Promise<string> {
  const workbook = newWorkbook(at);
  const sheet = workbook.addWorksheet(UNIT_SHEET);
  const columns: SheetColumn[] = [
    ...unitColumns.map((c) => ({ header: c.header, width: unitColumnWidths[c.field], tone: unitHeaderTone(c.field), style: unitColumnStyles[c.field] })),
    ...EXTRA_COLUMNS.map((c) => ({ header: c.header, width: c.width, tone: 'info' as const, ...('style' in c ? { style: c.style } : {}) })),
  ];
  writeHeader(sheet, columns);
  for (const unit of units) {
    sheet.addRow([...unitColumns.map((c) => TEMPLATE_VALUES[c.field](unit)), ...EXTRA_COLUMNS.map((c) => c.value(unit))]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return toBase64(workbook);
}

/** 'YYYY-MM-DD' as an Excel date (UTC midnight, as Excel stores calendar days). */
function excelDate(date: string | null): Date | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
