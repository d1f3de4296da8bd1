/**
 * The problem spreadsheet's columns and Chinese names, shared by its template, import and export
 * (the spreadsheet machinery itself is the unit registry's: electron/core/units/xlsx).
 */
import type { Focus, ProblemSource } from '../../../shared/domain';
import type { ColumnSpec } from '../units/xlsx/columns';

/** The sheet the template and the export write, and the import reads first. */
export const PROBLEM_SHEET = '问题';

export const problemColumns = [
  { field: 'target', header: '巡察对象', aliases: ['被巡察单位', '单位名称', '巡察任务编号', '巡察任务'], required: true },
  { field: 'focus', header: '聚焦', aliases: ['三个聚焦', '聚焦方向'], required: true },
  { field: 'category', header: '问题类别', aliases: ['类别', '问题分类'], required: false },
  { field: 'description', header: '问题描述', aliases: ['问题', '问题内容', '具体问题'], required: true },
  { field: 'evidence', header: '证据', aliases: ['佐证材料', '证据材料', '问题依据'], required: false },
  { field: 'source', header: '问题来源', aliases: ['来源', '发现方式'], required: true },
  { field: 'isCommon', header: '是否共性问题', aliases: ['共性问题', '是否共性'], required: false },
] as const satisfies readonly ColumnSpec[];
export type ProblemField = (typeof problemColumns)[number]['field'];

export const FOCUS_NAMES: Record<Focus, string> = {
  corruption: '群众身边腐败问题和不正之风',
  grassroots: '基层党组织软弱涣散、组织力欠缺',
  rectification: '巡视巡察整改不落实、不到位',
};
/** Shorter ways people write a focus in a spreadsheet. */
export const FOCUS_ALIASES: Record<Focus, readonly string[]> = {
  corruption: ['群众身边腐败问题', '腐败问题和不正之风', '不正之风'],
  grassroots: ['基层党组织软弱涣散', '软弱涣散', '组织力欠缺'],
  rectification: ['巡视巡察整改不落实', '整改不落实、不到位', '整改不落实'],
};

export const SOURCE_NAMES: Record<ProblemSource, string> = {
  interview: '个别谈话',
  documents: '查阅资料',
  petition: '信访举报',
  visit: '实地走访',
  questionnaire: '问卷调查',
  other: '其他',
};
export const SOURCE_ALIASES: Record<ProblemSource, readonly string[]> = {
  interview: ['谈话'],
  documents: ['调阅资料', '查阅', '调阅'],
  petition: ['信访', '举报'],
  visit: ['走访', '实地'],
  questionnaire: ['问卷', '民主测评'],
  other: [],
};

export const YES = '是';
export const NO = '否';

/** The longest description and evidence the problem form accepts (shared/channels/findings.ts). */
export const problemTextLimits = { description: 4000, evidence: 4000 } as const;
