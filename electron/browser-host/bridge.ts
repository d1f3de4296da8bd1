/**
 * The Chromium bridge: runs the built renderer in a Playwright-driven Chromium with the same
 * `window.api.invoke` the Electron preload exposes, calling the same core router in Node.
 * Used by the e2e tests and by `npm start` when Electron is not installed.
 *
 * - The renderer is served by request routing on a fixed origin (http://xuncha.app/) straight
 *   from files: no network port is opened, and every request to any other origin is aborted.
 * - Every response carries the app's Content-Security-Policy header (shared/csp.ts).
 * - `window.api` is defined by an init script over an exposed binding, which is then removed
 *   from `window`; calls from any frame other than the app's main frame are refused.
 *
 * This module imports Playwright only as types, so it can be bundled into the main build.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { BrowserContext, Frame, Page, Route } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { IpcResult } from '../../shared/result';

export const BRIDGE_ORIGIN = 'http://xuncha.app';
export const BRIDGE_URL = `${BRIDGE_ORIGIN}/`;
/** The binding's global name; removed from `window` once `window.api` holds it. */
export const BRIDGE_BINDING = '__xunchaInvoke';

/**
 * Chromium flags that work on the office machines this was measured on (see TOOLCHAIN.md):
 * nothing phones home, nothing updates itself.
 */
export const CHROMIUM_SAFE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the bridge needs from the core: its router. */
export interface InvokableCore {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

export interface OpenRendererOptions {
  /** The page to load the app into; without it, a new page of `context` is opened. */
  page?: Page;
  /** The browser context to route; defaults to the page's context. */
  context?: BrowserContext;
  core: InvokableCore;
  /** The built renderer (out/renderer), holding index.html and assets/. */
  rendererDir: string;
  /** Load the app in the page (default true). */
  navigate?: boolean;
}

export interface OpenedRenderer {
  page: Page;
  context: BrowserContext;
  url: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js data files (out/renderer/pdfjs/): CMaps, Type 1 standard fonts, ICC profiles.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.icc': 'application/vnd.iccprofile',
  '.txt': 'text/plain; charset=utf-8',
};

const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
} as const;

function internalError(reason: string): IpcResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动', details: { reason } } };
}

const forbiddenSender: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: '请求来源不受信任，已拒绝' },
};

/** The file a URL path maps to inside rendererDir, or null if it would leave it. */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  return file === root || !file.startsWith(root + sep) ? null : file;
}

async function serve(route: Route, rendererDir: string): Promise<void> {
  const request = route.request();
  let url: URL;
  try {
    url = new URL(request.url());
  } catch {
    await route.abort('blockedbyclient');
    return;
  }
  if (url.origin !== BRIDGE_ORIGIN) {
    // Air-gapped by design: nothing leaves the machine, not even a failed lookup.
    await route.abort('blockedbyclient');
    return;
  }
  const method = request.method();
  if (method !== 'GET' && method !== 'HEAD') {
    await route.fulfill({ status: 405, headers: { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Method Not Allowed' });
    return;
  }
  const file = resolveRendererFile(rendererDir, url.pathname);
  const notFound = () =>
    route.fulfill({ status: 404, headers: { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not Found' });
  if (!file) {
    await notFound();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      await notFound();
      return;
    }
  } catch {
    await notFound();
    return;
  }
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Every response carries the CSP, as in Electron's app:// handler: a worker script (pdf.js)
  // runs under its own response's policy, not the page's.
  const headers: Record<string, string> = { ...commonHeaders, 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
  const body = await readFile(file);
  await route.fulfill({ status: 200, headers, body: method === 'HEAD' ? '' : body });
}

/** Only the app's own top-level document may call the core. */
function trustedFrame(frame: Frame, page: Page): boolean {
  if (frame !== page.mainFrame()) return false;
  try {
    return new URL(frame.url()).origin === BRIDGE_ORIGIN;
  } catch {
    return false;
  }
}

/** Runs in every document before its scripts: `window.api` over the binding, then hide the binding. */
function installApi(bindingName: string): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const binding = scope[bindingName];
  if (typeof binding !== 'function' || 'api' in scope) return;
  const call = binding as (channel: string, input: unknown) => Promise<unknown>;
  const api = Object.freeze({
    invoke: (channel: string, input: unknown) => call(channel, input === undefined ? null : input),
  });
  Object.defineProperty(scope, 'api', { value: api, writable: false, configurable: false, enumerable: false });
  try {
    delete scope[bindingName];
  } catch {
    // A non-configurable binding stays visible; it is still refused outside the app's frame.
  }
}

const routedContexts = new WeakSet<BrowserContext>();

/**
 * Routes the context to the built renderer, exposes the core as `window.api`, and (unless
 * `navigate: false`) opens the app in the page. Safe to call once per context.
 */
export async function openRendererInChromium(options: OpenRendererOptions): Promise<OpenedRenderer> {
  const context = options.context ?? options.page?.context();
  if (!context) throw new Error('openRendererInChromium needs a page or a context');
  const rendererDir = resolve(options.rendererDir);
  const index = resolveRendererFile(rendererDir, '/');
  if (!index || !(await stat(index).catch(() => null))?.isFile()) {
    throw new Error(`The built renderer is missing: ${index ?? rendererDir} (run npx electron-vite build)`);
  }

  if (!routedContexts.has(context)) {
    routedContexts.add(context);
    await context.route('**/*', (route) => serve(route, rendererDir));
    // WebSockets are not covered by route(): refuse them all (the CSP blocks them as well).
    await context.routeWebSocket(/.*/, (socket) => socket.close({ code: 1008, reason: 'offline' }));
    await context.exposeBinding(BRIDGE_BINDING, async (source, channel: unknown, input: unknown) => {
      if (!trustedFrame(source.frame, source.page)) return forbiddenSender;
      try {
        const result = await options.core.invoke(String(channel), input);
        // Exactly what crosses Electron's IPC: JSON-shaped data only.
        return JSON.parse(JSON.stringify(result)) as IpcResult<unknown>;
      } catch (error) {
        return internalError(error instanceof Error ? error.message : String(error));
      }
    });
    await context.addInitScript(installApi, BRIDGE_BINDING);
  }

  const page = options.page ?? (await context.newPage());
  if (options.navigate !== false) await page.goto(BRIDGE_URL);
  return { page, context, url: BRIDGE_URL };
}
