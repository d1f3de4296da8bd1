/**
 * The results ledger (巡察成果运用台账): per round and inspection, what became of the findings —
 * people held accountable and disciplined, organisational handling, cases, funds recovered and
 * rules made (建章立制) — entered by the office and summed, beside the clue hand-over and disposal
 * counts read from findings (counts only: no clue content), with a PDF and an .xlsx report.
 */
import { z } from 'zod';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { fileDownloadSchema } from './registry';

/**
 * The kinds are a fixed list, not an editable catalogue like the disposal types: each kind has
 * its own measure (persons, cases, yuan, rules), the sums and the report's columns depend on
 * it, and the offices' 成果运用 statistics report exactly these categories. Labels in the UI.
 */
export const resultKinds = [
  'accountability',
  'partyDiscipline',
  'governmentSanction',
  'organisationalHandling',
  'caseFiled',
  'judicialTransfer',
  'lossRecovered',
  'fundsRecovered',
  'rulesMade',
] as const;
export type ResultKind = (typeof resultKinds)[number];

export type ResultMeasure = 'persons' | 'personTimes' | 'cases' | 'money' | 'rules';
export const resultMeasures: Record<ResultKind, ResultMeasure> = {
  accountability: 'personTimes',
  partyDiscipline: 'persons',
  governmentSanction: 'persons',
  organisationalHandling: 'personTimes',
  caseFiled: 'cases',
  judicialTransfer: 'persons',
  lossRecovered: 'money',
  fundsRecovered: 'money',
  rulesMade: 'rules',
};

/** Chinese names of the kinds, with their measure: the report's column heads (the UI has its own, in both languages). */
export const resultKindNames: Record<ResultKind, string> = {
  accountability: '问责（人次）',
  partyDiscipline: '党纪处分（人）',
  governmentSanction: '政务处分（人）',
  organisationalHandling: '组织处理（人次）',
  caseFiled: '立案审查调查（件）',
  judicialTransfer: '移送司法机关（人）',
  lossRecovered: '挽回经济损失（万元）',
  fundsRecovered: '追缴资金（万元）',
  rulesMade: '建章立制（项）',
};

/** Money is kept in 分 (integers): at most 1e12 分 (one hundred billion yuan) per entry. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;
/** A count entry (persons, cases, rules) holds at most this many. */
export const MAX_COUNT = 100_000;

/** 分 → 万元 with two decimals, rounded half up: 123456789 分 → "123.46". */
export function fenToWanYuan(fen: number): string {
  const hundredths = Math.round(fen / 10_000);
  const whole = Math.floor(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** What an entry's figure means: a count, or 分 for the money kinds. */
export function formatQuantity(kind: ResultKind, quantity: number): string {
  return resultMeasures[kind] === 'money' ? fenToWanYuan(quantity) : String(quantity);
}

export const resultEntrySchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  /** null: the round as a whole (e.g. rules made by the office after the round). */
  inspectionId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  groupNumber: z.number().int().nullable(),
  kind: z.enum(resultKinds),
  /** The person or the matter (for 建章立制 the rule's name). */
  subject: z.string(),
  /** Persons, cases or rules; 分 for the money kinds. */
  quantity: z.number().int(),
  decidedOn: z.string().nullable(),
  note: z.string(),
  problemId: z.number().int().nullable(),
  problemDescription: z.string().nullable(),
  /** Whether a clue is linked; its number only for those who may read clues. */
  linkedClue: z.boolean(),
  clueId: z.number().int().nullable(),
  clueCode: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type ResultEntry = z.infer<typeof resultEntrySchema>;

const kindTotals = z.object(Object.fromEntries(resultKinds.map((k) => [k, z.number().int()])) as Record<ResultKind, z.ZodNumber>);
export type ResultKindTotals = z.infer<typeof kindTotals>;

export const resultsSummarySchema = z.object({
  roundId: z.number().int(),
  roundLabel: z.string(),
  entries: z.number().int(),
  /** Per kind: the summed figure (分 for money) over the round. */
  totals: kindTotals,
  /** One row per inspection of the round (those without entries too), then the round-level row if any. */
  byInspection: z.array(
    z.object({
      inspectionId: z.number().int().nullable(),
      unitName: z.string().nullable(),
      groupNumber: z.number().int().nullable(),
      entries: z.number().int(),
      totals: kindTotals,
      cluesHandedOver: z.number().int(),
    }),
  ),
  /** From findings: counts only, for every reader. */
  clues: z.object({
    registered: z.number().int(),
    handedOver: z.number().int(),
    disposed: z.number().int(),
    /** By each clue's latest disposal. */
    byDisposal: z.array(z.object({ name: z.string(), count: z.number().int() })),
  }),
});
export type ResultsSummary = z.infer<typeof resultsSummarySchema>;

const entryFields = {
  inspectionId: idSchema.nullable().default(null),
  kind: z.enum(resultKinds),
  subject: text(200),
  quantity: z.number().int().min(0).max(MAX_AMOUNT_FEN),
  decidedOn: dateSchema.nullable().default(null),
  note: note(1000),
  problemId: idSchema.nullable().default(null),
  clueId: idSchema.nullable().default(null),
};

/** Counts are whole and at least one; money may be 0 (a loss found but not yet recovered) up to the limit. */
function quantityFits(value: { kind: ResultKind; quantity: number }): boolean {
  return resultMeasures[value.kind] === 'money' || (value.quantity >= 1 && value.quantity <= MAX_COUNT);
}
const QUANTITY_MESSAGE = { message: `人数、件数、项数应为 1 至 ${MAX_COUNT} 的整数`, path: ['quantity'] };

export const resultsLedgerChannels = {
  /** The round's sums by kind and by inspection, and the clue counts from findings. */
  'resultsLedger.summary': {
    input: z.object({ roundId: idSchema }),
    output: resultsSummarySchema,
    permission: 'rectification.read',
  },
  /** The round's entries, by inspection then date, paged; filtered by inspection or kind. */
  'resultsLedger.list': {
    input: z.object({ roundId: idSchema, inspectionId: idSchema.optional(), kind: z.enum(resultKinds).optional(), ...pageInput }),
    output: z.object({ items: z.array(resultEntrySchema), total: z.number().int() }),
    permission: 'rectification.read',
  },
  'resultsLedger.create': {
    input: z.object({ roundId: idSchema, ...entryFields }).refine(quantityFits, QUANTITY_MESSAGE),
    output: resultEntrySchema,
    permission: 'rectification.write',
  },
  'resultsLedger.update': {
    input: z.object({ id: idSchema, ...entryFields }).refine(quantityFits, QUANTITY_MESSAGE),
    output: resultEntrySchema,
    permission: 'rectification.write',
  },
  'resultsLedger.delete': { input: z.object({ id: idSchema }), output: z.null(), permission: 'rectification.write' },
  /** The report as .xlsx: the summary with its totals row, every entry, and the clue counts. Audited. */
  'resultsLedger.exportXlsx': { input: z.object({ roundId: idSchema }), output: fileDownloadSchema, permission: 'rectification.read' },
  /** The summary as a landscape table PDF (内部) with a totals row. Audited. */
  'resultsLedger.exportPdf': {
    input: z.object({ roundId: idSchema }),
    output: fileDownloadSchema.extend({ pages: z.number().int() }),
    permission: 'rectification.read',
  },
} as const satisfies Record<string, ChannelDefinition>;
