/**
 * Labels and colours of the rounds module's vocabularies (modes, stages, group roles) and the
 * date helpers its forms share. The words themselves live in the message table.
 */
import type { MantineColor } from '@mantine/core';
import dayjs from 'dayjs';
import { groupRoles, inspectionModes, roundStages, type GroupRole, type InspectionMode, type RoundStage } from '../../../../shared/domain';
import type { Translate } from '../../i18n';

export const modeColors: Record<InspectionMode, MantineColor> = {
  routine: 'blue',
  special: 'grape',
  cross: 'cyan',
  elevated_cross: 'indigo',
  pinpoint: 'lime',
  lookback: 'teal',
};

export function modeOptions(t: Translate) {
  return inspectionModes.map((mode) => ({ value: mode, label: t(`rounds.mode.${mode}`) }));
}

export function roleOptions(t: Translate) {
  return groupRoles.map((role) => ({ value: role, label: t(`rounds.role.${role}`) }));
}

export function isMode(value: string | null | undefined): value is InspectionMode {
  return typeof value === 'string' && (inspectionModes as readonly string[]).includes(value);
}

export function isGroupRole(value: string | null | undefined): value is GroupRole {
  return typeof value === 'string' && (groupRoles as readonly string[]).includes(value);
}

export function stageIndex(stage: RoundStage): number {
  return roundStages.indexOf(stage);
}

/** Leader first, then deputies, then members. */
export const roleOrder: Record<GroupRole, number> = { leader: 0, deputy: 1, member: 2 };

/** Today as the core's calendar dates are written ('YYYY-MM-DD'), in local time. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/**
 * What people type into a date field: 2020-08-03, 2020.8.3, 2020/8/3 or 2020年8月3日.
 * Returns 'YYYY-MM-DD', or null when it is not a whole, real date.
 */
export function parseDateText(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = dayjs(iso);
  return date.isValid() && date.format('YYYY-MM-DD') === iso ? iso : null;
}

/** Both ends given and the end before the start. */
export function datesReversed(from: string, to: string): boolean {
  return Boolean(from && to && to < from);
}
