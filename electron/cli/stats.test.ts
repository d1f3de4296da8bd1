/**
 * `xuncha demo` then `xuncha stats`: the demo must give exactly the figures of the 2020 report
 * (/work/shared/seed), built through the core's channels, reproducibly; stats must report them
 * and change nothing but the sign-in and sign-out entries of the audit log.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../core/documents/engine/pdf-reader';
import { Vault } from '../core/vault/vault';
import type { CommonListStats, ScorecardTermStats } from './common-problems-stats';
import type { PairingYearStats } from './pairing-stats';
import type { RoundResultsStats } from './results-stats';
import type { CoverageStats, RoundFindingsStats, RoundRectificationStats, RoundStats, TermRoundStats } from './stats';
import { runXuncha, type CliRun } from './testing/run-xuncha';

const PASSWORD = 'Huhehaote2020';

let work: string;
let vault: string;
let demoRun: CliRun;
let demoSeconds: number;

interface StatsJson {
  ok: boolean;
  office: { name: string };
  sections: {
    rounds: { terms: TermRoundStats[] };
    coverage: { terms: CoverageStats[] };
    findings: { rounds: RoundFindingsStats[] };
    years: { years: { year: number; rounds: number; groups: number; peopleDrawn: number; inspections: number }[] };
  };
}

function stats(dir: string, extra: string[] = [], user = 'gaozhiyuan') {
  return runXuncha(['stats', '--vault', dir, '--user', user, '--password-stdin', ...extra], { stdin: `${PASSWORD}\n` });
}

async function statsJson(dir: string): Promise<StatsJson> {
  const result = await stats(dir, ['--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as StatsJson;
}

function round(json: StatsJson, number: number): RoundStats {
  const found = json.sections.rounds.terms[0]!.rounds.find((r) => r.number === number);
  if (!found) throw new Error(`no round ${number}`);
  return found;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'xuncha-stats-'));
  vault = join(work, 'demo');
  const started = performance.now();
  demoRun = await runXuncha(['demo', '--vault', vault, '--password-stdin'], { stdin: `${PASSWORD}\n` });
  demoSeconds = (performance.now() - started) / 1000;
  console.log(`[stats.test] xuncha demo took ${demoSeconds.toFixed(1)} s`);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('xuncha demo builds the 2020 rounds of the report', () => {
  it('runs cleanly, quickly, and sums up the two rounds', () => {
    expect(demoRun.stderr).not.toMatch(/Error|错误/);
    expect(demoRun.code).toBe(0);
    expect(demoRun.stdout).toContain('十二届市委第八轮巡察：16 个巡察组');
    expect(demoRun.stdout).toContain('十二届市委第九轮巡察：13 个巡察组，抽调 214 人，55 天');
    expect(demoRun.stdout).toMatch(/被巡察单位名录：\d+ 个单位/);
    expect(demoRun.stdout).toMatch(/2019年度党建考核结果：\d+ 个市直单位/);
    expect(demoRun.stdout).toContain('十二届市委第八轮巡察发现问题 1496 个');
    expect(demoRun.stdout).toContain('十二届市委第八轮巡察问题线索 82 个');
    expect(demoRun.stdout).toContain('借阅登记：2 项申请，借阅中 1 项');
  });

  it('第八轮: 16 groups; 9 routine, 7 + 10 special, 36 + 人防 回头看, 9 + 20 提级交叉, 10 点穴式', async () => {
    const r8 = round(await statsJson(vault), 8);
    expect(r8).toMatchObject({ year: 2020, groups: 16, stage: 'rectification', unassigned: 0, conflictsOpen: 0, overrides: 0 });
    expect(r8.members).toBe(r8.peopleDrawn);
    expect(r8.byModeAndKind).toEqual({
      routine: { 市直部门: 9 },
      special: { 市直部门: 17 },
      lookback: { 市属国有企业: 36, 市直部门: 1, 旗县区部门: 9 },
      elevated_cross: { '乡镇/街道': 9, '村/社区': 20 },
      pinpoint: { '村/社区': 10 },
    });
    expect(r8.byTopic).toEqual({ 煤炭矿产资源领域: 7, 优化营商环境: 10 });
    // 专项+联动 (7) and 回头看+联动 (市县两级人防: 10).
    expect(r8.linked).toBe(17);
    expect(r8.inspections).toBe(9 + 17 + 46 + 29 + 10);
  });

  it('第九轮: 13 groups, 214 people, 55 days; 8 units + 2 villages routine; 116 + 44 + 9 + 9 提级交叉', async () => {
    const r9 = round(await statsJson(vault), 9);
    expect(r9).toMatchObject({
      year: 2020,
      groups: 13,
      peopleDrawn: 214,
      members: 214,
      daysOnSite: 55,
      actualStart: '2020-08-03',
      actualEnd: '2020-09-26',
      stage: 'handover',
      conflictsOpen: 0,
      overrides: 1,
    });
    expect(r9.byModeAndKind).toEqual({
      routine: { 市直部门: 8, '村/社区': 2 },
      elevated_cross: { 派出所: 116, 国土所: 44, '法院/执行局': 9, '村/社区': 9 },
    });
    expect(r9.inspections).toBe(188);
  });

  it('the earlier rounds are filed, every stage ticked, and the term is reported with its coverage', async () => {
    const json = await statsJson(vault);
    expect(json.ok).toBe(true);
    expect(json.office.name).toBe('呼和浩特市委巡察办');
    const term = json.sections.rounds.terms[0]!;
    expect(term.termName).toBe('十二届市委');
    expect(term.rounds.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const r of term.rounds.slice(0, 7)) {
      expect(r.stage).toBe('filed');
      expect(r.stepsDone).toBe(r.stepsTotal);
      expect(r.members).toBe(r.peopleDrawn);
      expect(r.conflictsOpen).toBe(0);
    }
    expect(round(json, 6).byModeAndKind).toEqual({ special: { 市属国有企业: 36 } });

    const coverage = json.sections.coverage.terms[0]!;
    expect(coverage.termName).toBe('十二届市委');
    expect(coverage.covered).toBeLessThan(coverage.total);
    expect(coverage.percent).toBe(Math.round((coverage.covered / coverage.total) * 1000) / 10);
    const kind = (label: string) => coverage.byKind.find((k) => k.label === label)!;
    expect(kind('派出所')).toMatchObject({ total: 116, covered: 116, percent: 100 });
    expect(kind('国土所')).toMatchObject({ total: 44, covered: 44 });
    expect(kind('法院/执行局')).toMatchObject({ total: 9, covered: 9 });
    // 36 of the 38 enterprises were inspected (2019 专项); 回头看 does not count as coverage.
    expect(kind('市属国有企业')).toMatchObject({ total: 38, covered: 36 });
    // The 2019 reform: six new bureaus and two later enterprises; two merged bureaus never inspected.
    expect(coverage.newUnits).toBe(8);
    expect(coverage.retiredUncovered).toBe(2);

    const y2020 = json.sections.years.years.find((y) => y.year === 2020)!;
    expect(y2020).toMatchObject({ rounds: 2, groups: 29, peopleDrawn: round(json, 8).peopleDrawn + 214 });
  });

  it('points every 回头看 at the unit’s 2019 inspection and keeps the one 回避 override with its reason', async () => {
    const opened = await Vault.openWithPassword(vault, 'admin', PASSWORD);
    expect(opened).not.toBeNull();
    try {
      const db = opened!.db;
      const follows = db
        .prepare(
          `SELECT r.number AS round, f.mode AS followed, fr.number AS followed_round, count(*) AS n
           FROM inspections i JOIN rounds r ON r.id = i.round_id
           JOIN inspections f ON f.id = i.follows_inspection_id JOIN rounds fr ON fr.id = f.round_id
           WHERE i.mode = 'lookback' GROUP BY r.number, f.mode, fr.number ORDER BY fr.number`,
        )
        .all();
      expect(follows).toEqual([
        { round: 8, followed: 'special', followed_round: 6, n: 36 },
        { round: 8, followed: 'special', followed_round: 7, n: 10 },
      ]);
      const overrides = db.prepare('SELECT override_reason AS reason FROM group_members WHERE override_reason IS NOT NULL').all() as { reason: string }[];
      expect(overrides).toHaveLength(1);
      expect(overrides[0]!.reason).toContain('经市委巡察工作领导小组研究同意');
      // The 2019 党建考核 list came in through units.importAssessments.
      const assessed = db.prepare("SELECT count(*) AS n FROM unit_assessments a JOIN units u ON u.id = a.unit_id WHERE a.year = 2019 AND u.region_id IS NULL").get() as { n: number };
      expect(assessed.n).toBeGreaterThan(40);
      // Everything went through the channels, so it is all in the audit log.
      const audited = db.prepare("SELECT action, count(*) AS n FROM audit_entries WHERE action IN ('group.addMember', 'inspection.createBatch', 'unit.create') GROUP BY action ORDER BY action").all() as { action: string; n: number }[];
      const members = db.prepare('SELECT count(*) AS n FROM group_members').get() as { n: number };
      const units = db.prepare('SELECT count(*) AS n FROM units').get() as { n: number };
      expect(audited.find((a) => a.action === 'group.addMember')?.n).toBe(members.n);
      expect(audited.find((a) => a.action === 'unit.create')?.n).toBe(units.n);
      // 提级交叉 groups: nobody from a 旗县区 they inspect.
      const crossed = db
        .prepare(
          `SELECT count(*) AS n FROM group_members m JOIN people p ON p.id = m.person_id LEFT JOIN units pu ON pu.id = p.unit_id
           JOIN inspections i ON i.group_id = m.group_id JOIN units u ON u.id = i.unit_id
           WHERE i.mode IN ('cross', 'elevated_cross') AND coalesce(p.region_id, pu.region_id) = u.region_id`,
        )
        .get() as { n: number };
      expect(crossed.n).toBe(0);
    } finally {
      opened!.close();
    }
  });

  it('第八轮 has the report’s 1,496 problems and 82 clues, split by the three focuses; 第九轮, at 移交, fewer', async () => {
    const { findings } = (await statsJson(vault)).sections;
    const byNumber = (n: number) => findings.rounds.find((r) => r.number === n)!;
    const r8 = byNumber(8);
    expect(r8.problems.total).toBe(1496);
    expect(r8.clues.total).toBe(82);
    expect(r8.problems.byFocus).toEqual({ corruption: 709, grassroots: 400, rectification: 387 });
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(r8.problems.byFocus)).toBe(1496);
    expect(sum(r8.problems.bySource)).toBe(1496);
    expect(r8.problems.common).toBe(150);
    expect(r8.problems.atLeast).toBe(false);
    // Most clues handed over and disposed; a few not yet handed over; a handful open past the answer deadline.
    expect(r8.clues.byStatus).toEqual({ registered: 4, handedOver: 5, disposed: 73 });
    expect(r8.clues.overdue).toBe(5);
    expect(r8.accountability).toBeGreaterThan(10);
    expect(r8.personMatters).toBeGreaterThan(5);

    const r9 = byNumber(9);
    expect(r9.problems.total).toBe(860);
    expect(r9.clues.total).toBe(30);
    expect(sum(r9.problems.byFocus)).toBe(860);
    for (const r of findings.rounds.filter((x) => x.number < 8)) expect(r.problems.total + r.clues.total).toBe(0);
  });

  it('enters findings as the role that does each thing: problems as staff, clues as the clue officer', async () => {
    const opened = await Vault.openWithPassword(vault, 'admin', PASSWORD);
    try {
      const db = opened!.db;
      const actors = db
        .prepare("SELECT action, actor_name AS actor, count(*) AS n FROM audit_entries WHERE action IN ('problem.create', 'problem.bulkUpdate', 'checklist.answer', 'clue.create', 'clue.attachFile', 'clue.handOver', 'clue.disposal', 'checklist.saveTemplate') GROUP BY action, actor_name ORDER BY action")
        .all() as { action: string; actor: string; n: number }[];
      expect(actors.map((a) => `${a.action} ${a.actor}`)).toEqual([
        'checklist.answer 张慧（zhanghui）',
        'checklist.saveTemplate 王建军（admin）',
        'clue.attachFile 李强（liqiang）',
        'clue.create 李强（liqiang）',
        'clue.disposal 李强（liqiang）',
        'clue.handOver 李强（liqiang）',
        'problem.bulkUpdate 张慧（zhanghui）',
        'problem.create 张慧（zhanghui）',
      ]);
      expect(actors.find((a) => a.action === 'problem.create')!.n).toBe(1496 + 860);
      // Every 否 is linked to the problems it stands for, and only a 否.
      const answers = db
        .prepare(
          `SELECT a.answer, count(DISTINCT a.item_id || '-' || a.inspection_id) AS n,
             sum(EXISTS (SELECT 1 FROM problem_checklist_items l JOIN problems p ON p.id = l.problem_id WHERE l.item_id = a.item_id AND p.inspection_id = a.inspection_id)) AS linked
           FROM checklist_answers a GROUP BY a.answer ORDER BY a.answer`,
        )
        .all() as { answer: string; n: number; linked: number }[];
      expect(answers.map((a) => a.answer)).toEqual(['na', 'no', 'yes']);
      for (const a of answers) expect(a.linked).toBe(a.answer === 'no' ? a.n : 0);
      // The few clue files are real PDFs, stored encrypted; every person named is a 某 name.
      const files = db.prepare("SELECT count(*) AS n FROM attachments WHERE owner_type = 'clue' AND mime = 'application/pdf'").get() as { n: number };
      expect(files.n).toBeGreaterThan(0);
      const names = db.prepare('SELECT name FROM clue_persons UNION SELECT person_name FROM person_matters').all() as { name: string }[];
      expect(names.length).toBeGreaterThan(0);
      for (const { name } of names) expect(name).toMatch(/^.某{1,2}$/);
    } finally {
      opened!.close();
    }
  });

  it('is reproducible: a second demo gives the same figures, groups and names', async () => {
    const again = join(work, 'again');
    const run = await runXuncha(['demo', '--vault', again, '--password-stdin'], { stdin: `${PASSWORD}\n` });
    expect(run.code).toBe(0);
    const [first, second] = await Promise.all([statsJson(vault), statsJson(again)]);
    expect(second.sections).toEqual(first.sections);
    const names = async (dir: string) => {
      const opened = await Vault.openWithPassword(dir, 'admin', PASSWORD);
      try {
        return opened!.db
          .prepare('SELECT g.number, p.name, m.role FROM group_members m JOIN inspection_groups g ON g.id = m.group_id JOIN people p ON p.id = m.person_id ORDER BY g.id, p.id')
          .all();
      } finally {
        opened!.close();
      }
    };
    expect(await names(again)).toEqual(await names(vault));
  });
});

describe('xuncha stats', () => {
  it('prints the sections for people, Chinese first, and only reads', async () => {
    const before = await auditActions(vault);
    const result = await stats(vault, [], 'zhanghui');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== 轮次、巡察组和巡察任务 / Rounds, groups and inspections ==');
    expect(result.stdout).toContain('== 全覆盖（按届） / Full coverage per term ==');
    expect(result.stdout).toContain('十二届市委第九轮巡察（2020，2020-08-03 至 2020-09-26，移交）');
    expect(result.stdout).toContain('提级交叉 elevated cross: 178（派出所 116、国土所 44、法院/执行局 9、村/社区 9）');
    expect(result.stdout).toContain('常规 routine: 10（市直部门 8、村/社区 2）');
    // Clue figures are counts, which every role may see; the staff member reads no clue.
    expect(result.stdout).toContain('十二届市委第八轮巡察：问题 1,496 个，问题线索 82 个');
    const after = await auditActions(vault);
    const added = after.slice(before.length);
    expect(added.every((a) => a.startsWith('session.'))).toBe(true);
  });

  it('reports the rectification ledger per round: 第八轮 mostly closed with some overdue, 第九轮 none yet', async () => {
    const json = await statsJson(vault);
    const { rounds } = (json.sections as unknown as { rectification: { rounds: RoundRectificationStats[] } }).rectification;
    const r8 = rounds.find((r) => r.label === '十二届市委第八轮巡察')!;
    expect(r8.items).toBe(1496);
    expect(Object.values(r8.byStatus).reduce((a, b) => a + b, 0)).toBe(1496);
    expect(r8.byStatus.closed / r8.items).toBeGreaterThan(0.8);
    expect(r8.overdueItems).toBeGreaterThan(0);
    expect(r8.overdueItems).toBe(r8.items - r8.byStatus.closed);
    expect(r8.overdueReports).toBeGreaterThan(0);
    expect(rounds.find((r) => r.label === '十二届市委第九轮巡察')!.items).toBe(0);
    const printed = await stats(vault, ['--section', 'rectification']);
    expect(printed.stdout).toContain('== 整改台账（按轮次） / Rectification ledgers per round ==');
    expect(printed.stdout).toContain('已销号 closed');
  });

  it('reports the results ledger (成果运用台账): 第八轮 249 entries, one case per clue disposed of as 立案审查; 第九轮 none yet', async () => {
    const json = await statsJson(vault);
    const { rounds } = (json.sections as unknown as { results: { rounds: RoundResultsStats[] } }).results;
    const r8 = rounds.find((r) => r.label === '十二届市委第八轮巡察')!;
    expect(r8.entries).toBe(249);
    expect(r8.totals).toEqual({
      accountability: 60,
      partyDiscipline: 6,
      governmentSanction: 4,
      organisationalHandling: 92,
      caseFiled: 6,
      judicialTransfer: 0,
      lossRecovered: 1_369_346_600,
      fundsRecovered: 1_328_286_900,
      rulesMade: 110,
    });
    // The report's 82 clues: 78 handed over, 73 disposed of; every 立案审查 is a case in the ledger.
    expect(r8).toMatchObject({ cluesHandedOver: 78, cluesDisposed: 73 });
    expect(r8.byDisposal.find((d) => d.name === '立案审查')!.count).toBe(r8.totals.caseFiled);
    expect(r8.byDisposal.reduce((n, d) => n + d.count, 0)).toBe(73);
    const r9 = rounds.find((r) => r.label === '十二届市委第九轮巡察')!;
    expect(r9).toMatchObject({ entries: 0, cluesHandedOver: 26, cluesDisposed: 23 });
    expect(demoRun.stdout).toContain('十二届市委第八轮巡察成果运用台账 249 条：立案 6 件');
    const printed = await stats(vault, ['--section', 'results']);
    expect(printed.stdout).toContain('== 成果运用台账（按轮次） / Results ledger per round ==');
    expect(printed.stdout).toMatch(/十二届市委第八轮巡察\s+249\s+78\s+73\s+60\s+6\s+4\s+92\s+6\s+0\s+1369\.35\s+1328\.29\s+110/);
  });

  it('reports 四包联 for 2020: 4 leaders over 9 counties, 45 monthly visits, 61 self-check problems, 23 closed', async () => {
    const json = await statsJson(vault);
    const { years } = (json.sections as unknown as { pairing: { years: PairingYearStats[] } }).pairing;
    expect(years.map((y) => y.year)).toEqual([2020]);
    const y2020 = years[0]!;
    expect(y2020).toMatchObject({ leaders: 4, pairedCounties: 9, visits: 45, items: 61, closed: 23, rate: 37.7, overdue: 38 });
    expect(y2020.counties.map((c) => [c.countyName, c.leaderName, c.items, c.closed, c.overdue, c.visits])).toEqual([
      ['新城区', '高志远', 4, 2, 2, 5],
      ['回民区', '高志远', 9, 5, 4, 5],
      ['玉泉区', '高志远', 8, 2, 6, 5],
      ['赛罕区', '王志军', 9, 4, 5, 5],
      ['土默特左旗', '王志军', 4, 2, 2, 5],
      ['托克托县', '刘海峰', 4, 2, 2, 5],
      ['和林格尔县', '刘海峰', 7, 2, 5, 5],
      ['清水河县', '陈建华', 9, 2, 7, 5],
      ['武川县', '陈建华', 7, 2, 5, 5],
    ]);
    const printed = await stats(vault, ['--section', 'pairing']);
    expect(printed.stdout).toContain('2020年：4 名领导包联 9 个旗县区，走访 45 次，自查问题 61 项，已销号 23 项，逾期 38 项');
  });

  it('reports the common-problem list and the scorecard of 十二届市委: 60 items to 93 units, 85 reported', async () => {
    const json = await statsJson(vault);
    const { lists, terms } = (json.sections as unknown as { scorecard: { lists: CommonListStats[]; terms: ScorecardTermStats[] } }).scorecard;
    expect(lists).toEqual([{ title: '市委巡察共性问题清单', issuedOn: '2020-12-15', deadline: '2021-03-31', items: 60, units: 93 }]);
    expect(terms).toEqual([
      { termName: '十二届市委', units: 93, unitsReported: 85, issued: 5580, checked: 5100, found: 611, fixed: 487, onTime: 332, fixRate: 79.7, onTimeRate: 54.3 },
    ]);
    const printed = await stats(vault, ['--section', 'scorecard']);
    expect(printed.stdout).toContain('市委巡察共性问题清单：60 个共性问题，2020-12-15 印发 93 个单位，2021-03-31 前报送');
    expect(printed.stdout).toMatch(/十二届市委\s+93\s+85\s+5580\s+5100\s+611\s+487\s+332\s+79\.7%\s+54\.3%/);
  });

  it('--section picks sections; an unknown one is a usage error', async () => {
    const result = await stats(vault, ['--json', '--section', 'coverage']);
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout).sections)).toEqual(['coverage']);

    const bad = await stats(vault, ['--section', 'problems']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('没有名为“problems”的统计部分');
  });

  it('a wrong password exits 2 with the core’s message, in JSON too', async () => {
    const result = await runXuncha(['stats', '--vault', vault, '--user', 'admin', '--password-stdin', '--json'], { stdin: 'Wrong2020pass\n' });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
  });

  it('--help is Chinese first, then English, and lists the sections', async () => {
    const result = await runXuncha(['stats', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('用法 Usage:')).toBe(true);
    expect(result.stdout.search(/^登录后/m)).toBeLessThan(result.stdout.search(/^Signs in/m));
    for (const id of ['rounds', 'coverage', 'findings', 'years']) expect(result.stdout).toContain(id);
    expect(result.stdout).toContain('--password-stdin');
  });
});

describe('the demo’s documents', () => {
  it('records on-site figures for every inspection and three final feedback letters; the first letter runs several pages', async () => {
    expect(demoRun.stdout).toMatch(/进驻工作量：299 个巡察任务，个别谈话共 \d+ 人次；巡察反馈意见 3 份已定稿、1 份草稿/);
    // On a copy: printing takes copy numbers and writes the register, and the stats tests expect none.
    const copy = join(work, 'doc-copy');
    cpSync(vault, copy, { recursive: true });
    const out = join(work, 'letter.pdf');
    const result = await runXuncha(['doc', 'feedback', '--vault', copy, '--inspection', 'first', '--out', out, '--password-stdin', '--json'], { stdin: `${PASSWORD}\n` });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { pagesPerCopy: number; status: string; drafted: boolean; copyNumbers: string[] };
    expect(json).toMatchObject({ status: 'final', drafted: false, copyNumbers: ['000001'] });
    expect(json.pagesPerCopy).toBeGreaterThanOrEqual(4);
    const read = await readPdf(new Uint8Array(readFileSync(out)));
    expect(read.pages).toHaveLength(json.pagesPerCopy);
    expect(read.pages[0]!.lines[0]!.text.trim()).toBe('000001');
  });
});

describe('the demo’s archives', () => {
  it('files 第八轮’s three finalised feedback letters into its dossier; twelve expected kinds stay missing', () => {
    expect(demoRun.stdout).toContain('十二届市委第八轮巡察档案：归档 3 件，尚缺 12 类应归档材料');
  });
});

async function auditActions(dir: string): Promise<string[]> {
  const opened = await Vault.openWithPassword(dir, 'admin', PASSWORD);
  try {
    return (opened!.db.prepare('SELECT action FROM audit_entries ORDER BY id').all() as { action: string }[]).map((r) => r.action);
  } finally {
    opened!.close();
  }
}
