/**
 * The archive jobs behind the channels: rebuilding the search index (optionally reading every
 * file's text again, after an extractor was added) and the fixity audit. Both run in the
 * background (jobs.ts) and are audited when they end; a job cut short by a lock stops between
 * files, and the fixity run resumes where it stopped.
 */
import type { ArchiveJob, FixityRun } from '../../../shared/contract';
import { actorOf, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { archiveAccess } from './access';
import { fixityReport, runFixity } from './fixity';
import { archiveJobs } from './jobs';
import { rebuildIndex } from './search-index';
import { extractText, MAX_TEXT_CHARS } from './text-extract';

function stillOpen(session: ActiveSession): void {
  if (!session.vault.db.open) throw new AppError('LOCKED', '工作台已锁定，任务已中断，可稍后重新开始');
}

/** Decrypts every archive file and reads its text again; returns how many files were read. */
async function reextractAll(session: ActiveSession, progress: (done: number, total: number) => void): Promise<number> {
  const db = session.vault.db;
  const files = db.prepare('SELECT f.attachment_id AS id, x.mime, x.size FROM archive_files f JOIN attachments x ON x.id = f.attachment_id ORDER BY f.attachment_id').all() as {
    id: number;
    mime: string;
    size: number;
  }[];
  const store = new FileStore(session.vault);
  const update = db.prepare('UPDATE archive_files SET text_status = ?, text = ? WHERE attachment_id = ?');
  for (const [index, file] of files.entries()) {
    stillOpen(session);
    // A file that no longer verifies keeps the text read when it came in; the fixity audit reports it.
    const bytes = await store.readVerified(file.id).then(
      (read) => read.bytes,
      () => null,
    );
    if (bytes) {
      const extracted = await extractText(bytes, file.mime);
      update.run(extracted.status, extracted.text.slice(0, MAX_TEXT_CHARS), file.id);
    }
    progress(index + 1, files.length);
  }
  return files.length;
}

export function startRebuild(ctx: CoreContext, input: { reextract: boolean }): ArchiveJob {
  const session = ctx.active();
  return archiveJobs(ctx).start('rebuildIndex', ctx.now, async (progress) => {
    const started = ctx.now().getTime();
    const reread = input.reextract ? await reextractAll(session, progress) : 0;
    stillOpen(session);
    const items = await rebuildIndex(session.vault.db, progress);
    stillOpen(session);
    session.audit.append({ action: 'archive.rebuildIndex', actor: actorOf(session.user), detail: { items, filesReread: reread, ms: ctx.now().getTime() - started } });
  });
}

export function startFixity(ctx: CoreContext): ArchiveJob {
  const session = ctx.active();
  return archiveJobs(ctx).start('fixity', ctx.now, async (progress) => {
    const { runId, finished } = await runFixity(session.vault, { startedBy: session.user.id, now: ctx.now, onProgress: progress, shouldStop: () => !session.vault.db.open });
    stillOpen(session);
    const report = fixityReport(session.vault, runId, { mayReadClues: false, mayReadClassified: false })!;
    session.audit.append({
      action: 'archive.fixity',
      actor: actorOf(session.user),
      outcome: report.missing + report.tampered > 0 ? 'failed' : 'ok',
      detail: {
        runId,
        finished,
        checked: report.checked,
        missing: report.findings.filter((f) => f.result === 'missing').map((f) => f.fileId),
        tampered: report.findings.filter((f) => f.result === 'tampered').map((f) => f.fileId),
      },
    });
  });
}

export function fixityStatus(ctx: CoreContext): FixityRun | null {
  const session = ctx.active();
  return fixityReport(session.vault, null, archiveAccess(session));
}

export function currentJob(ctx: CoreContext): ArchiveJob | null {
  ctx.active();
  return archiveJobs(ctx).current;
}
