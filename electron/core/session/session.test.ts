import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICE, TestApp, manualClock, signedInApp, tempDir } from '../testing/harness';
import { delayAfterFailures } from './signin-guard';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUpWithClock() {
  const clock = manualClock();
  const dir = tempDir();
  const app = new TestApp(dir, { now: clock.now });
  await app.setUp();
  cleanups.push(() => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, clock, dir };
}

describe('sign-in', () => {
  it('walks setup → signed out → signed in → locked → active → signed out', async () => {
    const { app } = await setUpWithClock();
    expect(await app.call('app.status', {})).toEqual({ state: 'signedOut', office: null });
    const user = await app.signInAdmin();
    expect(user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
    const active = await app.call('app.status', {});
    expect(active).toMatchObject({ state: 'active', office: OFFICE, settings: { idleLockMinutes: 10, locale: 'zh-CN' } });
    await app.call('session.lock', { reason: 'manual' });
    expect(await app.call('app.status', {})).toEqual({
      state: 'locked',
      office: OFFICE,
      user: { username: 'admin', displayName: ADMIN.displayName },
    });
    // While locked nothing is served, and the vault is closed.
    expect((await app.fail('accounts.list', {})).code).toBe('LOCKED');
    expect((await app.fail('session.unlock', { password: 'Wrong12345' })).code).toBe('WRONG_CREDENTIALS');
    await app.call('session.unlock', { password: ADMIN.password });
    await app.call('session.signOut', {});
    expect((await app.fail('accounts.list', {})).code).toBe('NOT_SIGNED_IN');
  });

  it('slows failed sign-ins exponentially and audits each failure once the vault opens', async () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delayAfterFailures)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfterFailures(40)).toBe(900);

    const { app, clock } = await setUpWithClock();
    const wrong = { username: ADMIN.username, password: 'Wrong12345' };
    for (let i = 0; i < 3; i += 1) expect((await app.fail('session.signIn', wrong)).code).toBe('WRONG_CREDENTIALS');
    const fourth = await app.fail('session.signIn', wrong);
    expect(fourth.code).toBe('SIGNIN_THROTTLED');
    expect(fourth.details?.retryAfterSeconds).toBe(1);
    expect(fourth.message).toContain('1 秒后重试');
    // Even the right password waits: the delay is decided before the password is tried.
    expect((await app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('SIGNIN_THROTTLED');
    clock.advance(1_000);
    expect((await app.fail('session.signIn', wrong)).code).toBe('WRONG_CREDENTIALS');
    expect((await app.fail('session.signIn', wrong)).details?.retryAfterSeconds).toBe(2);
    clock.advance(2_000);
    // Once the delay has passed, the right password is let in.
    await app.signInAdmin();

    const log = await app.call('audit.list', { page: 1, pageSize: 50, action: 'session.signInFailed' });
    expect(log.total).toBe(4);
    expect(log.items.every((e) => e.outcome === 'failed' && e.actorName === 'admin')).toBe(true);
    await app.call('session.signOut', {});
    // Success reset the count: three more failures before any delay.
    for (let i = 0; i < 3; i += 1) expect((await app.fail('session.signIn', wrong)).code).toBe('WRONG_CREDENTIALS');
  });

  it('locks itself after the idle minutes and audits why', async () => {
    const { app, clock } = await setUpWithClock();
    await app.signInAdmin();
    await app.call('settings.update', { idleLockMinutes: 5 });
    clock.advance(4 * 60_000);
    await app.call('session.activity', {});
    clock.advance(4 * 60_000);
    await app.call('accounts.list', {});
    clock.advance(5 * 60_000 + 1);
    expect((await app.fail('accounts.list', {})).code).toBe('LOCKED');
    expect((await app.call('app.status', {})).state).toBe('locked');
    await app.call('session.unlock', { password: ADMIN.password });
    const locks = await app.call('audit.list', { page: 1, pageSize: 10, action: 'session.lock' });
    expect(locks.items[0]!.detail).toEqual({ reason: 'idle' });
  });

  it('changes a password by re-sealing the key: the old password stops working, the data stays', async () => {
    const { app } = await setUpWithClock();
    await app.signInAdmin();
    expect((await app.fail('session.changePassword', { currentPassword: 'Wrong12345', newPassword: 'Another2021' })).code).toBe('WRONG_PASSWORD');
    expect((await app.fail('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'password' })).code).toBe('WEAK_PASSWORD');
    await app.call('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'Another2021' });
    await app.call('session.signOut', {});
    expect((await app.fail('session.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe('WRONG_CREDENTIALS');
    await app.call('session.signIn', { username: ADMIN.username, password: 'Another2021' });
    const actions = (await app.call('audit.list', { page: 1, pageSize: 50 })).items.map((e) => e.action);
    expect(actions).toContain('session.passwordChange');
  });
});

describe('accounts', () => {
  it('creates accounts that must change their password, disables and re-enables them', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const { app } = env;
    const staff = await app.call('accounts.create', { username: 'liming', displayName: '李明', role: 'staff', password: 'Staff2020a' });
    expect(staff).toMatchObject({ role: 'staff', disabled: false, mustChangePassword: true });
    expect((await app.fail('accounts.create', { username: 'LiMing', displayName: '重名', role: 'staff', password: 'Staff2020a' })).code).toBe('USERNAME_TAKEN');

    await app.call('accounts.disable', { id: staff.id });
    await app.call('session.signOut', {});
    // The seal was destroyed: the old password opens nothing.
    expect((await app.fail('session.signIn', { username: 'liming', password: 'Staff2020a' })).code).toBe('WRONG_CREDENTIALS');

    await app.signInAdmin();
    await app.call('accounts.enable', { id: staff.id, newPassword: 'Fresh2021b' });
    await app.call('session.signOut', {});
    const user = await app.call('session.signIn', { username: 'liming', password: 'Fresh2021b' });
    expect(user.mustChangePassword).toBe(true);
    await app.call('session.changePassword', { currentPassword: 'Fresh2021b', newPassword: 'Mine2021cc' });
    expect((await app.call('app.status', {})).state).toBe('active');
  });

  it('keeps at least one administrator and forbids changing one’s own role', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const { app } = env;
    const me = (await app.call('accounts.list', {}))[0]!;
    expect((await app.fail('accounts.disable', { id: me.id })).code).toBe('SELF_CHANGE_FORBIDDEN');
    expect((await app.fail('accounts.update', { id: me.id, displayName: me.displayName, role: 'staff' })).code).toBe('SELF_CHANGE_FORBIDDEN');
    const second = await app.call('accounts.create', { username: 'admin2', displayName: '副管理员', role: 'admin', password: 'Admin2020b' });
    await app.call('accounts.update', { id: second.id, displayName: '副管理员', role: 'auditor' });
    expect((await app.fail('accounts.update', { id: 999, displayName: 'x', role: 'staff' })).code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('stores text with markup in it verbatim, as data', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const name = '<img src=x onerror=alert(1)>张三';
    const account = await env.app.call('accounts.create', { username: 'zhangsan', displayName: name, role: 'staff', password: 'Staff2020a' });
    expect(account.displayName).toBe(name);
    expect((await env.app.call('accounts.list', {})).find((a) => a.id === account.id)?.displayName).toBe(name);
  });
});
