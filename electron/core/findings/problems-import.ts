import type { ImportMode, ImportResult } from '../../../shared/contract';
import { focuses, problemSources, type Focus, type ProblemSource } from '../../../shared/domain';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { cellText, cleanText, matchKey, quote, singleLine } from '../units/xlsx/cells';
import { importResult, readUpload, shouldWrite } from '../units/xlsx/import-service';
import { IssueList } from '../units/xlsx/issues';
import { importLimits } from '../units/xlsx/limits';
import { catalogLookup, checkSheet, choices, fieldCell } from '../units/xlsx/rows';
import type { ImportSheet } from '../units/xlsx/sheet';
import type { Db } from '../vault/database';
import {
  FOCUS_ALIASES,
  FOCUS_NAMES,
  NO,
  PROBLEM_SHEET,
  problemColumns,
  problemTextLimits,
  SOURCE_ALIASES,
  SOURCE_NAMES,
  YES,
  type ProblemField,
} from './problems-import-columns';
import { ProblemsStore, type ProblemFields } from './problems-store';

interface RoundInspection {
  id: number;
  unitName: string;
}
interface Category {
  id: number;
  focus: Focus;
  name: string;
  retired: boolean;
}
export interface ProblemImportPlan {
  totalRows: number;
  goodRows: number;
  issues: IssueList;
  inserts: { row: number; fields: ProblemFields }[];
}

/** What a round's problems are checked against: its inspections and the problem categories. */
function snapshot(db: Db, roundId: number): { inspections: RoundInspection[]; categories: Category[] } {
  const inspections = db
    .prepare('SELECT i.id, u.name AS unitName FROM inspections i JOIN units u ON u.id = i.unit_id WHERE i.round_id = ? ORDER BY i.id')
    .all(roundId) as RoundInspection[];
  const categories = (db.prepare('SELECT id, focus, name, retired FROM problem_categories ORDER BY sort_order, id').all() as (Omit<Category, 'retired'> & { retired: number })[]).map(
    (c) => ({ ...c, retired: c.retired === 1 }),
  );
  return { inspections, categories };
}

/** A lookup by any of the names of an enum value (全角/半角 and spaces ignored). */
function namedLookup<K extends string>(keys: readonly K[], names: Record<K, string>, aliases: Record<K, readonly string[]>): (text: string) => K | undefined {
  const byKey = new Map<string, K>();
  for (const key of keys) for (const name of [names[key], ...aliases[key]]) byKey.set(matchKey(name), key);
  return (text) => byKey.get(matchKey(text));
}

/**
 * Checks every row of a problem sheet against the round, and says which rows would be written.
 * Each issue names the row and column as Excel shows them, in Chinese.
 */
export function planProblemImport(sheet: ImportSheet<ProblemField>, round: { inspections: RoundInspection[]; categories: Category[] }): ProblemImportPlan {
  const issues = new IssueList();
  const plan: ProblemImportPlan = { totalRows: sheet.rows.length, goodRows: 0, issues, inserts: [] };
  if (!checkSheet(sheet, problemColumns, issues)) return plan;

  const byUnit = new Map<string, RoundInspection[]>();
  for (const inspection of round.inspections) {
    const key = matchKey(inspection.unitName);
    byUnit.set(key, [...(byUnit.get(key) ?? []), inspection]);
  }
  const byId = new Map(round.inspections.map((i) => [i.id, i]));
  const focusOf = namedLookup(focuses, FOCUS_NAMES, FOCUS_ALIASES);
  const sourceOf = namedLookup(problemSources, SOURCE_NAMES, SOURCE_ALIASES);
  const categoryIn = new Map(focuses.map((f) => [f, catalogLookup(round.categories.filter((c) => c.focus === f))]));
  const anyCategory = catalogLookup(round.categories);
  const header = (field: ProblemField) => problemColumns.find((c) => c.field === field)!.header;
  const q = (text: string) => quote(text, importLimits.quoteChars);

  for (const row of sheet.rows) {
    const text = (field: ProblemField) => cellText(fieldCell(sheet, row, field));
    const add = (field: ProblemField, message: string) => issues.add(row.number, header(field), message);

    const target = singleLine(text('target'));
    let inspectionId: number | undefined;
    if (!target) add('target', '请填写巡察对象（本轮巡察的被巡察单位名称）');
    else if (/^\d+$/.test(target) && byId.has(Number(target))) inspectionId = Number(target);
    else {
      const found = byUnit.get(matchKey(target)) ?? [];
      if (found.length === 1) inspectionId = found[0]!.id;
      else if (found.length > 1) add('target', `本轮有 ${found.length} 个名为${q(target)}的巡察对象，请改填巡察任务编号（${found.map((i) => i.id).join('、')}）`);
      else add('target', `${q(target)}不是本轮的巡察对象，应为：${choices(round.inspections.map((i) => i.unitName))}`);
    }

    const focusText = singleLine(text('focus'));
    const focus = focusText ? focusOf(focusText) : undefined;
    if (!focusText) add('focus', '请填写聚焦方向');
    else if (!focus) add('focus', `聚焦${q(focusText)}无法识别，应为：${choices(focuses.map((f) => FOCUS_NAMES[f]))}`);

    const categoryText = singleLine(text('category'));
    let categoryId: number | null = null;
    if (categoryText && focus) {
      const category = categoryIn.get(focus)!(categoryText);
      if (category && category.retired) add('category', `问题类别${q(categoryText)}已停用`);
      else if (category) categoryId = category.id;
      else if (anyCategory(categoryText)) add('category', `问题类别${q(categoryText)}不属于聚焦“${FOCUS_NAMES[focus]}”`);
      else add('category', `没有名为${q(categoryText)}的问题类别`);
    }

    const description = cleanText(text('description'));
    if (!description) add('description', '问题描述不能为空');
    else if (description.length > problemTextLimits.description) add('description', `问题描述超过 ${problemTextLimits.description} 字（现有 ${description.length} 字）`);
    const evidence = cleanText(text('evidence'));
    if (evidence.length > problemTextLimits.evidence) add('evidence', `证据超过 ${problemTextLimits.evidence} 字（现有 ${evidence.length} 字）`);

    const sourceText = singleLine(text('source'));
    const source: ProblemSource | undefined = sourceText ? sourceOf(sourceText) : undefined;
    if (!sourceText) add('source', '请填写问题来源');
    else if (!source) add('source', `问题来源${q(sourceText)}无法识别，应为：${choices(problemSources.map((s) => SOURCE_NAMES[s]))}`);

    const commonText = singleLine(text('isCommon'));
    if (commonText && commonText !== YES && commonText !== NO) add('isCommon', `是否共性问题应填写“${YES}”或“${NO}”，不能是${q(commonText)}`);

    if (issues.hasRow(row.number)) continue;
    plan.inserts.push({
      row: row.number,
      fields: { inspectionId: inspectionId!, focus: focus!, categoryId, description, evidence, source: source!, isCommon: commonText === YES },
    });
  }
  plan.goodRows = plan.inserts.length;
  return plan;
}

/**
 * Imports a round's problems from a spreadsheet: same modes and guarantees as the unit import
 * (units/xlsx/import-service.ts). The rows are written through ProblemsStore.insert, so each
 * gets its full-text document with the tokens the list filters by; one `problem.import` entry.
 */
export async function importProblems(ctx: CoreContext, input: { fileName: string; base64: string; mode: ImportMode; roundId: number }): Promise<ImportResult> {
  const sheet = await readUpload(input.base64, [PROBLEM_SHEET, '问题清单'], problemColumns);
  const plan = (db: Db) => {
    if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(input.roundId)) throw new AppError('NOT_FOUND', '巡察轮次不存在');
    return planProblemImport(sheet, snapshot(db, input.roundId));
  };
  if (input.mode === 'validate') return importResult(sheet, plan(ctx.active().vault.db), 0);

  return change(ctx, ({ vault, user }, record) => {
    const checked = plan(vault.db);
    if (!shouldWrite(input.mode, checked)) return importResult(sheet, checked, 0);
    const store = new ProblemsStore(vault.db);
    const at = ctx.now().toISOString();
    for (const insert of checked.inserts) store.insert(insert.fields, user.id, at);
    record({
      action: 'problem.import',
      detail: {
        fileName: input.fileName,
        sheet: sheet.name,
        mode: input.mode,
        roundId: input.roundId,
        totalRows: checked.totalRows,
        imported: checked.inserts.length,
        skippedRows: checked.totalRows - checked.inserts.length,
        issueCount: checked.issues.count,
      },
    });
    return importResult(sheet, checked, checked.inserts.length);
  });
}
