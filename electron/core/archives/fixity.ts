/**
 * The fixity audit (DA/T 22: electronic records keep their checksums): every stored file is
 * decrypted and its SHA-256 recomputed against the one recorded when it came in. A run records
 * its progress after each file, so a run cut short (the vault locked, the app closed) resumes
 * after the last file it checked instead of starting again over gigabytes.
 */
import type { FixityRun } from '../../../shared/channels/archives';
import { FileStore } from '../files/file-store';
import type { Vault } from '../vault/vault';
import { mayRead, type ArchiveAccess } from './access';

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  total: number;
  checked: number;
  ok: number;
  last_checked_id: number;
}

export interface FixityOptions {
  startedBy: number | null;
  now: () => Date;
  onProgress?: (checked: number, total: number) => void;
  /** Asked before each file; true stops the run, to be resumed by the next one. */
  shouldStop?: () => boolean;
}

/** Runs (or resumes) a fixity audit of every file in the store. Returns the run's id. */
export async function runFixity(vault: Vault, options: FixityOptions): Promise<{ runId: number; finished: boolean }> {
  const db = vault.db;
  const open = db.prepare('SELECT * FROM archive_fixity_runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  const run =
    open ??
    (db
      .prepare('INSERT INTO archive_fixity_runs (started_at, started_by, total) VALUES (?, ?, (SELECT count(*) FROM attachments WHERE removed_at IS NULL)) RETURNING *')
      .get(options.now().toISOString(), options.startedBy) as RunRow);
  const store = new FileStore(vault);
  const next = db.prepare('SELECT id FROM attachments WHERE removed_at IS NULL AND id > ? ORDER BY id LIMIT 1').pluck();
  const record = db.transaction((fileId: number, result: 'ok' | 'missing' | 'tampered') => {
    db.prepare('UPDATE archive_fixity_runs SET checked = checked + 1, ok = ok + ?, last_checked_id = ? WHERE id = ?').run(result === 'ok' ? 1 : 0, fileId, run.id);
    if (result !== 'ok') db.prepare('INSERT OR REPLACE INTO archive_fixity_findings (run_id, attachment_id, result) VALUES (?, ?, ?)').run(run.id, fileId, result);
  });
  let checked = run.checked;
  // Files added during a run are checked too; the total grows with them.
  let total = run.total;
  options.onProgress?.(checked, total);
  for (let fileId = next.get(run.last_checked_id) as number | undefined; fileId !== undefined; fileId = next.get(fileId) as number | undefined) {
    if (options.shouldStop?.()) return { runId: run.id, finished: false };
    const result = await store.checkFixity(fileId);
    record(fileId, result);
    checked += 1;
    total = Math.max(total, checked);
    options.onProgress?.(checked, total);
  }
  db.prepare('UPDATE archive_fixity_runs SET finished_at = ?, total = max(total, checked) WHERE id = ?').run(options.now().toISOString(), run.id);
  return { runId: run.id, finished: true };
}

/** A run with its findings; a file's name and 档号 only where `access` may see its item. */
export function fixityReport(vault: Vault, runId: number | null, access: ArchiveAccess): FixityRun | null {
  const db = vault.db;
  const run = (
    runId === null ? db.prepare('SELECT * FROM archive_fixity_runs ORDER BY id DESC LIMIT 1').get() : db.prepare('SELECT * FROM archive_fixity_runs WHERE id = ?').get(runId)
  ) as RunRow | undefined;
  if (!run) return null;
  const findings = db
    .prepare(
      `SELECT f.attachment_id, f.result, x.owner_type, x.file_name, a.archive_code, a.classification, a.clue_material
       FROM archive_fixity_findings f JOIN attachments x ON x.id = f.attachment_id
       LEFT JOIN archive_files af ON af.attachment_id = f.attachment_id LEFT JOIN archive_items a ON a.id = af.item_id
       WHERE f.run_id = ? ORDER BY f.attachment_id`,
    )
    .all(run.id) as {
    attachment_id: number;
    result: 'missing' | 'tampered';
    owner_type: string;
    file_name: string;
    archive_code: string | null;
    classification: string | null;
    clue_material: number | null;
  }[];
  const counts = { missing: 0, tampered: 0 };
  for (const f of findings) counts[f.result] += 1;
  return {
    id: run.id,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    total: run.total,
    checked: run.checked,
    ok: run.ok,
    ...counts,
    lastCheckedFileId: run.last_checked_id,
    findings: findings.map((f) => {
      const visible = f.archive_code !== null && mayRead(access, { clueMaterial: f.clue_material === 1, classification: f.classification ?? 'public' });
      return { fileId: f.attachment_id, result: f.result, ownerType: f.owner_type, archiveCode: visible ? f.archive_code : null, fileName: visible ? f.file_name : null };
    }),
  };
}
