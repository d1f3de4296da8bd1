/**
 * The Chromium bridge itself (bridge host only): offline serving with the CSP, the one
 * `window.api.invoke` surface, and refusal of calls from anything but the app's own page.
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { BRIDGE_URL, resolveRendererFile } from '../electron/browser-host/bridge';
import { Vault } from '../electron/core/vault/vault';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn, signOut } from './support/flows';

test('serves the app offline with the CSP header, 404 for unknown files, nothing from other origins', async ({ app }) => {
  const { page } = app;
  app.allowConsoleError(/status of 404|Content Security Policy/);
  const response = await page.goto(BRIDGE_URL);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  // index.html repeats the policy in a meta tag (for any host that forgets the header); it must
  // say the same, less frame-ancestors, which a meta tag cannot carry.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  expect(meta).toBe(withoutFrameAncestors);

  const probe = await page.evaluate(async () => {
    const missing = await fetch('/no-such-file.js');
    const traversal = await fetch('/..%2f..%2f..%2fetc%2fpasswd');
    let remote = 'loaded';
    try {
      await fetch('http://example.com/');
    } catch {
      remote = 'blocked';
    }
    return { missing: missing.status, traversal: traversal.status, remote };
  });
  expect(probe).toEqual({ missing: 404, traversal: 404, remote: 'blocked' });

  // Even without the page's CSP in the way, the context refuses every other origin.
  const other = await page.context().newPage();
  await expect(other.goto('http://example.com/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT|ERR_FAILED/);
  await other.close();

  expect(resolveRendererFile('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  expect(resolveRendererFile('/srv/app', '/')).toBe('/srv/app/index.html');
  expect(resolveRendererFile('/srv/app', '/../secret')).toBeNull();
  expect(resolveRendererFile('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
});

test('window.api exposes only invoke, the raw binding is gone, and results are JSON values', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
  const surface = await page.evaluate(async () => ({
    keys: Object.keys(window.api),
    frozen: Object.isFrozen(window.api),
    binding: typeof (window as unknown as Record<string, unknown>).__xunchaInvoke,
    status: await window.api.invoke('app.status', {}),
    unknown: await window.api.invoke('no.such.channel', {}),
    invalid: await window.api.invoke('session.signIn', { username: 1 }),
  }));
  expect(surface.keys).toEqual(['invoke']);
  expect(surface.frozen).toBe(true);
  expect(surface.binding).toBe('undefined');
  expect(surface.status).toEqual({ ok: true, value: { state: 'needsSetup' } });
  expect(surface.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(surface.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('calls from a page that is not the app are refused', async ({ app }) => {
  const other = await app.page.context().newPage();
  await other.goto('about:blank');
  const result = await other.evaluate(async () => {
    const api = (window as unknown as { api?: { invoke: (c: string, i: unknown) => Promise<unknown> } }).api;
    return api ? api.invoke('app.status', {}) : 'no api';
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  await other.close();
});

test('an audit log altered behind the app\'s back is reported, naming the first broken entry', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await signOut(page);

  // With the vault closed, open the database directly and rewrite entry 2 (the log's triggers
  // forbid it, so they are dropped first: what someone holding the key could do).
  const vault = await Vault.openWithPassword(app.vaultDir, ADMIN.username, ADMIN.password);
  expect(vault).not.toBeNull();
  try {
    vault!.db.exec('DROP TRIGGER audit_entries_no_update');
    vault!.db.prepare(`UPDATE audit_entries SET detail = '{"username":"someone-else"}' WHERE id = 2`).run();
  } finally {
    vault!.close();
  }

  await signIn(page, ADMIN.username, ADMIN.password);
  await go(page, '审计');
  await page.getByTestId('audit-verify').click();
  const verdict = page.getByTestId('audit-verify-result');
  await expect(verdict).toHaveAttribute('data-ok', 'false');
  await expect(verdict).toContainText('第 2 号记录的内容与哈希值不符');
  await expect(page.getByTestId('audit-table').locator('tr[data-action="audit.verify"]')).toContainText('失败');
  await shot('audit-broken');
});
