/**
 * How an audit entry's target and free-form detail read in the UI. Known keys get translated
 * labels and known codes (stages, modes, roles, statuses…) their words; lists read as lists and
 * dates as dates. Anything else is shown as it is stored, so nothing is hidden.
 */
import dayjs from 'dayjs';
import type { AuditEntry } from '../../../shared/contract';
import {
  checklistAnswers,
  clueStatuses,
  focuses,
  groupRoles,
  inspectionModes,
  problemSources,
  roundStages,
  unitStatuses,
} from '../../../shared/domain';
import { rectificationStatuses } from '../../../shared/channels/rectification';
import { permissions, roles } from '../../../shared/roles';
import { isMessageKey, type MessageKey } from '../i18n/messages';
import type { Translate } from '../i18n';

/** A list longer than this shows its first items and the count; the line's `full` has them all. */
const LIST_SHOWN = 20;

export interface DetailLine {
  text: string;
  /** The whole line when `text` shortens a long list. */
  full?: string;
}

type Words = (t: Translate, raw: string) => string | null;

/** Words for the codes of one vocabulary, or null for a value outside it. */
function vocabulary<T extends string>(codes: readonly T[], key: (code: T) => MessageKey): Words {
  return (t, raw) => ((codes as readonly string[]).includes(raw) ? t(key(raw as T)) : null);
}

function table(keys: Record<string, MessageKey>): Words {
  return (t, raw) => (Object.prototype.hasOwnProperty.call(keys, raw) ? t(keys[raw]!) : null);
}

const stage = vocabulary(roundStages, (code) => `rounds.stage.${code}`);
const unitStatus = vocabulary(unitStatuses, (code) => `registry.status.${code}`);
const rectificationStatus = vocabulary(rectificationStatuses, (code) => `rectification.status.${code}`);
const importModes = table({ validate: 'audit.value.importMode.validate', all: 'audit.value.importMode.all', goodRows: 'audit.value.importMode.goodRows' });

/**
 * The vocabularies a key's values may come from. Where one key serves several actions (the role
 * of an account or in a group; a list's or a sign-in's kind) the code sets do not overlap, so the
 * value itself says which one it is.
 */
const wordsByKey: Record<string, Words[]> = {
  role: [vocabulary(roles, (code) => `role.${code}`), vocabulary(groupRoles, (code) => `rounds.role.${code}`)],
  permission: [vocabulary(permissions, (code) => `permission.${code}`)],
  locale: [table({ 'zh-CN': 'locale.zh-CN', en: 'locale.en' })],
  reason: [
    table({
      manual: 'audit.detail.reason.manual',
      idle: 'audit.detail.reason.idle',
      disabled: 'audit.detail.reason.disabled',
      'not an administrator': 'audit.detail.reason.notAdmin',
      user: 'audit.detail.reason.user',
      quit: 'audit.detail.reason.quit',
    }),
  ],
  kind: [
    table({ password: 'audit.detail.kind.password', recovery: 'audit.detail.kind.recovery' }),
    table({
      problems: 'audit.value.list.problems',
      clues: 'audit.value.list.clues',
      accountability: 'audit.value.list.accountability',
      personMatters: 'audit.value.list.personMatters',
    }),
  ],
  stage: [stage],
  from: [stage, unitStatus, rectificationStatus],
  to: [stage, unitStatus, rectificationStatus],
  mode: [vocabulary(inspectionModes, (code) => `registry.mode.${code}`), importModes],
  status: [vocabulary(clueStatuses, (code) => `findings.clueStatus.${code}`), unitStatus, rectificationStatus],
  focus: [vocabulary(focuses, (code) => `findings.focus.${code}`)],
  source: [vocabulary(problemSources, (code) => `findings.source.${code}`)],
  answer: [vocabulary(checklistAnswers, (code) => `findings.answer.${code}`)],
};

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The label of a key, worded for the action where one key means different things. */
function label(t: Translate, action: string, key: string): string {
  for (const messageKey of [`audit.detail.${action}.${key}`, `audit.detail.${key}`]) {
    if (isMessageKey(messageKey)) return t(messageKey);
  }
  return key;
}

function scalar(t: Translate, key: string, raw: string | number | boolean): string {
  if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
  if (typeof raw === 'number') return String(raw);
  for (const words of wordsByKey[key] ?? []) {
    const word = words(t, raw);
    if (word !== null) return word;
  }
  if (CALENDAR_DATE.test(raw) && dayjs(raw).isValid()) return dayjs(raw).format(t('date.date'));
  return raw;
}

function value(t: Translate, action: string, key: string, raw: unknown): string {
  if (isEmpty(raw)) return '—';
  if (key === 'firstBroken' && isRecord(raw) && 'id' in raw) return `#${String(raw.id)}`;
  if (Array.isArray(raw)) return raw.length === 0 ? '—' : raw.map((item) => value(t, action, key, item)).join(t('audit.value.separator'));
  if (typeof raw === 'object') {
    // A nested record (the fields a bulk edit changed, an export's filter): its own pairs, inline.
    return Object.entries(raw as Record<string, unknown>)
      .map(([innerKey, inner]) => t('audit.detail.line', { label: label(t, action, innerKey), value: value(t, action, innerKey, inner) }))
      .join(t('audit.value.pairSeparator'));
  }
  return scalar(t, key, raw as string | number | boolean);
}

function line(t: Translate, action: string, key: string, shown: string, full?: string): DetailLine {
  const text = t('audit.detail.line', { label: label(t, action, key), value: shown });
  return full === undefined ? { text } : { text, full: t('audit.detail.line', { label: label(t, action, key), value: full }) };
}

function factLine(t: Translate, action: string, key: string, raw: unknown): DetailLine {
  if (Array.isArray(raw) && raw.length > LIST_SHOWN) {
    const shown = value(t, action, key, raw.slice(0, LIST_SHOWN));
    return line(t, action, key, t('audit.value.more', { items: shown, count: raw.length }), value(t, action, key, raw));
  }
  return line(t, action, key, value(t, action, key, raw));
}

/** Nothing to say: no value, or an empty text (a note left blank). */
function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '';
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** One line per fact: "原因：闲置自动锁定", "角色：巡察干部 → 档案管理员", "巡察方式：常规巡察". */
export function detailLines(t: Translate, entry: Pick<AuditEntry, 'action' | 'detail'>): DetailLine[] {
  const { action } = entry;
  const lines: DetailLine[] = [];
  const { before, after, ...rest } = entry.detail;
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      lines.push(line(t, action, key, `${value(t, action, key, before[key])} → ${value(t, action, key, after[key])}`));
    }
  }
  for (const [key, raw] of Object.entries(rest)) {
    if (isEmpty(raw)) continue;
    lines.push(factLine(t, action, key, raw));
  }
  // Only the new (or only the old) values of an edit: one line per field, as for a new record.
  for (const side of isRecord(before) && isRecord(after) ? [] : [before, after]) {
    if (isEmpty(side)) continue;
    if (!isRecord(side)) {
      lines.push(factLine(t, action, side === before ? 'before' : 'after', side));
      continue;
    }
    for (const [key, raw] of Object.entries(side)) {
      if (!isEmpty(raw)) lines.push(factLine(t, action, key, raw));
    }
  }
  return lines;
}

export function targetText(t: Translate, entry: Pick<AuditEntry, 'targetType' | 'targetId'>): string {
  if (!entry.targetType) return '—';
  const key = `audit.target.${entry.targetType}`;
  const type = isMessageKey(key) ? t(key) : entry.targetType;
  return entry.targetId ? `${type} #${entry.targetId}` : type;
}
