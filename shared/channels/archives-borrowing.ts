/**
 * 借阅登记 (borrowing archive items) and the printed 归档文件目录 and 归档章 labels.
 *
 * Borrowing: a user asks to view (查阅, inside the app) or borrow the paper original (借出) of
 * one or more items, by 档号, with a purpose and a due date. An archivist, the administrator or
 * a leader (`archives.approve`) approves or refuses it, never their own request. A 借出 ends
 * when the archivist records the paper as returned; a 查阅 may also be ended by the requester.
 *
 * The rule it enforces (electron/core/archives/access.ts): a 秘密 or 机密 item is read inside
 * the app by someone without `archives.readClassified` only during their own approved request
 * that is neither past its due date (the core's clock) nor returned; every such read is audited
 * with the request's id. Clue material never becomes readable through borrowing.
 *
 * The catalogue and the labels are printed per volume (year + retention + organisation code),
 * rows in 件号 order, by those who file (`archives.write`).
 */
import { z } from 'zod';
import { classifications } from '../documents';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';
import { timestampSchema } from './foundation';
import { retentions } from './archives';

/** view: 查阅 inside the app; loan: 借出, the paper original leaves the archive room. */
export const borrowingModes = ['view', 'loan'] as const;
export type BorrowingMode = (typeof borrowingModes)[number];
export const borrowingStatuses = ['pending', 'approved', 'refused', 'returned'] as const;
export type BorrowingStatus = (typeof borrowingStatuses)[number];
/** mine: my requests; pending: awaiting a decision; open: approved, not returned; overdue: open and past due. */
export const borrowingViews = ['all', 'mine', 'pending', 'open', 'overdue'] as const;

/** An 档号 as printed: 0123-WS·2020-Y-XCB-0001. */
const archiveCodeSchema = z.string().trim().min(1, '请填写档号').max(60);

export const borrowingSchema = z.object({
  id: z.number().int(),
  requesterId: z.number().int(),
  requesterName: z.string(),
  mode: z.enum(borrowingModes),
  purpose: z.string(),
  dueDate: z.string(),
  status: z.enum(borrowingStatuses),
  /** Approved, not returned and past its due date by the core's clock. */
  overdue: z.boolean(),
  /** The signed-in user may read the items through this request now. */
  active: z.boolean(),
  requestedAt: timestampSchema,
  decidedByName: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  decisionNote: z.string(),
  returnedAt: timestampSchema.nullable(),
  items: z.array(
    z.object({
      itemId: z.number().int(),
      archiveCode: z.string(),
      /** Null when the signed-in user may not read the item now (a 密件 before approval). */
      title: z.string().nullable(),
      classification: z.enum(classifications),
      /** The item's files, for viewing (empty when the title is hidden). */
      files: z.array(z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })),
    }),
  ),
});
export type Borrowing = z.infer<typeof borrowingSchema>;

export const catalogueVolumeSchema = z.object({
  year: z.number().int(),
  retention: z.enum(retentions),
  orgCode: z.string(),
  items: z.number().int(),
});
export type CatalogueVolume = z.infer<typeof catalogueVolumeSchema>;

const volumeInput = {
  year: z.number().int().min(1949).max(2100),
  retention: z.enum(retentions),
  orgCode: z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/, '机构（问题）代码为1至10位字母或数字'),
};

/** A generated PDF, in memory, for the viewer and the print dialog. */
export const archivePdfSchema = z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int(), rows: z.number().int() });

export const archiveBorrowingChannels = {
  /** Requests: everyone sees their own; approvers see every request. */
  'archives.borrowings': {
    input: z.object({ view: z.enum(borrowingViews).default('all'), ...pageInput }),
    output: z.object({ items: z.array(borrowingSchema), total: z.number().int() }),
    permission: 'archives.read',
  },
  'archives.borrow': {
    input: z.object({
      archiveCodes: z.array(archiveCodeSchema).min(1, '请至少选择一件档案').max(50),
      mode: z.enum(borrowingModes),
      purpose: text(500),
      dueDate: dateSchema,
    }),
    output: borrowingSchema,
    permission: 'archives.read',
  },
  /** Approve or refuse a pending request; never one's own. */
  'archives.decideBorrowing': {
    input: z.object({ id: idSchema, approve: z.boolean(), note: note(500) }),
    output: borrowingSchema,
    permission: 'archives.approve',
  },
  /** Returned (借出: recorded by an approver; 查阅: also ended by the requester). */
  'archives.returnBorrowing': { input: z.object({ id: idSchema }), output: borrowingSchema, permission: 'archives.read' },
  /** The volumes (year + retention + organisation) of a year, or of a round's items. */
  'archives.catalogueVolumes': {
    input: z.object({ year: z.number().int().optional(), roundId: idSchema.optional() }),
    output: z.array(catalogueVolumeSchema),
    permission: 'archives.write',
  },
  /** 归档文件目录 of one volume: landscape A4, DA/T 22 columns, rows in 件号 order. Audited. */
  'archives.catalogue': { input: z.object(volumeInput), output: archivePdfSchema, permission: 'archives.write' },
  /** 归档章 labels of a volume (or the chosen 件号 of it), a grid of stamps on A4. Audited. */
  'archives.stampLabels': {
    input: z.object({ ...volumeInput, itemNumbers: z.array(z.number().int().positive()).max(5000).optional() }),
    output: archivePdfSchema,
    permission: 'archives.write',
  },
} satisfies Record<string, ChannelDefinition>;
