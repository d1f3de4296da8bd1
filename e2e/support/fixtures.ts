/**
 * Each test gets `app`: a fresh temp vault folder, the real core on it (bridge host) or the
 * real Electron app pointed at it (electron host), the renderer loaded, and `shot()` for
 * screenshots under test-results/screenshots/. Page errors and console errors fail the test.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, expect, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { createXunchaCore, TEST_SCRYPT_COST, type XunchaCore } from '../../electron/core/index';
import { openRendererInChromium } from '../../electron/browser-host/bridge';
import { electronDialogs, testFilePort, type TestDialogs } from './dialogs';
import { checkElectronBinary, RENDERER_DIR, ROOT, SCREENSHOT_DIR } from './env';

export type HostKind = 'bridge' | 'electron';
export interface HostOptions {
  host: HostKind;
}

/**
 * The core's clock (bridge host only): real time shifted by an offset the test sets, so that a
 * test can stand on a given day and let days pass (deadlines, overdue lists). The renderer's
 * own clock is the browser's and is not moved.
 */
export interface TestClock {
  /** From now on the core's time runs on from this moment (ISO, e.g. '2020-08-03T09:00:00+08:00'). */
  set(moment: string): void;
  now(): Date;
}

export function offsetClock(): TestClock {
  let offset = 0;
  return {
    set(moment) {
      offset = Date.parse(moment) - Date.now();
    },
    now: () => new Date(Date.now() + offset),
  };
}

export interface AppHandle {
  page: Page;
  host: HostKind;
  vaultDir: string;
  /** The core's clock (bridge host only; null under Electron, where the core runs in the app). */
  clock: TestClock | null;
  /** The core behind the page (bridge host only; null under Electron). */
  core: XunchaCore | null;
  /** Saves a full-page screenshot as test-results/screenshots/<host>-<test>-<nn>-<name>.png. */
  shot(name: string): Promise<string>;
  /** Console errors matching this are expected by the test (e.g. a 404 it provokes). */
  allowConsoleError(pattern: RegExp): void;
  /** The OS file dialogs: what the next open or save dialog answers (see dialogs.ts). */
  dialogs: TestDialogs;
}

let electronReasonPrinted = false;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'test'
  );
}

export const test = base.extend<{ app: AppHandle }, HostOptions & { bridgeBrowser: Browser | null }>({
  host: ['bridge', { option: true, scope: 'worker' }],

  bridgeBrowser: [
    async ({ host, playwright, launchOptions, headless }, use) => {
      if (host !== 'bridge') {
        await use(null);
        return;
      }
      const browser = await playwright.chromium.launch({ ...launchOptions, headless });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ host, bridgeBrowser, viewport, locale, timezoneId }, use, testInfo) => {
    const vaultDir = mkdtempSync(join(tmpdir(), 'xuncha-e2e-'));
    const problems: string[] = [];
    const allowed: RegExp[] = [];
    let page: Page;
    let core: XunchaCore | null = null;
    let electronApp: ElectronApplication | null = null;
    let closeContext: (() => Promise<void>) | null = null;
    let dialogs: TestDialogs;
    let clock: TestClock | null = null;

    try {
      if (host === 'electron') {
        const check = checkElectronBinary();
        if (!check.ok) {
          if (!electronReasonPrinted) {
            console.log(`[e2e] Electron binary not installed on this machine: ${check.reason}`);
            electronReasonPrinted = true;
          }
          testInfo.skip(true, `Electron binary not installed on this machine: ${check.reason}`);
          return;
        }
        const env: Record<string, string> = {};
        for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
        delete env.ELECTRON_RUN_AS_NODE;
        env.XUNCHA_VAULT_DIR = vaultDir;
        electronApp = await _electron.launch({ executablePath: check.path, args: [ROOT], cwd: ROOT, env });
        page = await electronApp.firstWindow();
        dialogs = electronDialogs(electronApp);
        if (viewport) await page.setViewportSize(viewport);
      } else {
        if (!bridgeBrowser) throw new Error('bridge host without a browser');
        const files = testFilePort();
        dialogs = files.dialogs;
        clock = offsetClock();
        core = createXunchaCore({ vaultDir, scryptCost: TEST_SCRYPT_COST, files: files.port, now: clock.now });
        const context = await bridgeBrowser.newContext({
          viewport,
          locale,
          timezoneId,
          serviceWorkers: 'block',
        });
        closeContext = () => context.close();
        page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          const text = message.text();
          if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(text))) {
            problems.push(`console.error: ${text}`);
          }
        });
        await openRendererInChromium({ page, context, core, rendererDir: RENDERER_DIR });
      }

      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      let count = 0;
      const prefix = `${host}-${slug(testInfo.title)}`;
      const shot = async (name: string) => {
        count += 1;
        const path = join(SCREENSHOT_DIR, `${prefix}-${String(count).padStart(2, '0')}-${slug(name)}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(name, { path, contentType: 'image/png' });
        return path;
      };

      const allowConsoleError = (pattern: RegExp) => void allowed.push(pattern);
      await use({ page, host, vaultDir, core, clock, shot, allowConsoleError, dialogs });
      expect(problems, 'the page logged errors').toEqual([]);
    } finally {
      if (closeContext) await closeContext().catch(() => undefined);
      if (electronApp) await electronApp.close().catch(() => undefined);
      core?.close();
      rmSync(vaultDir, { recursive: true, force: true });
    }
  },
});

export { expect };
