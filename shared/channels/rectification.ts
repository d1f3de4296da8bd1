/**
 * Rectification (整改): the ledger (整改台账) of an inspection, one item per problem with its
 * measures, responsible person and unit, deadline, status and evidence, closed item by item
 * after review (动态销号); the unit's rectification report (整改报告), the 整改专题民主生活会 and
 * the supervisors; overdue items and reports.
 */
import { z } from 'zod';
import { focuses, inspectionModes } from '../domain';
import { dateSchema, idSchema, note, pageInput, type ChannelDefinition } from './define';
import { fileDownloadSchema, fileUploadSchema } from './registry';

/** 未启动 → 整改中 → 已完成待审核 → 已销号; a review may send an item back to 整改中. */
export const rectificationStatuses = ['notStarted', 'inProgress', 'awaitingReview', 'closed'] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];
/** Every status but 已销号: what can be overdue. */
export const openRectificationStatuses = ['notStarted', 'inProgress', 'awaitingReview'] as const;

/** What happened to an item, as its own history lists it. */
export const rectificationEvents = ['created', 'edited', 'evidence', 'started', 'submitted', 'accepted', 'sentBack'] as const;
export type RectificationEvent = (typeof rectificationEvents)[number];

const statusCounts = z.object(Object.fromEntries(rectificationStatuses.map((s) => [s, z.number().int()])) as Record<RectificationStatus, z.ZodNumber>);

export const rectificationReviewSchema = z.object({
  decision: z.enum(['accepted', 'sentBack']),
  reason: z.string(),
  reviewerName: z.string(),
  reviewedAt: z.string(),
});

export const rectificationItemSchema = z.object({
  id: z.number().int(),
  problemId: z.number().int(),
  inspectionId: z.number().int(),
  roundId: z.number().int(),
  roundLabel: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  problemDescription: z.string(),
  focus: z.enum(focuses),
  measures: z.string(),
  responsiblePerson: z.string(),
  responsibleUnit: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(rectificationStatuses),
  /** Days past the deadline while not closed; null when not overdue. */
  daysOverdue: z.number().int().nullable(),
  evidenceCount: z.number().int(),
  /** The newest review, if any: who, when, accepted or sent back and why. */
  lastReview: rectificationReviewSchema.nullable(),
  closedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type RectificationItem = z.infer<typeof rectificationItemSchema>;

export const rectificationHistoryEntrySchema = z.object({
  id: z.number().int(),
  event: z.enum(rectificationEvents),
  fromStatus: z.enum(rectificationStatuses).nullable(),
  toStatus: z.enum(rectificationStatuses),
  note: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type RectificationHistoryEntry = z.infer<typeof rectificationHistoryEntrySchema>;

export const rectificationDetailSchema = rectificationItemSchema.extend({
  files: z.array(z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() })),
  history: z.array(rectificationHistoryEntrySchema),
});
export type RectificationDetail = z.infer<typeof rectificationDetailSchema>;

/** Where the feedback date (the start of the report's two months) was read from. */
export const feedbackSources = ['meeting', 'roundStage'] as const;

export const rectificationReportSchema = z.object({
  inspectionId: z.number().int(),
  /** The feedback meeting of the inspection, else the day the round entered 反馈; null: not yet. */
  feedbackOn: z.string().nullable(),
  feedbackSource: z.enum(feedbackSources).nullable(),
  /** Months after feedback the report is due (the office's setting when read). */
  dueMonths: z.number().int(),
  dueOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  /** Days past the due date while the report has not come in; null when not overdue. */
  daysOverdue: z.number().int().nullable(),
  /** 整改专题民主生活会 */
  meetingOn: z.string().nullable(),
  /** 纪检监察 and 组织部 contacts who supervise the rectification. */
  disciplineSupervisor: z.string(),
  organisationSupervisor: z.string(),
  note: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type RectificationReport = z.infer<typeof rectificationReportSchema>;

/** One inspection of a round with its ledger in numbers: for the picker and the overdue reports. */
export const rectificationInspectionSchema = z.object({
  inspectionId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  groupNumber: z.number().int().nullable(),
  mode: z.enum(inspectionModes),
  problems: z.number().int(),
  items: z.number().int(),
  byStatus: statusCounts,
  overdueItems: z.number().int(),
  report: rectificationReportSchema.pick({ feedbackOn: true, dueOn: true, receivedOn: true, daysOverdue: true }),
});
export type RectificationInspection = z.infer<typeof rectificationInspectionSchema>;

const itemFields = {
  measures: note(4000),
  responsiblePerson: note(40),
  responsibleUnit: note(80),
  deadline: dateSchema.nullable().default(null),
};

export const rectificationChannels = {
  /** The inspections of a round with ledger counts and the report's due date. */
  'rectification.inspections': {
    input: z.object({ roundId: idSchema }),
    output: z.array(rectificationInspectionSchema),
    permission: 'rectification.read',
  },
  /** The ledger of one inspection, in the order of its problems. */
  'rectification.ledger': {
    input: z.object({ inspectionId: idSchema, status: z.enum(rectificationStatuses).optional(), ...pageInput }),
    output: z.object({
      items: z.array(rectificationItemSchema),
      total: z.number().int(),
      byStatus: statusCounts,
      /** Problems of the inspection that have no ledger item yet. */
      problemsWithoutItem: z.number().int(),
    }),
    permission: 'rectification.read',
  },
  'rectification.get': { input: z.object({ id: idSchema }), output: rectificationDetailSchema, permission: 'rectification.read' },
  /**
   * Ledger items for problems of an inspection that have none yet (all of them, or the ones
   * listed), each starting 未启动 with the same responsible person, unit and deadline.
   */
  'rectification.createItems': {
    input: z.object({
      inspectionId: idSchema,
      problemIds: z.array(idSchema).max(5000).optional(),
      ...itemFields,
      /**
       * Each problem's own measures, people and deadline, as the unit's 整改方案 lists them: these
       * problems get these fields instead of the common ones (and are created even without problemIds).
       */
      perProblem: z.array(z.object({ problemId: idSchema, ...itemFields })).max(5000).optional(),
    }),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
    permission: 'rectification.write',
  },
  /** Measures, responsible person and unit, deadline: while 未启动 or 整改中. */
  'rectification.update': {
    input: z.object({ id: idSchema, ...itemFields }),
    output: rectificationDetailSchema,
    permission: 'rectification.write',
  },
  /** 开始整改 (→ 整改中) or 提交销号审核 (→ 已完成待审核, with measures, people and deadline filled in). */
  'rectification.advance': {
    input: z.object({ id: idSchema, to: z.enum(['inProgress', 'awaitingReview']), note: note(1000) }),
    output: rectificationDetailSchema,
    permission: 'rectification.write',
  },
  /** The same move for many items at once, in one transaction: all or none. */
  'rectification.advanceMany': {
    input: z.object({ ids: z.array(idSchema).min(1).max(1000), to: z.enum(['inProgress', 'awaitingReview']), note: note(1000) }),
    output: z.object({ updated: z.number().int() }),
    permission: 'rectification.write',
  },
  /**
   * 销号审核: accepted closes the item (on `closedOn`, default today; an earlier day when a
   * review done on paper is entered later); sent back returns it to 整改中, with the reason.
   */
  'rectification.review': {
    input: z
      .object({ id: idSchema, decision: z.enum(['accepted', 'sentBack']), reason: note(1000), closedOn: dateSchema.optional() })
      .refine((value) => value.decision === 'accepted' || value.reason.length > 0, { message: '退回整改须填写退回理由', path: ['reason'] })
      .refine((value) => value.decision === 'accepted' || value.closedOn === undefined, { message: '退回整改的事项没有销号日期', path: ['closedOn'] }),
    output: rectificationDetailSchema,
    permission: 'rectification.review',
  },
  /**
   * One review for many items (集中审核销号 of a unit's ledger), in one transaction: all or none;
   * each item keeps its own history line and audit entry.
   */
  'rectification.reviewMany': {
    input: z
      .object({ ids: z.array(idSchema).min(1).max(1000), decision: z.enum(['accepted', 'sentBack']), reason: note(1000), closedOn: dateSchema.optional() })
      .refine((value) => value.decision === 'accepted' || value.reason.length > 0, { message: '退回整改须填写退回理由', path: ['reason'] })
      .refine((value) => value.decision === 'accepted' || value.closedOn === undefined, { message: '退回整改的事项没有销号日期', path: ['closedOn'] }),
    output: z.object({ updated: z.number().int() }),
    permission: 'rectification.review',
  },
  /** A file of evidence (佐证材料) into the encrypted store, while 未启动 or 整改中. */
  'rectification.attachEvidence': {
    input: fileUploadSchema.extend({ itemId: idSchema, mime: z.string().max(100) }),
    output: rectificationDetailSchema,
    permission: 'rectification.write',
  },
  /** The verified file for viewing inside the app; FILE_TAMPERED when it fails its check. */
  'rectification.viewEvidence': {
    input: z.object({ itemId: idSchema, fileId: idSchema }),
    output: fileDownloadSchema.extend({ mime: z.string() }),
    permission: 'rectification.read',
  },
  'rectification.report': { input: z.object({ inspectionId: idSchema }), output: rectificationReportSchema, permission: 'rectification.read' },
  'rectification.saveReport': {
    input: z.object({
      inspectionId: idSchema,
      receivedOn: dateSchema.nullable().default(null),
      meetingOn: dateSchema.nullable().default(null),
      disciplineSupervisor: note(40),
      organisationSupervisor: note(40),
      note: note(1000),
    }),
    output: rectificationReportSchema,
    permission: 'rectification.write',
  },
  /** Items past their deadline and not closed, longest overdue first. */
  'rectification.overdue': {
    input: z.object({
      roundId: idSchema.optional(),
      unitId: idSchema.optional(),
      status: z.enum(openRectificationStatuses).optional(),
      ...pageInput,
    }),
    output: z.object({ items: z.array(rectificationItemSchema), total: z.number().int() }),
    permission: 'rectification.read',
  },
  /** For the dashboard: items by status, overdue items and overdue reports (of a round, or all). */
  'rectification.counts': {
    input: z.object({ roundId: idSchema.optional() }),
    output: z.object({ items: z.number().int(), byStatus: statusCounts, overdueItems: z.number().int(), overdueReports: z.number().int() }),
    permission: 'rectification.read',
  },
} as const satisfies Record<string, ChannelDefinition>;
