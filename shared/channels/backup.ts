/**
 * Channels of backup, verification and restore. A backup, a check of a backup file and a
 * restore each run as one background job in the core (they stream gigabytes): the starting
 * channel answers at once with the job, and `backup.job` reports its progress until it ends.
 */
import { z } from 'zod';
import { errorCodes } from '../errors';
import { empty, type ChannelDefinition } from './define';
import { officeLevelSchema, passwordSchema, timestampSchema, usernameSchema } from './foundation';

/** What opens a backup besides the open vault's own key: an administrator's password of the time, or the recovery key. */
export const backupCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), username: usernameSchema, password: passwordSchema }),
  z.object({ kind: z.literal('recoveryKey'), recoveryKey: z.string().trim().min(1).max(200) }),
]);
export type BackupCredentials = z.infer<typeof backupCredentialsSchema>;

/** What a verified backup holds, from its authenticated manifest. */
export const backupSummarySchema = z.object({
  fileName: z.string(),
  /** Size of the backup file. */
  bytes: z.number().int(),
  createdAt: timestampSchema,
  createdBy: z.string(),
  vaultId: z.string(),
  /** The backup was made from the vault that is open now. */
  sameVault: z.boolean(),
  office: z.object({ name: z.string(), fondsCode: z.string(), level: officeLevelSchema }).nullable(),
  schemaVersion: z.number().int(),
  /** Parts in the container: the database, keys.json and every stored file. */
  parts: z.number().int(),
  files: z.number().int(),
  /** Stored files the vault already lacked when the backup was made (they cannot come back). */
  missingFiles: z.number().int(),
  databaseBytes: z.number().int(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupCreatedSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  durationMs: z.number().int(),
  files: z.number().int(),
  missingFiles: z.number().int(),
});
export type BackupCreated = z.infer<typeof backupCreatedSchema>;

export const restoreResultSchema = z.object({
  /** Where the vault that was replaced now lies (kept until the user removes it); null when there was none. */
  previousVaultDir: z.string().nullable(),
  restoredFrom: z.string(),
  summary: backupSummarySchema,
  durationMs: z.number().int(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

export const backupJobKinds = ['create', 'verify', 'restore'] as const;
export const backupPhases = ['snapshot', 'write', 'read', 'extract', 'check', 'switch', 'done'] as const;
export type BackupPhase = (typeof backupPhases)[number];

export const backupJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(backupJobKinds),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.enum(backupPhases),
  doneBytes: z.number(),
  totalBytes: z.number(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  created: backupCreatedSchema.nullable(),
  verified: backupSummarySchema.nullable(),
  restored: restoreResultSchema.nullable(),
  error: z.object({ code: z.enum(errorCodes), message: z.string() }).nullable(),
});
export type BackupJob = z.infer<typeof backupJobSchema>;

export const backupStatusSchema = z.object({
  lastBackupAt: timestampSchema.nullable(),
  reminderDays: z.number().int(),
  /** Whole days since the last backup (or since the vault was set up, when there was none). */
  daysSince: z.number().int().nullable(),
  /** The reminder is due: reminderDays > 0 and that many days have passed. */
  due: z.boolean(),
  job: backupJobSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupChannels = {
  'backup.status': { input: empty, output: backupStatusSchema, permission: 'vault.backup' },
  /** Asks where to save (the OS dialog), takes the snapshot, starts writing. Null: the user cancelled. */
  'backup.create': { input: empty, output: backupJobSchema.nullable(), permission: 'vault.backup' },
  /**
   * Asks for a backup file (or reuses the one chosen last, e.g. after asking for credentials)
   * and checks it without restoring. Credentials are needed only for a backup of another vault.
   */
  'backup.verify': {
    input: z.object({ credentials: backupCredentialsSchema.optional(), reuseChosenFile: z.boolean().default(false) }),
    output: backupJobSchema.nullable(),
    permission: 'vault.backup',
  },
  /**
   * Restores the backup file chosen last. Always needs an administrator password of the backup
   * (or the recovery key): after the restore those are the passwords that sign in. Ends the session.
   */
  'backup.restore': {
    input: z.object({ credentials: backupCredentialsSchema, confirm: z.literal(true) }),
    output: backupJobSchema,
    permission: 'vault.restore',
  },
  /**
   * The running or last job. Checked in the core: anyone who may back up sees it; after a
   * restore has ended the session, its outcome is still reported so the window can say so.
   */
  'backup.job': { input: empty, output: backupJobSchema.nullable(), permission: null },
} as const satisfies Record<string, ChannelDefinition>;
