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

/**
 * 三个聚焦 of city and county inspections: every problem is classed under one of them.
 * corruption 群众身边腐败问题和不正之风 · grassroots 基层党组织软弱涣散、组织力欠缺 ·
 * rectification 巡视巡察整改不落实、不到位.
 */
export const focuses = ['corruption', 'grassroots', 'rectification'] as const;
export type Focus = (typeof focuses)[number];

/** Where a problem was found (问题来源); the UI labels them. */
export const problemSources = ['interview', 'documents', 'petition', 'visit', 'questionnaire', 'other'] as const;
export type ProblemSource = (typeof problemSources)[number];

export const checklistAnswers = ['yes', 'no', 'na'] as const;
export type ChecklistAnswer = (typeof checklistAnswers)[number];

export const clueStatuses = ['registered', 'handedOver', 'disposed'] as const;
export type ClueStatus = (typeof clueStatuses)[number];
