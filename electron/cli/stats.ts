/**
 * `xuncha stats`: signs in and reports, per term and round, the groups, the people drawn and
 * the inspections by mode and by unit kind, then full coverage (全覆盖) per term, then per
 * round the problems by focus and by source, the clues by status (counts only: any role may
 * run it, and no clue is read), the 追责问责 and 点人点事 items, then the year totals.
 * Read-only: it calls only read channels (the sign-in and sign-out around them are audited
 * as usual).
 *
 * The report is a list of sections; a later feature adds its counts as one more section in
 * `statsSections`: an id (the key in the JSON), a title, a collect function that reads
 * through the core and a print function for the terminal.
 */
import { rectificationStatuses, type ChannelInput, type ChannelOutput, type Coverage, type Office, type RectificationStatus, type RoundPage, type RoundSummary, type Term } from '../../shared/contract';
import { clueStatuses, focuses, inspectionModes, problemSources, type ClueStatus, type Focus, type InspectionMode, type ProblemSource, type RoundStage } from '../../shared/domain';
import { chineseNumber } from '../../shared/format';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import { openCore, type CoreClient } from './core-client';
import { EXIT, usageError, writeLine, type Bilingual } from './io';
import { formatTable } from './output';
import { obtainPassword } from './prompt';
import { pairingSection } from './pairing-stats';
import { resultsLedgerSection } from './results-stats';
import { scorecardSection } from './common-problems-stats';

export const modeLabels: Record<InspectionMode, Bilingual> = {
  routine: { zh: '常规', en: 'routine' },
  special: { zh: '专项', en: 'special' },
  cross: { zh: '交叉', en: 'cross' },
  elevated_cross: { zh: '提级交叉', en: 'elevated cross' },
  pinpoint: { zh: '点穴式', en: 'pinpoint' },
  lookback: { zh: '回头看', en: 'look-back' },
};

export const stageLabels: Record<RoundStage, Bilingual> = {
  plan: { zh: '计划', en: 'plan' },
  mobilise: { zh: '动员部署', en: 'mobilise' },
  onSite: { zh: '进驻', en: 'on site' },
  report: { zh: '报告', en: 'report' },
  feedback: { zh: '反馈', en: 'feedback' },
  handover: { zh: '移交', en: 'hand-over' },
  rectification: { zh: '整改', en: 'rectification' },
  filed: { zh: '立卷归档', en: 'filed' },
};

// ---- sections --------------------------------------------------------------------------------

/** What every section may read: the signed-in core, and the terms and rounds (read once). */
export interface StatsContext {
  core: CoreClient;
  terms: Term[];
  /** Every round, oldest term first, then by number. */
  rounds: RoundSummary[];
}

export interface StatsSection<T = unknown> {
  /** The key of the section in the JSON output and the value of --section. */
  id: string;
  title: Bilingual;
  collect(ctx: StatsContext): Promise<T>;
  print(data: T, out: NodeJS.WritableStream): void;
}

const percent = (covered: number, total: number) => (total === 0 ? 0 : Math.round((covered / total) * 1000) / 10);
const count = (map: Record<string, number>, key: string, by = 1) => {
  map[key] = (map[key] ?? 0) + by;
};

export interface RoundStats {
  id: number;
  number: number;
  label: string;
  year: number;
  title: string;
  stage: RoundStage;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  daysOnSite: number | null;
  /** 抽调人数 as recorded on the round. */
  peopleDrawn: number;
  groups: number;
  /** Distinct people placed in the round's groups. */
  members: number;
  inspections: number;
  /** Inspections not yet given to a group. */
  unassigned: number;
  /** Every mode, zero included. */
  byMode: Record<InspectionMode, number>;
  byKind: Record<string, number>;
  /** Mode → unit kind → inspections (only the pairs that occur). */
  byModeAndKind: Partial<Record<InspectionMode, Record<string, number>>>;
  /** Special inspections by topic. */
  byTopic: Record<string, number>;
  /** Inspections run with the county offices (联动). */
  linked: number;
  stepsDone: number;
  stepsTotal: number;
  /** Members with a 回避 conflict and no recorded reason. */
  conflictsOpen: number;
  /** Members placed despite a conflict, with the reason kept. */
  overrides: number;
}

export interface TermRoundStats {
  termId: number;
  termName: string;
  startsOn: string;
  endsOn: string | null;
  rounds: RoundStats[];
  totals: { rounds: number; groups: number; peopleDrawn: number; inspections: number; byMode: Record<InspectionMode, number> };
}

export function roundStats(page: RoundPage): RoundStats {
  const inspections = [...page.groups.flatMap((g) => g.inspections), ...page.unassigned];
  const byMode = Object.fromEntries(inspectionModes.map((m) => [m, 0])) as Record<InspectionMode, number>;
  const byKind: Record<string, number> = {};
  const byModeAndKind: Partial<Record<InspectionMode, Record<string, number>>> = {};
  const byTopic: Record<string, number> = {};
  let linked = 0;
  for (const inspection of inspections) {
    byMode[inspection.mode] += 1;
    count(byKind, inspection.unitKind);
    count((byModeAndKind[inspection.mode] ??= {}), inspection.unitKind);
    if (inspection.topicName) count(byTopic, inspection.topicName);
    if (inspection.linkage) linked += 1;
  }
  const members = page.groups.flatMap((g) => g.members);
  const { round } = page;
  return {
    id: round.id,
    number: round.number,
    label: round.label,
    year: round.year,
    title: round.title,
    stage: round.stage,
    plannedStart: round.plannedStart,
    plannedEnd: round.plannedEnd,
    actualStart: round.actualStart,
    actualEnd: round.actualEnd,
    daysOnSite: round.daysOnSite,
    peopleDrawn: round.peopleDrawn,
    groups: page.groups.length,
    members: new Set(members.map((m) => m.personId)).size,
    inspections: inspections.length,
    unassigned: page.unassigned.length,
    byMode,
    byKind,
    byModeAndKind,
    byTopic,
    linked,
    stepsDone: page.counts.stepsDone,
    stepsTotal: page.counts.stepsTotal,
    conflictsOpen: page.counts.conflictsOpen,
    overrides: members.filter((m) => m.overrideReason !== null).length,
  };
}

/** One sentence per mode: 专项 17（市直部门 17；煤炭矿产资源领域 7、优化营商环境 10；联动 7）. */
function modeLines(stats: RoundStats): string[] {
  const lines: string[] = [];
  for (const mode of inspectionModes) {
    const n = stats.byMode[mode];
    if (n === 0) continue;
    const kinds = Object.entries(stats.byModeAndKind[mode] ?? {})
      .map(([kind, k]) => `${kind} ${k}`)
      .join('、');
    const topics = mode === 'special' && Object.keys(stats.byTopic).length > 0 ? `；${Object.entries(stats.byTopic).map(([t, k]) => `${t} ${k}`).join('、')}` : '';
    lines.push(`${modeLabels[mode].zh} ${modeLabels[mode].en}: ${n}（${kinds}${topics}）`);
  }
  return lines;
}

export const roundsSection: StatsSection<{ terms: TermRoundStats[] }> = {
  id: 'rounds',
  title: { zh: '轮次、巡察组和巡察任务', en: 'Rounds, groups and inspections' },
  async collect({ core, terms, rounds }) {
    const result: TermRoundStats[] = [];
    for (const term of terms) {
      const stats: RoundStats[] = [];
      for (const round of rounds.filter((r) => r.termId === term.id)) stats.push(roundStats(await core.call('rounds.get', { id: round.id })));
      const byMode = Object.fromEntries(inspectionModes.map((m) => [m, stats.reduce((n, s) => n + s.byMode[m], 0)])) as Record<InspectionMode, number>;
      result.push({
        termId: term.id,
        termName: term.name,
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        rounds: stats,
        totals: {
          rounds: stats.length,
          groups: stats.reduce((n, s) => n + s.groups, 0),
          peopleDrawn: stats.reduce((n, s) => n + s.peopleDrawn, 0),
          inspections: stats.reduce((n, s) => n + s.inspections, 0),
          byMode,
        },
      });
    }
    return { terms: result };
  },
  print({ terms }, out) {
    if (terms.length === 0) writeLine(out, '  尚无届次 / no terms yet');
    for (const term of terms) {
      writeLine(out, `  ${term.termName}（${term.startsOn} 至 ${term.endsOn ?? '今'}）：${term.totals.rounds} 轮 / ${term.totals.rounds} rounds`);
      const header = ['轮次 Round', '年度 Year', '阶段 Stage', '巡察组 Groups', '抽调 Drawn', '组内 In groups', '天数 Days', '任务 Inspections', ...inspectionModes.map((m) => modeLabels[m].zh)];
      const rows = term.rounds.map((r) => [
        `第${chineseNumber(r.number)}轮`,
        String(r.year),
        stageLabels[r.stage].zh,
        String(r.groups),
        String(r.peopleDrawn),
        String(r.members),
        r.daysOnSite === null ? '—' : String(r.daysOnSite),
        String(r.inspections),
        ...inspectionModes.map((m) => String(r.byMode[m])),
      ]);
      rows.push([
        '合计 Total',
        '',
        '',
        String(term.totals.groups),
        String(term.totals.peopleDrawn),
        '',
        '',
        String(term.totals.inspections),
        ...inspectionModes.map((m) => String(term.totals.byMode[m])),
      ]);
      for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
      for (const r of term.rounds) {
        writeLine(out);
        const dates = r.actualStart ? `，${r.actualStart} 至 ${r.actualEnd ?? '…'}` : '';
        writeLine(out, `    ${r.label}（${r.year}${dates}，${stageLabels[r.stage].zh}）${r.title ? `：${r.title}` : ''}`);
        writeLine(
          out,
          `      ${r.groups} 个巡察组，抽调 ${r.peopleDrawn} 人，${r.inspections} 个巡察任务；工作环节 ${r.stepsDone}/${r.stepsTotal}；联动 ${r.linked}` +
            `${r.unassigned ? `；未分组 ${r.unassigned}` : ''}${r.overrides ? `；回避例外 ${r.overrides}` : ''}${r.conflictsOpen ? `；未处理回避 ${r.conflictsOpen}` : ''}`,
        );
        for (const line of modeLines(r)) writeLine(out, `      ${line}`);
      }
      writeLine(out);
    }
  },
};

export interface CoverageStats extends Coverage {
  percent: number;
  byKind: (Coverage['byKind'][number] & { percent: number })[];
  byRegion: (Coverage['byRegion'][number] & { percent: number })[];
}

export const coverageSection: StatsSection<{ terms: CoverageStats[] }> = {
  id: 'coverage',
  title: { zh: '全覆盖（按届）', en: 'Full coverage per term' },
  async collect({ core, terms }) {
    const result: CoverageStats[] = [];
    for (const term of terms) {
      const c = await core.call('coverage.get', { termId: term.id });
      result.push({
        ...c,
        percent: percent(c.covered, c.total),
        byKind: c.byKind.map((k) => ({ ...k, percent: percent(k.covered, k.total) })),
        byRegion: c.byRegion.map((k) => ({ ...k, percent: percent(k.covered, k.total) })),
      });
    }
    return { terms: result };
  },
  print({ terms }, out) {
    for (const c of terms) {
      writeLine(out, `  ${c.termName}：应覆盖 ${c.total}，已覆盖 ${c.covered}（${c.percent}%）；其中任期内新设 ${c.newUnits}；撤并前未巡察（不计入）${c.retiredUncovered}`);
      writeLine(out, `  ${c.termName}: ${c.covered} of ${c.total} covered (${c.percent}%); ${c.newUnits} set up during the term; ${c.retiredUncovered} merged or abolished before inspection (not counted)`);
      const share = (rows: CoverageStats['byKind']) => rows.filter((r) => r.total > 0).map((r) => [r.label, String(r.total), String(r.covered), `${r.percent}%`]);
      for (const line of formatTable(['单位类别 Kind', '应覆盖 Due', '已覆盖 Covered', '覆盖率 %'], share(c.byKind), '    ')) writeLine(out, line);
      writeLine(out);
      for (const line of formatTable(['旗县区 Region', '应覆盖 Due', '已覆盖 Covered', '覆盖率 %'], share(c.byRegion), '    ')) writeLine(out, line);
      writeLine(out);
    }
  },
};

type YearStats = Omit<ChannelOutput<'dashboard.get'>, 'coverage' | 'byMode'> & { byMode: Record<InspectionMode, number> };

export const yearsSection: StatsSection<{ years: YearStats[] }> = {
  id: 'years',
  title: { zh: '年度合计', en: 'Totals per year' },
  async collect({ core, rounds }) {
    const years = [...new Set(rounds.map((r) => r.year))].sort((a, b) => a - b);
    const result: YearStats[] = [];
    for (const year of years) {
      const { coverage: _coverage, byMode, ...rest } = await core.call('dashboard.get', { year });
      result.push({ ...rest, byMode: Object.fromEntries(byMode.map((m) => [m.mode, m.count])) as Record<InspectionMode, number> });
    }
    return { years: result };
  },
  print({ years }, out) {
    const header = ['年度 Year', '轮次 Rounds', '巡察组 Groups', '抽调 Drawn', '任务 Inspections', ...inspectionModes.map((m) => modeLabels[m].zh)];
    const rows = years.map((y) => [String(y.year), String(y.rounds), String(y.groups), String(y.peopleDrawn), String(y.inspections), ...inspectionModes.map((m) => String(y.byMode[m]))]);
    for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
    writeLine(out);
  },
};

// ---- findings: problems, clues (counts only), 追责问责, 点人点事 ---------------------------------------

export const focusLabels: Record<Focus, Bilingual> = {
  corruption: { zh: '群众身边腐败问题和不正之风', en: 'corruption' },
  grassroots: { zh: '基层党组织软弱涣散、组织力欠缺', en: 'grassroots' },
  rectification: { zh: '巡视巡察整改不落实、不到位', en: 'rectification' },
};

export const sourceLabels: Record<ProblemSource, Bilingual> = {
  interview: { zh: '个别谈话', en: 'interview' },
  documents: { zh: '查阅资料', en: 'documents' },
  petition: { zh: '信访举报', en: 'petition' },
  visit: { zh: '实地走访', en: 'visit' },
  questionnaire: { zh: '问卷调查', en: 'questionnaire' },
  other: { zh: '其他', en: 'other' },
};

export const clueStatusLabels: Record<ClueStatus, Bilingual> = {
  registered: { zh: '已登记', en: 'registered' },
  handedOver: { zh: '已移交', en: 'handed over' },
  disposed: { zh: '已处置', en: 'disposed' },
};

export interface RoundFindingsStats {
  roundId: number;
  termName: string;
  number: number;
  label: string;
  problems: {
    total: number;
    byFocus: Record<Focus, number>;
    bySource: Record<ProblemSource, number>;
    /** 共性问题 */
    common: number;
    /** Some count passed the list's counting ceiling even per inspection: the figures are lower bounds. */
    atLeast: boolean;
  };
  /** Counts only: no clue content is read (clues.counts and handover.overdue, open to every role). */
  clues: { total: number; byStatus: Record<ClueStatus, number>; overdue: number };
  accountability: number;
  personMatters: number;
}

type ProblemCountFilter = Omit<ChannelInput<'problems.list'>, 'page' | 'pageSize'>;

/**
 * Problems matching a filter, counted through problems.list (no text, so nothing is skipped).
 * The list stops counting at a ceiling (10,000); past it, the round is counted inspection by
 * inspection. `atLeast` says a count passed the ceiling even so.
 */
async function countProblems(core: CoreClient, filter: ProblemCountFilter, inspectionIds: () => Promise<number[]>): Promise<{ n: number; atLeast: boolean }> {
  const first = await core.call('problems.list', { ...filter, page: 1, pageSize: 10 });
  if (!first.totalIsLowerBound) return { n: first.total, atLeast: false };
  let n = 0;
  let atLeast = false;
  for (const inspectionId of await inspectionIds()) {
    const part = await core.call('problems.list', { ...filter, inspectionId, page: 1, pageSize: 10 });
    n += part.total;
    atLeast ||= part.totalIsLowerBound;
  }
  return { n, atLeast };
}

export const findingsSection: StatsSection<{ rounds: RoundFindingsStats[] }> = {
  id: 'findings',
  title: { zh: '问题、问题线索（仅数量）、追责问责和点人点事（按轮次）', en: 'Problems, clues (counts only), accountability and person matters per round' },
  async collect({ core, rounds }) {
    const overdue = await core.call('handover.overdue', {});
    const result: RoundFindingsStats[] = [];
    for (const round of rounds) {
      let ids: number[] | null = null;
      const inspectionIds = async () => {
        if (!ids) {
          const page = await core.call('rounds.get', { id: round.id });
          ids = [...page.groups.flatMap((g) => g.inspections), ...page.unassigned].map((i) => i.id);
        }
        return ids;
      };
      let atLeast = false;
      const countOf = async (filter: ProblemCountFilter) => {
        const counted = await countProblems(core, { roundId: round.id, ...filter }, inspectionIds);
        atLeast ||= counted.atLeast;
        return counted.n;
      };
      const total = await countOf({});
      const byFocus = Object.fromEntries(focuses.map((f) => [f, 0])) as Record<Focus, number>;
      const bySource = Object.fromEntries(problemSources.map((s) => [s, 0])) as Record<ProblemSource, number>;
      let common = 0;
      if (total > 0) {
        for (const focus of focuses) byFocus[focus] = await countOf({ focus });
        for (const source of problemSources) bySource[source] = await countOf({ source });
        common = await countOf({ isCommon: true });
      }
      const clueCounts = await core.call('clues.counts', { roundId: round.id });
      const byStatus = Object.fromEntries(clueStatuses.map((s) => [s, clueCounts.byStatus[s] ?? 0])) as Record<ClueStatus, number>;
      result.push({
        roundId: round.id,
        termName: round.termName,
        number: round.number,
        label: round.label,
        problems: { total, byFocus, bySource, common, atLeast },
        clues: { total: clueCounts.total, byStatus, overdue: overdue.filter((h) => h.roundLabel === round.label).reduce((n, h) => n + h.openClues, 0) },
        accountability: (await core.call('accountability.list', { roundId: round.id })).length,
        personMatters: (await core.call('personMatters.list', { roundId: round.id })).length,
      });
    }
    return { rounds: result };
  },
  print({ rounds }, out) {
    if (rounds.length === 0) {
      writeLine(out, '  尚无轮次 / no rounds yet');
      return;
    }
    const n = (value: number, atLeast = false) => `${value.toLocaleString('en')}${atLeast ? '+' : ''}`;
    const header = [
      '轮次 Round',
      '问题 Problems',
      '腐败 Corr.',
      '基层 Grass.',
      '整改 Rect.',
      '共性 Common',
      '线索 Clues',
      '已登记 Reg.',
      '已移交 Handed',
      '已处置 Disposed',
      '逾期 Overdue',
      '追责 Acct.',
      '点人点事 Pers.',
    ];
    for (const termName of [...new Set(rounds.map((r) => r.termName))]) {
      const ofTerm = rounds.filter((r) => r.termName === termName);
      writeLine(out, `  ${termName}：${ofTerm.length} 轮 / ${ofTerm.length} rounds`);
      const rows = ofTerm.map((r) => [
        `第${chineseNumber(r.number)}轮`,
        n(r.problems.total, r.problems.atLeast),
        ...focuses.map((f) => n(r.problems.byFocus[f], r.problems.atLeast)),
        n(r.problems.common, r.problems.atLeast),
        n(r.clues.total),
        ...clueStatuses.map((s) => n(r.clues.byStatus[s])),
        n(r.clues.overdue),
        n(r.accountability),
        n(r.personMatters),
      ]);
      for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
    }
    for (const r of rounds.filter((x) => x.problems.total > 0 || x.clues.total > 0)) {
      writeLine(out);
      writeLine(out, `    ${r.label}：问题 ${n(r.problems.total, r.problems.atLeast)} 个，问题线索 ${n(r.clues.total)} 个`);
      const share = (value: number) => (r.problems.total ? ` (${Math.round((value / r.problems.total) * 1000) / 10}%)` : '');
      writeLine(out, `      三个聚焦 By focus: ${focuses.map((f) => `${focusLabels[f].zh} ${n(r.problems.byFocus[f])}${share(r.problems.byFocus[f])}`).join('；')}`);
      writeLine(
        out,
        `      来源 By source: ${problemSources.filter((s) => r.problems.bySource[s] > 0).map((s) => `${sourceLabels[s].zh} ${sourceLabels[s].en} ${n(r.problems.bySource[s])}`).join('、') || '—'}；共性问题 common ${n(r.problems.common)}`,
      );
      writeLine(
        out,
        `      问题线索 Clues: ${clueStatuses.map((s) => `${clueStatusLabels[s].zh} ${clueStatusLabels[s].en} ${n(r.clues.byStatus[s])}`).join('、')}；逾期未反馈 overdue ${n(r.clues.overdue)}；追责问责 ${n(r.accountability)}，点人点事 ${n(r.personMatters)}`,
      );
    }
    writeLine(out);
  },
};

// ---- rectification: ledger items by status, overdue items and reports -----------------------------

export interface RoundRectificationStats {
  roundId: number;
  label: string;
  items: number;
  byStatus: Record<RectificationStatus, number>;
  /** Past their deadline and not closed (销号), by the core's clock. */
  overdueItems: number;
  /** Reports (整改报告) past their due date and not received. */
  overdueReports: number;
}

const rectificationStatusLabels: Record<RectificationStatus, Bilingual> = {
  notStarted: { zh: '未启动', en: 'not started' },
  inProgress: { zh: '整改中', en: 'in progress' },
  awaitingReview: { zh: '已完成待审核', en: 'awaiting review' },
  closed: { zh: '已销号', en: 'closed' },
};

export const rectificationSection: StatsSection<{ rounds: RoundRectificationStats[] }> = {
  id: 'rectification',
  title: { zh: '整改台账（按轮次）', en: 'Rectification ledgers per round' },
  async collect({ core, rounds }) {
    const result: RoundRectificationStats[] = [];
    for (const round of rounds) {
      const counts = await core.call('rectification.counts', { roundId: round.id });
      result.push({ roundId: round.id, label: round.label, ...counts });
    }
    return { rounds: result };
  },
  print({ rounds }, out) {
    const kept = rounds.filter((r) => r.items > 0 || r.overdueReports > 0);
    if (kept.length === 0) {
      writeLine(out, '  尚无整改台账 / no ledgers yet');
      return;
    }
    const header = ['轮次 Round', '事项 Items', ...rectificationStatuses.map((s) => `${rectificationStatusLabels[s].zh} ${rectificationStatusLabels[s].en}`), '逾期 Overdue', '报告逾期 Reports overdue'];
    const rows = kept.map((r) => [r.label, String(r.items), ...rectificationStatuses.map((s) => String(r.byStatus[s])), String(r.overdueItems), String(r.overdueReports)]);
    for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
    writeLine(out);
  },
};

/** The report's sections, in order. Add a section here to add it to `xuncha stats`. */
export const statsSections: readonly StatsSection[] = [roundsSection, coverageSection, findingsSection, rectificationSection, yearsSection, pairingSection, scorecardSection, resultsLedgerSection];

// ---- the command -----------------------------------------------------------------------------

const help = `用法 Usage:
  xuncha stats --vault 目录 --user 用户名 [--password-stdin] [--json] [--section 名称 …]

登录后统计数据库中的巡察工作（只读，不改动任何数据；登录和退出照常记入审计日志）：
按届次和轮次列出巡察组数、抽调人数、进驻天数、巡察任务数（按巡察方式、按单位类别及两者交叉），
每届的全覆盖情况（应覆盖、已覆盖、覆盖率，按单位类别和旗县区），每轮发现的问题（按三个聚焦、按来源、
共性问题）、问题线索数量（按状态、逾期未反馈；只统计数量，不读取线索内容）、追责问责和点人点事事项数，
以及每年的合计。任何角色的账号都可以运行。

Signs in and reports on the inspection work in the vault (read-only; the sign-in and sign-out
are audited as usual): per term and round, the groups, people drawn, days on site and
inspections by mode, by unit kind and both; full coverage per term (due, covered, %, by unit
kind and by region); per round the problems by focus, by source and 共性, the clues by status
and overdue (counts only: no clue content is read), accountability and person-matter items;
and totals per year. Any role may run it.

选项 Options:
  --vault 目录        数据库文件夹 / the vault folder
  --user 用户名       登录的账号 / the account to sign in with
  --password-stdin    从标准输入第一行读取密码 / read the password from stdin
  --json              以 JSON 输出（各部分按名称为键）/ print JSON (one key per section)
  --section 名称      只输出这一部分，可重复 / only this section (repeatable):
${statsSections.map((s) => `                      ${s.id}  ${s.title.zh} / ${s.title.en}`).join('\n')}
  -h, --help          显示本帮助 / show this help

退出码 Exit codes: 0 成功 ok · 2 用法错误、登录失败 usage error, sign-in failed
`;

const options = {
  vault: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  section: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: { zh: '统计轮次、巡察组、巡察任务、全覆盖、问题和线索数量（只读）', en: 'report rounds, groups, inspections, coverage, problems and clue counts (read-only)' },
  help,
  async run(args, io) {
    const values = parseCommandArgs(args, options);
    const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
    const username = requireOption(values.user, '--user', '用户名');
    const wanted = values.section ?? statsSections.map((s) => s.id);
    const unknown = wanted.filter((id) => !statsSections.some((s) => s.id === id));
    if (unknown.length > 0) {
      const known = statsSections.map((s) => s.id).join('、');
      throw usageError(`没有名为“${unknown.join('、')}”的统计部分，可选：${known}`, `No section "${unknown.join(', ')}"; sections: ${known}`);
    }
    const sections = statsSections.filter((s) => wanted.includes(s.id));
    const password = await obtainPassword(io, { fromStdin: values['password-stdin'] === true, label: `${username} 的密码 Password for ${username}` });

    const core = openCore(vaultDir, io, { sealsPasswords: false });
    let office: Office | null = null;
    let signedInAs: string;
    const data: Record<string, unknown> = {};
    try {
      const user = await core.call('session.signIn', { username, password });
      signedInAs = `${user.displayName}（${user.username}）`;
      try {
        const status = await core.call('app.status', {});
        if (status.state === 'active') office = status.office;
        const terms = (await core.call('terms.list', {})).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
        const rounds: RoundSummary[] = [];
        for (const term of terms) rounds.push(...(await core.call('rounds.list', { termId: term.id })).sort((a, b) => a.number - b.number));
        const ctx: StatsContext = { core, terms, rounds };
        for (const section of sections) data[section.id] = await section.collect(ctx);
      } finally {
        await core.call('session.signOut', {}).catch(() => undefined);
      }
    } finally {
      core.close();
    }

    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, vault: core.vaultDir, office, user: username, sections: data }, null, 2));
      return EXIT.OK;
    }
    const out = io.stdout;
    writeLine(out, '巡察工作台 · 统计 / Xuncha Desk · statistics');
    writeLine(out, `  数据库 Vault:  ${core.vaultDir}${office ? `（${office.name}）` : ''}`);
    writeLine(out, `  统计人 By:     ${signedInAs}`);
    for (const section of sections) {
      writeLine(out);
      writeLine(out, `== ${section.title.zh} / ${section.title.en} ==`);
      section.print(data[section.id], out);
    }
    return EXIT.OK;
  },
};
