/** Vocabularies of the findings module: guards, colours and select options. */
import { checklistAnswers, clueStatuses, focuses, problemSources, type ChecklistAnswer, type ClueStatus, type Focus, type ProblemSource } from '../../../../shared/domain';
import { groupLabel } from '../../../../shared/format';
import type { Translate } from '../../i18n';

/** One colour per focus, the same in badges and filters. */
export const focusColors: Record<Focus, string> = { corruption: 'red', grassroots: 'orange', rectification: 'grape' };
export const statusColors: Record<ClueStatus, string> = { registered: 'blue', handedOver: 'orange', disposed: 'teal' };

export function isFocus(value: string | null | undefined): value is Focus {
  return typeof value === 'string' && (focuses as readonly string[]).includes(value);
}
export function isSource(value: string | null | undefined): value is ProblemSource {
  return typeof value === 'string' && (problemSources as readonly string[]).includes(value);
}
export function isAnswer(value: string | null | undefined): value is ChecklistAnswer {
  return typeof value === 'string' && (checklistAnswers as readonly string[]).includes(value);
}
export function isClueStatus(value: string | null | undefined): value is ClueStatus {
  return typeof value === 'string' && (clueStatuses as readonly string[]).includes(value);
}

export const focusOptions = (t: Translate) => focuses.map((focus) => ({ value: focus, label: t(`findings.focus.${focus}`) }));
export const sourceOptions = (t: Translate) => problemSources.map((source) => ({ value: source, label: t(`findings.source.${source}`) }));
export const statusOptions = (t: Translate) => clueStatuses.map((status) => ({ value: status, label: t(`findings.clueStatus.${status}`) }));

/** 第一巡察组, or 未分组 for an inspection without a group. */
export function groupText(t: Translate, number: number | null | undefined): string {
  return number ? groupLabel(number) : t('findings.noGroup');
}

/** What users type as a clue's source; free text in the core, these are suggestions. */
export const clueSourceSuggestions = ['信访举报', '个别谈话', '巡察谈话', '查阅资料', '实地走访', '问卷调查', '上级交办'];

// The dialogs of this module take today's date from here.
export { today } from '../../components/dates';
