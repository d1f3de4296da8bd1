import type { Style, Worksheet } from 'exceljs';
import type { FileDownload } from '../../../shared/contract';
import { focuses, problemSources } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { GUIDE_SHEET, newWorkbook, OPTIONS_SHEET, toBase64, writeHeader, type HeaderTone } from '../units/xlsx/layout';
import { importLimits, templateLastRow } from '../units/xlsx/limits';
import { columnLetter } from '../units/xlsx/rows';
import { addValidation } from '../units/xlsx/template';
import { FOCUS_NAMES, NO, PROBLEM_SHEET, problemColumns, problemTextLimits, SOURCE_NAMES, YES, type ProblemField } from './problems-import-columns';

export const problemColumnWidths: Record<ProblemField, number> = {
  target: 28,
  focus: 30,
  category: 24,
  description: 60,
  evidence: 40,
  source: 12,
  isCommon: 14,
};
const WRAP: Partial<Style> = { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } };
export const problemColumnStyles: Record<ProblemField, Partial<Style>> = {
  target: { numFmt: '@' },
  focus: {},
  category: {},
  description: WRAP,
  evidence: WRAP,
  source: {},
  isCommon: {},
};
export function problemHeaderTone(field: ProblemField): HeaderTone {
  return problemColumns.find((c) => c.field === field)!.required && field !== 'category' ? 'required' : 'optional';
}

export interface ProblemTemplateLists {
  /** The round's inspected units, as the 巡察对象 drop-down offers them. */
  unitNames: string[];
  /** Categories in use, by focus. */
  categories: { focus: (typeof focuses)[number]; name: string }[];
}

/**
 * The problem import template: the 问题 sheet with drop-downs for the round's units, the three
 * focuses, the categories, the sources and 是/否; a 填写说明 sheet; a hidden sheet of lists.
 */
export async function buildProblemTemplate(lists: ProblemTemplateLists, at: Date): Promise<string> {
  const workbook = newWorkbook(at);
  const sheet = workbook.addWorksheet(PROBLEM_SHEET);
  const guideSheet = workbook.addWorksheet(GUIDE_SHEET);
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  writeHeader(
    sheet,
    problemColumns.map((c) => ({ header: c.header, width: problemColumnWidths[c.field], tone: problemHeaderTone(c.field), style: problemColumnStyles[c.field] })),
  );
  const columnOf = (field: ProblemField) => columnLetter(problemColumns.findIndex((c) => c.field === field) + 1);
  const dropDowns: { field: ProblemField; title: string; values: string[] }[] = [
    { field: 'target', title: '巡察对象', values: [...new Set(lists.unitNames)] },
    { field: 'focus', title: '聚焦', values: focuses.map((f) => FOCUS_NAMES[f]) },
    { field: 'category', title: '问题类别', values: [...new Set(lists.categories.map((c) => c.name))] },
    { field: 'source', title: '问题来源', values: problemSources.map((s) => SOURCE_NAMES[s]) },
    { field: 'isCommon', title: '是否共性问题', values: [YES, NO] },
  ];
  dropDowns.forEach((list, i) => {
    const column = i + 1;
    options.getCell(1, column).value = list.title;
    list.values.forEach((value, j) => (options.getCell(j + 2, column).value = value));
    if (list.values.length === 0) return;
    const letter = columnLetter(column);
    addValidation(sheet, `${columnOf(list.field)}2:${columnOf(list.field)}${templateLastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      // 巡察对象 may also be an inspection number, so a value outside the list only warns.
      showErrorMessage: true,
      errorStyle: list.field === 'target' ? 'warning' : 'stop',
      errorTitle: list.title,
      error: `请从下拉列表中选择${list.title}`,
      showInputMessage: true,
      promptTitle: list.title,
      prompt: '从列表中选择',
    });
  });
  writeGuide(guideSheet, lists);
  return toBase64(workbook);
}

function writeGuide(sheet: Worksheet, lists: ProblemTemplateLists): void {
  writeHeader(sheet, [
    { header: '列名', width: 14, tone: 'info' },
    { header: '是否必填', width: 10, tone: 'info' },
    { header: '填写说明', width: 80, tone: 'info', style: { alignment: { wrapText: true, vertical: 'top' } } },
  ]);
  const categoriesOf = (focus: (typeof focuses)[number]) => lists.categories.filter((c) => c.focus === focus).map((c) => c.name).join('、') || '（无）';
  const help: Record<ProblemField, [string, string]> = {
    target: ['必填', '本轮巡察的被巡察单位名称（从下拉列表中选择）；本轮有同名单位时，填写巡察任务编号。'],
    focus: ['必填', `三个聚焦之一：${focuses.map((f) => FOCUS_NAMES[f]).join('；')}。`],
    category: ['选填', `须属于所填的聚焦。${focuses.map((f) => `${FOCUS_NAMES[f]}：${categoriesOf(f)}`).join('；')}。`],
    description: ['必填', `问题的具体表现，最多 ${problemTextLimits.description} 字。`],
    evidence: ['选填', `佐证材料、谈话记录编号等，最多 ${problemTextLimits.evidence} 字。`],
    source: ['必填', `${problemSources.map((s) => SOURCE_NAMES[s]).join('、')}。`],
    isCommon: ['选填', `填“${YES}”或“${NO}”，不填视为“${NO}”。`],
  };
  for (const column of problemColumns) sheet.addRow([column.header, ...help[column.field]]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['注意事项']).getCell(1).font = { bold: true };
  [
    `在“${PROBLEM_SHEET}”工作表中，一行填写一个问题；第 1 行是表头，请勿修改表头文字，列的顺序可以调整。`,
    '不接受公式，请粘贴为数值。',
    `每次最多导入 ${importLimits.maxDataRows} 行，文件不超过 10 MB。`,
    '导入时系统先检查整个文件，逐行列出有问题的单元格和原因（行号与 Excel 中的行号一致），可修改后重新导入，也可只导入无误的行。',
    '单元格中的内容一律按文字原样保存。',
  ].forEach((rule, i) => sheet.addRow([`${i + 1}.`, '', rule]));
}

/** The template for one round: its units and the categories in use fill the drop-downs. */
export async function problemTemplate(ctx: CoreContext, roundId: number): Promise<FileDownload> {
  const db = ctx.active().vault.db;
  const round = db.prepare('SELECT r.number, t.name AS termName FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?').get(roundId) as
    | { number: number; termName: string }
    | undefined;
  if (!round) throw new AppError('NOT_FOUND', '巡察轮次不存在');
  const unitNames = db.prepare('SELECT u.name FROM inspections i JOIN units u ON u.id = i.unit_id WHERE i.round_id = ? ORDER BY i.id').pluck().all(roundId) as string[];
  const categories = db.prepare('SELECT focus, name FROM problem_categories WHERE retired = 0 ORDER BY focus, sort_order, id').all() as ProblemTemplateLists['categories'];
  return { fileName: `问题导入模板_${roundLabel(round.termName, round.number)}.xlsx`, base64: await buildProblemTemplate({ unitNames, categories }, ctx.now()) };
}
