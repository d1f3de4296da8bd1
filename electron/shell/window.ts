/**
 * The one application window. Every webPreferences switch is spelled out, even where it equals
 * Electron's default, so a change of default upstream cannot loosen it silently.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './origin';

export const WINDOW_TITLE = '巡察工作台';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** app.isPackaged: DevTools are unavailable in packaged builds. */
  isPackaged: boolean;
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Creates the window, shows it once its first paint is ready, and loads app://xuncha/index.html.
 *
 * The options are written inline in `new BrowserWindow({...})` on purpose: Electronegativity
 * only inspects options it finds literally in that expression, so a helper that builds them
 * elsewhere would hide them from the scan (scripts/electronegativity.mjs).
 */
export function createMainWindow(
  BrowserWindow: BrowserWindowConstructor,
  options: MainWindowOptions,
): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      devTools: !options.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[xuncha] 无法加载界面', error);
  });
  return window;
}

/** Brings an existing window to the front (used when a second instance is started). */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
