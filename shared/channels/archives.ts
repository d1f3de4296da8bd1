/**
 * Archives (档案) filed by DA/T 22-2015: archive items (件) with their 档号, the encrypted files
 * of each item (original and text version) with SHA-256 fixity, Chinese full-text search over
 * the items' fields and the text of their files, and the fixity audit.
 *
 * Who sees what (decided in the core, electron/core/archives/access.ts):
 * - every role may list, open and search archive items (`archives.read`);
 * - items classified 秘密 or 机密 only for `archives.readClassified` (archivist, administrator,
 *   leaders/auditors, clue officer): other roles never see them, not even in counts;
 * - items marked as clue material only for those who may read clues (the clue officer, and the
 *   administrator where the office allows it), whatever their role's permissions; only they may
 *   set the mark, so nobody files an item they could not see again;
 * - filing (`archives.write`): archivist, administrator, and the clue officer for clue material.
 *
 * The 档号's parts (year, retention, organisation code) are fixed when the item is created: the
 * 件号 is allocated within them, without gaps and never reused, so they cannot change later.
 * Rebuilding the index and the fixity audit run as background jobs: the starting channel answers
 * at once, and `archives.job` reports progress until the job ends.
 */
import { z } from 'zod';
import { classifications } from '../documents';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { timestampSchema } from './foundation';
import { fileDownloadSchema, fileUploadSchema } from './registry';
import { fourListKinds } from './findings';

/** 保管期限: Y 永久, D30 定期30年, D10 定期10年 (the codes are the 档号's). */
export const retentions = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof retentions)[number];
export const retentionNames: Record<Retention, string> = { Y: '永久', D30: '定期30年', D10: '定期10年' };

/** What a round files, by stage (STANDARDS.md "what offices file per round"); `other` for anything else. */
export const archiveKinds = [
  'plan',
  'mobilisation',
  'entryNotice',
  'briefing',
  'documentList',
  'interviewRecord',
  'petition',
  'problemDraft',
  'clueLedger',
  'report',
  'feedback',
  'handover',
  'rectification',
  'other',
] as const;
export type ArchiveKind = (typeof archiveKinds)[number];

/** A file's role in its item: the original (signed, scanned) or a text version of it. */
export const archiveFileRoles = ['original', 'text'] as const;
/** text: extracted; none: no text layer (a scan, an image: no OCR); unsupported: a format not read (e.g. .doc); failed: the file could not be parsed. */
export const archiveTextStatuses = ['text', 'none', 'unsupported', 'failed'] as const;

/** 机构(问题)代码: letters and digits, e.g. XCB. */
const orgCodeSchema = z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/, '机构（问题）代码为1至10位字母或数字');

/** The fields an archivist may change after creation (the 档号's parts are fixed). */
const editableFields = {
  title: text(500),
  /** The title was written by the archivist: shown and printed in [ ]. */
  titleSupplied: z.boolean().default(false),
  responsible: text(200),
  docNumber: note(100),
  docDate: dateSchema.nullable().default(null),
  pages: z.number().int().min(0).max(100_000).nullable().default(null),
  classification: z.enum(classifications),
  note: note(1000),
  roundId: idSchema.nullable().default(null),
  kind: z.enum(archiveKinds).default('other'),
  clueMaterial: z.boolean().default(false),
  /** The unit the item concerns (被巡察单位), if any. */
  unitId: idSchema.nullable().default(null),
};

export const archiveItemInputSchema = z.object({
  year: z.number().int().min(1949).max(2100),
  retention: z.enum(retentions),
  orgCode: orgCodeSchema,
  ...editableFields,
});

export const archiveFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  role: z.enum(archiveFileRoles),
  textStatus: z.enum(archiveTextStatuses),
  /** Characters of text extracted (0 for none). */
  textChars: z.number().int(),
});

export const archiveItemSchema = z.object({
  id: z.number().int(),
  /** 档号, e.g. 0123-WS·2020-Y-XCB-0001. */
  archiveCode: z.string(),
  fondsCode: z.string(),
  category: z.literal('WS'),
  year: z.number().int(),
  retention: z.enum(retentions),
  orgCode: z.string(),
  /** 件号 within year + retention + organisation. */
  itemNumber: z.number().int(),
  title: z.string(),
  titleSupplied: z.boolean(),
  /** The title as catalogued: in [ ] when the archivist wrote it. */
  displayTitle: z.string(),
  responsible: z.string(),
  docNumber: z.string(),
  docDate: z.string().nullable(),
  pages: z.number().int().nullable(),
  classification: z.enum(classifications),
  note: z.string(),
  roundId: z.number().int().nullable(),
  roundLabel: z.string().nullable(),
  kind: z.enum(archiveKinds),
  clueMaterial: z.boolean(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** No file of the item has text (every file a scan or image): search finds it by its fields only. */
  noText: z.boolean(),
  files: z.array(archiveFileSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ArchiveItem = z.infer<typeof archiveItemSchema>;
export type ArchiveItemSummary = Omit<ArchiveItem, 'files'>;

export const archiveFilterSchema = z.object({
  year: z.number().int().optional(),
  retention: z.enum(retentions).optional(),
  classification: z.enum(classifications).optional(),
  roundId: idSchema.optional(),
  kind: z.enum(archiveKinds).optional(),
  /** The inspected unit an item concerns. */
  unitId: idSchema.optional(),
});
export type ArchiveFilter = z.infer<typeof archiveFilterSchema>;
/** The catalogue list's filter: the same as the search's. */
export type ArchiveListFilter = ArchiveFilter;

/** A snippet as pieces of the original text; `hit` pieces are the matched words (render as text, never as markup). */
export const snippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Snippet = z.infer<typeof snippetSchema>;

export const archiveSearchResultSchema = z.object({
  items: z.array(
    z.object({
      item: archiveItemSchema.omit({ files: true }),
      snippet: snippetSchema,
    }),
  ),
  /** Matching items, at most the count ceiling (1,000). */
  total: z.number().int(),
  totalIsLowerBound: z.boolean(),
  /** Ranked by relevance (bm25); false when more than 200 matched or the query had only one-character terms: newest first then. */
  ranked: z.boolean(),
});
export type ArchiveSearchResult = z.infer<typeof archiveSearchResultSchema>;

export const fixityFindingSchema = z.object({
  fileId: z.number().int(),
  result: z.enum(['missing', 'tampered']),
  /** The archive item the file belongs to; null for files of other records (clue material, evidence). */
  archiveCode: z.string().nullable(),
  fileName: z.string().nullable(),
  ownerType: z.string(),
});

export const fixityRunSchema = z.object({
  id: z.number().int(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  /** Files in the store when the run started. */
  total: z.number().int(),
  checked: z.number().int(),
  ok: z.number().int(),
  missing: z.number().int(),
  tampered: z.number().int(),
  /** The run stopped before its end (vault locked, app closed): the next run resumes after this file id. */
  lastCheckedFileId: z.number().int(),
  findings: z.array(fixityFindingSchema),
});
export type FixityRun = z.infer<typeof fixityRunSchema>;

export const archiveJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['rebuildIndex', 'fixity']),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ArchiveJob = z.infer<typeof archiveJobSchema>;

/** Uploads through the renderer are for ordinary documents; larger files come from disk (attachFromDisk). */
const uploadSchema = fileUploadSchema.extend({ itemId: idSchema, mime: z.string().max(100), role: z.enum(archiveFileRoles).default('original') });

export const archiveChannels = {
  'archives.list': {
    input: archiveFilterSchema.extend(pageInput),
    output: z.object({ items: z.array(archiveItemSchema.omit({ files: true })), total: z.number().int() }),
    permission: 'archives.read',
  },
  'archives.get': { input: z.object({ id: idSchema }), output: archiveItemSchema, permission: 'archives.read' },
  /** Allocates the 件号 (next in year + retention + organisation) and composes the 档号. */
  'archives.create': { input: archiveItemInputSchema, output: archiveItemSchema, permission: 'archives.write' },
  'archives.update': { input: z.object({ id: idSchema, ...editableFields }), output: archiveItemSchema, permission: 'archives.write' },
  /** A file (≤ 10 MB through the renderer) into the encrypted store; its text is extracted and indexed. */
  'archives.attachFile': { input: uploadSchema, output: archiveItemSchema, permission: 'archives.write' },
  /** A file of any size chosen in the OS dialog, streamed in. CANCELLED when the dialog is closed. */
  'archives.attachFromDisk': {
    input: z.object({ itemId: idSchema, role: z.enum(archiveFileRoles).default('original') }),
    output: archiveItemSchema,
    permission: 'archives.write',
  },
  /** The verified file for viewing inside the app; FILE_TAMPERED when it fails its check. */
  'archives.viewFile': {
    input: z.object({ itemId: idSchema, fileId: idSchema }),
    output: fileDownloadSchema.extend({ mime: z.string() }),
    permission: 'archives.read',
  },
  /** Saves a decrypted, verified copy of a file where the user chooses (Word, OFD): an explicit, audited export. */
  'archives.saveFileCopy': {
    input: z.object({ itemId: idSchema, fileId: idSchema }),
    output: z.object({ saved: z.boolean() }),
    permission: 'archives.read',
  },
  /**
   * Full-text search: whitespace separates terms that must all occur; matches in the items'
   * fields (题名, 责任者, 文号, 备注, 档号) and in the text of their files.
   */
  'archives.search': {
    input: archiveFilterSchema.extend({ query: z.string().trim().min(1, '请输入要查找的内容').max(100), ...pageInput, pageSize: z.number().int().min(10).max(100).default(20) }),
    output: archiveSearchResultSchema,
    permission: 'archives.read',
  },
  /** Rebuilds the search index from the stored text (reextract: decrypt every file and read its text again). */
  'archives.rebuildIndex': { input: z.object({ reextract: z.boolean().default(false) }), output: archiveJobSchema, permission: 'archives.write' },
  /** Starts the fixity audit of every stored file; resumes an interrupted run. */
  'archives.fixityRun': { input: z.object({}).strict(), output: archiveJobSchema, permission: 'archives.write' },
  /** The latest fixity run (null: never run) with its findings. */
  'archives.fixityStatus': { input: z.object({}).strict(), output: fixityRunSchema.nullable(), permission: 'archives.write' },
  /** The current or last archive job of this session (null: none). */
  'archives.job': { input: z.object({}).strict(), output: archiveJobSchema.nullable(), permission: 'archives.read' },
  // Round dossiers (巡察档案), electron/core/archives/dossier: see dossierSchema below.
  /** The round's dossier: defaults for its items' 档号, open or closed, and the per-stage checklist. */
  'archives.dossier': { input: z.object({ roundId: idSchema }), output: z.lazy(() => dossierSchema), permission: 'archives.read' },
  /** Sets the year, 保管期限 and 机构(问题)代码 new items of the round are filed under. Audited. */
  'archives.dossierDefaults': {
    input: z.object({ roundId: idSchema, year: z.number().int().min(1949).max(2100), retention: z.enum(retentions), orgCode: orgCodeSchema }),
    output: z.lazy(() => dossierSchema),
    permission: 'archives.write',
  },
  /** Documents the app produced for the round that can be filed (finalised letters), with their fields prefilled. */
  'archives.offered': { input: z.object({ roundId: idSchema }), output: z.array(z.lazy(() => offeredDocumentSchema)), permission: 'archives.read' },
  /** Files one of the round's four lists, rendered as its landscape PDF table (the clue list only by those who may read clues). */
  'archives.fileFourList': {
    input: z.object({ ...editableFields, roundId: idSchema, listKind: z.enum(fourListKinds) }),
    output: archiveItemSchema,
    permission: 'archives.write',
  },
  /** Files an inspection's rectification ledger (整改台账) as it stands, rendered as its landscape PDF table; once per inspection. */
  'archives.fileRectificationLedger': {
    input: z.object({ ...editableFields, inspectionId: idSchema }),
    output: archiveItemSchema,
    permission: 'archives.write',
  },
  /** Files a finalised document: its final version rendered to PDF, the item's fields as the archivist confirmed them. */
  'archives.fileDocument': { input: z.object({ documentId: idSchema, ...editableFields }), output: archiveItemSchema, permission: 'archives.write' },
  /** An outside file chosen in the OS dialog becomes a new item of the round, its title taken from the file name (edit after). */
  'archives.importFromDisk': { input: z.object({ roundId: idSchema, kind: z.enum(archiveKinds).default('other') }), output: archiveItemSchema, permission: 'archives.write' },
  /** A file dropped or picked in the window (up to 10 MB) becomes a new item of the round with its file, all or nothing. */
  'archives.importUpload': {
    input: fileUploadSchema.extend({ roundId: idSchema, kind: z.enum(archiveKinds).default('other'), mime: z.string().max(100) }),
    output: archiveItemSchema,
    permission: 'archives.write',
  },
  /**
   * Closes the dossier: its items become read-only (ARCHIVE_DOSSIER_CLOSED). With stages still
   * missing, only with a reason (ARCHIVE_DOSSIER_INCOMPLETE otherwise), which the audit keeps.
   */
  'archives.closeDossier': { input: z.object({ roundId: idSchema, reason: note(500) }), output: z.lazy(() => dossierSchema), permission: 'archives.write' },
  /**
   * A correction of an item in a closed dossier: a new item (new 件号) that names the one it
   * corrects, filed with its file in one step (`fromDisk`: the OS dialog, CANCELLED files
   * nothing) and read-only from then on like the rest of the dossier. Audited.
   */
  'archives.correct': {
    input: z.object({ id: idSchema, reason: text(500), fromDisk: z.boolean().default(false), ...editableFields }),
    output: archiveItemSchema,
    permission: 'archives.write',
  },
  /** Days between fixity runs, the last run and whether one is due (for the reminder). */
  'archives.fixitySchedule': { input: z.object({}).strict(), output: z.lazy(() => fixityScheduleSchema), permission: 'archives.read' },
  'archives.setFixityInterval': { input: z.object({ days: z.number().int().min(1).max(3650) }), output: z.lazy(() => fixityScheduleSchema), permission: 'archives.write' },
} satisfies Record<string, ChannelDefinition>;

/** Stages of a round that file material (立卷归档 itself files nothing new). */
export const dossierStages = ['plan', 'mobilise', 'onSite', 'report', 'feedback', 'handover', 'rectification'] as const;

export const dossierSchema = z.object({
  roundId: z.number().int(),
  roundLabel: z.string(),
  year: z.number().int(),
  retention: z.enum(retentions),
  orgCode: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: timestampSchema.nullable(),
  closedBy: z.string().nullable(),
  /** Why it was closed with stages missing ('' when nothing was missing). */
  closeReason: z.string(),
  /** Items of the round the reader may see. */
  itemCount: z.number().int(),
  /** What each stage is expected to file, and how many items of each kind the reader may see. */
  checklist: z.array(z.object({ stage: z.enum(dossierStages), kinds: z.array(z.object({ kind: z.enum(archiveKinds), filed: z.number().int() })) })),
  /** Kinds with nothing filed, in checklist order. */
  missing: z.array(z.enum(archiveKinds)),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const offeredDocumentSchema = z.object({
  /** A finalised document (its final version), or one of the round's four lists. */
  documentId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  listKind: z.enum(fourListKinds).nullable(),
  /** An inspection's rectification ledger (整改台账): the inspection (null for documents and lists). */
  inspectionId: z.number().int().nullable(),
  /** The unit the item would concern (the inspected unit of a document or ledger). */
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** The item's fields as they would be filed. */
  title: z.string(),
  responsible: z.string(),
  docNumber: z.string(),
  docDate: z.string().nullable(),
  classification: z.enum(classifications),
  kind: z.enum(archiveKinds),
  clueMaterial: z.boolean(),
  /** The item it was filed as, if it was. */
  filedItemId: z.number().int().nullable(),
  filedArchiveCode: z.string().nullable(),
});
export type OfferedDocument = z.infer<typeof offeredDocumentSchema>;

export const fixityScheduleSchema = z.object({
  intervalDays: z.number().int(),
  lastRunAt: timestampSchema.nullable(),
  /** The calendar day the next run is due (null: never run, due now). */
  nextDueOn: z.string().nullable(),
  due: z.boolean(),
  /** How many files the archives hold (a reminder about none is noise on the dashboard). */
  storedFiles: z.number().int(),
});
export type FixitySchedule = z.infer<typeof fixityScheduleSchema>;
