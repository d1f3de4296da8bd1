/**
 * The shell's lifecycle, with Electron's modules passed in (main.ts passes the real ones,
 * tests pass stand-ins): single-instance lock, privileged scheme, hardening, IPC, the window,
 * and closing the core on quit. There is deliberately no auto-updater anywhere.
 */
import path from 'node:path';
import type {
  App,
  BrowserWindow,
  Dialog,
  IpcMain,
  Menu,
  MenuItemConstructorOptions,
  Protocol,
  Session,
} from 'electron';
import type { FilePort } from '../core/files/file-port';
import { electronFilePort } from './dialogs';
import { registerIpc, type CoreInvoker } from './ipc';
import { aboutDetail, buildMenuTemplate } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow, focusWindow, WINDOW_TITLE, type BrowserWindowConstructor } from './window';

export interface ShellCore extends CoreInvoker {
  close(): void;
}

export interface ElectronModules {
  app: Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'on'
    | 'whenReady'
    | 'getPath'
    | 'getAppPath'
    | 'getVersion'
    | 'isPackaged'
    | 'setAppUserModelId'
  >;
  BrowserWindow: BrowserWindowConstructor & { getAllWindows(): BrowserWindow[] };
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu; setApplicationMenu(menu: Menu | null): void };
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox' | 'showOpenDialog' | 'showSaveDialog'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Session };
}

export interface StartShellOptions {
  electron: ElectronModules;
  createCore: (options: { vaultDir: string; files: FilePort; bundledFontDir?: string }) => ShellCore;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export const APP_USER_MODEL_ID = 'cn.gov.xuncha.desk';

/** Where the encrypted vault lives: $XUNCHA_VAULT_DIR, else <userData>/vault. */
export function resolveVaultDir(userDataDir: string, env: NodeJS.ProcessEnv): string {
  const override = env.XUNCHA_VAULT_DIR?.trim();
  return override ? path.resolve(override) : path.join(userDataDir, 'vault');
}

/** Paths inside the app (the asar root when packaged, the repository when run from source). */
export function appPaths(appPath: string): { preload: string; renderer: string } {
  return {
    preload: path.join(appPath, 'out', 'preload', 'preload.cjs'),
    renderer: path.join(appPath, 'out', 'renderer'),
  };
}

export interface ShellHandle {
  /** False when another instance already runs (this one quits at once). */
  primary: boolean;
  /** Resolves once the window exists. */
  ready: Promise<void>;
  getWindow(): BrowserWindow | null;
}

export function startShell(options: StartShellOptions): ShellHandle {
  const { app, BrowserWindow: BrowserWindowCtor, Menu, dialog, ipcMain, protocol, session } =
    options.electron;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  // Both must happen before `ready`.
  registerAppScheme(protocol);
  hardenAllWebContents(app);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve(), getWindow: () => null };
  }

  let window: BrowserWindow | null = null;
  let core: ShellCore | null = null;
  const getWindow = () => (window !== null && !window.isDestroyed() ? window : null);

  app.on('second-instance', () => focusWindow(getWindow()));

  const openWindow = () => {
    const paths = appPaths(app.getAppPath());
    window = createMainWindow(BrowserWindowCtor, { preloadPath: paths.preload, isPackaged: app.isPackaged });
    window.on('closed', () => {
      window = null;
    });
  };

  const closeCore = () => {
    const current = core;
    core = null;
    if (current === null) return;
    try {
      current.close();
    } catch (error) {
      console.error('[xuncha] 关闭数据库时出错', error);
    }
  };

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCore);
  app.on('activate', () => {
    if (core !== null && getWindow() === null) openWindow();
  });

  const ready = app.whenReady().then(() => {
    if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
    const paths = appPaths(app.getAppPath());

    hardenSession(session.defaultSession);
    handleAppProtocol(protocol, paths.renderer);

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isPackaged: app.isPackaged,
          platform,
          onAbout: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: '关于',
              message: WINDOW_TITLE,
              detail: aboutDetail(app.getVersion()),
              buttons: ['确定'],
            });
          },
        }),
      ),
    );

    core = options.createCore({
      vaultDir: resolveVaultDir(app.getPath('userData'), env),
      files: electronFilePort(dialog, getWindow),
      // The open fonts electron-builder ships as extraResources; in development the engine
      // finds them in node_modules.
      ...(app.isPackaged ? { bundledFontDir: path.join(process.resourcesPath, 'fonts') } : {}),
    });
    registerIpc(ipcMain, {
      core: {
        invoke: (channel, input) => {
          // After will-quit the core is closed; the IPC handler turns this into INTERNAL.
          if (core === null) throw new Error('core is closed');
          return core.invoke(channel, input);
        },
      },
      getWindow,
    });
    openWindow();
  });

  ready.catch((error: unknown) => {
    console.error('[xuncha] 启动失败', error);
    dialog.showErrorBox('巡察工作台无法启动', error instanceof Error ? error.message : String(error));
    closeCore();
    app.quit();
  });

  return { primary: true, ready, getWindow };
}
