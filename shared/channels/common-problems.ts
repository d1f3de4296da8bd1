/**
 * Common problems (共性问题清单) and the pre-inspection scorecard (前置整改成绩单): an analyst
 * merges problems of several rounds into common problems, builds a list, issues it (印发) to many
 * units with a date and a deadline; each unit's self-check of each item is recorded (found or
 * not, what it fixed and when, evidence); the scorecard counts per unit and term what was
 * checked, found, fixed and fixed on time.
 */
import { z } from 'zod';
import { focuses } from '../domain';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { fileDownloadSchema, fileUploadSchema } from './registry';

/** 草稿 → 已印发; an issued list is frozen. */
export const commonListStatuses = ['draft', 'issued'] as const;
export type CommonListStatus = (typeof commonListStatuses)[number];

export const commonListSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  note: z.string(),
  status: z.enum(commonListStatuses),
  issuedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  termId: z.number().int().nullable(),
  termName: z.string().nullable(),
  items: z.number().int(),
  units: z.number().int(),
  /** Self-checks recorded so far, of items × units. */
  checks: z.number().int(),
  createdAt: z.string(),
});
export type CommonList = z.infer<typeof commonListSchema>;

export const commonProblemSourceSchema = z.object({
  /** null: the source problem was deleted after the merge; its wording is kept. */
  problemId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  roundLabel: z.string(),
  unitName: z.string(),
  description: z.string(),
});

export const commonProblemSchema = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  sequence: z.number().int(),
  focus: z.enum(focuses),
  wording: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  sources: z.array(commonProblemSourceSchema),
  /** How many rounds the sources came from. */
  rounds: z.number().int(),
});
export type CommonProblem = z.infer<typeof commonProblemSchema>;

export const commonListUnitSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  regionName: z.string().nullable(),
  kindName: z.string(),
  checked: z.number().int(),
  found: z.number().int(),
  fixed: z.number().int(),
});
export type CommonListUnit = z.infer<typeof commonListUnitSchema>;

export const selfCheckFileSchema = z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export const selfCheckSchema = z.object({
  id: z.number().int(),
  found: z.boolean(),
  measures: z.string(),
  fixedOn: z.string().nullable(),
  onTime: z.boolean(),
  note: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  files: z.array(selfCheckFileSchema),
});
export type SelfCheck = z.infer<typeof selfCheckSchema>;

/** One item of the list with this unit's self-check, if recorded. */
export const selfCheckRowSchema = z.object({
  commonProblemId: z.number().int(),
  sequence: z.number().int(),
  focus: z.enum(focuses),
  wording: z.string(),
  check: selfCheckSchema.nullable(),
});
export type SelfCheckRow = z.infer<typeof selfCheckRowSchema>;

const scoreFigures = {
  /** Items of the lists issued to the unit. */
  issued: z.number().int(),
  checked: z.number().int(),
  found: z.number().int(),
  fixed: z.number().int(),
  onTime: z.number().int(),
};
export const scorecardRowSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  regionName: z.string().nullable(),
  kindName: z.string(),
  ...scoreFigures,
});
export type ScorecardRow = z.infer<typeof scorecardRowSchema>;

/** The scorecard of a term (every list issued in it) or of one list. */
const scorecardScope = { termId: idSchema.optional(), listId: idSchema.optional() };
const oneScope = (scope: { termId?: number; listId?: number }) => (scope.termId === undefined) !== (scope.listId === undefined);
const oneScopeMessage = { message: '请选择一届或一份清单' };

const listUnitsSelection = z.object({
  /** Every active unit of these kinds … */
  kindIds: z.array(idSchema).max(100).default([]),
  /** … in these 旗县区 (0: 市本级); empty: anywhere. */
  regionIds: z.array(z.number().int().min(0)).max(100).default([]),
  /** … and these units besides. */
  unitIds: z.array(idSchema).max(20_000).default([]),
});

export const commonProblemChannels = {
  'commonLists.list': { input: z.object({}).strict(), output: z.array(commonListSchema), permission: 'rectification.read' },
  'commonLists.create': { input: z.object({ title: text(100), note: note(1000) }), output: commonListSchema, permission: 'rectification.write' },
  'commonLists.update': { input: z.object({ id: idSchema, title: text(100), note: note(1000) }), output: commonListSchema, permission: 'rectification.write' },
  /** The items of a list in order, with their source problems. */
  'commonLists.items': {
    input: z.object({ listId: idSchema, ...pageInput }),
    output: z.object({ items: z.array(commonProblemSchema), total: z.number().int() }),
    permission: 'rectification.read',
  },
  /**
   * 印发: the list goes to the units chosen (by kind and region, and one by one), with its date
   * and deadline; from then on its items are frozen.
   */
  'commonLists.issue': {
    input: z
      .object({ id: idSchema, issuedOn: dateSchema, deadline: dateSchema, units: listUnitsSelection })
      .refine((value) => value.deadline >= value.issuedOn, { message: '报送期限不能早于印发日期', path: ['deadline'] }),
    output: commonListSchema,
    permission: 'rectification.write',
  },
  /** The units a list was issued to, with how far each has checked itself. */
  'commonLists.units': {
    input: z.object({ listId: idSchema, text: z.string().trim().max(40).optional(), ...pageInput }),
    output: z.object({ items: z.array(commonListUnitSchema), total: z.number().int() }),
    permission: 'rectification.read',
  },
  /** 从问题合并: one common problem from problems of one or more rounds, appended to a draft list. */
  'commonProblems.merge': {
    input: z.object({ listId: idSchema, problemIds: z.array(idSchema).min(1).max(500), wording: text(1000), focus: z.enum(focuses), categoryId: idSchema.nullable().default(null) }),
    output: commonProblemSchema,
    permission: 'rectification.write',
  },
  'commonProblems.update': {
    input: z.object({ id: idSchema, wording: text(1000), focus: z.enum(focuses), categoryId: idSchema.nullable().default(null) }),
    output: commonProblemSchema,
    permission: 'rectification.write',
  },
  'commonProblems.delete': { input: z.object({ id: idSchema }), output: z.null(), permission: 'rectification.write' },
  /** Every item of an issued list with one unit's self-check. */
  'selfChecks.ofUnit': {
    input: z.object({ listId: idSchema, unitId: idSchema }),
    output: z.array(selfCheckRowSchema),
    permission: 'rectification.read',
  },
  /** A unit's self-check of one item: found or not, what it fixed and when. */
  'selfChecks.save': {
    input: z
      .object({ commonProblemId: idSchema, unitId: idSchema, found: z.boolean(), measures: note(4000), fixedOn: dateSchema.nullable().default(null), note: note(1000) })
      .refine((value) => value.found || value.fixedOn === null, { message: '未发现问题的条目没有整改完成日期', path: ['fixedOn'] }),
    output: selfCheckRowSchema,
    permission: 'rectification.write',
  },
  /** A unit's whole sheet at once, in one transaction (each row audited on its own). */
  'selfChecks.saveMany': {
    input: z.object({
      unitId: idSchema,
      checks: z
        .array(
          z
            .object({ commonProblemId: idSchema, found: z.boolean(), measures: note(4000), fixedOn: dateSchema.nullable().default(null), note: note(1000) })
            .refine((value) => value.found || value.fixedOn === null, { message: '未发现问题的条目没有整改完成日期', path: ['fixedOn'] }),
        )
        .min(1)
        .max(1000),
    }),
    output: z.object({ saved: z.number().int() }),
    permission: 'rectification.write',
  },
  'selfChecks.attachEvidence': {
    input: fileUploadSchema.extend({ selfCheckId: idSchema, mime: z.string().max(100) }),
    output: selfCheckRowSchema,
    permission: 'rectification.write',
  },
  'selfChecks.viewEvidence': {
    input: z.object({ selfCheckId: idSchema, fileId: idSchema }),
    output: fileDownloadSchema.extend({ mime: z.string() }),
    permission: 'rectification.read',
  },
  /** 前置整改成绩单: per unit, paged, with the totals of all units. */
  'scorecard.get': {
    input: z.object({ ...scorecardScope, ...pageInput }).refine(oneScope, oneScopeMessage),
    output: z.object({ rows: z.array(scorecardRowSchema), total: z.number().int(), totals: z.object(scoreFigures) }),
    permission: 'rectification.read',
  },
  /** The scorecard as a landscape table PDF from the document engine (内部). */
  'scorecard.pdf': {
    input: z.object({ ...scorecardScope, purpose: z.enum(['print', 'pdf']).default('pdf') }).refine(oneScope, oneScopeMessage),
    output: fileDownloadSchema.extend({ pages: z.number().int(), substitutes: z.boolean() }),
    permission: 'documents.print',
  },
} as const satisfies Record<string, ChannelDefinition>;
