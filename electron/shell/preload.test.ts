/** The preload against a stand-in `electron` module: it exposes exactly `api.invoke`. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

beforeEach(async () => {
  fake.exposeInMainWorld.mockClear();
  fake.invoke.mockClear();
  vi.resetModules();
  await import('../preload/preload');
});

describe('preload', () => {
  it('exposes one object, `api`, with exactly one function, `invoke`', () => {
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = fake.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('api');
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards invoke(channel, input) to ipcRenderer.invoke on xuncha:invoke and returns its result', async () => {
    const [, api] = fake.exposeInMainWorld.mock.calls[0]!;
    const input = { username: 'zhang', password: 'x' };
    await expect(api.invoke('session.signIn', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(fake.invoke).toHaveBeenCalledExactlyOnceWith('xuncha:invoke', 'session.signIn', input);
  });

  it('does not hand ipcRenderer itself, or its other methods, to the page', () => {
    const [, api] = fake.exposeInMainWorld.mock.calls[0]!;
    const exposed = Object.values(api);
    expect(exposed).not.toContain(fake.invoke);
    expect(JSON.stringify(Object.getOwnPropertyNames(api))).not.toMatch(/send|on|ipcRenderer/);
  });
});
