/**
 * A stand-in for the `electron` module (Electron cannot run on the test machine). Every fake
 * records what the shell registered on it, so tests can call the real handlers the shell
 * installed and check what they do. Used with `vi.mock('electron', …)` and passed directly
 * to the shell's functions.
 */
import { vi } from 'vitest';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.off(event, wrapper);
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  off(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      list.filter((l) => l !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const list = [...(this.listeners.get(event) ?? [])];
    for (const listener of list) listener(...args);
    return list.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

let nextId = 1;

export class FakeWebFrame {
  readonly frameToken: string;
  constructor(
    public url: string,
    public readonly parent: FakeWebFrame | null = null,
    public readonly processId = 1,
  ) {
    this.frameToken = `token-${nextId++}`;
  }
  get top(): FakeWebFrame {
    return this.parent === null ? this : this.parent.top;
  }
}

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeWebFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  constructor(url = 'about:blank', processId = 1) {
    super();
    this.mainFrame = new FakeWebFrame(url, null, processId);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a navigation-style event the way Electron 41 does; returns whether it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const details = {
      url,
      isMainFrame: true,
      preventDefault: () => {
        prevented = true;
      },
    };
    this.emit(event, details, url, false, true, 1, 1);
    return prevented;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;

  constructor(public readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  get webPreferences(): WebPreferences {
    return this.options.webPreferences ?? {};
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focusCount++;
  }
  restore(): void {
    this.restoreCount++;
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeHandlers {
  permissionRequest:
    | ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void)
    | null;
  permissionCheck: ((webContents: unknown, permission: string, origin: string, details: unknown) => boolean) | null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null;
  headersReceived:
    | ((
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void)
    | null;
}

export function createFakeSession() {
  const handlers: FakeHandlers = {
    permissionRequest: null,
    permissionCheck: null,
    beforeRequest: null,
    headersReceived: null,
  };
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((h: FakeHandlers['permissionRequest']) => {
      handlers.permissionRequest = h;
    }),
    setPermissionCheckHandler: vi.fn((h: FakeHandlers['permissionCheck']) => {
      handlers.permissionCheck = h;
    }),
    webRequest: {
      onBeforeRequest: vi.fn((h: FakeHandlers['beforeRequest']) => {
        handlers.beforeRequest = h;
      }),
      onHeadersReceived: vi.fn((h: FakeHandlers['headersReceived']) => {
        handlers.headersReceived = h;
      }),
    },
  };
}

export function createFakeProtocol() {
  const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const privileged: Array<{ scheme: string; privileges?: Record<string, boolean> }> = [];
  return {
    handlers,
    privileged,
    registerSchemesAsPrivileged: vi.fn((schemes: typeof privileged) => {
      privileged.push(...schemes);
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      handlers.set(scheme, handler);
    }),
  };
}

export function createFakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasLock = true;
  appPath = '/opt/xuncha/resources/app.asar';
  userData = '/home/user/.config/xuncha-desk';
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  readonly quit = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Resolves whenReady(), as Electron does once the browser process is initialised. */
  becomeReady(): void {
    this.resolveReady();
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    throw new Error(`unexpected getPath(${name})`);
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.1.0';
  }
}

export function createFakeElectron() {
  FakeBrowserWindow.instances = [];
  const menus: unknown[] = [];
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn((menu: unknown) => {
        menus.push(menu);
      }),
    },
    menus,
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/tmp/chosen.pdf'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
    },
    ipcMain: createFakeIpcMain(),
    protocol: createFakeProtocol(),
    session: { defaultSession: createFakeSession() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The fakes are structural stand-ins; this is the one place they are cast to Electron's types. */
export function asReal<T>(fake: unknown): T {
  return fake as T;
}
