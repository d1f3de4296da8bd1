import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/env';
import type { HostOptions } from './e2e/support/fixtures';

/**
 * End-to-end tests of the renderer against the real core (a real SQLCipher vault in a temp
 * folder per test). Two hosts run the same specs:
 *   bridge   – the system Chromium with the Playwright bridge (what runs on this machine);
 *   electron – Playwright's _electron, skipped with the reason when no Electron binary exists.
 */
export default defineConfig<HostOptions>({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'bridge',
      testMatch: ['foundation.spec.ts', 'bridge.spec.ts', 'rounds.spec.ts', 'registry.spec.ts', 'findings.spec.ts', 'handover.spec.ts', 'clue-files.spec.ts', 'rectification.spec.ts', 'documents.spec.ts', 'printing.spec.ts', 'backup.spec.ts', 'problem-import.spec.ts', 'pairing.spec.ts', 'results-ledger.spec.ts', 'exchange.spec.ts', 'quick-search.spec.ts', 'common-problems.spec.ts', 'archives.spec.ts', 'borrowing.spec.ts'],
      use: { host: 'bridge' },
    },
    {
      name: 'electron',
      testMatch: ['foundation.spec.ts', 'electron.spec.ts', 'rounds.spec.ts', 'registry.spec.ts', 'findings.spec.ts', 'handover.spec.ts', 'clue-files.spec.ts', 'rectification.spec.ts', 'documents.spec.ts', 'printing.spec.ts', 'backup.spec.ts', 'problem-import.spec.ts', 'pairing.spec.ts', 'results-ledger.spec.ts', 'exchange.spec.ts', 'quick-search.spec.ts', 'common-problems.spec.ts', 'archives.spec.ts', 'borrowing.spec.ts'],
      use: { host: 'electron' },
    },
  ],
});
