/**
 * Labels and colours of the rounds module's vocabularies (modes, stages, group roles). The words
 * themselves live in the message table; the date helpers are in components/dates.
 */
import type { MantineColor } from '@mantine/core';
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
