/**
 * Pairing supervision (四包联): the city office's leaders each paired, per year, with 2–3 county
 * offices (旗县区巡察机构); the template of supervision items in 4 aspects; monthly visits
 * (走访); each county's self-check ledger (自查台账), one row per item, closed item by item
 * (销号) with its own history; and the periodic report (通报) of completion by county.
 */
import { z } from 'zod';
import { fontUseSchema } from '../documents';
import { dateSchema, empty, idSchema, note, pageInput, text, type ChannelDefinition } from './define';

/** 主体责任落实, 巡察质效, 巡察整改, 队伍建设. */
export const pairingAspects = ['responsibility', 'quality', 'rectification', 'team'] as const;
export type PairingAspect = (typeof pairingAspects)[number];

/** 未开始 → 整改中 → 已销号; a closed row may be reopened with a reason. */
export const pairingCheckStatuses = ['notStarted', 'inProgress', 'closed'] as const;
export type PairingCheckStatus = (typeof pairingCheckStatuses)[number];
export const pairingCheckEvents = ['recorded', 'edited', 'closed', 'reopened'] as const;
export type PairingCheckEvent = (typeof pairingCheckEvents)[number];

/** 座谈, 查阅资料, 个别谈话, 实地查看, 其他. */
export const pairingVisitForms = ['forum', 'records', 'interview', 'fieldCheck', 'other'] as const;
export type PairingVisitForm = (typeof pairingVisitForms)[number];

/** A leader pairs with at most this many counties in a year (四包联: 2–3 each). */
export const PAIRING_MAX_COUNTIES = 3;

const yearSchema = z.number().int().min(2000).max(2100);

export const pairingLeaderSchema = z.object({ id: z.number().int(), name: z.string(), position: z.string(), sortOrder: z.number().int() });
export type PairingLeader = z.infer<typeof pairingLeaderSchema>;

export const pairingItemSchema = z.object({
  id: z.number().int(),
  aspect: z.enum(pairingAspects),
  text: z.string(),
  sortOrder: z.number().int(),
  /** Self-check rows made against this wording: editing it then keeps the old one, retired. */
  used: z.number().int(),
});
export type PairingItem = z.infer<typeof pairingItemSchema>;

export const pairingOverviewSchema = z.object({
  year: z.number().int(),
  leaders: z.array(pairingLeaderSchema),
  counties: z.array(z.object({ regionId: z.number().int(), name: z.string() })),
  pairings: z.array(z.object({ leaderId: z.number().int(), regionId: z.number().int() })),
  /** Every year with pairings, newest first: the page opens on the newest when none was chosen. */
  pairedYears: z.array(z.number().int()),
});
export type PairingOverview = z.infer<typeof pairingOverviewSchema>;

export const pairingVisitSchema = z.object({
  id: z.number().int(),
  visitedOn: z.string(),
  leaderId: z.number().int(),
  leaderName: z.string(),
  regionId: z.number().int(),
  countyName: z.string(),
  form: z.enum(pairingVisitForms),
  findings: z.string(),
  followUp: z.string(),
});
export type PairingVisit = z.infer<typeof pairingVisitSchema>;

export const pairingHistoryEntrySchema = z.object({
  id: z.number().int(),
  event: z.enum(pairingCheckEvents),
  fromStatus: z.enum(pairingCheckStatuses).nullable(),
  toStatus: z.enum(pairingCheckStatuses),
  note: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type PairingHistoryEntry = z.infer<typeof pairingHistoryEntrySchema>;

/** One template item of a county's ledger, with its self-check (checkId null: not yet recorded). */
export const pairingLedgerRowSchema = z.object({
  itemId: z.number().int(),
  aspect: z.enum(pairingAspects),
  text: z.string(),
  checkId: z.number().int().nullable(),
  status: z.enum(pairingCheckStatuses),
  problem: z.string(),
  measures: z.string(),
  deadline: z.string().nullable(),
  responsiblePerson: z.string(),
  closedOn: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** Days past the deadline while not closed, by the core's clock; null when not overdue. */
  daysOverdue: z.number().int().nullable(),
});
export type PairingLedgerRow = z.infer<typeof pairingLedgerRowSchema>;

const statusCounts = z.object({ notStarted: z.number().int(), inProgress: z.number().int(), closed: z.number().int(), overdue: z.number().int() });

/** One county's line of the 通报. */
export const pairingReportRowSchema = z.object({
  regionId: z.number().int(),
  countyName: z.string(),
  leaderName: z.string().nullable(),
  /** Items with a problem recorded (整改中 or 已销号). */
  items: z.number().int(),
  closed: z.number().int(),
  /** closed / items in per cent, one decimal; null when nothing was recorded. */
  rate: z.number().nullable(),
  overdue: z.number().int(),
  visits: z.number().int(),
});
export type PairingReportRow = z.infer<typeof pairingReportRowSchema>;

const checkFields = {
  problem: z.string().trim().min(1, '请填写自查发现的问题').max(2000),
  measures: note(2000),
  deadline: dateSchema.nullable().default(null),
  responsiblePerson: note(40),
};

/** A year, and optionally one month of it, for the visits the 通报 counts. */
const reportPeriod = { year: yearSchema, month: z.number().int().min(1).max(12).optional() };

export const pairingChannels = {
  /** The leaders, the counties and who is paired with whom in a year (the matrix). */
  'pairing.overview': { input: z.object({ year: yearSchema }), output: pairingOverviewSchema, permission: 'records.read' },
  /** Adds a leader (no id) or renames one. */
  'pairing.saveLeader': {
    input: z.object({ id: idSchema.optional(), name: text(20), position: note(40) }),
    output: pairingLeaderSchema,
    permission: 'records.write',
  },
  /** Pairs a leader with a county for the year; a county already paired moves to this leader. */
  'pairing.pair': {
    input: z.object({ year: yearSchema, leaderId: idSchema, regionId: idSchema }),
    output: pairingOverviewSchema,
    permission: 'records.write',
  },
  'pairing.unpair': { input: z.object({ year: yearSchema, regionId: idSchema }), output: pairingOverviewSchema, permission: 'records.write' },

  /** The items in use, in order (retired wordings are kept but not listed). */
  'pairing.template': { input: empty, output: z.array(pairingItemSchema), permission: 'records.read' },
  /** Adds an item (no id) or edits one; an item already used is retired and replaced. */
  'pairing.saveItem': {
    input: z.object({ id: idSchema.optional(), aspect: z.enum(pairingAspects), text: text(300), sortOrder: z.number().int().min(0).optional() }),
    output: pairingItemSchema,
    permission: 'records.write',
  },
  'pairing.retireItem': { input: z.object({ id: idSchema }), output: z.null(), permission: 'records.write' },

  'pairing.visits': {
    input: z.object({ year: yearSchema.optional(), regionId: idSchema.optional(), leaderId: idSchema.optional(), ...pageInput }),
    output: z.object({ items: z.array(pairingVisitSchema), total: z.number().int() }),
    permission: 'records.read',
  },
  'pairing.logVisit': {
    input: z.object({
      visitedOn: dateSchema,
      leaderId: idSchema,
      regionId: idSchema,
      form: z.enum(pairingVisitForms),
      findings: z.string().trim().min(1, '请填写走访发现的情况').max(4000),
      followUp: note(2000),
    }),
    output: pairingVisitSchema,
    permission: 'records.write',
  },

  /** One county's self-check ledger for a year: every item in use, and any retired one it checked. */
  'pairing.ledger': {
    input: z.object({ year: yearSchema, regionId: idSchema }),
    output: z.object({ rows: z.array(pairingLedgerRowSchema), counts: statusCounts }),
    permission: 'records.read',
  },
  'pairing.history': { input: z.object({ checkId: idSchema }), output: z.array(pairingHistoryEntrySchema), permission: 'records.read' },
  /** Records (or edits) what the county found on an item: it moves to 整改中. */
  'pairing.recordCheck': {
    input: z.object({ year: yearSchema, regionId: idSchema, itemId: idSchema, ...checkFields }),
    output: pairingLedgerRowSchema,
    permission: 'records.write',
  },
  /** 销号: the item's problem is fixed (today, or the day given). */
  'pairing.closeCheck': {
    input: z.object({ checkId: idSchema, closedOn: dateSchema.optional(), note: note(500) }),
    output: pairingLedgerRowSchema,
    permission: 'records.write',
  },
  'pairing.reopenCheck': {
    input: z.object({ checkId: idSchema, reason: text(500) }),
    output: pairingLedgerRowSchema,
    permission: 'records.write',
  },

  /** Completion by county: the figures of the 通报. */
  'pairing.report': { input: z.object(reportPeriod), output: z.array(pairingReportRowSchema), permission: 'records.read' },
  /** The 通报 as a formal table document (PDF), for the leading group. */
  'pairing.printReport': {
    input: z.object(reportPeriod),
    output: z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int(), fonts: z.array(fontUseSchema), substitutes: z.boolean() }),
    permission: 'documents.print',
  },
} as const satisfies Record<string, ChannelDefinition>;
