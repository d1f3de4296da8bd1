/**
 * Channels of the foundation: setup, sessions, accounts, audit, settings.
 * `permission: null` marks channels that work without a signed-in session (status, setup,
 * sign-in, recovery) or that act only on the caller's own session.
 */
import { z } from 'zod';
import { permissions, roles } from '../roles';
import { auditActions } from '../audit';
import { empty, nothing, text, type ChannelDefinition } from './define';

// ---- reusable pieces -------------------------------------------------------------------------

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/, '用户名只能包含汉字、字母、数字、点、下划线和连字符');
/** Strength is checked in the core (WEAK_PASSWORD); here only the outer bounds. */
export const passwordSchema = z.string().min(1).max(256);
export const roleSchema = z.enum(roles);
export const permissionSchema = z.enum(permissions);
export const officeLevelSchema = z.enum(['city', 'county']);
export const localeSchema = z.enum(['zh-CN', 'en']);
/** ISO-8601 timestamp with offset, as the core writes them. */
export const timestampSchema = z.string();

export const officeSchema = z.object({
  name: text(60),
  /** 全宗号: the archive fonds code, used in every 档号. */
  fondsCode: z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/, '全宗号为1至10位字母或数字'),
  level: officeLevelSchema,
});
export type Office = z.infer<typeof officeSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  permissions: z.array(permissionSchema),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  locale: localeSchema,
  /** Whether administrators may list and open clues (otherwise clue officers only). */
  adminsMayReadClues: z.boolean(),
  /**
   * Whether every printed or exported copy of a document carries a light watermark (user and
   * time). Optional like handoverAnswerDays below; the settings store always fills it (false).
   */
  documentsWatermark: z.boolean().optional(),
  /** An extra folder searched first for the official document fonts (仿宋_GB2312, 方正小标宋 …); '' for none (the default). */
  documentsFontDir: z.string().trim().max(500).optional(),
  /**
   * Days from a hand-over to the answer deadline the hand-over form proposes (0: none). Optional
   * only so that older callers keep type-checking; the settings store always fills it (30).
   */
  handoverAnswerDays: z.number().int().min(0).max(730).optional(),
  /** Days without a backup after which those who may back up are reminded (0: never). The store fills it (7). */
  backupReminderDays: z.number().int().min(0).max(365).optional(),
  /**
   * Months after the feedback within which an inspected unit reports its rectification (整改报告;
   * 巡视工作条例: two). Optional like the ones above; the settings store always fills it (2).
   */
  rectificationReportMonths: z.number().int().min(1).max(24).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const appStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('needsSetup') }),
  z.object({ state: z.literal('signedOut'), office: officeSchema.nullable() }),
  z.object({
    state: z.literal('locked'),
    office: officeSchema.nullable(),
    user: z.object({ username: z.string(), displayName: z.string() }),
  }),
  z.object({
    state: z.literal('active'),
    office: officeSchema,
    user: sessionUserSchema,
    settings: settingsSchema,
  }),
]);
export type AppStatus = z.infer<typeof appStatusSchema>;

export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: timestampSchema,
  lastSignInAt: timestampSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: timestampSchema,
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.enum(auditActions),
  outcome: z.enum(['ok', 'denied', 'failed']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ id: z.number().int(), reason: z.enum(['hash', 'link', 'gap']) })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

// ---- channels -------------------------------------------------------------------------------

export const foundationChannels = {
  'app.status': { input: empty, output: appStatusSchema, permission: null },

  'vault.setup': {
    input: z.object({
      office: officeSchema,
      admin: z.object({ username: usernameSchema, displayName: text(40), password: passwordSchema }),
    }),
    /** The recovery key is shown once, here, and never again. */
    output: z.object({ recoveryKey: z.string() }),
    permission: null,
  },

  'session.signIn': {
    input: z.object({ username: usernameSchema, password: passwordSchema }),
    output: sessionUserSchema,
    permission: null,
  },
  'session.signOut': { input: empty, output: nothing, permission: null },
  'session.lock': {
    input: z.object({ reason: z.enum(['manual', 'idle']) }),
    output: nothing,
    permission: null,
  },
  'session.unlock': {
    input: z.object({ password: passwordSchema }),
    output: sessionUserSchema,
    permission: null,
  },
  /** Keeps the idle timer honest while the user types or reads without saving anything. */
  'session.activity': { input: empty, output: nothing, permission: null },
  'session.changePassword': {
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }),
    output: nothing,
    permission: null,
  },
  'session.recover': {
    input: z.object({
      recoveryKey: z.string().trim().min(1).max(200),
      username: usernameSchema,
      newPassword: passwordSchema,
    }),
    output: nothing,
    permission: null,
  },

  'accounts.list': { input: empty, output: z.array(accountSchema), permission: 'accounts.manage' },
  'accounts.create': {
    input: z.object({
      username: usernameSchema,
      displayName: text(40),
      role: roleSchema,
      password: passwordSchema,
    }),
    output: accountSchema,
    permission: 'accounts.manage',
  },
  'accounts.update': {
    input: z.object({ id: z.number().int(), displayName: text(40), role: roleSchema }),
    output: accountSchema,
    permission: 'accounts.manage',
  },
  'accounts.disable': {
    input: z.object({ id: z.number().int() }),
    output: accountSchema,
    permission: 'accounts.manage',
  },
  /** Enabling sets a fresh password: a disabled account's key wrap was destroyed. */
  'accounts.enable': {
    input: z.object({ id: z.number().int(), newPassword: passwordSchema }),
    output: accountSchema,
    permission: 'accounts.manage',
  },
  'accounts.resetPassword': {
    input: z.object({ id: z.number().int(), newPassword: passwordSchema }),
    output: accountSchema,
    permission: 'accounts.manage',
  },

  'audit.list': {
    input: z.object({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(10).max(200).default(50),
      action: z.enum(auditActions).optional(),
      actorName: z.string().trim().max(40).optional(),
      outcome: z.enum(['ok', 'denied', 'failed']).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
    output: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
    permission: 'audit.read',
  },
  'audit.verify': { input: empty, output: auditVerificationSchema, permission: 'audit.read' },

  /** SQLite integrity check of the whole file and the audit chain, as `xuncha verify` runs them. */
  'vault.verify': {
    input: empty,
    output: z.object({ integrity: z.array(z.string()), audit: auditVerificationSchema }),
    permission: 'audit.read',
  },

  'settings.get': { input: empty, output: settingsSchema, permission: null },
  'settings.update': {
    input: settingsSchema.partial(),
    output: settingsSchema,
    permission: 'settings.manage',
  },
} as const satisfies Record<string, ChannelDefinition>;
