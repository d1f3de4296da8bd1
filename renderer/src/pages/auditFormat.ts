/**
 * How an audit entry's target and free-form detail read in the UI. Known keys and values get
 * translated labels; anything else is shown as it is stored, so nothing is hidden.
 */
import type { AuditEntry } from '../../../shared/contract';
import { permissions, roles, type Permission, type Role } from '../../../shared/roles';
import { isMessageKey, type MessageKey } from '../i18n/messages';
import type { Translate } from '../i18n';

const reasonKeys: Record<string, MessageKey> = {
  manual: 'audit.detail.reason.manual',
  idle: 'audit.detail.reason.idle',
  disabled: 'audit.detail.reason.disabled',
  'not an administrator': 'audit.detail.reason.notAdmin',
  user: 'audit.detail.reason.user',
  quit: 'audit.detail.reason.quit',
};

const kindKeys: Record<string, MessageKey> = {
  password: 'audit.detail.kind.password',
  recovery: 'audit.detail.kind.recovery',
};

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

function label(t: Translate, key: string): string {
  const messageKey = `audit.detail.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}

function value(t: Translate, key: string, raw: unknown): string {
  if (raw === null || raw === undefined) return '—';
  if (key === 'role' && isRole(raw)) return t(`role.${raw}`);
  if (key === 'permission' && isPermission(raw)) return t(`permission.${raw}`);
  if (key === 'locale' && (raw === 'zh-CN' || raw === 'en')) return t(`locale.${raw}`);
  if (key === 'reason' && typeof raw === 'string' && reasonKeys[raw]) return t(reasonKeys[raw]);
  if (key === 'kind' && typeof raw === 'string' && kindKeys[raw]) return t(kindKeys[raw]);
  if (key === 'firstBroken' && typeof raw === 'object' && raw && 'id' in raw) {
    return `#${String((raw as { id: unknown }).id)}`;
  }
  if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
  if (typeof raw === 'object') return JSON.stringify(raw);
  return String(raw);
}

/** One line per fact: "原因：闲置自动锁定", "角色：巡察干部 → 档案管理员". */
export function detailLines(t: Translate, detail: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const { before, after, ...rest } = detail;
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
      lines.push(t('audit.detail.line', { label: label(t, key), value: `${value(t, key, b[key])} → ${value(t, key, a[key])}` }));
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, raw] of Object.entries(rest)) {
    if (raw === null || raw === undefined) continue;
    lines.push(t('audit.detail.line', { label: label(t, key), value: value(t, key, raw) }));
  }
  return lines;
}

export function targetText(t: Translate, entry: Pick<AuditEntry, 'targetType' | 'targetId'>): string {
  if (!entry.targetType) return '—';
  const key = `audit.target.${entry.targetType}`;
  const type = isMessageKey(key) ? t(key) : entry.targetType;
  return entry.targetId ? `${type} #${entry.targetId}` : type;
}
