import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICE, TestApp, signedInApp, tempDir } from '../testing/harness';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { DEFAULT_SCRYPT_COST } from '../crypto/keys';
import { Vault } from './vault';
import { vaultPaths } from './paths';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile() && name !== 'signin-guard.json') {
      out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return out;
}

describe('vault at rest', () => {
  it('has no SQLite header and no plaintext of anything typed into the app', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('accounts.create', {
      username: 'zhaolei',
      displayName: '赵磊巡察专员',
      role: 'clueOfficer',
      password: 'Qingfeng2020',
    });
    await env.app.call('session.signOut', {});
    const paths = vaultPaths(env.dir);
    const files = [paths.database, `${paths.database}-wal`].filter(existsSync);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    for (const typed of [OFFICE.name, ADMIN.displayName, '赵磊巡察专员', 'zhaolei', 'clueOfficer', 'audit_entries', 'CREATE TABLE']) {
      expect(bytes.includes(Buffer.from(typed, 'utf8')), typed).toBe(false);
    }
    // keys.json holds seals, not names.
    const keyFile = readFileSync(paths.keyFile, 'utf8');
    expect(keyFile).not.toContain('zhaolei');
    expect(keyFile).not.toContain(ADMIN.username + '"');
  });

  it('a wrong password is refused with a Chinese message and leaves every file unchanged', async () => {
    const dir = tempDir();
    const app = new TestApp(dir);
    cleanups.push(() => app.close());
    await app.setUp();
    const before = fingerprint(dir);
    const error = await app.fail('session.signIn', { username: ADMIN.username, password: 'Wrong12345' });
    expect(error.code).toBe('WRONG_CREDENTIALS');
    expect(error.message).toBe('用户名或密码错误');
    expect(fingerprint(dir)).toEqual(before);
    // An unknown user is refused the same way (no hint which part was wrong).
    expect((await app.fail('session.signIn', { username: 'nobody', password: 'Wrong12345' })).code).toBe('WRONG_CREDENTIALS');
  });

  it('opens with the production scrypt cost, which is stored with the seal', async () => {
    const dir = tempDir();
    const app = new TestApp(dir, { scryptCost: DEFAULT_SCRYPT_COST });
    cleanups.push(() => app.close());
    await app.setUp();
    const seals = JSON.parse(readFileSync(vaultPaths(dir).keyFile, 'utf8')).seals as { kind: string; kdf: { N?: number } }[];
    expect(seals.find((s) => s.kind === 'password')?.kdf.N).toBe(2 ** 17);
    const started = performance.now();
    const user = await app.signInAdmin();
    expect(user.role).toBe('admin');
    expect(performance.now() - started).toBeGreaterThan(50); // the KDF really ran
  });

  it('refuses a key file that belongs to another vault', async () => {
    const a = await signedInApp();
    const b = await signedInApp();
    cleanups.push(a.remove, b.remove);
    await a.app.call('session.signOut', {});
    writeFileSync(vaultPaths(a.dir).keyFile, readFileSync(vaultPaths(b.dir).keyFile));
    const before = fingerprint(a.dir);
    expect((await a.app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('VAULT_KEY_MISMATCH');
    expect(fingerprint(a.dir)).toEqual(before);
  });

  it('refuses a damaged key file or a tampered seal', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('session.signOut', {});
    const path = vaultPaths(env.dir).keyFile;
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.slice(0, 40));
    expect((await env.app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('KEYFILE_CORRUPT');
    const data = JSON.parse(original);
    const seal = data.seals.find((s: { kind: string }) => s.kind === 'password');
    seal.data = Buffer.from(Buffer.from(seal.data, 'base64').map((b: number, i: number) => (i === 0 ? b ^ 1 : b))).toString('base64');
    writeFileSync(path, JSON.stringify(data));
    expect((await env.app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('WRONG_CREDENTIALS');
  });

  it('refuses setup twice and reports a missing vault', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    expect((await env.app.fail('vault.setup', { office: { ...OFFICE }, admin: { ...ADMIN } })).code).toBe('VAULT_EXISTS');
    const empty = new TestApp(tempDir());
    expect((await empty.fail('session.signIn', { username: 'admin', password: 'x' })).code).toBe('VAULT_MISSING');
    expect(await empty.call('app.status', {})).toEqual({ state: 'needsSetup' });
  });

  it('refuses a weak first password and creates nothing', async () => {
    const dir = tempDir();
    const app = new TestApp(dir);
    const error = await app.fail('vault.setup', { office: { ...OFFICE }, admin: { ...ADMIN, password: 'short1' } });
    expect(error.code).toBe('WEAK_PASSWORD');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('recovery key', () => {
  it('formats as eight groups of four and parses back, forgiving case, spaces and look-alikes', () => {
    const { text, bytes } = newRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)).toEqual(bytes);
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))).toEqual(bytes);
    const zeros = formatRecoveryKey(Buffer.alloc(20));
    expect(parseRecoveryKey(zeros.replace(/0/g, 'O'))).toEqual(Buffer.alloc(20));
    expect(parseRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(parseRecoveryKey(text.slice(0, -1) + 'U')).toBeNull();
  });

  it('lets an administrator set a new password; the old one stops working', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('session.signOut', {});
    await env.app.call('session.recover', { recoveryKey: env.recoveryKey, username: ADMIN.username, newPassword: 'Newpass2021' });
    expect((await env.app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('WRONG_CREDENTIALS');
    await env.app.call('session.signIn', { username: ADMIN.username, password: 'Newpass2021' });
    const log = await env.app.call('audit.list', { page: 1, pageSize: 50 });
    expect(log.items.map((e) => e.action)).toContain('session.recover');
  });

  it('refuses a wrong recovery key and non-administrators', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('accounts.create', { username: 'liming', displayName: '李明', role: 'staff', password: 'Staff2020a' });
    await env.app.call('session.signOut', {});
    const wrong = formatRecoveryKey(Buffer.alloc(20, 7));
    expect((await env.app.fail('session.recover', { recoveryKey: wrong, username: ADMIN.username, newPassword: 'Newpass2021' })).code).toBe('WRONG_RECOVERY_KEY');
    expect((await env.app.fail('session.recover', { recoveryKey: 'not a key', username: ADMIN.username, newPassword: 'Newpass2021' })).code).toBe('WRONG_RECOVERY_KEY');
    expect((await env.app.fail('session.recover', { recoveryKey: env.recoveryKey, username: 'liming', newPassword: 'Newpass2021' })).code).toBe('RECOVERY_ADMIN_ONLY');
    // The staff password was not changed by the refused attempt.
    await env.app.call('session.signIn', { username: 'liming', password: 'Staff2020a' });
  });

  it('Vault.openWithRecoveryKey opens the same database', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    await env.app.call('session.signOut', {});
    const vault = await Vault.openWithRecoveryKey(env.dir, env.recoveryKey);
    expect(vault).not.toBeNull();
    const office = vault!.db.prepare('SELECT name FROM office').get() as { name: string };
    expect(office.name).toBe(OFFICE.name);
    vault!.close();
  });
});
