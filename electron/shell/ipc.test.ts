import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { errorMessages } from '../../shared/errors';
import { IPC_INVOKE_CHANNEL, type IpcResult } from '../../shared/result';
import { registerIpc, type CoreInvoker, type IpcMainLike } from './ipc';
import { asReal, createFakeIpcMain, FakeBrowserWindow, FakeWebContents, FakeWebFrame } from './testing/fake-electron';

const FORBIDDEN = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: '请求来源不受信任，已拒绝' },
};

function setup(coreImpl?: CoreInvoker['invoke']) {
  const window = new FakeBrowserWindow({});
  window.webContents.mainFrame.url = 'app://xuncha/index.html';
  const invoke = vi.fn(coreImpl ?? (async (channel: string, input: unknown) => ({ ok: true as const, value: { channel, input } })));
  const ipcMain = createFakeIpcMain();
  let current: FakeBrowserWindow | null = window;
  registerIpc(asReal<IpcMainLike>(ipcMain), {
    core: { invoke },
    getWindow: () => asReal<BrowserWindow | null>(current),
  });
  const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
  const call = (event: unknown, channel: unknown, input: unknown) =>
    handler(event, channel, input) as Promise<IpcResult<unknown>>;
  const ownEvent = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  return { window, invoke, ipcMain, handler, call, ownEvent, setWindow: (w: FakeBrowserWindow | null) => (current = w) };
}

let consoleError: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => consoleError.mockRestore());

describe('IPC handler', () => {
  it('registers exactly one handler, on xuncha:invoke', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...ipcMain.handlers.keys()]).toEqual(['xuncha:invoke']);
  });

  it('passes a call from our window’s main frame to core.invoke and returns its result', async () => {
    const { call, ownEvent, invoke } = setup();
    const result = await call(ownEvent(), 'app.status', { a: 1 });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('app.status', { a: 1 });
    expect(result).toEqual({ ok: true, value: { channel: 'app.status', input: { a: 1 } } });
  });

  it('refuses a call without a sender frame', async () => {
    const { call, window, invoke } = setup();
    expect(await call({ sender: window.webContents, senderFrame: null }, 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a subframe of our own window, even one showing app://xuncha', async () => {
    const { call, window, invoke } = setup();
    const child = new FakeWebFrame('app://xuncha/index.html', window.webContents.mainFrame);
    expect(await call({ sender: window.webContents, senderFrame: child }, 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses the main frame of another webContents', async () => {
    const { call, invoke } = setup();
    const other = new FakeWebContents('app://xuncha/index.html');
    expect(await call({ sender: other, senderFrame: other.mainFrame }, 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses when the sender is another webContents, even with our main frame attached', async () => {
    const { call, window, invoke } = setup();
    const other = new FakeWebContents('app://xuncha/index.html');
    expect(await call({ sender: other, senderFrame: window.webContents.mainFrame }, 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a frame of another webContents presented with our window as sender', async () => {
    const { call, window, invoke } = setup();
    const other = new FakeWebContents('app://xuncha/index.html', 7);
    expect(await call({ sender: window.webContents, senderFrame: other.mainFrame }, 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/index.html',
    'http://localhost:5173/',
    'file:///C:/app/index.html',
    'app://evil/index.html',
    'about:blank',
    'data:text/html,x',
  ])('refuses our main frame when it shows %s', async (url) => {
    const { call, ownEvent, window, invoke } = setup();
    window.webContents.mainFrame.url = url;
    expect(await call(ownEvent(), 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses everything while there is no window, or after it was destroyed', async () => {
    const { call, ownEvent, window, invoke, setWindow } = setup();
    window.destroyed = true;
    expect(await call(ownEvent(), 'app.status', {})).toEqual(FORBIDDEN);
    setWindow(null);
    expect(await call(ownEvent(), 'app.status', {})).toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a core that throws synchronously into INTERNAL, without throwing', async () => {
    const { call, ownEvent } = setup(() => {
      throw new Error('boom: password=hunter2');
    });
    const result = await call(ownEvent(), 'session.signIn', { username: 'a', password: 'hunter2' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('turns a core that rejects into INTERNAL, and never logs the input', async () => {
    const { call, ownEvent } = setup(async () => {
      throw new TypeError('kaputt');
    });
    const result = await call(ownEvent(), 'session.signIn', { username: 'a', password: 'secret-pw-42' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL } });
    expect(consoleError).toHaveBeenCalled();
    expect(JSON.stringify(consoleError.mock.calls.map((c: unknown[]) => c.map(String)))).not.toContain('secret-pw-42');
  });

  it.each([[undefined], [42], [{ toString: () => 'app.status' }], [''], ['x'.repeat(101)]])(
    'refuses channel %j without calling the core',
    async (channel) => {
      const { call, ownEvent, invoke } = setup();
      const result = await call(ownEvent(), channel, {});
      expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: errorMessages.UNKNOWN_CHANNEL } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it('returns the core’s own error results unchanged', async () => {
    const denied = { ok: false as const, error: { code: 'PERMISSION_DENIED' as const, message: '当前角色无权进行此操作' } };
    const { call, ownEvent } = setup(async () => denied);
    expect(await call(ownEvent(), 'accounts.list', {})).toEqual(denied);
  });
});
