/**
 * Channels of exchange packages between offices (市县联动): this office's card, the offices it
 * trusts, sending a round as a signed package encrypted to one office, and taking one in (a
 * dry run that shows what is new and what changed, then the import itself), with the log.
 * Files go through the OS dialogs in the core (the CLI answers them with --out / --in).
 */
import { z } from 'zod';
import { empty, idSchema, type ChannelDefinition } from './define';
import { officeLevelSchema, timestampSchema } from './foundation';

export const exchangeKinds = ['round', 'unit', 'inspection', 'problem', 'rectification', 'document', 'clue', 'file'] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];

export const officeCardViewSchema = z.object({
  name: z.string(),
  code: z.string(),
  level: officeLevelSchema,
  /** 64 hex digits; shown in groups of four. */
  fingerprint: z.string(),
  /** The card as a small text file to hand over (paste or save). */
  cardText: z.string(),
});
export type OfficeCardView = z.infer<typeof officeCardViewSchema>;

export const trustedOfficeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  level: officeLevelSchema,
  fingerprint: z.string(),
  addedBy: z.string(),
  addedAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
});
export type TrustedOffice = z.infer<typeof trustedOfficeSchema>;

export const exchangeDiffSchema = z.object({ kind: z.enum(exchangeKinds), new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });
export type ExchangeDiff = z.infer<typeof exchangeDiffSchema>;

export const exchangePreviewSchema = z.object({
  packageId: z.string(),
  fileName: z.string(),
  sender: z.object({ name: z.string(), code: z.string(), fingerprint: z.string() }),
  createdAt: timestampSchema,
  sequence: z.number().int(),
  roundLabel: z.string(),
  includesClues: z.boolean(),
  /** The same package was imported before: importing again changes nothing (and is not an error). */
  alreadyImported: z.boolean(),
  diff: z.array(exchangeDiffSchema),
});
export type ExchangePreview = z.infer<typeof exchangePreviewSchema>;

export const exchangeImportResultSchema = exchangePreviewSchema.extend({ roundId: z.number().int(), importedAt: timestampSchema });
export type ExchangeImportResult = z.infer<typeof exchangeImportResultSchema>;

export const exchangeExportResultSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  packageId: z.string(),
  sequence: z.number().int(),
  recipient: z.string(),
  counts: z.array(z.object({ kind: z.enum(exchangeKinds), count: z.number().int() })),
});
export type ExchangeExportResult = z.infer<typeof exchangeExportResultSchema>;

export const exchangeLogEntrySchema = z.object({
  id: z.number().int(),
  packageId: z.string(),
  senderName: z.string(),
  sequence: z.number().int(),
  createdAt: timestampSchema,
  roundId: z.number().int().nullable(),
  roundLabel: z.string(),
  importedBy: z.string(),
  importedAt: timestampSchema,
  diff: z.array(exchangeDiffSchema),
});
export type ExchangeLogEntry = z.infer<typeof exchangeLogEntrySchema>;

export const exchangeChannels = {
  /** This office's card and fingerprint; the key pairs are made on first use (audited). */
  'exchange.card': { input: empty, output: officeCardViewSchema, permission: 'records.read' },
  /** Saves the card as a text file (save dialog). Null: cancelled. */
  'exchange.saveCard': { input: empty, output: z.object({ path: z.string() }).nullable(), permission: 'records.read' },
  /** Reads a card (pasted text, or a file from the open dialog) and shows its fingerprint; changes nothing. */
  'exchange.readCard': {
    input: z.object({ cardText: z.string().max(20_000).optional() }),
    output: officeCardViewSchema.nullable(),
    permission: 'settings.manage',
  },
  /** Trusts a card; the fingerprint the user confirmed (read over the phone or from paper) must match. */
  'exchange.trust': {
    input: z.object({ cardText: z.string().min(1).max(20_000), confirmFingerprint: z.string().min(1).max(200) }),
    output: trustedOfficeSchema,
    permission: 'settings.manage',
  },
  'exchange.revoke': { input: z.object({ id: idSchema }), output: trustedOfficeSchema, permission: 'settings.manage' },
  'exchange.trusted': { input: empty, output: z.array(trustedOfficeSchema), permission: 'records.read' },
  /** Writes a round as a package to one trusted office (save dialog). Clues only when asked, and only by a clue reader. */
  'exchange.export': {
    input: z.object({
      roundId: idSchema,
      /** A trusted office's fingerprint, or an office card given here (the CLI's --to FILE). */
      to: z.union([z.object({ fingerprint: z.string().min(1).max(200) }), z.object({ cardText: z.string().min(1).max(20_000) })]),
      includeClues: z.boolean().default(false),
    }),
    output: exchangeExportResultSchema.nullable(),
    permission: 'records.write',
  },
  /** Opens a package (open dialog, or the one chosen last), verifies it and shows the diff; changes nothing. Null: cancelled. */
  'exchange.preview': { input: z.object({ reuseChosenFile: z.boolean().default(false) }), output: exchangePreviewSchema.nullable(), permission: 'records.write' },
  /** Imports the package previewed last; `packageId` must be the one shown. */
  'exchange.import': { input: z.object({ packageId: z.string().min(1), confirm: z.literal(true) }), output: exchangeImportResultSchema, permission: 'records.write' },
  'exchange.log': { input: empty, output: z.array(exchangeLogEntrySchema), permission: 'records.read' },
  /** Where a round came from, for its badge: null for the office's own rounds. */
  'exchange.roundOrigin': {
    input: z.object({ roundId: idSchema }),
    output: z.object({ senderName: z.string(), importedAt: timestampSchema }).nullable(),
    permission: 'records.read',
  },
} as const satisfies Record<string, ChannelDefinition>;
