import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreContext } from '../context';
import { TEST_SCRYPT_COST } from '../index';
import { tempDir } from '../testing/harness';
import { handlers } from './handlers';
import { createRouter } from './router';

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((fn) => fn()));

function router(overrides: Partial<typeof handlers> = {}) {
  const ctx = new CoreContext({ vaultDir: tempDir(), scryptCost: TEST_SCRYPT_COST });
  return createRouter(ctx, { ...handlers, ...overrides });
}

describe('router', () => {
  it('answers unknown channels and non-string channels with UNKNOWN_CHANNEL', async () => {
    const r = router();
    expect(await r.invoke('vault.delete', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' } });
    expect((await r.invoke(42, {})).ok).toBe(false);
    expect(await r.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates input against the contract, with a Chinese message', async () => {
    const r = router();
    const result = await r.invoke('vault.setup', { office: { name: '', fondsCode: '01-23', level: 'province' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^输入的内容不符合要求：/);
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    const extra = await r.invoke('app.status', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const oversized = await r.invoke('session.signIn', { username: 'admin', password: 'x'.repeat(10_000) });
    expect(oversized).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns an unexpected exception into INTERNAL without leaking its text', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    restore.push(() => errorLog.mockRestore());
    const r = router({
      'app.status': () => {
        throw new Error('/secret/path exploded');
      },
    });
    const result = await r.invoke('app.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } });
  });

  it('refuses output that breaks the contract', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    restore.push(() => errorLog.mockRestore());
    const r = router({ 'app.status': () => ({ state: 'hacked' }) as never });
    expect(await r.invoke('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('runs requests one at a time, in order', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = router({
      'app.status': async () => {
        order.push('status:start');
        await gate;
        order.push('status:end');
        return { state: 'needsSetup' as const };
      },
      'settings.get': () => {
        order.push('settings');
        return { idleLockMinutes: 10, locale: 'zh-CN' as const, adminsMayReadClues: false };
      },
    });
    const first = r.invoke('app.status', {});
    const second = r.invoke('settings.get', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['status:start']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['status:start', 'status:end', 'settings']);
  });
});
