import type { ArchiveJob } from '../../../shared/channels/archives';
import type { CoreContext } from '../context';
import { AppError, isAppError } from '../errors';

/**
 * The one archive job (index rebuild or fixity audit) of an app instance, run in the
 * background: the router answers one request at a time, so a job that held it for minutes
 * would freeze the window and its own progress polls (as backup/jobs.ts).
 */
export class ArchiveJobs {
  private job: ArchiveJob | null = null;
  private nextId = 1;
  /** Resolves when the current job has ended (never rejects). For tests and the CLI. */
  settled: Promise<void> = Promise.resolve();

  get current(): ArchiveJob | null {
    return this.job ? { ...this.job } : null;
  }

  start(kind: ArchiveJob['kind'], now: () => Date, work: (progress: (done: number, total: number) => void) => Promise<void>): ArchiveJob {
    if (this.job?.state === 'running') throw new AppError('ARCHIVE_BUSY');
    const job: ArchiveJob = { id: this.nextId++, kind, state: 'running', done: 0, total: 0, startedAt: now().toISOString(), finishedAt: null, error: null };
    this.job = job;
    const progress = (done: number, total: number) => {
      job.done = done;
      job.total = total;
    };
    this.settled = Promise.resolve()
      .then(() => work(progress))
      .then(
        () => {
          Object.assign(job, { state: 'done', finishedAt: now().toISOString() });
        },
        (error: unknown) => {
          if (!isAppError(error)) console.error('[archives] job failed', error);
          const shape = isAppError(error) ? error.toShape() : new AppError('INTERNAL').toShape();
          Object.assign(job, { state: 'failed', finishedAt: now().toISOString(), error: { code: shape.code, message: shape.message } });
        },
      );
    return { ...job };
  }
}

const jobsByContext = new WeakMap<CoreContext, ArchiveJobs>();

export function archiveJobs(ctx: CoreContext): ArchiveJobs {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) {
    jobs = new ArchiveJobs();
    jobsByContext.set(ctx, jobs);
  }
  return jobs;
}
