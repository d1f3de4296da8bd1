import { basename, dirname } from 'node:path';
import type { BackupJob, BackupStatus, ChannelInput } from '../../../shared/contract';
import { roleMay } from '../../../shared/roles';
import { actorOf, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { BACKUP_EXTENSION, openBackup, unlockBackup, type OpenedBackup } from './backup-format';
import { prepareBackup, writeBackup } from './create-backup';
import { backupJobs } from './jobs';
import { readBackup } from './read-backup';
import { restoreBackup } from './restore';

const DAY_MS = 24 * 60 * 60 * 1000;

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : 'INTERNAL');

function filePort(ctx: CoreContext) {
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  return ctx.options.files;
}

/** The session that asked, unchanged after an OS dialog (the vault may have been locked meanwhile). */
function stillActive(ctx: CoreContext, session: ActiveSession): ActiveSession {
  const now = ctx.active();
  if (now !== session) throw new AppError('NOT_SIGNED_IN');
  return now;
}

function defaultFileName(session: ActiveSession, now: Date): string {
  const office = session.office.get().name.replace(/[\\/:*?"<>|]/g, '_');
  return `${office}-备份-${localDate(now)}.${BACKUP_EXTENSION}`;
}

/**
 * backup.create: asks where to save, then (inside this request, so nothing else reaches the
 * database meanwhile) takes the snapshot and opens the container; the rest streams in the
 * background. Null when the user cancelled the dialog.
 */
export async function startBackup(ctx: CoreContext): Promise<BackupJob | null> {
  const jobs = backupJobs(ctx);
  jobs.assertIdle();
  const asking = ctx.active();
  const target = await filePort(ctx).chooseFileToSave({ title: '保存备份', defaultName: defaultFileName(asking, ctx.now()) });
  if (!target) return null;
  const session = stillActive(ctx, asking);
  jobs.assertIdle();
  const vaultId = session.vault.vaultId;
  const actor = actorOf(session.user);
  const refused = (error: unknown) =>
    jobs.record(ctx, vaultId, { action: 'backup.create', actor, outcome: 'failed', target: { type: 'vault', id: vaultId }, detail: { folder: dirname(target), error: codeOf(error) } });
  let prepared: ReturnType<typeof prepareBackup>;
  try {
    prepared = prepareBackup(session.vault, target, { now: ctx.now(), createdBy: actor.name });
  } catch (error) {
    refused(error);
    throw error;
  }
  return jobs.start('create', ctx.now, async (progress) => {
    try {
      const created = await writeBackup(prepared, progress);
      jobs.record(ctx, vaultId, {
        action: 'backup.create',
        actor,
        target: { type: 'vault', id: vaultId },
        detail: { folder: dirname(created.path), fileName: created.fileName, bytes: created.bytes, files: created.files, missingFiles: created.missingFiles, backupId: created.backupId, durationMs: created.durationMs },
      });
      const { backupId: _id, ...shown } = created;
      return { created: shown };
    } catch (error) {
      refused(error);
      throw error;
    }
  });
}

/**
 * backup.verify: a chosen backup file, checked without restoring it. A backup of this vault
 * opens with the open vault's key; one of another vault needs credentials (the file chosen is
 * kept, so the window asks for them and tries again without a second dialog).
 */
export async function startVerify(ctx: CoreContext, input: ChannelInput<'backup.verify'>): Promise<BackupJob | null> {
  const jobs = backupJobs(ctx);
  jobs.assertIdle();
  let session = ctx.active();
  let path = input.reuseChosenFile ? jobs.chosenFile : null;
  if (!path) {
    path = await filePort(ctx).chooseFileToOpen({ title: '选择备份文件', filters: [{ name: '巡察工作台备份', extensions: [BACKUP_EXTENSION] }] });
    if (!path) return null;
    session = stillActive(ctx, session);
    jobs.chosenFile = path;
  }
  const vaultId = session.vault.vaultId;
  const actor = actorOf(session.user);
  const fileName = basename(path);
  const fail = (error: unknown): never => {
    jobs.record(ctx, vaultId, { action: 'backup.verify', actor, outcome: 'failed', detail: { fileName, error: codeOf(error) } });
    throw error;
  };
  let backup: OpenedBackup;
  let contentKey: Buffer;
  try {
    backup = openBackup(path);
    ({ contentKey } = await unlockBackup(backup, input.credentials ?? { kind: 'vault', vault: session.vault }));
  } catch (error) {
    // Asking for credentials is not a failed check: the window asks and tries again.
    if (error instanceof AppError && error.code === 'BACKUP_NEEDS_CREDENTIALS') throw error;
    return fail(error);
  }
  return jobs.start('verify', ctx.now, async (progress) => {
    try {
      const { summary } = await readBackup(backup, contentKey, { currentVaultId: vaultId, onProgress: progress });
      jobs.record(ctx, vaultId, {
        action: 'backup.verify',
        actor,
        detail: { fileName, backupId: backup.header.id, createdAt: summary.createdAt, sameVault: summary.sameVault, parts: summary.parts },
      });
      return { verified: summary };
    } catch (error) {
      return fail(error);
    } finally {
      contentKey.fill(0);
    }
  });
}

/**
 * backup.restore: the backup file chosen last, restored beside the current vault, checked, and
 * switched in. The session ends at the switch: the restored vault's passwords sign in.
 */
export async function startRestore(ctx: CoreContext, input: ChannelInput<'backup.restore'>): Promise<BackupJob> {
  const jobs = backupJobs(ctx);
  jobs.assertIdle();
  const session = ctx.active();
  const path = jobs.chosenFile;
  if (!path) throw new AppError('INVALID_INPUT', '请先选择并校验要恢复的备份文件');
  const vaultId = session.vault.vaultId;
  const actor = actorOf(session.user);
  const fileName = basename(path);
  const failed = (error: unknown) =>
    jobs.record(ctx, vaultId, { action: 'backup.restore', actor, outcome: 'failed', detail: { backupFile: fileName, error: codeOf(error) } });
  try {
    // Checked here, before the job, so a wrong password is answered at once.
    (await unlockBackup(openBackup(path), input.credentials)).contentKey.fill(0);
  } catch (error) {
    failed(error);
    throw error;
  }
  return jobs.start('restore', ctx.now, async (progress) => {
    try {
      const outcome = await restoreBackup({
        backupPath: path,
        vaultDir: ctx.vaultDir,
        credentials: input.credentials,
        now: ctx.now,
        onProgress: progress,
        beforeSwitch: () => {
          const state = ctx.current;
          if (state.kind === 'active' && state.session.vault.vaultId === vaultId) {
            state.session.audit.append({ action: 'backup.restore', actor, target: { type: 'vault', id: vaultId }, detail: { backupFile: fileName, vaultReplaced: true } });
          }
          jobs.flush(ctx);
          // The vault is about to be replaced: close it and end the session (sign in again after).
          ctx.end();
        },
      });
      return { restored: outcome };
    } catch (error) {
      failed(error);
      throw error;
    }
  });
}

/**
 * backup.job: anyone who may back up sees the current job. Without a session only a restore
 * that has ended is reported: it ended the session itself, and the window still needs to say
 * how it went.
 */
export function currentJob(ctx: CoreContext): BackupJob | null {
  const jobs = backupJobs(ctx);
  if (ctx.current.kind === 'active') {
    const session = ctx.active();
    if (!roleMay(session.user.role, 'vault.backup')) {
      session.audit.append({ action: 'permission.denied', actor: actorOf(session.user), outcome: 'denied', detail: { channel: 'backup.job', permission: 'vault.backup', role: session.user.role } });
      throw new AppError('PERMISSION_DENIED');
    }
    jobs.flush(ctx);
    return jobs.current;
  }
  const job = jobs.current;
  if (job?.kind === 'restore' && job.state !== 'running') return job;
  throw new AppError(ctx.current.kind === 'locked' ? 'LOCKED' : 'NOT_SIGNED_IN');
}

/** When the backup a restore came from was made (recorded in the restore's audit detail). */
function backupTimeOf(detail: string): string | null {
  try {
    const value = (JSON.parse(detail) as { backupCreatedAt?: unknown }).backupCreatedAt;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The last backup of this vault (made here, or the one it was restored from) and whether a reminder is due. */
export function backupStatus(ctx: CoreContext): BackupStatus {
  const jobs = backupJobs(ctx);
  jobs.flush(ctx);
  const session = ctx.active();
  const db = session.vault.db;
  const reminderDays = session.settings.get().backupReminderDays ?? 7;
  const made = db.prepare("SELECT at FROM audit_entries WHERE action = 'backup.create' AND outcome = 'ok' ORDER BY at DESC LIMIT 1").get() as { at: string } | undefined;
  const restored = db.prepare("SELECT detail FROM audit_entries WHERE action = 'backup.restore' AND outcome = 'ok' ORDER BY at DESC LIMIT 1").get() as { detail: string } | undefined;
  const restoredFrom = restored ? backupTimeOf(restored.detail) : null;
  const lastBackupAt = [made?.at ?? null, restoredFrom].filter((at): at is string => at !== null).sort().at(-1) ?? null;
  const since = lastBackupAt ?? (db.prepare('SELECT created_at FROM office WHERE id = 1').get() as { created_at: string } | undefined)?.created_at ?? null;
  const daysSince = since ? Math.max(0, Math.floor((ctx.now().getTime() - Date.parse(since)) / DAY_MS)) : null;
  return {
    lastBackupAt,
    reminderDays,
    daysSince,
    due: reminderDays > 0 && (daysSince === null || daysSince >= reminderDays),
    job: jobs.current,
  };
}
