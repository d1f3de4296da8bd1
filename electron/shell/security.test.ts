import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { hardenAllWebContents, hardenSession, hardenWebContents, withSecurityHeaders, type AppLike, type SessionLike, type WebContentsLike } from './security';
import { asReal, createFakeElectron, createFakeSession, FakeWebContents } from './testing/fake-electron';

function hardenedSession() {
  const ses = createFakeSession();
  hardenSession(asReal<SessionLike>(ses));
  return ses;
}

function requestVerdict(ses: ReturnType<typeof createFakeSession>, url: string): boolean | undefined {
  let verdict: { cancel?: boolean } | undefined;
  ses.handlers.beforeRequest!({ url }, (response) => {
    verdict = response;
  });
  expect(verdict).toBeDefined();
  return verdict!.cancel;
}

describe('session hardening', () => {
  it('denies every permission request', () => {
    const ses = hardenedSession();
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.handlers.permissionRequest!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const ses = hardenedSession();
    for (const permission of ['media', 'clipboard-read', 'notifications', 'usb']) {
      expect(ses.handlers.permissionCheck!(null, permission, 'app://xuncha', {})).toBe(false);
    }
  });

  it.each([
    'http://example.com/',
    'https://example.com/track.js',
    'https://127.0.0.1:8443/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'ftp://example.com/x',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/x.js',
    'app://evil/index.html',
    'app://xuncha.evil.com/index.html',
    'app://xuncha@evil/index.html',
    'app://xuncha:8080/index.html',
    'blob:https://example.com/uuid',
    'javascript:alert(1)',
  ])('cancels the request to %s', (url) => {
    expect(requestVerdict(hardenedSession(), url)).toBe(true);
  });

  it.each([
    'app://xuncha/index.html',
    'app://xuncha/assets/index-1a2b.js',
    'app://xuncha/',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://xuncha/7d3e4a1c-0000-4000-8000-000000000000',
  ])('lets %s through', (url) => {
    expect(requestVerdict(hardenedSession(), url)).toBe(false);
  });

  it('puts the CSP and nosniff on every response, replacing any policy the response brought', () => {
    const ses = hardenedSession();
    let result: { responseHeaders?: Record<string, string[]> } | undefined;
    ses.handlers.headersReceived!(
      {
        url: 'app://xuncha/index.html',
        responseHeaders: {
          'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
          'Content-Security-Policy-Report-Only': ['default-src *'],
          'x-content-type-options': ['sniff-away'],
          'Content-Type': ['text/html'],
        },
      },
      (response) => {
        result = response;
      },
    );
    const headers = result?.responseHeaders ?? {};
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['Content-Type']).toEqual(['text/html']);
    const policyHeaders = Object.keys(headers).filter((name) => name.toLowerCase().startsWith('content-security-policy'));
    expect(policyHeaders).toEqual(['Content-Security-Policy']);
    expect(Object.keys(headers).filter((n) => n.toLowerCase() === 'x-content-type-options')).toHaveLength(1);
  });

  it('adds the CSP when a response has no headers at all', () => {
    expect(withSecurityHeaders(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
  });

  it('the CSP itself allows no remote origin, eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('webContents hardening', () => {
  function hardened() {
    const contents = new FakeWebContents('app://xuncha/index.html');
    hardenWebContents(asReal<WebContentsLike>(contents));
    return contents;
  }

  it.each([
    'https://example.com',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
  ])('prevents navigating or redirecting to %s', (url) => {
    const contents = hardened();
    expect(contents.navigate('will-navigate', url)).toBe(true);
    expect(contents.navigate('will-redirect', url)).toBe(true);
  });

  it('allows navigation within app://xuncha', () => {
    const contents = hardened();
    expect(contents.navigate('will-navigate', 'app://xuncha/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://xuncha/index.html?x=1#/accounts')).toBe(false);
    expect(contents.navigate('will-redirect', 'app://xuncha/other.html')).toBe(false);
  });

  it('falls back to the legacy url argument when the event carries none', () => {
    const contents = hardened();
    const foreign = vi.fn();
    contents.emit('will-navigate', { preventDefault: foreign }, 'https://example.com');
    expect(foreign).toHaveBeenCalledTimes(1);
    const own = vi.fn();
    contents.emit('will-navigate', { preventDefault: own }, 'app://xuncha/index.html');
    expect(own).not.toHaveBeenCalled();
  });

  it('denies every window.open, even to our own origin', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://xuncha/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('applies to every webContents the app creates', () => {
    const electron = createFakeElectron();
    hardenAllWebContents(asReal<AppLike>(electron.app));
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, first);
    electron.app.emit('web-contents-created', {}, second);
    for (const contents of [first, second]) {
      expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
      expect(contents.navigate('will-navigate', 'https://example.com')).toBe(true);
    }
  });
});
