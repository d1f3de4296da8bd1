import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, TestApp, tempDir } from '../testing/harness';
import { schemaVersion } from './database';
import { latestSchemaVersion, migrations, type Migration } from './migrations';
import { vaultPaths } from './paths';
import { Vault } from './vault';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A step one past the newest this build knows, as the next release would add it. */
const next = latestSchemaVersion() + 1;

const addNotes: Migration = {
  version: next,
  name: 'notes',
  up(db) {
    db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
             INSERT INTO notes (text) VALUES ('迁移后的第一条');`);
  },
};

const halfDoneThenFail: Migration = {
  version: next,
  name: 'broken',
  up(db) {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)');
    db.exec("UPDATE office SET name = '被破坏的名称'");
    throw new Error('step 2 failed on purpose');
  },
};

/** A vault made by an older build that knew only the first schema step. */
async function olderVault() {
  const dir = tempDir();
  const old = new TestApp(dir, { migrations: [migrations[0]!] });
  await old.setUp();
  await old.signInAdmin();
  await old.call('accounts.create', { username: 'liming', displayName: '李明', role: 'staff', password: 'Staff2020a' });
  await old.call('session.signOut', {});
  old.close();
  return dir;
}

describe('schema migrations', () => {
  it('upgrades an older vault at sign-in, after copying it to backups/, and audits the upgrade', async () => {
    const dir = await olderVault();
    const originalHash = sha(vaultPaths(dir).database);
    const app = new TestApp(dir, { migrations: [...migrations, addNotes] });
    cleanups.push(() => app.close());
    await app.signInAdmin();

    const backups = readdirSync(vaultPaths(dir).backups);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^vault-v1-.*\.db$/);
    expect(sha(join(vaultPaths(dir).backups, backups[0]!))).toBe(originalHash);

    const accounts = await app.call('accounts.list', {});
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'liming']);
    const log = await app.call('audit.list', { page: 1, pageSize: 50, action: 'vault.migrate' });
    expect(log.total).toBe(1);
    expect(log.items[0]!.detail.from).toBe(1);
    expect((await app.call('audit.verify', {})).ok).toBe(true);

    await app.call('session.signOut', {});
    const vault = await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password, { migrations: [...migrations, addNotes] });
    expect(schemaVersion(vault!.db)).toBe(next);
    expect(vault!.db.prepare('SELECT text FROM notes').get()).toEqual({ text: '迁移后的第一条' });
    vault!.close();
  });

  it('a failing step leaves the original file byte for byte as it was, and it still opens', async () => {
    const dir = await olderVault();
    const database = vaultPaths(dir).database;
    const originalHash = sha(database);

    const broken = new TestApp(dir, { migrations: [...migrations, halfDoneThenFail] });
    const error = await broken.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password });
    broken.close();
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toBe('数据库升级失败，原数据库未改动');
    expect(sha(database)).toBe(originalHash);
    expect(existsSync(`${database}.migrating`)).toBe(false);

    const again = new TestApp(dir, { migrations: [migrations[0]!] });
    cleanups.push(() => again.close());
    await again.signInAdmin();
    const status = await again.call('app.status', {});
    expect(status.state === 'active' && status.office.name).toBe('呼和浩特市委巡察办');
  });

  it('refuses a vault written by a newer schema, unchanged', async () => {
    const dir = tempDir();
    const newer = new TestApp(dir, { migrations: [...migrations, addNotes] });
    await newer.setUp();
    newer.close();
    const before = sha(vaultPaths(dir).database);
    const older = new TestApp(dir);
    cleanups.push(() => older.close());
    expect((await older.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('VAULT_TOO_NEW');
    expect(sha(vaultPaths(dir).database)).toBe(before);
  });
});
