/**
 * Session- and webContents-level hardening. Nothing here is specific to one window: it applies
 * to every page the app could ever show, including ones that should never exist (pop-ups,
 * webviews), which are refused outright.
 */
import type { Event, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isAllowedSubresourceUrl, isAppUrl } from './origin';

export type SessionLike = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

/** Response headers with our CSP and nosniff in place of whatever the response carried. */
export function withSecurityHeaders(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    // Drop any policy a response brought along: ours is the only one that applies.
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    if (lower === 'x-content-type-options') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}

/**
 * Denies every permission (camera, notifications, clipboard-read, …), cancels every request
 * that does not go to app://xuncha, and puts our CSP on every response.
 */
export function hardenSession(ses: SessionLike): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedSubresourceUrl(details.url) });
  });

  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
}

type NavigationEvent = { url?: string; preventDefault(): void };

function preventForeignNavigation(event: NavigationEvent, legacyUrl?: string): void {
  const url = event.url ?? legacyUrl ?? '';
  if (!isAppUrl(url)) event.preventDefault();
}

export type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * For every webContents: no navigation or redirect away from app://xuncha, no new windows,
 * no <webview>.
 */
export function hardenWebContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (event, url) => preventForeignNavigation(event, url));
  contents.on('will-redirect', (event, url) => preventForeignNavigation(event, url));
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type AppLike = {
  on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): unknown;
};

/** Applies hardenWebContents to every webContents the app ever creates. Call before `ready`. */
export function hardenAllWebContents(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
