/**
 * The rectification of 第八轮 (the first half of 2020, fed back from 2020-06-29 on), entered through the
 * channels by the roles that do it:
 *   - an inspection staff member (张慧) makes each unit's ledger (整改台账) for every problem,
 *     fills in the measures, responsible person and deadline, starts the work, adds evidence to
 *     some, submits for 销号 review, and records each unit's report (整改报告), its 整改专题民主生活会
 *     and the supervisors;
 *   - the office leader (高志远) reviews: most items are closed, some are sent back with a reason
 *     first and closed on a second submission.
 * Some items are still open past their deadline, and a few units sent their report late or not
 * at all: the overdue list and the dashboard have something to show. 第九轮 stands at 移交 and has
 * no ledger yet.
 */
import type { Focus } from '../../../shared/domain';
import { DEMO_PEOPLE } from './data';
import { findingsOf, signInAs } from './findings';
import { fictionalName } from './findings-data';
import { demoPdf } from './pdf';
import { DEMO_SEED, seededRandom, type DemoRandom } from './random';
import type { DemoContext, DemoStep } from './types';

/** The round entered 反馈 on this day (round-8.ts); an inspection's own feedback meeting comes first. */
const FEEDBACK_ON = '2020-06-29';
/** 整改时限 the units set, in days after the report is due: 立行立改 within it, or later. */
const DEADLINE_OFFSETS = [0, 0, 30, 60, 120] as const;

const MEASURES: Record<Focus, readonly string[]> = {
  corruption: [
    '全额清退违规发放的款项，对相关责任人进行批评教育，修订完善财务报销管理制度',
    '对违规问题逐笔核查，追缴资金上缴财政，建立支出事前审核机制',
    '开展违反中央八项规定精神问题专项整治，公务接待和公车使用实行台账管理',
    '重新履行招标采购程序，对违规发包项目进行审计，完善“三重一大”决策制度',
    '对涉及群众利益的资金逐户核对并补发到位，张榜公示接受监督',
  ],
  grassroots: [
    '补齐“三会一课”会议记录，制定年度组织生活计划，每季度开展一次检查',
    '规范党员发展程序，补齐入党材料，开展党员档案专项清理',
    '召开专题组织生活会，班子成员对照问题开展批评与自我批评',
    '按标准核定并补缴党费，建立党费收缴公示制度',
    '调整充实支部班子，开展党支部书记轮训',
  ],
  rectification: [
    '逐条对照上轮反馈问题清单重新整改，建立整改台账，每月更新整改进度',
    '对表面整改、虚假整改问题重新整改，严肃追究相关人员责任',
    '建立问题整改销号制度，整改完成情况由纪检监察组织核验',
    '对审计发现问题逐项整改，整改结果向审计部门书面报告',
  ],
};

const SENT_BACK_REASONS = [
  '佐证材料不全，请补充追缴资金的收款凭证',
  '整改措施不具体，未说明长效机制，请补充完善',
  '整改结果与问题对应不上，请重新说明',
  '会议记录照片不清晰，请补充原件扫描件',
];

/** What becomes of an item, drawn per item: most are closed in time. */
type Outcome = 'closed' | 'closedAfterSendBack' | 'awaitingReview' | 'inProgress' | 'notStarted';
function outcomeOf(random: DemoRandom): Outcome {
  const roll = random.next();
  if (roll < 0.84) return 'closed';
  if (roll < 0.89) return 'closedAfterSendBack';
  if (roll < 0.92) return 'awaitingReview';
  if (roll < 0.985) return 'inProgress';
  return 'notStarted';
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function signInAsLeader(ctx: DemoContext): Promise<void> {
  const leader = DEMO_PEOPLE.find((p) => p.role === 'auditor');
  if (!leader) throw new Error('the demo has no leader (auditor) account');
  await ctx.core.call('session.signIn', { username: leader.username, password: ctx.password });
}

/** The days the office reviewed and closed items (集中审核销号), as the work came in. */
const REVIEW_DAYS = ['2020-08-21', '2020-08-28', '2020-09-04', '2020-09-18', '2020-10-16', '2020-11-13', '2021-01-08'] as const;

/** Many ids per call: the channels take up to 1,000 (each call is one transaction). */
async function inBatches(ids: readonly number[], call: (batch: number[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) await call(ids.slice(i, i + 1000));
}

export const rectificationStep: DemoStep = {
  id: 'rectification',
  title: {
    zh: '第八轮整改台账（巡察干部填报，办公室领导审核销号）和整改报告',
    en: 'Round 8 rectification ledgers (kept by inspection staff, closed after review by the office leader) and reports',
  },
  async run(ctx) {
    const { core } = ctx;
    const round = findingsOf(ctx).rounds.find((r) => r.number === 8);
    if (!round) throw new Error('the problems step has not entered 第八轮');
    const random = seededRandom(DEMO_SEED + 628);

    // ---- the staff member enters each unit's plan (整改方案) as its ledger, and the reports ----------
    await signInAs(ctx, 'staff');
    const started: number[] = [];
    const submitted: number[] = [];
    /** Submitted items by the review day that closes them; the ones sent back first, by reason. */
    const closeOn = new Map<string, number[]>();
    const sendBack = new Map<string, number[]>();
    const push = (map: Map<string, number[]>, key: string, id: number) => map.set(key, [...(map.get(key) ?? []), id]);
    let evidenceFiles = 0;
    for (const inspection of round.inspections) {
      const problems = round.problems.filter((p) => p.inspection.id === inspection.id);
      if (problems.length === 0) continue;
      // The report's due date, as the core reckons it from the feedback (meeting or round stage).
      const report = await core.call('rectification.report', { inspectionId: inspection.id });
      const feedbackOn = report.feedbackOn ?? FEEDBACK_ON;
      const dueOn = report.dueOn ?? addDays(feedbackOn, 61);
      const person = `${fictionalName(random)}（${inspection.unitName.endsWith('村') || inspection.unitName.endsWith('社区') ? '党支部书记' : '党组织书记'}）`;
      const outcomes = new Map(problems.map((p) => [p.id, outcomeOf(random)]));
      const perProblem = problems
        .filter((p) => outcomes.get(p.id) !== 'notStarted')
        .map((p) => ({
          problemId: p.id,
          measures: random.pick(MEASURES[p.template.focus]),
          responsiblePerson: random.chance(0.7) ? person : fictionalName(random),
          responsibleUnit: inspection.unitName,
          deadline: addDays(dueOn, random.pick(DEADLINE_OFFSETS)),
        }));
      await core.call('rectification.createItems', {
        inspectionId: inspection.id,
        problemIds: problems.map((p) => p.id),
        responsibleUnit: inspection.unitName,
        deadline: dueOn,
        perProblem,
      });
      const items = (await core.call('rectification.ledger', { inspectionId: inspection.id, page: 1, pageSize: 500 })).items;
      const laterDays = REVIEW_DAYS.filter((day) => day > addDays(dueOn, -10));
      const reviewDay = laterDays.length > 0 ? random.pick(laterDays) : addDays(dueOn, 7);
      for (const item of items) {
        const outcome = outcomes.get(item.problemId)!;
        if (outcome === 'notStarted') continue;
        started.push(item.id);
        if (outcome === 'inProgress') continue;
        submitted.push(item.id);
        if (outcome === 'closed') push(closeOn, reviewDay, item.id);
        if (outcome === 'closedAfterSendBack') push(sendBack, random.pick(SENT_BACK_REASONS), item.id);
        // A scan of the evidence for a few items: the evidence viewer has something to open.
        if (evidenceFiles < 12 && random.chance(0.02)) {
          evidenceFiles += 1;
          const pdf = demoPdf('整改佐证材料', [`被巡察单位：${inspection.unitName}`, `问题：${item.problemDescription}`, `整改措施：${item.measures}`, '本材料为巡察工作台演示数据，人物和事项纯属虚构。']);
          await core.call('rectification.attachEvidence', { itemId: item.id, fileName: `整改佐证材料${evidenceFiles}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') });
        }
      }
      // The unit's report: most in time, some late, a few not yet.
      const roll = random.next();
      const receivedOn = roll < 0.9 ? addDays(dueOn, -random.int(0, 20)) : roll < 0.96 ? addDays(dueOn, random.int(3, 25)) : null;
      await core.call('rectification.saveReport', {
        inspectionId: inspection.id,
        receivedOn,
        meetingOn: receivedOn ? addDays(feedbackOn, random.int(20, 45)) : null,
        disciplineSupervisor: `市纪委监委第${random.pick(['一', '二', '三', '四', '五'])}监督检查室 ${fictionalName(random)}`,
        organisationSupervisor: `市委组织部干部${random.pick(['一', '二', '三'])}科 ${fictionalName(random)}`,
      });
    }
    await inBatches(started, (ids) => core.call('rectification.advanceMany', { ids, to: 'inProgress' }));
    await inBatches(submitted, (ids) => core.call('rectification.advanceMany', { ids, to: 'awaitingReview', note: '已按整改方案整改到位' }));

    // ---- the leader reviews on the office's review days; some are sent back first -------------------
    await signInAsLeader(ctx);
    for (const [reason, ids] of sendBack) await inBatches(ids, (batch) => core.call('rectification.reviewMany', { ids: batch, decision: 'sentBack', reason }));
    for (const [day, ids] of closeOn) await inBatches(ids, (batch) => core.call('rectification.reviewMany', { ids: batch, decision: 'accepted', closedOn: day }));
    const reworked = [...sendBack.values()].flat();
    await signInAs(ctx, 'staff');
    await inBatches(reworked, (ids) => core.call('rectification.advanceMany', { ids, to: 'awaitingReview', note: '已按审核意见补充材料' }));
    await signInAsLeader(ctx);
    await inBatches(reworked, (ids) => core.call('rectification.reviewMany', { ids, decision: 'accepted', closedOn: REVIEW_DAYS[REVIEW_DAYS.length - 1] }));

    const counts = await core.call('rectification.counts', { roundId: round.roundId });
    const reports = await core.call('rectification.inspections', { roundId: round.roundId });
    const received = reports.filter((r) => r.report.receivedOn).length;
    const withItems = reports.filter((r) => r.items > 0).length;
    ctx.summary.push({
      zh: `${round.label}整改台账 ${counts.items} 项：已销号 ${counts.byStatus.closed}，已完成待审核 ${counts.byStatus.awaitingReview}，整改中 ${counts.byStatus.inProgress}，未启动 ${counts.byStatus.notStarted}（其中 ${reworked.length} 项曾被退回）；逾期未销号 ${counts.overdueItems} 项；整改报告已报送 ${received}/${withItems}，逾期未报送 ${counts.overdueReports}`,
      en: `Round 8 rectification ledger: ${counts.items} items, ${counts.byStatus.closed} closed, ${counts.byStatus.awaitingReview} awaiting review, ${counts.byStatus.inProgress} in progress, ${counts.byStatus.notStarted} not started (${reworked.length} sent back once); ${counts.overdueItems} overdue; reports received ${received}/${withItems}, ${counts.overdueReports} overdue`,
    });
    await signInAs(ctx, 'admin');
  },
};
