import { describe, expect, it } from 'vitest';
import { createMainWindow, focusWindow, type BrowserWindowConstructor } from './window';
import { asReal, createFakeElectron, FakeBrowserWindow } from './testing/fake-electron';
import type { BrowserWindow } from 'electron';

function open(isPackaged: boolean) {
  createFakeElectron(); // resets FakeBrowserWindow.instances
  const window = createMainWindow(asReal<BrowserWindowConstructor>(FakeBrowserWindow), {
    preloadPath: '/app/out/preload/preload.cjs',
    isPackaged,
  });
  return window as unknown as FakeBrowserWindow;
}

describe('main window', () => {
  it('is created with every webPreferences switch locked down', () => {
    const window = open(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      devTools: false,
    });
  });

  it('keeps DevTools only for unpackaged development builds', () => {
    expect(open(false).webPreferences.devTools).toBe(true);
    expect(open(true).webPreferences.devTools).toBe(false);
  });

  it('has the Chinese title and loads app://xuncha/index.html', () => {
    const window = open(true);
    expect(window.options.title).toBe('巡察工作台');
    expect(window.loadedUrls).toEqual(['app://xuncha/index.html']);
  });

  it('stays hidden until ready-to-show', () => {
    const window = open(true);
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('focusWindow restores, shows and focuses a minimised window', () => {
    const window = open(true);
    window.minimized = true;
    focusWindow(asReal<BrowserWindow>(window));
    expect(window.restoreCount).toBe(1);
    expect(window.visible).toBe(true);
    expect(window.focusCount).toBe(1);
  });

  it('focusWindow ignores a missing or destroyed window', () => {
    const window = open(true);
    window.destroyed = true;
    focusWindow(asReal<BrowserWindow>(window));
    focusWindow(null);
    expect(window.focusCount).toBe(0);
  });
});
