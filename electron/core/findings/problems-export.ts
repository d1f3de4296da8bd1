import type { FileDownload, Problem } from '../../../shared/contract';
import { change, localDate, type CoreContext } from '../context';
import { groupLabel } from '../../../shared/format';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { FROZEN_HEADER, styleHeader, type SheetColumn } from '../units/xlsx/layout';
import type { Db } from '../vault/database';
import { FOCUS_NAMES, NO, PROBLEM_SHEET, problemColumns, SOURCE_NAMES, YES, type ProblemField } from './problems-import-columns';
import { problemColumnStyles, problemColumnWidths, problemHeaderTone } from './problems-import-template';
import { problemPage, type ProblemFilter } from './problems-page';
import { ProblemsStore } from './problems-store';

/** The most problems one export holds: a whole office's years, not an unbounded file. */
export const EXPORT_LIMIT = 100_000;
const BATCH = 1_000;

const TEMPLATE_VALUES: Record<ProblemField, (p: Problem) => string> = {
  target: (p) => p.unitName,
  focus: (p) => FOCUS_NAMES[p.focus],
  category: (p) => p.categoryName ?? '',
  description: (p) => p.description,
  evidence: (p) => p.evidence,
  source: (p) => SOURCE_NAMES[p.source],
  isCommon: (p) => (p.isCommon ? YES : NO),
};

/** The export's columns before and after the template's (not read back by the import). */
const LEADING = [{ header: '编号', width: 8, value: (p: Problem) => p.id }] as const;
const TRAILING = [
  { header: '轮次', width: 26, value: (p: Problem) => p.roundLabel },
  { header: '巡察组', width: 12, value: (p: Problem) => (p.groupNumber === null ? '' : groupLabel(p.groupNumber)) },
  { header: '登记时间', width: 18, value: (p: Problem) => localDateTime(new Date(p.createdAt)) },
] as const;

/** The ids of every problem the filter matches, newest first, up to the limit (the list's own query, problems-page.ts). */
export function matchingProblemIds(db: Db, filter: ProblemFilter): { ids: number[]; truncated: boolean } {
  const { ids } = problemPage(db, filter, { page: 1, pageSize: EXPORT_LIMIT + 1 });
  return { ids: ids.slice(0, EXPORT_LIMIT), truncated: ids.length > EXPORT_LIMIT };
}

/**
 * The filtered problem list as a workbook: 编号, the template's columns (so the file imports
 * again into a round), then 轮次, 巡察组 and 登记时间. Problems are read a thousand at a time
 * and each row is committed as written: exceljs's streaming writer takes 2 s for 20,000 rows
 * where building the whole workbook in memory took 8 s.
 */
export async function buildProblemExport(db: Db, ids: readonly number[], at: Date): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = '巡察工作台';
  workbook.lastModifiedBy = '巡察工作台';
  workbook.created = at;
  workbook.modified = at;
  // A streaming sheet takes its frozen pane when added, its columns and header styles before the first row is committed.
  const sheet = workbook.addWorksheet(PROBLEM_SHEET, { views: [...FROZEN_HEADER] }) as unknown as Worksheet;
  const columns: SheetColumn[] = [
    ...LEADING.map((c) => ({ header: c.header, width: c.width, tone: 'info' as const })),
    ...problemColumns.map((c) => ({ header: c.header, width: problemColumnWidths[c.field], tone: problemHeaderTone(c.field), style: problemColumnStyles[c.field] })),
    ...TRAILING.map((c) => ({ header: c.header, width: c.width, tone: 'info' as const })),
  ];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  styleHeader(sheet, columns);
  const store = new ProblemsStore(db);
  for (let start = 0; start < ids.length; start += BATCH) {
    for (const problem of store.byIds(ids.slice(start, start + BATCH))) {
      sheet.addRow([...LEADING.map((c) => c.value(problem)), ...problemColumns.map((c) => TEMPLATE_VALUES[c.field](problem)), ...TRAILING.map((c) => c.value(problem))]).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks).toString('base64');
}

function localDateTime(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/** The list's filter, all pages up to the limit, as .xlsx; audited with the filter and the count. */
export async function exportProblems(ctx: CoreContext, filter: ProblemFilter): Promise<FileDownload> {
  const db = ctx.active().vault.db;
  const { ids, truncated } = matchingProblemIds(db, filter);
  const base64 = await buildProblemExport(db, ids, ctx.now());
  change(ctx, (_session, record) => record({ action: 'problem.export', detail: { filter: { ...filter }, count: ids.length, truncated } }));
  return { fileName: `问题清单_${localDate(ctx.now())}.xlsx`, base64 };
}
