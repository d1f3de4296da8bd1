/**
 * `npm run bench`: runs the registered cases (bench/cases/index.ts), prints one table of
 * figures, each against a baseline measured in the same run, and writes
 * bench/results/latest.json. Timings are reported, never asserted.
 *
 *   npm run bench                      every case
 *   npm run bench -- --only "open"     cases whose name contains the text (repeatable)
 *   npm run bench -- --quick           fewer rows and runs: checks the cases work
 *   npm run bench -- --list            the case names
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCases } from './cases/index';
import { formatTable } from './lib/table';
import type { BenchContext, Figure } from './lib/types';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    quick: { type: 'boolean' },
    // The 2 GB file case (needs ~6 GB of free disk); also XUNCHA_BENCH_LARGE=1.
    large: { type: 'boolean' },
    list: { type: 'boolean' },
    out: { type: 'string' },
  },
});

if (values.list) {
  for (const c of benchCases) console.log(`${c.name}\t${c.description}`);
  process.exit(0);
}

const selected = values.only?.length
  ? benchCases.filter((c) => values.only!.some((text) => c.name.toLowerCase().includes(text.toLowerCase())))
  : benchCases;
if (selected.length === 0) {
  console.error(`no case matches ${values.only!.join(', ')}; cases: ${benchCases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'xuncha-bench-'));
let folders = 0;
const quick = values.quick === true;
const ctx: BenchContext = {
  dir(label) {
    const dir = join(root, `${String(++folders).padStart(3, '0')}-${label}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  },
  log: (text) => process.stderr.write(`${text}\n`),
  quick,
};

const started = performance.now();
const figures: Figure[] = [];
const cases: { name: string; seconds: number }[] = [];
try {
  for (const benchCase of selected) {
    ctx.log(`· ${benchCase.name} …`);
    const caseStart = performance.now();
    figures.push(...(await benchCase.run(ctx)));
    const seconds = Math.round((performance.now() - caseStart) / 100) / 10;
    cases.push({ name: benchCase.name, seconds });
    ctx.log(`  ${seconds} s`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
const totalSeconds = Math.round((performance.now() - started) / 100) / 10;

const cpuList = cpus();
const machine = `node ${process.version} · ${process.platform} ${process.arch} · ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'cpu'}`;
console.log(`Xuncha Desk bench${quick ? ' (--quick: not for comparison)' : ''} · ${new Date().toISOString()}`);
console.log(machine);
console.log('');
console.log(formatTable(figures));
console.log('');
console.log(`ratio = median of the app's way ÷ median of the baseline, both measured in this run · total ${totalSeconds} s`);

const outFile = values.out ?? join(import.meta.dirname, 'results', 'latest.json');
mkdirSync(join(outFile, '..'), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      quick,
      only: values.only ?? null,
      machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpuList.length, cpuModel: cpuList[0]?.model.trim() ?? null },
      totalSeconds,
      cases,
      figures,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${outFile}`);
