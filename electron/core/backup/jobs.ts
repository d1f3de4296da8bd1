import type { BackupJob } from '../../../shared/channels/backup';
import type { AuditEvent } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError, isAppError } from '../errors';
import type { BackupProgress } from './create-backup';

type JobResult = Partial<Pick<BackupJob, 'created' | 'verified' | 'restored'>>;

/**
 * The one backup, check or restore of an app instance, run in the background: the router
 * answers one request at a time, so a job that held it for minutes would freeze the window and
 * its own progress polls. Its audit entries are written as it ends, into the vault it belongs
 * to; if that vault is closed by then (locked, signed out), they wait here, with their real
 * time, until the next call of a backup channel finds it open again.
 */
export class BackupJobs {
  private job: BackupJob | null = null;
  private nextId = 1;
  private pending: { vaultId: string; event: AuditEvent }[] = [];
  /** The backup file chosen last: a check asks for it, a restore uses it. */
  chosenFile: string | null = null;

  get current(): BackupJob | null {
    return this.job ? { ...this.job } : null;
  }

  assertIdle(): void {
    if (this.job?.state === 'running') throw new AppError('BACKUP_BUSY');
  }

  /** Starts `work`; resolves to the job as it is at the start. `settled` is for tests and the CLI. */
  start(kind: BackupJob['kind'], now: () => Date, work: (progress: (p: BackupProgress) => void) => Promise<JobResult>): BackupJob {
    this.assertIdle();
    const job: BackupJob = {
      id: this.nextId++,
      kind,
      state: 'running',
      phase: kind === 'create' ? 'write' : kind === 'verify' ? 'read' : 'extract',
      doneBytes: 0,
      totalBytes: 0,
      startedAt: now().toISOString(),
      finishedAt: null,
      created: null,
      verified: null,
      restored: null,
      error: null,
    };
    this.job = job;
    const progress = (p: BackupProgress) => {
      job.phase = p.phase;
      job.doneBytes = p.doneBytes;
      job.totalBytes = p.totalBytes;
    };
    this.settled = work(progress).then(
      (result) => {
        Object.assign(job, result, { state: 'done', phase: 'done', finishedAt: now().toISOString() });
      },
      (error: unknown) => {
        if (!isAppError(error)) console.error('[backup] job failed', error);
        const shape = isAppError(error) ? error.toShape() : new AppError('INTERNAL').toShape();
        Object.assign(job, { state: 'failed', finishedAt: now().toISOString(), error: { code: shape.code, message: shape.message } });
      },
    );
    return { ...job };
  }

  /** Resolves when the current job has ended (never rejects). */
  settled: Promise<void> = Promise.resolve();

  /** Appends now if the job's vault is open in this context, else keeps the entry for later. */
  record(ctx: CoreContext, vaultId: string, event: AuditEvent): void {
    this.pending.push({ vaultId, event: { ...event, at: event.at ?? ctx.now() } });
    this.flush(ctx);
  }

  flush(ctx: CoreContext): void {
    const state = ctx.current;
    if (state.kind !== 'active' || !state.session.vault.db.open) return;
    const vaultId = state.session.vault.vaultId;
    const mine = this.pending.filter((entry) => entry.vaultId === vaultId);
    if (mine.length === 0) return;
    state.session.audit.inTransaction(() => {
      for (const entry of mine) state.session.audit.append(entry.event);
    });
    this.pending = this.pending.filter((entry) => entry.vaultId !== vaultId);
  }
}

const jobsByContext = new WeakMap<CoreContext, BackupJobs>();

export function backupJobs(ctx: CoreContext): BackupJobs {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) {
    jobs = new BackupJobs();
    jobsByContext.set(ctx, jobs);
  }
  return jobs;
}
