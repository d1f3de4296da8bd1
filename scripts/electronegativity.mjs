#!/usr/bin/env node
/**
 * Security scan of the Electron shell and preload with Electronegativity (Doyensec), pinned in
 * tools/electronegativity (its own folder: the tool's old dependencies stay out of the app).
 *
 *   node scripts/electronegativity.mjs            scan; exit 1 on any HIGH/MEDIUM finding
 *                                                 that tools/electronegativity/allowlist.json
 *                                                 does not accept, or on a file it cannot parse
 *   node scripts/electronegativity.mjs --json F   also write every finding to F (JSON)
 *
 * Why the programmatic API and not the CLI's -o report: the CLI always exits 0, its CSV writer
 * races (header and rows are two un-awaited fs.writeFile calls, so rows get lost or the file
 * truncated) and its SARIF output drops severity and confidence. The package's documented
 * `main` (dist/runner.js) returns the same findings as objects, with parse errors.
 *
 * Offline by construction: Electronegativity fetches translation strings (i18n) and the
 * Electron release list with `got`; both are replaced by a stub that fails at once, and the one
 * check that needs the release list (AvailableSecurityFixesGlobalCheck) is excluded.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL_DIR = path.join(ROOT, 'tools', 'electronegativity');
const TOOL_PACKAGE = '@doyensec/electronegativity';
const TOOL_VERSION = '1.10.3';
const ELECTRON_VERSION = '41.7.1';
const SCAN_DIRS = ['electron/shell', 'electron/preload'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);
/** Synthetic page carrying the real CSP from shared/csp.ts, so the scanner evaluates it. */
const CSP_PAGE = 'generated/csp-from-shared-csp.html';

const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonOut = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

// ---- 1. the pinned tool ----------------------------------------------------------------------

function ensureInstalled() {
  const manifest = path.join(TOOL_DIR, 'node_modules', ...TOOL_PACKAGE.split('/'), 'package.json');
  if (!existsSync(manifest)) {
    console.log('electronegativity: installing the pinned scanner (npm ci in tools/electronegativity)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--prefix', TOOL_DIR, '--no-audit', '--no-fund'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) fail('npm ci --prefix tools/electronegativity failed');
  }
  const version = JSON.parse(readFileSync(manifest, 'utf8')).version;
  if (version !== TOOL_VERSION) fail(`expected ${TOOL_PACKAGE} ${TOOL_VERSION}, found ${version}: run npm ci --prefix tools/electronegativity`);
}

// ---- 2. what is scanned ----------------------------------------------------------------------

function isShippedSource(source) {
  const base = path.basename(source);
  if (/\.test\.[cm]?[jt]sx?$/.test(base)) return false;
  if (base === 'testing' || base === '__mocks__' || base === '__fixtures__') return false;
  return true;
}

async function loadCsp() {
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    fail('tsx is missing: run npm ci in the repository root first');
  }
  const module = await tsImport(path.join(ROOT, 'shared', 'csp.ts'), import.meta.url);
  const policy = module.CONTENT_SECURITY_POLICY;
  if (typeof policy !== 'string' || policy.length === 0) fail('shared/csp.ts exports no CONTENT_SECURITY_POLICY');
  return policy;
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function stage() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xuncha-electronegativity-'));
  for (const relative of SCAN_DIRS) {
    const from = path.join(ROOT, relative);
    if (!existsSync(from)) fail(`${relative} does not exist`);
    cpSync(from, path.join(dir, relative), { recursive: true, filter: isShippedSource });
  }
  const policy = await loadCsp();
  mkdirSync(path.join(dir, path.dirname(CSP_PAGE)), { recursive: true });
  writeFileSync(
    path.join(dir, CSP_PAGE),
    `<!doctype html>\n<html><head>\n<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">\n</head><body></body></html>\n`,
  );
  return dir;
}

// ---- 3. the scan, offline -------------------------------------------------------------------

function installOfflineGot(toolRequire) {
  const runnerPath = toolRequire.resolve(TOOL_PACKAGE);
  const gotPath = createRequire(runnerPath).resolve('got');
  const offline = () => Promise.reject(new Error('offline: network disabled by scripts/electronegativity.mjs'));
  for (const method of ['get', 'head', 'post', 'stream', 'extend']) offline[method] = offline;
  toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] };
}

const toolRequire = createRequire(path.join(TOOL_DIR, 'package.json'));

async function scan(input) {
  installOfflineGot(toolRequire);
  const run = toolRequire(TOOL_PACKAGE);
  // The i18n loader logs a line when the (stubbed) translation download fails; keep it quiet.
  const log = console.log;
  console.log = (...parts) => {
    if (!String(parts[0]).startsWith('Could not retrieve updated translations')) log(...parts);
  };
  try {
    return await run({
      input,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

// ---- 4. the verdict -------------------------------------------------------------------------

function loadAllowlist() {
  const file = path.join(TOOL_DIR, 'allowlist.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const entries = data.accepted;
  if (!Array.isArray(entries)) fail('allowlist.json: "accepted" must be an array');
  for (const [i, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'why']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        fail(`allowlist.json: accepted[${i}] needs a non-empty "${key}"`);
      }
    }
  }
  return entries;
}

const toPosix = (p) => p.split(path.sep).join('/');

/** What exactly the CSP check objected to (the scanner itself only says "may be weak"). */
function cspDetails(row) {
  if (row.check !== 'CSP_GLOBAL_CHECK' || typeof row.sample !== 'string' || row.sample === 'N/A') return [];
  try {
    const csp = toolRequire('@doyensec/csp-evaluator');
    const parsed = new csp.CspParser(row.sample).csp;
    const names = Object.fromEntries(Object.entries(csp.severities).map(([name, value]) => [value, name]));
    return new csp.CspEvaluator(parsed, csp.Version.CSP3)
      .evaluate()
      .filter((f) => f.severity < csp.severities.INFO)
      .map((f) => `${names[f.severity] ?? f.severity} ${f.directive} ${f.value ?? ''}: ${f.description}`);
  } catch {
    return [];
  }
}

function report(result) {
  const allowlist = loadAllowlist();
  const used = new Set();
  const rows = result.issues.map((issue) => {
    const file = toPosix(issue.file);
    const severity = issue.severity.name;
    const confidence = issue.confidence.name;
    const index = allowlist.findIndex((entry) => entry.check === issue.id && entry.file === file);
    if (index >= 0) used.add(index);
    const status = index >= 0 ? 'allowlisted' : FAILING_SEVERITIES.has(severity) ? 'FAIL' : 'note';
    return {
      check: issue.id,
      severity,
      confidence,
      file,
      location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
      status,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
      sample: issue.sample ?? null,
    };
  });

  const width = (key, title) => Math.max(title.length, ...rows.map((r) => String(r[key]).length));
  const columns = [
    ['status', 'status'],
    ['severity', 'severity'],
    ['confidence', 'confidence'],
    ['check', 'check'],
    ['file', 'file'],
    ['location', 'line:col'],
  ].map(([key, title]) => ({ key, title, width: width(key, title) }));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(columns[i].width)).join('  ');
  if (rows.length > 0) {
    console.log(line(columns.map((c) => c.title)));
    console.log(line(columns.map((c) => '-'.repeat(c.width))));
    for (const row of rows) {
      console.log(line(columns.map((c) => row[c.key])));
      const entry = allowlist.find((e) => e.check === row.check && e.file === row.file);
      console.log(`    ${row.description}`);
      for (const detail of cspDetails(row)) console.log(`    csp-evaluator: ${detail}`);
      if (entry) console.log(`    accepted: ${entry.why}`);
    }
  } else {
    console.log('No findings.');
  }

  const parseErrors = result.errors.filter((e) => !e.tolerable);
  for (const error of result.errors) {
    const where = toPosix(path.relative(result.input, error.file));
    console.log(`${error.tolerable ? 'parser warning' : 'PARSE ERROR (file not scanned)'}: ${where}: ${error.message}`);
  }
  allowlist.forEach((entry, i) => {
    if (!used.has(i)) console.log(`allowlist entry no longer matched (remove it?): ${entry.check} ${entry.file}`);
  });

  const allowlisted = rows.filter((r) => r.status === 'allowlisted').length;
  const failing = rows.filter((r) => r.status === 'FAIL').length + parseErrors.length;
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ electronVersion: ELECTRON_VERSION, findings: rows, errors: result.errors }, null, 2));
  console.log(
    `${result.atomicChecks} atomic + ${result.globalChecks} global checks on ${SCAN_DIRS.join(', ')} (Electron ${ELECTRON_VERSION})`,
  );
  console.log(`electronegativity: ${rows.length} findings, ${allowlisted} allowlisted, ${failing} failing`);
  return failing;
}

ensureInstalled();
const input = await stage();
let failing;
try {
  const result = await scan(input);
  failing = report({ ...result, input });
} finally {
  rmSync(input, { recursive: true, force: true });
}
process.exit(failing > 0 ? 1 : 0);
