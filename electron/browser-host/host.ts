/**
 * `npm start` without Electron: opens the app in the system Chromium, driven by Playwright,
 * over the same core router Electron's main process uses (see bridge.ts). Built by
 * electron-vite to out/main/browser-host.js and run with plain Node.
 *
 * Environment:
 *   XUNCHA_VAULT_DIR  the vault folder (default $XDG_DATA_HOME/xuncha-desk/vault,
 *                     i.e. ~/.local/share/xuncha-desk/vault)
 *   CHROMIUM_PATH     the Chromium binary (default /usr/bin/chromium, then other usual places)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserType } from '@playwright/test';
import { createXunchaCore } from '../core/index';
import { BRIDGE_URL, CHROMIUM_SAFE_ARGS, openRendererInChromium } from './bridge';
import { desktopFilePort } from './file-port';

export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME?.trim();
  return xdg ? xdg : join(homedir(), '.local', 'share');
}

export function vaultDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.XUNCHA_VAULT_DIR?.trim();
  return override ? override : join(dataHome(env), 'xuncha-desk', 'vault');
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) return existsSync(override) ? override : null;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** Playwright is loaded at run time (it is a dev dependency and must not be bundled). */
function loadChromium(): BrowserType {
  const require = createRequire(import.meta.url);
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      return (require(name) as { chromium: BrowserType }).chromium;
    } catch {
      // try the next one
    }
  }
  throw new Error('Playwright is not installed (npm ci installs @playwright/test)');
}

/**
 * The persistent profile's first window, opened with --app, is the app window: no tabs, no
 * address bar. Chromium accepts only a web URL there (about:blank gives an ordinary window),
 * so it is the app's own URL, and Playwright's positional about:blank is dropped. All traffic
 * is sent to a proxy that does not exist (port 9 on loopback), so that first load (which may
 * start before the routes are in place) and anything else can never reach a network; routed
 * requests are answered inside the browser before any proxy or lookup. The sandbox stays on unless it cannot work (running as root, or a kernel
 * without user namespaces): then it retries with --no-sandbox.
 */
async function launchAppWindow(chromium: BrowserType, profileDir: string, executablePath: string) {
  const flags = CHROMIUM_SAFE_ARGS.filter((flag) => flag !== '--no-sandbox');
  const launch = (noSandbox: boolean) =>
    chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: false,
      args: [
        `--app=${BRIDGE_URL}`,
        '--proxy-server=http://127.0.0.1:9',
        '--proxy-bypass-list=<-loopback>',
        '--hide-crash-restore-bubble',
        '--window-size=1320,880',
        ...flags,
        ...(noSandbox ? ['--no-sandbox'] : []),
      ],
      ignoreDefaultArgs: ['about:blank'],
      // Our own handlers close the browser gracefully (and then the core).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      viewport: null,
      locale: 'zh-CN',
      serviceWorkers: 'block',
      acceptDownloads: false,
    });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) return launch(true);
  try {
    return await launch(false);
  } catch {
    return launch(true);
  }
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      '未找到 Chromium 浏览器，请安装 chromium 或设置 CHROMIUM_PATH。 / Chromium was not found: install chromium or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  const vaultDir = vaultDirFromEnv();
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  const profileDir = join(dataHome(), 'xuncha-desk', 'chromium-profile');
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

  // Clue files from and to disk need a dialog: zenity or kdialog where installed.
  const files = desktopFilePort();
  const core = createXunchaCore({ vaultDir, files });
  let closed = false;
  const shutdown = (code: number) => {
    if (closed) return;
    closed = true;
    core.close();
    process.exit(code);
  };

  console.log(
    `提示：本机未安装 Electron，巡察工作台在系统 Chromium 中运行（数据库：${vaultDir}）。 / Note: Electron is not installed, so Xuncha Desk runs in the system Chromium (vault: ${vaultDir}).`,
  );

  if (!files) {
    console.log(
      '提示：未找到 zenity 或 kdialog，“从磁盘添加”和“另存副本”不可用（安装其一后重新启动）。 / Note: neither zenity nor kdialog was found, so adding files from disk and saving copies are unavailable (install one and start again).',
    );
  }

  const context = await launchAppWindow(loadChromium(), profileDir, executablePath);
  context.on('close', () => shutdown(0));
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => void context.close().finally(() => shutdown(code)));
  }

  const page = context.pages()[0] ?? (await context.newPage());
  // One window: the app. Anything else that opens (a stray Ctrl+N, a popup) is closed.
  context.on('page', (other) => {
    if (other !== page) void other.close();
  });
  // Closing the app window ends the session: close the browser, then the core.
  page.on('close', () => void context.close());
  await openRendererInChromium({ page, context, core, rendererDir });
}

main().catch((error: unknown) => {
  console.error('巡察工作台启动失败 / Xuncha Desk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
