/**
 * Terms (届), rounds (轮次) with their stages and procedure steps, inspection groups (巡察组)
 * with members and the 回避 check, and inspections (巡察任务).
 */
import { z } from 'zod';
import { groupRoles, inspectionModes, roundStages } from '../domain';
import { dateSchema, idSchema, note, text, type ChannelDefinition } from './define';

export const termSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  roundCount: z.number().int(),
});
export type Term = z.infer<typeof termSchema>;
const termInputSchema = z.object({ name: text(40), startsOn: dateSchema, endsOn: dateSchema.nullable().default(null) });

const roundFields = {
  termId: idSchema,
  number: z.number().int().min(1).max(99),
  year: z.number().int().min(2000).max(2100),
  title: note(80),
  plannedStart: dateSchema.nullable().default(null),
  plannedEnd: dateSchema.nullable().default(null),
  actualStart: dateSchema.nullable().default(null),
  actualEnd: dateSchema.nullable().default(null),
  peopleDrawn: z.number().int().min(0).max(10_000).default(0),
};
export const roundInputSchema = z.object(roundFields);

export const roundSummarySchema = z.object({
  id: z.number().int(),
  termId: z.number().int(),
  termName: z.string(),
  number: z.number().int(),
  /** 十二届市委第八轮巡察 */
  label: z.string(),
  year: z.number().int(),
  title: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  /** Days on site (进驻 to 撤离, inclusive) when both are known. */
  daysOnSite: z.number().int().nullable(),
  peopleDrawn: z.number().int(),
  stage: z.enum(roundStages),
  groupCount: z.number().int(),
  inspectionCount: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const conflictSchema = z.object({
  kind: z.enum(['worksInUnit', 'worksAboveUnit', 'worksBelowUnit', 'sameRegion']),
  inspectionId: z.number().int(),
  unitName: z.string(),
  /** Chinese, ready to show: 张三任职于被巡察单位 市审计局 */
  message: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const groupMemberSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  unitName: z.string().nullable(),
  position: z.string(),
  role: z.enum(groupRoles),
  conflicts: z.array(conflictSchema),
  overrideReason: z.string().nullable(),
});

export const inspectionSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundLabel: z.string(),
  groupId: z.number().int().nullable(),
  groupNumber: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  regionName: z.string().nullable(),
  mode: z.enum(inspectionModes),
  topicId: z.number().int().nullable(),
  topicName: z.string().nullable(),
  followsInspectionId: z.number().int().nullable(),
  followsLabel: z.string().nullable(),
  linkage: z.boolean(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  note: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const groupSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  number: z.number().int(),
  members: z.array(groupMemberSchema),
  inspections: z.array(inspectionSchema),
});
export type InspectionGroup = z.infer<typeof groupSchema>;

export const stepSchema = z.object({
  id: z.number().int(),
  stage: z.enum(roundStages),
  ordinal: z.number().int(),
  title: z.string(),
  retired: z.boolean(),
});
export type ProcedureStep = z.infer<typeof stepSchema>;

export const roundPageSchema = z.object({
  round: roundSummarySchema,
  stages: z.array(
    z.object({
      stage: z.enum(roundStages),
      beganOn: z.string().nullable(),
      skippedStepsReason: z.string().nullable(),
      steps: z.array(
        z.object({
          stepId: z.number().int(),
          title: z.string(),
          doneBy: z.string().nullable(),
          doneAt: z.string().nullable(),
          note: z.string(),
        }),
      ),
    }),
  ),
  groups: z.array(groupSchema),
  unassigned: z.array(inspectionSchema),
  counts: z.object({
    groups: z.number().int(),
    members: z.number().int(),
    inspections: z.number().int(),
    byMode: z.record(z.string(), z.number().int()),
    byKind: z.record(z.string(), z.number().int()),
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    conflictsOpen: z.number().int(),
  }),
});
export type RoundPage = z.infer<typeof roundPageSchema>;

const inspectionFields = {
  groupId: idSchema.nullable().default(null),
  mode: z.enum(inspectionModes),
  topicId: idSchema.nullable().default(null),
  followsInspectionId: idSchema.nullable().default(null),
  linkage: z.boolean().default(false),
  startsOn: dateSchema.nullable().default(null),
  endsOn: dateSchema.nullable().default(null),
  note: note(500),
};

export const roundChannels = {
  'terms.list': { input: z.object({}).strict(), output: z.array(termSchema), permission: 'records.read' },
  'terms.create': { input: termInputSchema, output: termSchema, permission: 'records.write' },
  'terms.update': { input: termInputSchema.extend({ id: idSchema }), output: termSchema, permission: 'records.write' },

  'rounds.list': {
    input: z.object({ termId: idSchema.optional(), year: z.number().int().optional() }),
    output: z.array(roundSummarySchema),
    permission: 'records.read',
  },
  'rounds.get': { input: z.object({ id: idSchema }), output: roundPageSchema, permission: 'records.read' },
  /** planBeganOn: when planning began (the 计划 stage), for rounds entered after the fact; default today. */
  'rounds.create': {
    input: roundInputSchema.extend({ planBeganOn: dateSchema.optional() }),
    output: roundSummarySchema,
    permission: 'records.write',
  },
  'rounds.update': { input: roundInputSchema.extend({ id: idSchema }), output: roundSummarySchema, permission: 'records.write' },
  /**
   * Moves the round to the next stage. Steps of the current stage left unticked refuse the
   * move (STEPS_OPEN, listing them) unless a reason is given; the reason is kept and audited.
   */
  'rounds.advanceStage': {
    input: z.object({ id: idSchema, on: dateSchema, skipReason: z.string().trim().max(500).optional() }),
    output: roundSummarySchema,
    permission: 'records.write',
  },
  'rounds.tickStep': {
    input: z.object({ roundId: idSchema, stepId: idSchema, done: z.boolean(), note: note(200) }),
    output: z.null(),
    permission: 'records.write',
  },

  'procedure.list': { input: z.object({}).strict(), output: z.array(stepSchema), permission: 'records.read' },
  'procedure.save': {
    input: z.object({
      steps: z
        .array(z.object({ id: idSchema.nullable(), stage: z.enum(roundStages), title: text(100), retired: z.boolean() }))
        .max(500),
    }),
    output: z.array(stepSchema),
    permission: 'settings.manage',
  },

  'groups.create': {
    input: z.object({ roundId: idSchema, number: z.number().int().min(1).max(99).optional() }),
    output: groupSchema,
    permission: 'records.write',
  },
  'groups.delete': { input: z.object({ id: idSchema }), output: z.null(), permission: 'records.write' },
  /**
   * Adds a person to a group. A 回避 conflict refuses the change (CONFLICT_OF_INTEREST with the
   * conflicts in details) unless overrideReason is given; the override is kept and audited.
   */
  'groups.addMember': {
    input: z.object({
      groupId: idSchema,
      personId: idSchema,
      role: z.enum(groupRoles),
      overrideReason: z.string().trim().min(2).max(300).optional(),
    }),
    output: groupSchema,
    permission: 'records.write',
  },
  'groups.removeMember': {
    input: z.object({ groupId: idSchema, personId: idSchema }),
    output: groupSchema,
    permission: 'records.write',
  },
  'groups.checkConflicts': {
    input: z.object({ groupId: idSchema, personId: idSchema }),
    output: z.array(conflictSchema),
    permission: 'records.read',
  },

  'inspections.list': {
    input: z.object({ roundId: idSchema.optional(), unitId: idSchema.optional() }),
    output: z.array(inspectionSchema),
    permission: 'records.read',
  },
  'inspections.create': {
    input: z.object({ roundId: idSchema, unitId: idSchema, ...inspectionFields }),
    output: inspectionSchema,
    permission: 'records.write',
  },
  'inspections.update': {
    input: z.object({ id: idSchema, ...inspectionFields }),
    output: inspectionSchema,
    permission: 'records.write',
  },
  'inspections.delete': { input: z.object({ id: idSchema }), output: z.null(), permission: 'records.write' },
  /**
   * Batch creation (e.g. all 派出所 of one county): every unit is checked first; units already
   * in the round are reported and skipped, and nothing is written if any other unit is refused.
   */
  'inspections.createBatch': {
    input: z.object({
      roundId: idSchema,
      unitIds: z.array(idSchema).min(1).max(5000),
      ...inspectionFields,
    }),
    output: z.object({ created: z.array(inspectionSchema), skipped: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), reason: z.string() })) }),
    permission: 'records.write',
  },
  /** Earlier inspections of a unit in the same term, to point a 回头看 at. */
  'inspections.lookbackTargets': {
    input: z.object({ roundId: idSchema, unitId: idSchema }),
    output: z.array(inspectionSchema),
    permission: 'records.read',
  },
} as const satisfies Record<string, ChannelDefinition>;

