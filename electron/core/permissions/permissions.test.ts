import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../../shared/contract';
import { permissionTable, roles, type Role } from '../../../shared/roles';
import { signedInApp, type TestApp } from '../testing/harness';

/**
 * The core refuses what a role may not do, whatever the UI shows: every permissioned channel
 * is called by every role, and each refusal is audited.
 */
const PASSWORD = 'Role2020ab';
const guarded = (Object.keys(channels) as ChannelName[]).filter((c) => channels[c].permission !== null);

/** Minimal valid inputs, so a refusal is about the role and not about the input. */
const sampleInput: Partial<Record<ChannelName, unknown>> = {
  'accounts.create': { username: 'probe', displayName: '探测', role: 'staff', password: PASSWORD },
  'accounts.update': { id: 1, displayName: '王建国', role: 'admin' },
  'accounts.disable': { id: 999 },
  'accounts.enable': { id: 999, newPassword: PASSWORD },
  'accounts.resetPassword': { id: 999, newPassword: PASSWORD },
  'audit.list': { page: 1, pageSize: 10 },
  'settings.update': { idleLockMinutes: 15 },
};

let env: Awaited<ReturnType<typeof signedInApp>>;
let app: TestApp;

beforeAll(async () => {
  env = await signedInApp();
  app = env.app;
  for (const role of roles.filter((r) => r !== 'admin')) {
    await app.call('accounts.create', { username: role, displayName: `${role}用户`, role, password: PASSWORD });
  }
  await app.call('session.signOut', {});
});
afterAll(() => env.remove());

describe.each(roles.filter((r) => r !== 'admin'))('role %s', (role: Role) => {
  it('is refused every channel its role lacks, and each refusal is audited', async () => {
    await app.call('session.signIn', { username: role, password: PASSWORD });
    let refused = 0;
    for (const channel of guarded) {
      const permission = channels[channel].permission!;
      const result = await app.core.invoke(channel, sampleInput[channel] ?? {});
      if (permissionTable[permission].includes(role)) {
        if (!result.ok) expect(result.error.code, channel).not.toBe('PERMISSION_DENIED');
      } else {
        expect(result.ok, channel).toBe(false);
        if (!result.ok) expect(result.error.code, channel).toBe('PERMISSION_DENIED');
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const denied = await app.call('audit.list', { page: 1, pageSize: 200, action: 'permission.denied', actorName: `（${role}）` });
    expect(denied.total).toBe(refused);
    expect(denied.items.every((e) => e.outcome === 'denied')).toBe(true);
    await app.call('session.signOut', {});
  });
});

describe('read-only role', () => {
  it('auditor reads the audit log but changes nothing', async () => {
    await app.call('session.signIn', { username: 'auditor', password: PASSWORD });
    expect((await app.call('audit.list', { page: 1, pageSize: 10 })).total).toBeGreaterThan(0);
    expect((await app.call('audit.verify', {})).ok).toBe(true);
    expect((await app.fail('settings.update', { idleLockMinutes: 30 })).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('accounts.create', sampleInput['accounts.create'] as never)).code).toBe('PERMISSION_DENIED');
    await app.call('session.signOut', {});
  });
});
