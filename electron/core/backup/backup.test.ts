/**
 * Backup, check and restore through the real channels on real encrypted vaults in temp folders:
 * the round trip (every row of every table and every stored file equal), the background job
 * and its audit entries, the reminder, permissions, credentials, and a restore that refuses a
 * damaged backup without touching the vault.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../vault/vault';
import { ADMIN, manualClock, signedInApp, tempDir } from '../testing/harness';
import { signInAs } from '../testing/findings-fixture';
import { allRows, buildVaultWithData, preparedDialogs, ROLE_PASSWORD, storedFiles, waitForJob } from './backup-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Removes a temp vault folder and the siblings a restore makes beside it. */
function removeWithSiblings(dir: string): void {
  for (const name of readdirSync(dirname(dir))) {
    if (name === basename(dir) || name.startsWith(`${basename(dir)}.`)) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

async function setUp(options: { now?: () => Date } = {}) {
  const outside = tempDir('xuncha-backup-out-');
  const answers: { open?: string | null; save?: string | null } = {};
  const env = await signedInApp({ files: preparedDialogs(answers), ...options });
  cleanups.push(() => {
    env.app.close();
    removeWithSiblings(env.dir);
    rmSync(outside, { recursive: true, force: true });
  });
  return { ...env, answers, outside };
}

describe('backup and restore through the channels', () => {
  it('round trip: backup, check, restore; every row of every table and every stored file equal', async () => {
    const { app, dir, answers, outside } = await setUp();
    await buildVaultWithData(app, answers, outside);

    const target = join(outside, '备份.xbak');
    answers.save = target;
    const started = await app.call('backup.create', {});
    expect(started).toMatchObject({ kind: 'create', state: 'running' });
    const made = await waitForJob(app);
    expect(made.state).toBe('done');
    expect(made.created).toMatchObject({ path: target, fileName: '备份.xbak', files: 2, missingFiles: 0 });
    expect(made.created!.bytes).toBeGreaterThan(3 * 1024 * 1024);
    expect(made.created!.durationMs).toBeGreaterThanOrEqual(0);
    expect(readdirSync(outside).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('.snapshot'))).toEqual([]);

    const audit = await app.call('audit.list', { action: 'backup.create' });
    expect(audit.items[0]).toMatchObject({ outcome: 'ok', detail: { folder: outside, fileName: '备份.xbak', files: 2 } });
    const status = await app.call('backup.status', {});
    expect(status).toMatchObject({ lastBackupAt: audit.items[0]!.at, reminderDays: 7, daysSince: 0, due: false });

    answers.open = target;
    await app.call('backup.verify', {});
    const checked = await waitForJob(app);
    expect(checked.verified).toMatchObject({ fileName: '备份.xbak', sameVault: true, files: 2, parts: 4, missingFiles: 0, createdBy: `${ADMIN.displayName}（${ADMIN.username}）`, office: { name: '呼和浩特市委巡察办' } });
    expect((await app.call('audit.list', { action: 'backup.verify' })).items[0]).toMatchObject({ outcome: 'ok' });

    // The vault changes after the backup: the restore must bring back the state of the backup.
    await app.call('problems.create', { inspectionId: 1, focus: 'grassroots', description: '备份之后录入的问题', source: 'interview' });

    await app.call('backup.restore', { credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password }, confirm: true });
    const restored = await waitForJob(app);
    expect(restored.error).toBeNull();
    expect(restored.state).toBe('done');
    const previous = restored.restored!.previousVaultDir!;
    expect(previous).toMatch(/\.before-restore-/);
    expect(existsSync(previous)).toBe(true);
    expect((await app.call('app.status', {})).state).toBe('signedOut');
    expect((await app.fail('backup.status', {})).code).toBe('NOT_SIGNED_IN');

    // The previous vault is the state at the backup plus what came after; the restored one is the backup.
    const before = (await Vault.openWithPassword(previous, ADMIN.username, ADMIN.password))!;
    const after = (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
    try {
      const old = allRows(before.db);
      const now = allRows(after.db);
      expect([...now.keys()]).toEqual([...old.keys()]);
      // Apart from the problem entered after the backup (and its full-text index) and the audit
      // entries written since, every table holds exactly the same rows.
      for (const [table, rows] of now) {
        if (table === 'audit_entries' || table === 'problems' || table.startsWith('problems_fts')) continue;
        expect(rows, table).toEqual(old.get(table));
      }
      const problems = (db: typeof before.db) => db.prepare('SELECT * FROM problems ORDER BY id').all();
      expect(problems(after.db)).toEqual(problems(before.db).slice(0, -1));
      expect(problems(after.db)).toHaveLength(3);
      const entries = (db: typeof before.db) => db.prepare('SELECT * FROM audit_entries ORDER BY id').all() as { action: string; detail: string }[];
      const restoredEntries = entries(after.db);
      const last = restoredEntries.at(-1)!;
      expect(last.action).toBe('backup.restore');
      expect(JSON.parse(last.detail)).toMatchObject({ backupFile: '备份.xbak', via: 'password', files: 2 });
      expect(restoredEntries.slice(0, -1)).toEqual(entries(before.db).slice(0, restoredEntries.length - 1));
      expect(entries(before.db).some((entry) => entry.action === 'backup.restore' && JSON.parse(entry.detail).vaultReplaced === true)).toBe(true);
    } finally {
      before.close();
      after.close();
    }
    expect(storedFiles(dir)).toEqual(storedFiles(previous));
    expect(storedFiles(dir).size).toBe(2);

    // The restored vault signs in and knows when its backup was made.
    await app.signInAdmin();
    expect((await app.call('vault.verify', {})).integrity).toEqual([]);
    expect((await app.call('backup.status', {})).lastBackupAt).toBe(checked.verified!.createdAt);
  });

  it('a backup of another vault needs credentials of that backup; a tampered one is refused and restore leaves the vault as it was', async () => {
    const first = await setUp();
    const target = join(first.outside, 'first.xbak');
    first.answers.save = target;
    await first.app.call('backup.create', {});
    expect((await waitForJob(first.app)).state).toBe('done');

    const second = await setUp();
    second.answers.open = target;
    expect((await second.app.fail('backup.verify', {})).code).toBe('BACKUP_NEEDS_CREDENTIALS');
    const wrong = await second.app.fail('backup.verify', { reuseChosenFile: true, credentials: { kind: 'password', username: ADMIN.username, password: 'Wrong2020pw' } });
    expect(wrong.code).toBe('BACKUP_WRONG_CREDENTIALS');
    expect(wrong.message).toContain('不能打开此备份');
    await second.app.call('backup.verify', { reuseChosenFile: true, credentials: { kind: 'recoveryKey', recoveryKey: first.recoveryKey } });
    expect((await waitForJob(second.app)).verified).toMatchObject({ sameVault: false, files: 0 });
    const failures = await second.app.call('audit.list', { action: 'backup.verify', outcome: 'failed' });
    expect(failures.items.map((item) => item.detail.error)).toEqual(['BACKUP_WRONG_CREDENTIALS']);

    // A damaged copy: the restore extracts and checks it, finds the fault, and changes nothing.
    const damaged = join(second.outside, 'damaged.xbak');
    const bytes = readFileSync(target);
    bytes[bytes.length - 40]! ^= 0x01;
    writeFileSync(damaged, bytes);
    second.answers.open = damaged;
    await second.app.call('backup.verify', { credentials: { kind: 'recoveryKey', recoveryKey: first.recoveryKey } });
    const refused = await waitForJob(second.app);
    expect(refused.state).toBe('failed');
    expect(refused.error!.code).toBe('BACKUP_TAMPERED');
    const snapshot = await openAdmin(second.dir);
    const rowsBefore = allRows(snapshot.db);
    snapshot.close();
    await second.app.call('backup.restore', { credentials: { kind: 'recoveryKey', recoveryKey: first.recoveryKey }, confirm: true });
    const failed = await waitForJob(second.app);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'BACKUP_TAMPERED' } });
    expect(readdirSync(dirname(second.dir)).filter((name) => name.startsWith(`${basename(second.dir)}.`))).toEqual([]);
    expect((await second.app.call('app.status', {})).state).toBe('active');
    const check = await openAdmin(second.dir);
    try {
      const rowsAfter = allRows(check.db);
      for (const [table, rows] of rowsBefore) if (table !== 'audit_entries') expect(rowsAfter.get(table), table).toEqual(rows);
    } finally {
      check.close();
    }
    expect((await second.app.call('audit.list', { action: 'backup.restore', outcome: 'failed' })).items).toHaveLength(1);
  });

  it('archivists may back up but not restore; other roles may do neither; only administrator passwords open a backup', async () => {
    const { app, answers, outside } = await setUp();
    await buildVaultWithData(app, answers, outside);
    const target = join(outside, 'a.xbak');
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: 'archivist', password: ROLE_PASSWORD });
    answers.save = target;
    await app.call('backup.create', {});
    expect((await waitForJob(app)).state).toBe('done');
    answers.open = target;
    await app.call('backup.verify', {});
    expect((await waitForJob(app)).state).toBe('done');
    expect((await app.fail('backup.restore', { credentials: { kind: 'password', username: ADMIN.username, password: ADMIN.password }, confirm: true })).code).toBe('PERMISSION_DENIED');

    await signInAs(app, 'staff');
    expect((await app.fail('backup.create', {})).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('backup.status', {})).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('backup.job', {})).code).toBe('PERMISSION_DENIED');

    // The staff password opens the vault, but the backup carries administrators' seals only.
    await app.call('session.signOut', {});
    await app.signInAdmin();
    answers.open = target;
    const refused = await app.fail('backup.restore', { credentials: { kind: 'password', username: 'staff', password: ROLE_PASSWORD }, confirm: true });
    expect(refused.code).toBe('BACKUP_WRONG_CREDENTIALS');
    expect((await app.fail('backup.restore', { credentials: { kind: 'recoveryKey', recoveryKey: 'not a key' }, confirm: true })).code).toBe('WRONG_RECOVERY_KEY');
    expect((await app.call('app.status', {})).state).toBe('active');
  });

  it('reminds after the set number of days without a backup; 0 turns the reminder off', async () => {
    const clock = manualClock();
    const { app, answers, outside } = await setUp({ now: clock.now });
    expect(await app.call('backup.status', {})).toMatchObject({ lastBackupAt: null, daysSince: 0, due: false, reminderDays: 7, job: null });
    const later = async (days: number) => {
      clock.advance(days * 24 * 3600_000);
      // Days without input lock the workbench (idle lock): unlock as the user would.
      await app.core.invoke('app.status', {});
      await app.core.invoke('backup.status', {});
      await app.call('session.unlock', { password: ADMIN.password });
    };
    await later(8);
    expect(await app.call('backup.status', {})).toMatchObject({ lastBackupAt: null, daysSince: 8, due: true });
    answers.save = join(outside, 'b.xbak');
    await app.call('backup.create', {});
    await waitForJob(app);
    expect(await app.call('backup.status', {})).toMatchObject({ lastBackupAt: clock.now().toISOString(), daysSince: 0, due: false });
    await later(3);
    await app.call('settings.update', { backupReminderDays: 2 });
    expect(await app.call('backup.status', {})).toMatchObject({ daysSince: 3, due: true, reminderDays: 2 });
    await app.call('settings.update', { backupReminderDays: 0 });
    expect(await app.call('backup.status', {})).toMatchObject({ due: false, reminderDays: 0 });
  });

  it('refuses a target inside the vault folder, a second job while one runs, and answers null when the dialog is cancelled', async () => {
    const { app, dir, answers, outside } = await setUp();
    answers.save = null;
    expect(await app.call('backup.create', {})).toBeNull();
    answers.save = join(dir, 'files', 'x.xbak');
    mkdirSync(join(dir, 'files'), { recursive: true });
    expect((await app.fail('backup.create', {})).code).toBe('BACKUP_TARGET_INVALID');
    answers.save = join(outside, 'c.xbak');
    await app.call('backup.create', {});
    const second = await app.core.invoke('backup.create', {});
    // Either the first job is still running (refused) or it has just finished (a second backup).
    if (!second.ok) expect(second.error.code).toBe('BACKUP_BUSY');
    await waitForJob(app);
    answers.open = null;
    expect(await app.call('backup.verify', {})).toBeNull();
  });
});

async function openAdmin(dir: string) {
  return (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
}
