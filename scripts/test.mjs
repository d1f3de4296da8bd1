#!/usr/bin/env node
// `npm test`: every check the project has, in order, counted into one closing line
// `N passed, N failed, N skipped`. Static checks (types, lint, build, security scan) count as
// one test each; Vitest and Playwright contribute their own counts from their JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: child.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  results[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? '✓' : '✗'} ${label} (${seconds} s)`);
  return ok;
}

function suite(label, command, args, reportFile, count) {
  rmSync(reportFile, { force: true });
  const { ok, seconds } = run(label, command, args);
  if (!existsSync(reportFile)) {
    results.failed += 1;
    summary.push(`✗ ${label}: no report written (${seconds} s)`);
    return;
  }
  const counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  results.passed += counts.passed;
  results.failed += counts.failed;
  results.skipped += counts.skipped;
  // A runner that failed without a failing test (a crash, a broken config) still fails.
  if (!ok && counts.failed === 0) results.failed += 1;
  summary.push(`${ok ? '✓' : '✗'} ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

check('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', npx, ['eslint', '.']);
const built = check('build', npx, ['electron-vite', 'build']);

suite('unit and integration (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], 'test-results/vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));

if (built) {
  suite('end to end (playwright, chromium)', npx, ['playwright', 'test'], 'test-results/e2e.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  }));
} else {
  results.failed += 1;
  summary.push('✗ end to end: not run, the build failed');
}

check('security scan (electronegativity)', process.execPath, ['scripts/electronegativity.mjs']);

console.log('\n━━ summary');
for (const line of summary) console.log(line);
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
