/**
 * The real entry (main.ts) against a stand-in `electron` module and a stand-in core: the
 * startup order, the single-instance lock, the wiring of IPC to the core, and quitting.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { IPC_INVOKE_CHANNEL } from '../../shared/result';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './testing/fake-electron';

const state = vi.hoisted(() => ({
  electron: null as unknown as FakeElectron,
  coreFails: false,
  cores: [] as Array<{ vaultDir: string; invoke: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> }>,
}));

vi.mock('electron', () => ({
  get app() {
    return state.electron.app;
  },
  get BrowserWindow() {
    return state.electron.BrowserWindow;
  },
  get Menu() {
    return state.electron.Menu;
  },
  get dialog() {
    return state.electron.dialog;
  },
  get ipcMain() {
    return state.electron.ipcMain;
  },
  get protocol() {
    return state.electron.protocol;
  },
  get session() {
    return state.electron.session;
  },
}));

vi.mock('../core/index', () => ({
  createXunchaCore: (options: { vaultDir: string }) => {
    if (state.coreFails) throw new Error('数据库正被另一个程序使用');
    const core = {
      vaultDir: options.vaultDir,
      invoke: vi.fn(async (channel: string) => ({ ok: true, value: { from: 'core', channel } })),
      close: vi.fn(),
    };
    state.cores.push(core);
    return core;
  },
}));

async function boot(options: { lock?: boolean; ready?: boolean; coreFails?: boolean } = {}) {
  state.electron = createFakeElectron();
  state.cores = [];
  state.coreFails = options.coreFails ?? false;
  state.electron.app.hasLock = options.lock ?? true;
  vi.resetModules();
  await import('./main');
  const electron = state.electron;
  if (options.ready ?? true) {
    electron.app.becomeReady();
    await electron.app.whenReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return electron;
}

beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('XUNCHA_VAULT_DIR', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('main process entry', () => {
  it('registers the app:// scheme and hardens webContents before ready, and nothing else', async () => {
    const electron = await boot({ ready: false });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(state.cores).toHaveLength(0);
  });

  it('on ready: hardens the session, serves app://, sets the menu, opens one core and one window', async () => {
    const electron = await boot();
    const ses = electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    expect(state.cores).toHaveLength(1);
    expect(state.cores[0]?.vaultDir).toBe(path.join('/home/user/.config/xuncha-desk', 'vault'));

    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.webPreferences.preload).toBe(
      path.join('/opt/xuncha/resources/app.asar', 'out', 'preload', 'preload.cjs'),
    );
    expect(window.loadedUrls).toEqual(['app://xuncha/index.html']);
  });

  it('serves the renderer from <appPath>/out/renderer (404 with CSP for anything else)', async () => {
    const electron = await boot();
    const handler = electron.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://xuncha/..%2F..%2F..%2Fetc%2Fpasswd'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('uses XUNCHA_VAULT_DIR when set', async () => {
    vi.stubEnv('XUNCHA_VAULT_DIR', '/srv/xuncha-test-vault');
    await boot();
    expect(state.cores[0]?.vaultDir).toBe(path.resolve('/srv/xuncha-test-vault'));
  });

  it('routes IPC from the window’s main frame to the core, and refuses other frames', async () => {
    const electron = await boot();
    const window = FakeBrowserWindow.instances[0]!;
    const handler = electron.ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
    const ok = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.status', {});
    expect(ok).toEqual({ ok: true, value: { from: 'core', channel: 'app.status' } });
    expect(state.cores[0]?.invoke).toHaveBeenCalledExactlyOnceWith('app.status', {});

    window.webContents.mainFrame.url = 'https://example.com/';
    const refused = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.status', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(state.cores[0]?.invoke).toHaveBeenCalledTimes(1);
  });

  it('a second instance focuses the existing window instead of opening another', async () => {
    const electron = await boot();
    const window = FakeBrowserWindow.instances[0]!;
    window.emit('ready-to-show');
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['xuncha'], '/');
    expect(window.restoreCount).toBe(1);
    expect(window.focusCount).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('without the single-instance lock it quits at once: no core, no window, no IPC', async () => {
    const electron = await boot({ lock: false });
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(state.cores).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('closes the core exactly once on quit; later IPC gets INTERNAL, not a crash', async () => {
    const electron = await boot();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.app.emit('will-quit', {});
    electron.app.emit('will-quit', {});
    expect(state.cores[0]?.close).toHaveBeenCalledTimes(1);
    const window = FakeBrowserWindow.instances[0]!;
    const handler = electron.ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
    const result = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    consoleError.mockRestore();
  });

  it('a core that cannot start is reported in a dialog and the app quits, with no window', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const electron = await boot({ coreFails: true });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('巡察工作台无法启动', '数据库正被另一个程序使用');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    consoleError.mockRestore();
  });

  it('quits when the last window closes', async () => {
    const electron = await boot();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('never loads an auto-updater', async () => {
    await boot();
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(sources).toContain('startShell');
    expect(sources).not.toMatch(/electron-updater|autoUpdater/);
  });
});
