/**
 * Fixed vocabularies of inspection work (../shared/DOMAIN.md). Code names here; the renderer's
 * message table holds the Chinese and English labels.
 */
export const inspectionModes = ['routine', 'special', 'cross', 'elevated_cross', 'pinpoint', 'lookback'] as const;
export type InspectionMode = (typeof inspectionModes)[number];

/** Round stages in order: 计划 → 动员部署 → 进驻 → 报告 → 反馈 → 移交 → 整改 → 立卷归档. */
export const roundStages = ['plan', 'mobilise', 'onSite', 'report', 'feedback', 'handover', 'rectification', 'filed'] as const;
export type RoundStage = (typeof roundStages)[number];

export const partyOrgTypes = ['党组', '党委', '党总支', '党支部'] as const;
export type PartyOrgType = (typeof partyOrgTypes)[number];

export const unitStatuses = ['active', 'merged', 'abolished'] as const;
export type UnitStatus = (typeof unitStatuses)[number];

export const groupRoles = ['leader', 'deputy', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

/** Modes that send inspectors outside their own area, where a person's region is a conflict. */
export const crossModes: readonly InspectionMode[] = ['cross', 'elevated_cross'];
