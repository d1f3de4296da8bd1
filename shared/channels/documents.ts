/**
 * Formal documents (公文): the feedback letter (巡察反馈意见), the report to the leading group
 * (巡察情况报告) and the rectification notice (整改通知), filled from the vault by templates and
 * edited as structured text (shared/documents.ts); their versions, finalising, the feedback
 * meeting, printing with copy numbers (份号) and the print register (印制登记), the four lists as
 * PDF tables, the on-site figures the letter quotes, and which fonts serve the documents.
 *
 * How the UI uses them:
 *   documents.create (kind + inspection) → a draft with version 1 filled from the vault;
 *   documents.get → the document, its versions and one version's content;
 *   documents.preview (the content being edited) → a PDF to show, never stored or registered;
 *   documents.saveVersion (content + the version it was based on) → a new version;
 *   documents.finalise (a version) → locked: no more versions, status final;
 *   documents.print (copies, purpose) → one PDF holding every copy, each with its own 份号 for
 *   秘密 and 机密, a register row and an audit entry. In Electron the PDF goes to the system
 *   print dialog (purpose 'print'); everywhere it can be saved (purpose 'pdf').
 */
import { z } from 'zod';
import { classifications, fontUseSchema, letterDocumentSchema } from '../documents';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { fourListKinds } from './findings';

/** 巡察反馈意见, 巡察情况报告 (to the leading group, with a 签发人), 整改通知. */
export const documentKinds = ['feedbackLetter', 'inspectionReport', 'rectificationNotice'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindNames: Record<DocumentKind, string> = {
  feedbackLetter: '巡察反馈意见',
  inspectionReport: '巡察情况报告',
  rectificationNotice: '整改通知',
};

export const documentStatuses = ['draft', 'final'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** 'print': sent to a printer through the system dialog; 'pdf': saved as a PDF file. */
export const printPurposes = ['print', 'pdf'] as const;
export type PrintPurpose = (typeof printPurposes)[number];

/** Most copies one print may number (a larger run is split into several prints). */
export const MAX_COPIES = 500;

export const documentSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(documentKinds),
  roundId: z.number().int(),
  roundLabel: z.string(),
  inspectionId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  groupNumber: z.number().int().nullable(),
  title: z.string(),
  classification: z.enum(classifications),
  classificationPeriod: z.string(),
  status: z.enum(documentStatuses),
  latestVersion: z.number().int(),
  /** The version that was finalised (locked); null while a draft. */
  finalVersion: z.number().int().nullable(),
  finalisedBy: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Prints and exports that produced a file. */
  printCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentVersionInfoSchema = z.object({
  version: z.number().int(),
  /** What the saver said changed (may be empty). */
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentVersionInfo = z.infer<typeof documentVersionInfoSchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  /** Every version, oldest first; none is ever changed or removed. */
  versions: z.array(documentVersionInfoSchema),
  /** The version whose content is given: the one asked for, else the final one, else the newest. */
  version: z.number().int(),
  content: letterDocumentSchema,
  /** Whether the caller may save a new version now (a draft, and the documents.write permission). */
  editable: z.boolean(),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** A rendered PDF: what the engine made and which fonts it used. */
const renderedFields = {
  fileName: z.string(),
  base64: z.string(),
  /** Pages of one copy, as numbered on the paper. */
  pages: z.number().int(),
  fonts: z.array(fontUseSchema),
  /** True when any role is served by a substitute font: show a notice before printing. */
  substitutes: z.boolean(),
};

export const printResultSchema = z.object({
  ...renderedFields,
  /**
   * Pages in the file: every copy, and a blank page after each copy of a letter with an odd
   * number of pages, so that each copy starts on a new sheet when printed on both sides.
   */
  totalPages: z.number().int(),
  registerId: z.number().int(),
  copies: z.number().int(),
  /**
   * The 份号 of each copy in the PDF, in order (six digits); empty for 公开 and 内部, whose PDF
   * holds one copy and the printer makes the rest.
   */
  copyNumbers: z.array(z.string()),
  /** The watermark printed on every page (user and time), when the office turned it on. */
  watermark: z.string().nullable(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

export const printRegisterEntrySchema = z.object({
  id: z.number().int(),
  documentId: z.number().int().nullable(),
  /** Set when one of the four lists was printed rather than a stored document. */
  listKind: z.enum(fourListKinds).nullable(),
  roundId: z.number().int().nullable(),
  title: z.string(),
  version: z.number().int().nullable(),
  purpose: z.enum(printPurposes),
  classification: z.enum(classifications),
  classificationPeriod: z.string(),
  copies: z.number().int(),
  /** First and last 份号 (six digits); null for 公开 and 内部. */
  firstCopy: z.string().nullable(),
  lastCopy: z.string().nullable(),
  watermark: z.boolean(),
  /** Pages of one copy; null when the print failed. */
  pages: z.number().int().nullable(),
  /** 'failed': the numbers were handed out but no file came of them; they are never reused. */
  outcome: z.enum(['pending', 'done', 'failed']),
  printedBy: z.string(),
  printedAt: z.string(),
});
export type PrintRegisterEntry = z.infer<typeof printRegisterEntrySchema>;

/** Who sits at a feedback meeting: leading-group members, 纪委监委 and 组织部 leaders, the group, the unit. */
export const attendeeCapacities = ['leadingGroup', 'discipline', 'organisation', 'inspectionGroup', 'unit', 'other'] as const;
export type AttendeeCapacity = (typeof attendeeCapacities)[number];
export const attendeeCapacityNames: Record<AttendeeCapacity, string> = {
  leadingGroup: '巡察工作领导小组成员',
  discipline: '纪委监委',
  organisation: '组织部',
  inspectionGroup: '巡察组',
  unit: '被巡察单位',
  other: '其他',
};

const attendeeSchema = z.object({
  name: text(40),
  capacity: z.enum(attendeeCapacities),
  /** The post as written in the record, e.g. 市委常委、市纪委书记、市监委主任. */
  position: note(100),
});

export const feedbackMeetingSchema = z.object({
  inspectionId: z.number().int(),
  heldOn: z.string(),
  place: z.string(),
  note: z.string(),
  attendees: z.array(z.object({ name: z.string(), capacity: z.enum(attendeeCapacities), position: z.string() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type FeedbackMeeting = z.infer<typeof feedbackMeetingSchema>;

/** What a group did on site, as the feedback letter and the report quote it. */
const figureFields = {
  /** 个别谈话 (人次). */
  interviews: z.number().int().min(0).max(100_000),
  /** 受理信访举报 (件). */
  petitions: z.number().int().min(0).max(100_000),
  /** 调阅资料 (件). */
  documentsReviewed: z.number().int().min(0).max(1_000_000),
  /** 调阅资料 (卷), where files were kept bound. */
  volumesReviewed: z.number().int().min(0).max(100_000),
  /** 实地走访 (次). */
  visits: z.number().int().min(0).max(100_000),
  /** 问卷调查 (份). */
  questionnaires: z.number().int().min(0).max(1_000_000),
  /** 召开座谈会 (次). */
  forums: z.number().int().min(0).max(10_000),
};
export const onSiteFiguresSchema = z.object({
  inspectionId: z.number().int(),
  ...figureFields,
  /** False until someone entered them (all zero then). */
  recorded: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type OnSiteFigures = z.infer<typeof onSiteFiguresSchema>;

const printInput = {
  /** At least 1; at most 500 numbered copies per print. */
  copies: z.number().int().min(1).max(MAX_COPIES),
  purpose: z.enum(printPurposes),
};

export const documentChannels = {
  /** Documents of a round or an inspection, newest first. */
  'documents.list': {
    input: z.object({
      roundId: idSchema.optional(),
      inspectionId: idSchema.optional(),
      kind: z.enum(documentKinds).optional(),
      status: z.enum(documentStatuses).optional(),
      ...pageInput,
    }),
    output: z.object({ items: z.array(documentSummarySchema), total: z.number().int() }),
    permission: 'documents.read',
  },
  /**
   * A new draft filled from the vault: unit, dates, group, on-site figures, the problems grouped
   * by the three focuses, the requirements; 秘密 by default. Version 1 is saved at once.
   */
  'documents.create': {
    input: z.object({ kind: z.enum(documentKinds), inspectionId: idSchema }),
    output: documentDetailSchema,
    permission: 'documents.write',
  },
  /** The document and one version's content (default: the final one, else the newest). Reading a 秘密 or 机密 one is audited. */
  'documents.get': {
    input: z.object({ id: idSchema, version: z.number().int().min(1).optional() }),
    output: documentDetailSchema,
    permission: 'documents.read',
  },
  /**
   * Saves the edited content as the next version. `baseVersion` is the version the editor
   * started from: DOCUMENT_STALE when someone saved a newer one meanwhile (nothing is lost: the
   * editor keeps its text), DOCUMENT_FINAL once the document is final.
   */
  'documents.saveVersion': {
    input: z.object({ id: idSchema, baseVersion: z.number().int().min(1), content: letterDocumentSchema, note: note(200) }),
    output: documentDetailSchema,
    permission: 'documents.write',
  },
  /**
   * Renders content as it is being edited, for the live preview: not stored, not registered, no
   * 份号, and marked 预览稿 across every page so it cannot pass for a printed copy.
   */
  'documents.preview': {
    input: z.object({ content: letterDocumentSchema }),
    output: z.object(renderedFields),
    permission: 'documents.read',
  },
  /** Locks one version: the document becomes final and takes no more versions. Audited. */
  'documents.finalise': {
    input: z.object({ id: idSchema, version: z.number().int().min(1) }),
    output: documentDetailSchema,
    permission: 'documents.write',
  },
  /**
   * Prints or exports a version (default: the final one, else the newest). For 秘密 and 机密 the
   * PDF holds `copies` copies, each with its own consecutive 份号 (CLASSIFIED_PRINT_DENIED for
   * roles without documents.printClassified); the register row and the audit entry name the
   * numbers. With the office's watermark setting on, every page carries user and time.
   */
  'documents.print': {
    input: z.object({ id: idSchema, version: z.number().int().min(1).optional(), ...printInput }),
    output: printResultSchema,
    permission: 'documents.print',
  },
  /** One of the four lists of a round (or one inspection) as a landscape PDF table, printed like a document. The clue list by clue officers only. */
  'documents.printFourList': {
    input: z.object({
      kind: z.enum(fourListKinds),
      roundId: idSchema,
      inspectionId: idSchema.optional(),
      classification: z.enum(classifications).default('secret'),
      classificationPeriod: z.string().trim().max(20).default(''),
      ...printInput,
    }),
    output: printResultSchema,
    permission: 'documents.print',
  },
  /** The print register (印制登记), newest first, with filters. */
  'printRegister.list': {
    input: z.object({
      documentId: idSchema.optional(),
      roundId: idSchema.optional(),
      purpose: z.enum(printPurposes).optional(),
      classification: z.enum(classifications).optional(),
      /** Printed on or after / on or before these days (local dates). */
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      /** Part of the title. */
      text: z.string().trim().max(100).optional(),
      ...pageInput,
    }),
    output: z.object({ items: z.array(printRegisterEntrySchema), total: z.number().int() }),
    permission: 'documents.read',
  },
  /** The feedback meeting of an inspection, or null when none is recorded. */
  'feedbackMeetings.get': {
    input: z.object({ inspectionId: idSchema }),
    output: feedbackMeetingSchema.nullable(),
    permission: 'documents.read',
  },
  /** Records (or corrects) the feedback meeting: date, place, attendees in order. Audited. */
  'feedbackMeetings.save': {
    input: z.object({ inspectionId: idSchema, heldOn: dateSchema, place: text(100), note: note(1000), attendees: z.array(attendeeSchema).min(1).max(100) }),
    output: feedbackMeetingSchema,
    permission: 'documents.write',
  },
  /** What the group did on site (谈话人次, 信访件数, 调阅资料 …); zeros with recorded false when not yet entered. */
  'onSiteFigures.get': {
    input: z.object({ inspectionId: idSchema }),
    output: onSiteFiguresSchema,
    permission: 'records.read',
  },
  'onSiteFigures.update': {
    input: z.object({ inspectionId: idSchema, ...figureFields }),
    output: onSiteFiguresSchema,
    permission: 'records.write',
  },
  /** Which font serves each role (仿宋, 小标宋, 黑体, 楷体, 宋体) and whether any is a substitute: for the settings page. */
  'documents.fonts': {
    input: z.object({}).strict(),
    output: z.object({ fonts: z.array(fontUseSchema), substitutes: z.boolean(), fontDir: z.string() }),
    permission: 'documents.read',
  },
} as const satisfies Record<string, ChannelDefinition>;
