import type { FileDownload } from '../../../shared/contract';
import { formatQuantity, resultKindNames, resultKinds, type ResultsSummary } from '../../../shared/channels/results-ledger';
import type { TableDocument } from '../../../shared/documents';
import { groupLabel } from '../../../shared/format';
import { actorOf, localDate, type CoreContext } from '../context';
import { documentEngine } from '../documents/engine-holder';
import { renderCopies } from '../documents/rendering';
import { mayReadClues } from '../findings/clue-access';
import { newWorkbook, styleHeader, toBase64 } from '../units/xlsx/layout';
import { ResultsStore } from './results-store';
import { summary } from './results-service';

/**
 * The results ledger's report: the summary per inspection with a totals row (the PDF's landscape
 * table and the workbook's first sheet are the same rows), the clue counts, and in the workbook
 * every entry. Money shows in 万元 with two decimals. Every export is audited.
 */

export const ROUND_LEVEL = '（全轮）';
const LEADING = ['序号', '被巡察单位', '巡察组', '移交线索（件）'] as const;

export function summaryHeaders(): string[] {
  return [...LEADING, ...resultKinds.map((k) => resultKindNames[k])];
}

/** One row per inspection, then 合计; every cell as printed. */
export function summaryRows(data: ResultsSummary): string[][] {
  const rows = data.byInspection.map((row, i) => [
    String(i + 1),
    row.unitName ?? ROUND_LEVEL,
    row.groupNumber === null ? '' : groupLabel(row.groupNumber),
    String(row.cluesHandedOver),
    ...resultKinds.map((k) => formatQuantity(k, row.totals[k])),
  ]);
  const handedOver = data.byInspection.reduce((n, row) => n + row.cluesHandedOver, 0);
  rows.push(['合计', '', '', String(handedOver), ...resultKinds.map((k) => formatQuantity(k, data.totals[k]))]);
  return rows;
}

/** The clue line under the title: counts only, e.g. 问题线索：登记82件，移交78件，已处置73件（谈话函询20件、…）. */
export function clueLine(data: ResultsSummary): string {
  const { clues } = data;
  const parts = clues.byDisposal.map((d) => `${d.name}${d.count}件`).join('、');
  return `问题线索：登记${clues.registered}件，移交${clues.handedOver}件，已处置${clues.disposed}件${parts ? `（${parts}）` : ''}`;
}

const reportTitle = (data: ResultsSummary) => `${data.roundLabel}成果运用台账`;
const safeFileName = (title: string) => title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120);

/**
 * The PDF's table: the summary rows without the group column, so that each unit's name fits on
 * one line and a page holds twice the rows (the document engine prints tables at 12 pt); the
 * workbook keeps the groups.
 */
export function summaryTable(data: ResultsSummary, date: string): TableDocument {
  const headers = summaryHeaders().filter((h) => h !== '巡察组');
  // 合计 under the units' names: the narrow 序号 column would break it over two lines.
  const rows = summaryRows(data).map(([n, unit, , ...figures]) => (n === '合计' ? ['', n, ...figures] : [n!, unit!, ...figures]));
  return {
    classification: 'internal',
    classificationPeriod: '',
    title: reportTitle(data),
    subtitle: clueLine(data).slice(0, 200),
    columns: headers.map((header) => ({ header, width: header === '被巡察单位' ? 3.6 : header === '序号' ? 0.8 : header.includes('万元') ? 1.4 : 1 })),
    rows,
    date,
  };
}

function audit(ctx: CoreContext, data: ResultsSummary, format: 'pdf' | 'xlsx'): void {
  const session = ctx.active();
  session.audit.append({
    action: 'resultsLedger.export',
    actor: actorOf(session.user),
    target: { type: 'round', id: data.roundId },
    detail: { format, entries: data.entries, inspections: data.byInspection.length },
  });
}

export async function exportPdf(ctx: CoreContext, roundId: number): Promise<FileDownload & { pages: number }> {
  const session = ctx.active();
  const data = summary(session.vault.db, roundId);
  const rendered = await renderCopies(documentEngine(ctx), { table: summaryTable(data, localDate(ctx.now())) }, [{}]);
  audit(ctx, data, 'pdf');
  return { fileName: `${safeFileName(reportTitle(data))}.pdf`, base64: rendered.pdf.toString('base64'), pages: rendered.pages };
}

const DETAIL_HEADERS = ['序号', '被巡察单位', '巡察组', '类别', '对象或事项', '数量', '金额（元）', '日期', '关联问题', '关联线索', '备注'] as const;

export async function exportXlsx(ctx: CoreContext, roundId: number): Promise<FileDownload> {
  const session = ctx.active();
  const db = session.vault.db;
  const data = summary(db, roundId);
  const entries = new ResultsStore(db).all(roundId, mayReadClues(session));
  const workbook = newWorkbook(ctx.now());
  const landscape = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

  const sheet = workbook.addWorksheet('汇总', { pageSetup: landscape });
  const headers = summaryHeaders();
  styleHeader(
    sheet,
    headers.map((header) => ({ header, width: header === '被巡察单位' ? 36 : header === '序号' ? 6 : 14, tone: 'info' as const })),
  );
  // Figures go in as numbers (money in 万元 to the fen), so that the sheet sums them again.
  for (const row of summaryRows(data)) sheet.addRow(row.map((cell, i) => (i >= 3 ? Number(cell) : cell)));
  sheet.lastRow!.font = { bold: true };
  resultKinds.forEach((k, i) => {
    if (k === 'lossRecovered' || k === 'fundsRecovered') sheet.getColumn(LEADING.length + i + 1).numFmt = '0.00';
  });
  sheet.addRow([]);
  sheet.addRow([clueLine(data)]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const detail = workbook.addWorksheet('明细', { pageSetup: landscape });
  styleHeader(
    detail,
    DETAIL_HEADERS.map((header) => ({ header, width: header === '对象或事项' || header === '关联问题' || header === '备注' ? 36 : header === '被巡察单位' ? 28 : 12, tone: 'info' as const })),
  );
  entries.forEach((e, i) => {
    const money = e.kind === 'lossRecovered' || e.kind === 'fundsRecovered';
    // Plain values are written as text or numbers; exceljs makes a formula only from a { formula } object.
    detail.addRow([
      i + 1,
      e.unitName ?? ROUND_LEVEL,
      e.groupNumber === null ? '' : groupLabel(e.groupNumber),
      resultKindNames[e.kind],
      e.subject,
      money ? null : e.quantity,
      money ? e.quantity / 100 : null,
      e.decidedOn ?? '',
      e.problemDescription ?? '',
      e.clueCode ?? (e.linkedClue ? '已关联' : ''),
      e.note,
    ]);
  });
  detail.getColumn(7).numFmt = '0.00';
  detail.views = [{ state: 'frozen', ySplit: 1 }];

  const clueSheet = workbook.addWorksheet('线索处置');
  styleHeader(clueSheet, [
    { header: '项目', width: 20, tone: 'info' },
    { header: '件数', width: 10, tone: 'info' },
  ]);
  clueSheet.addRow(['登记', data.clues.registered]);
  clueSheet.addRow(['移交', data.clues.handedOver]);
  clueSheet.addRow(['已处置', data.clues.disposed]);
  for (const d of data.clues.byDisposal) clueSheet.addRow([`其中：${d.name}`, d.count]);

  const base64 = await toBase64(workbook);
  audit(ctx, data, 'xlsx');
  return { fileName: `${safeFileName(reportTitle(data))}.xlsx`, base64 };
}
