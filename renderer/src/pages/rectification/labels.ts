/** Vocabularies of the rectification module: colours, guards and what a role may do. */
import { rectificationStatuses, type RectificationStatus } from '../../../../shared/contract';
import { roleMay, type Role } from '../../../../shared/roles';
import type { Translate } from '../../i18n';

export const statusColors: Record<RectificationStatus, string> = { notStarted: 'gray', inProgress: 'blue', awaitingReview: 'orange', closed: 'teal' };

export function isStatus(value: string | null | undefined): value is RectificationStatus {
  return typeof value === 'string' && (rectificationStatuses as readonly string[]).includes(value);
}

export const statusOptions = (t: Translate, statuses: readonly RectificationStatus[] = rectificationStatuses) =>
  statuses.map((status) => ({ value: status, label: t(`rectification.status.${status}`) }));

/** What the signed-in role may do here; the core decides again on every call. */
export interface RectificationRights {
  write: boolean;
  review: boolean;
  /** Settings (the report period) are the administrator's. */
  settings: boolean;
}

export function rightsOf(role: Role): RectificationRights {
  return { write: roleMay(role, 'rectification.write'), review: roleMay(role, 'rectification.review'), settings: roleMay(role, 'settings.manage') };
}
