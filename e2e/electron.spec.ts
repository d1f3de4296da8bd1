/**
 * Electron-only checks (electron host). Where no Electron binary exists, as on the machine
 * this was written on, the fixture skips with the reason `require('electron')` gave.
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { expect, test } from './support/fixtures';

test('the Electron window exposes only window.api.invoke, no Node, and the app CSP', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
  const surface = await page.evaluate(() => ({
    keys: Object.keys(window.api),
    require: typeof (window as unknown as Record<string, unknown>).require,
    process: typeof (window as unknown as Record<string, unknown>).process,
    origin: window.location.origin,
  }));
  expect(surface).toMatchObject({ keys: ['invoke'], require: 'undefined', process: 'undefined' });
  const csp = await page.evaluate(async () => (await fetch(window.location.href)).headers.get('content-security-policy'));
  expect(csp).toBe(CONTENT_SECURITY_POLICY);
  await app.shot('electron-setup');
});
