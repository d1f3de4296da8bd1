/**
 * Findings: "是否" checklists, problems by the three focuses, confidential clues with their
 * files, hand-over and disposal, accountability and person-matter items, the four lists.
 */
import { z } from 'zod';
import { checklistAnswers, clueStatuses, focuses, problemSources } from '../domain';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { fileDownloadSchema, fileUploadSchema, importInputSchema, importResultSchema } from './registry';

export const checklistItemSchema = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  section: z.string(),
  focus: z.enum(focuses).nullable(),
  text: z.string(),
  isSample: z.boolean(),
});
export const checklistTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mode: z.string().nullable(),
  topicId: z.number().int().nullable(),
  versionId: z.number().int(),
  version: z.number().int(),
  items: z.array(checklistItemSchema),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const inspectionChecklistSchema = z.object({
  inspectionId: z.number().int(),
  templates: z.array(
    z.object({
      templateId: z.number().int(),
      name: z.string(),
      versionId: z.number().int(),
      version: z.number().int(),
      items: z.array(
        checklistItemSchema.extend({
          answer: z.enum(checklistAnswers).nullable(),
          note: z.string(),
          answeredBy: z.string().nullable(),
          problemIds: z.array(z.number().int()),
        }),
      ),
    }),
  ),
});

export const problemInputSchema = z.object({
  inspectionId: idSchema,
  focus: z.enum(focuses),
  categoryId: idSchema.nullable().default(null),
  description: text(4000),
  evidence: note(4000),
  source: z.enum(problemSources),
  isCommon: z.boolean().default(false),
  checklistItemIds: z.array(idSchema).max(50).default([]),
});

export const problemSchema = z.object({
  id: z.number().int(),
  inspectionId: z.number().int(),
  roundId: z.number().int(),
  roundLabel: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  groupNumber: z.number().int().nullable(),
  focus: z.enum(focuses),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  description: z.string(),
  evidence: z.string(),
  source: z.enum(problemSources),
  isCommon: z.boolean(),
  checklistItemIds: z.array(z.number().int()),
  createdAt: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export const problemFilterSchema = z.object({
  roundId: idSchema.optional(),
  inspectionId: idSchema.optional(),
  unitId: idSchema.optional(),
  groupId: idSchema.optional(),
  focus: z.enum(focuses).optional(),
  source: z.enum(problemSources).optional(),
  isCommon: z.boolean().optional(),
  text: z.string().trim().max(100).optional(),
});

export const personReflectedSchema = z.object({
  name: text(40),
  unit: note(80),
  position: note(60),
  rank: note(40),
});

export const clueSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundLabel: z.string(),
  inspectionId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  code: z.string(),
  summary: z.string(),
  source: z.string(),
  receivedOn: z.string(),
  status: z.enum(clueStatuses),
  persons: z.array(personReflectedSchema.extend({ id: z.number().int() })),
  files: z.array(z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })),
  handovers: z.array(z.object({ id: z.number().int(), receiverName: z.string(), handedOn: z.string(), answerDueOn: z.string().nullable() })),
  disposals: z.array(z.object({ id: z.number().int(), typeName: z.string(), decidedOn: z.string(), note: z.string() })),
});
export type Clue = z.infer<typeof clueSchema>;

const linkFields = {
  roundId: idSchema,
  problemId: idSchema.nullable().default(null),
  clueId: idSchema.nullable().default(null),
  receiverId: idSchema.nullable().default(null),
};

export const accountabilityItemSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  problemId: z.number().int().nullable(),
  clueId: z.number().int().nullable(),
  subjectKind: z.enum(['person', 'unit']),
  subjectName: z.string(),
  matter: z.string(),
  proposedHandling: z.string(),
  receiverId: z.number().int().nullable(),
  receiverName: z.string().nullable(),
});
export const personMatterSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  problemId: z.number().int().nullable(),
  clueId: z.number().int().nullable(),
  personName: z.string(),
  unit: z.string(),
  position: z.string(),
  matter: z.string(),
  receiverId: z.number().int().nullable(),
  receiverName: z.string().nullable(),
});

export const fourListKinds = ['problems', 'clues', 'accountability', 'personMatters'] as const;

/** The two editable lists of hand-over work: receiving bodies and disposal categories. */
export const handoverCatalogNames = ['receivers', 'disposalTypes'] as const;
export const handoverCatalogEntrySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  retired: z.boolean(),
  /** Records that use the entry; a used entry can be retired, never deleted. */
  uses: z.number().int(),
});
export const handoverCatalogSchema = z.object({ receivers: z.array(handoverCatalogEntrySchema), disposalTypes: z.array(handoverCatalogEntrySchema) });
export type HandoverCatalog = z.infer<typeof handoverCatalogSchema>;
const handoverCatalogName = z.enum(handoverCatalogNames);

/** One hand-over in the register. Clue numbers, the note and the receipt's file name are null for a caller who may not read clues. */
export const handoverRowSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundLabel: z.string(),
  receiverId: z.number().int(),
  receiverName: z.string(),
  receivingPerson: z.string(),
  handedOn: z.string(),
  answerDueOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Holds clues or the clue list: its details and receipt are for clue officers. */
  concernsClues: z.boolean(),
  clueCount: z.number().int(),
  disposedCount: z.number().int(),
  clueCodes: z.array(z.string()).nullable(),
  lists: z.array(z.enum(fourListKinds)),
  /** Days past the answer deadline while clues are still undisposed; null when not overdue. */
  daysOverdue: z.number().int().nullable(),
  receiptReturnedOn: z.string().nullable(),
  receipt: z
    .object({ fileId: z.number().int(), fileName: z.string().nullable(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string(), earlier: z.number().int() })
    .nullable(),
});
export type HandoverRow = z.infer<typeof handoverRowSchema>;

const handoverFields = {
  receiverId: idSchema,
  handedOn: dateSchema,
  receivingPerson: note(40),
  answerDueOn: dateSchema.nullable().default(null),
  note: note(500),
};

export const findingsChannels = {
  'checklists.templates': { input: z.object({}).strict(), output: z.array(checklistTemplateSchema), permission: 'records.read' },
  /** Saving a template makes a new version; answers given earlier keep their wording. */
  'checklists.saveTemplate': {
    input: z.object({
      id: idSchema.nullable(),
      name: text(80),
      mode: z.string().max(40).nullable().default(null),
      topicId: idSchema.nullable().default(null),
      items: z
        .array(z.object({ section: text(80), focus: z.enum(focuses).nullable(), text: text(500), isSample: z.boolean().default(false) }))
        .min(1)
        .max(500),
    }),
    output: checklistTemplateSchema,
    permission: 'settings.manage',
  },
  'checklists.forInspection': { input: z.object({ inspectionId: idSchema }), output: inspectionChecklistSchema, permission: 'records.read' },
  'checklists.attach': {
    input: z.object({ inspectionId: idSchema, templateId: idSchema }),
    output: inspectionChecklistSchema,
    permission: 'records.write',
  },
  'checklists.answer': {
    input: z.object({ inspectionId: idSchema, itemId: idSchema, answer: z.enum(checklistAnswers), note: note(1000) }),
    output: z.null(),
    permission: 'records.write',
  },

  'problems.list': {
    input: problemFilterSchema.extend(pageInput),
    /** totalIsLowerBound: a text query matched more than `total`, which is a ceiling. */
    output: z.object({ items: z.array(problemSchema), total: z.number().int(), totalIsLowerBound: z.boolean() }),
    permission: 'records.read',
  },
  'problems.get': { input: z.object({ id: idSchema }), output: problemSchema, permission: 'records.read' },
  'problems.create': { input: problemInputSchema, output: problemSchema, permission: 'records.write' },
  'problems.update': { input: problemInputSchema.extend({ id: idSchema }), output: problemSchema, permission: 'records.write' },
  'problems.delete': { input: z.object({ id: idSchema }), output: z.null(), permission: 'records.write' },
  'problems.bulkUpdate': {
    input: z.object({
      ids: z.array(idSchema).min(1).max(1000),
      changes: z.object({ focus: z.enum(focuses).optional(), categoryId: idSchema.nullable().optional(), isCommon: z.boolean().optional(), source: z.enum(problemSources).optional() }),
    }),
    output: z.object({ updated: z.number().int() }),
    permission: 'records.write',
  },
  'problems.categories': {
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.number().int(), focus: z.enum(focuses), name: z.string(), retired: z.boolean() })),
    permission: 'records.read',
  },
  /** Spreadsheet import of a round's problems (template, row-numbered issues) and export of the list's filter. */
  'problems.importTemplate': { input: z.object({ roundId: idSchema }), output: fileDownloadSchema, permission: 'records.read' },
  'problems.import': { input: importInputSchema.extend({ roundId: idSchema }), output: importResultSchema, permission: 'records.write' },
  'problems.export': { input: problemFilterSchema, output: fileDownloadSchema, permission: 'records.read' },

  /** Counts only: what every role may see of clues. */
  'clues.counts': {
    input: z.object({ roundId: idSchema.optional() }),
    output: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
    permission: 'records.read',
  },
  'clues.list': {
    input: z.object({ roundId: idSchema.optional(), status: z.enum(clueStatuses).optional(), text: z.string().trim().max(100).optional(), ...pageInput }),
    output: z.object({ items: z.array(clueSchema.omit({ files: true, handovers: true, disposals: true })), total: z.number().int() }),
    permission: 'clues.read',
  },
  'clues.get': { input: z.object({ id: idSchema }), output: clueSchema, permission: 'clues.read' },
  'clues.create': {
    input: z.object({
      roundId: idSchema,
      inspectionId: idSchema.nullable().default(null),
      summary: text(4000),
      source: text(80),
      receivedOn: dateSchema,
      persons: z.array(personReflectedSchema).max(50).default([]),
    }),
    output: clueSchema,
    permission: 'clues.write',
  },
  'clues.attachFile': {
    input: fileUploadSchema.extend({ clueId: idSchema, mime: z.string().max(100) }),
    output: clueSchema,
    permission: 'clues.write',
  },
  /**
   * A file of any size chosen in the OS dialog, streamed into the encrypted store (a 2 GB scan
   * never sits whole in memory). CANCELLED when the user closes the dialog.
   */
  'clues.attachFromDisk': { input: z.object({ clueId: idSchema }), output: clueSchema, permission: 'clues.write' },
  /** Saves a decrypted, verified copy where the user chooses: an explicit, audited act. */
  'clues.saveFileCopy': {
    input: z.object({ clueId: idSchema, fileId: idSchema }),
    output: z.object({ saved: z.boolean() }),
    permission: 'clues.read',
  },
  /** The verified file, for viewing inside the app (never written to disk). */
  'clues.viewFile': {
    input: z.object({ clueId: idSchema, fileId: idSchema }),
    output: fileDownloadSchema.extend({ mime: z.string() }),
    permission: 'clues.read',
  },
  'clues.handOver': {
    input: z.object({ clueIds: z.array(idSchema).min(1).max(500), ...handoverFields }),
    output: z.object({ handoverId: z.number().int() }),
    permission: 'clues.write',
  },
  'clues.recordDisposal': {
    input: z.object({ clueId: idSchema, disposalTypeId: idSchema, decidedOn: dateSchema, note: note(1000) }),
    output: clueSchema,
    permission: 'clues.write',
  },
  'accountability.list': { input: z.object({ roundId: idSchema }), output: z.array(accountabilityItemSchema), permission: 'records.read' },
  'accountability.create': {
    input: z.object({ ...linkFields, subjectKind: z.enum(['person', 'unit']), subjectName: text(80), matter: text(2000), proposedHandling: note(1000) }),
    output: accountabilityItemSchema,
    permission: 'records.write',
  },
  'personMatters.list': { input: z.object({ roundId: idSchema }), output: z.array(personMatterSchema), permission: 'records.read' },
  'personMatters.create': {
    input: z.object({ ...linkFields, personName: text(40), unit: note(80), position: note(60), matter: text(2000) }),
    output: personMatterSchema,
    permission: 'records.write',
  },
  /**
   * One of the four lists (四个清单) of a round, or of one inspection, as .xlsx. The clue list
   * is for clue officers only; every export is audited.
   */
  'fourLists.export': {
    input: z.object({ kind: z.enum(fourListKinds), roundId: idSchema, inspectionId: idSchema.optional() }),
    output: fileDownloadSchema,
    permission: 'records.read',
  },
  /** Hand-overs past their answer deadline with clues still undisposed: counts, never clue content. */
  'handover.overdue': {
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        handoverId: z.number().int(),
        roundId: z.number().int(),
        roundLabel: z.string(),
        receiverName: z.string(),
        handedOn: z.string(),
        answerDueOn: z.string(),
        daysOverdue: z.number().int(),
        openClues: z.number().int(),
      }),
    ),
    permission: 'records.read',
  },
  /** For choosing: receivers in use (retired ones are left out), disposal types with their retired flag. */
  'handover.lists': {
    input: z.object({}).strict(),
    output: z.object({
      receivers: z.array(z.object({ id: z.number().int(), name: z.string() })),
      disposalTypes: z.array(z.object({ id: z.number().int(), name: z.string(), retired: z.boolean() })),
    }),
    permission: 'records.read',
  },
  /** The hand-over register (移交台账) of a round, or of all rounds, newest first. */
  'handover.register': {
    input: z.object({ roundId: idSchema.optional(), ...pageInput }),
    output: z.object({ items: z.array(handoverRowSchema), total: z.number().int() }),
    permission: 'records.read',
  },
  /** One of the four lists of a round handed to a receiving body; the clue list by clue officers only. */
  'handover.handOverList': {
    input: z.object({ roundId: idSchema, kind: z.enum(fourListKinds), ...handoverFields }),
    output: z.object({ handoverId: z.number().int() }),
    permission: 'records.write',
  },
  /** The scanned receipt (回执), PDF or image, into the encrypted store; a clue hand-over's by clue officers only. */
  'handover.attachReceipt': {
    input: fileUploadSchema.extend({ handoverId: idSchema, mime: z.string().max(100) }),
    output: handoverRowSchema,
    permission: 'records.write',
  },
  /** The verified receipt for viewing inside the app; FILE_TAMPERED when it fails its check. */
  'handover.viewReceipt': {
    input: z.object({ handoverId: idSchema }),
    output: fileDownloadSchema.extend({ mime: z.string() }),
    permission: 'records.read',
  },
  /** The day the signed receipt came back (null: not yet). */
  'handover.setReceiptReturned': {
    input: z.object({ handoverId: idSchema, returnedOn: dateSchema.nullable() }),
    output: handoverRowSchema,
    permission: 'records.write',
  },

  'handoverCatalog.get': { input: z.object({}).strict(), output: handoverCatalogSchema, permission: 'settings.manage' },
  'handoverCatalog.add': { input: z.object({ catalog: handoverCatalogName, name: text(40) }), output: handoverCatalogSchema, permission: 'settings.manage' },
  'handoverCatalog.rename': {
    input: z.object({ catalog: handoverCatalogName, id: idSchema, name: text(40) }),
    output: handoverCatalogSchema,
    permission: 'settings.manage',
  },
  /** The full new order: every entry's id, first to last. */
  'handoverCatalog.reorder': {
    input: z.object({ catalog: handoverCatalogName, ids: z.array(idSchema).min(1).max(200) }),
    output: handoverCatalogSchema,
    permission: 'settings.manage',
  },
  /** Retired entries stay on old records and leave the choices for new ones. */
  'handoverCatalog.setRetired': {
    input: z.object({ catalog: handoverCatalogName, id: idSchema, retired: z.boolean() }),
    output: handoverCatalogSchema,
    permission: 'settings.manage',
  },
  /** Only an entry no record uses; IN_USE otherwise. */
  'handoverCatalog.delete': { input: z.object({ catalog: handoverCatalogName, id: idSchema }), output: handoverCatalogSchema, permission: 'settings.manage' },
} as const satisfies Record<string, ChannelDefinition>;
