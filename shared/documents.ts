/**
 * The model of a formal document (公文) as the document engine lays it out by GB/T 9704, shared
 * by the core (which fills and renders it) and the renderer (which edits the body as structured
 * text). The engine numbers headings itself (一、 （一） 1. （1）), so the stored text never
 * carries numbering that could go stale when a section is moved.
 */
import { z } from 'zod';

/** 密级: 公开, 内部, 秘密, 机密. Only 秘密 and 机密 print a 份号 and a period (秘密★1年). */
export const classifications = ['public', 'internal', 'secret', 'confidential'] as const;
export type Classification = (typeof classifications)[number];
export const classificationNames: Record<Classification, string> = {
  public: '公开',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
};
/** Classifications whose every printed copy carries its own copy number and goes in the register. */
export const numberedClassifications: readonly Classification[] = ['secret', 'confidential'];

/** 紧急程度. */
export const urgencies = ['none', 'urgent', 'veryUrgent'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyNames: Record<Urgency, string> = { none: '', urgent: '加急', veryUrgent: '特急' };

/** One block of a document's body. Heading levels 1–4 print as 一、 （一） 1. （1）. */
export const bodyBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), text: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('paragraph'), text: z.string().trim().min(1).max(20_000) }),
  /** Items print as indented paragraphs; the engine does not number them (the text may). */
  z.object({ kind: z.literal('list'), items: z.array(z.string().trim().min(1).max(5_000)).min(1).max(500) }),
]);
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

/** A letter-layout document: 反馈意见, 巡察情况报告, 整改通知 … (portrait, 22 × 28 grid). */
export const letterDocumentSchema = z.object({
  classification: z.enum(classifications),
  /** 保密期限 as printed after the star, e.g. '1年'; empty prints the level alone. */
  classificationPeriod: z.string().trim().max(20).default(''),
  urgency: z.enum(urgencies).default('none'),
  /** 发文机关标志, e.g. 中共××市委巡察工作领导小组办公室; printed red in 小标宋. */
  issuerMark: z.string().trim().min(1).max(60),
  /** 发文字号, e.g. 市巡办〔2020〕8号; empty prints none. */
  documentNumber: z.string().trim().max(40).default(''),
  /** A star in the middle of the red separator, as Party bodies' documents have it. */
  separatorStar: z.boolean().optional(),
  /** 签发人, for documents sent upwards (报告); empty prints none. */
  signer: z.string().trim().max(40).default(''),
  title: z.string().trim().min(1).max(200),
  /** 主送机关, printed with a full-width colon. */
  addressee: z.string().trim().max(200).default(''),
  body: z.array(bodyBlockSchema).max(5_000),
  /** 附件说明: names only, numbered by the engine. */
  attachments: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** 署名. */
  signature: z.string().trim().max(80).default(''),
  /** 成文日期 as YYYY-MM-DD; printed 2020年10月15日. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** 附注, printed in parentheses below the date. */
  note: z.string().trim().max(500).default(''),
  /** 版记 at the foot of the last page. */
  copiedTo: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  printedBy: z.string().trim().max(60).default(''),
  printedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type LetterDocument = z.infer<typeof letterDocumentSchema>;

/** A table-layout document: the four lists and other registers (landscape, header rows repeat). */
export const tableDocumentSchema = z.object({
  classification: z.enum(classifications),
  classificationPeriod: z.string().trim().max(20).default(''),
  title: z.string().trim().min(1).max(200),
  /** A line under the title, e.g. the round and the unit. */
  subtitle: z.string().trim().max(200).default(''),
  /** Relative widths; the engine fits them to the landscape text width. */
  columns: z.array(z.object({ header: z.string().trim().min(1).max(40), width: z.number().positive().default(1) })).min(1).max(20),
  rows: z.array(z.array(z.string().max(20_000))).max(100_000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type TableDocument = z.infer<typeof tableDocumentSchema>;

/** What varies per printed copy. */
export interface CopyOptions {
  /** 份号, six digits; printed only for numbered classifications. */
  copyNumber?: string;
  /** A light diagonal watermark (user and time), if the office turns it on. */
  watermark?: string;
}

/**
 * A numbered print run is ONE PDF holding every copy, each laid out with its own CopyOptions
 * (its own 份号) and its page numbers restarting at — 1 —, so the print dialog prints the whole
 * run and the register's numbers match the paper. The documents service prints through these
 * (electron/core/documents/rendering.ts).
 */
export interface MultiCopyRenderer<Rendered> {
  renderLetterCopies(doc: LetterDocument, copies: readonly CopyOptions[]): Promise<Rendered>;
  renderTableCopies(doc: TableDocument, copies: readonly CopyOptions[]): Promise<Rendered>;
}

/** The typographic roles GB/T 9704 names; each is served by one installed or bundled font. */
export const fontRoles = ['fangsong', 'xiaobiaosong', 'heiti', 'kaiti', 'songti'] as const;
export type FontRole = (typeof fontRoles)[number];
export const fontRoleNames: Record<FontRole, string> = {
  fangsong: '仿宋',
  xiaobiaosong: '小标宋',
  heiti: '黑体',
  kaiti: '楷体',
  songti: '宋体',
};

/** Which font served a role, and whether it stood in for the official one. */
export const fontUseSchema = z.object({
  role: z.enum(fontRoles),
  family: z.string(),
  file: z.string(),
  substitute: z.boolean(),
});
export type FontUse = z.infer<typeof fontUseSchema>;
