/**
 * Test helpers for backups (imported by *.test.ts only): a vault with records and stored files
 * built through the real channels, dialogs that answer with prepared paths, waiting for a job,
 * and a table-by-table, file-by-file comparison of two vault folders.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BackupJob } from '../../../shared/contract';
import type { FilePort } from '../files/file-port';
import { buildFindings, PASSWORD, signInAs } from '../testing/findings-fixture';
import { ADMIN, type TestApp } from '../testing/harness';
import type { Db } from '../vault/database';

export { PASSWORD as ROLE_PASSWORD };

/** Stands in for the OS dialogs: answers with whatever the test has put in `answers`. */
export function preparedDialogs(answers: { open?: string | null; save?: string | null }): FilePort {
  return {
    chooseFileToOpen: async () => answers.open ?? null,
    chooseFileToSave: async () => answers.save ?? null,
  };
}

/**
 * A round with inspections, problems, accounts for each role and a clue with two stored files
 * (one several chunks long). Leaves the administrator signed in.
 */
export async function buildVaultWithData(app: TestApp, answers: { open?: string | null }, outside: string) {
  const fixture = await buildFindings(app);
  for (const [i, description] of ['公务用车管理不规范', '“三重一大”决策制度执行不严格', '违规发放津贴补贴'].entries()) {
    await app.call('problems.create', { inspectionId: fixture.auditInspection.id, focus: 'corruption', description, source: 'documents', isCommon: i === 0 });
  }
  await app.call('accounts.create', { username: 'archivist', displayName: '档案员', role: 'archivist', password: PASSWORD });
  await signInAs(app, 'clueOfficer');
  const clue = await app.call('clues.create', { roundId: fixture.round.id, summary: '反映某局长违规问题', source: '信访举报', receivedOn: '2020-04-20' });
  const scan = join(outside, '扫描件.pdf');
  writeFileSync(scan, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024 + 123)]));
  const note = join(outside, '谈话记录.txt');
  writeFileSync(note, '谈话记录：某局长违规问题。\n');
  for (const path of [scan, note]) {
    answers.open = path;
    await app.call('clues.attachFromDisk', { clueId: clue.id });
  }
  answers.open = null;
  await app.call('session.signOut', {});
  await app.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
  return { ...fixture, clue };
}

/** Polls backup.job until the job has ended. */
export async function waitForJob(app: TestApp): Promise<BackupJob> {
  for (;;) {
    const result = await app.core.invoke('backup.job', {});
    if (!result.ok) throw new Error(`backup.job failed: ${result.error.code}`);
    const job = result.value as BackupJob | null;
    if (!job) throw new Error('no backup job');
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every row of every table, in a stable order, as JSON lines. */
export function allRows(db: Db): Map<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all() as { name: string }[];
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row));
    out.set(name, rows.sort());
  }
  return out;
}

/** Relative path → SHA-256 of the bytes of every file under `dir/files`. */
export function storedFiles(dir: string): Map<string, string> {
  const root = join(dir, 'files');
  const out = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return out;
}
