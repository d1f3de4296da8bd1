/**
 * The results ledger (成果运用台账) of 第八轮, entered by an inspection staff member (张慧) from
 * what the discipline and organisation bodies reported back. The 2020 report gives no 成果运用
 * figures (only the 1496 problems and 82 clues), so the results are drawn by the seeded random,
 * tied to the round's own findings where the two meet: one 立案审查调查 per clue disposed of as
 * 立案审查 (counted from the clue register, as any reader sees it), each followed by a Party
 * sanction and some by a government sanction or a transfer to the judiciary; accountability,
 * organisational handling, money recovered and rules made (建章立制) per unit. 第九轮, at 移交,
 * has none yet.
 */
import type { ChannelInput, ResultKind } from '../../../shared/contract';
import { addDays } from './round-builder';
import { findingsOf, signInAs } from './findings';
import { fictionalName } from './findings-data';
import { DEMO_SEED, seededRandom, type DemoRandom } from './random';
import type { DemoContext, DemoStep } from './types';

type Entry = Omit<ChannelInput<'resultsLedger.create'>, 'roundId'>;

const ORGANISATIONAL = ['诫勉谈话', '批评教育', '调整岗位', '责令检查', '停职检查', '免职'] as const;
const ACCOUNTABILITY = ['履行管党治党主体责任不力，对班子成员问责', '对上轮巡察反馈问题整改不力，对分管领导问责', '违反中央八项规定精神问题监管不力，对相关责任人问责'] as const;
const FUNDS = ['违规发放的津贴补贴', '超标准公务接待费用', '违规报销的差旅费', '挤占挪用的专项资金', '违规收取的费用'] as const;
const LOSSES = ['违规出借的国有资金', '少收的国有资产租金', '流失的集体资产', '多付的工程款'] as const;
const RULES = [
  '《财务报销管理办法》',
  '《“三重一大”事项集体决策制度》',
  '《公务接待管理规定》',
  '《公务用车使用管理办法》',
  '《党费收缴使用管理办法》',
  '《政府采购内部控制制度》',
  '《干部选拔任用工作规程》',
  '《村级财务管理办法》',
  '《工程项目招投标管理办法》',
  '《意识形态工作责任制实施细则》',
] as const;

/** 成果 come back between the hand-over (2020-07-10) and the end of the year. */
const dateIn = (random: DemoRandom) => addDays('2020-08-01', random.int(0, 140));
/** Money in whole yuan, between the bounds (in 万元), as 分. */
const money = (random: DemoRandom, fromWan: number, toWan: number) => random.int(fromWan * 10_000, toWan * 10_000) * 100;

export const resultsLedgerStep: DemoStep = {
  id: 'results-ledger',
  title: { zh: '第八轮成果运用台账（巡察干部登记）', en: 'Round 8 results ledger (entered by inspection staff)' },
  async run(ctx: DemoContext) {
    const { core } = ctx;
    const round = findingsOf(ctx).rounds.find((r) => r.number === 8);
    if (!round) throw new Error('the problems step has not entered 第八轮');
    const random = seededRandom(DEMO_SEED + 906);
    await signInAs(ctx, 'staff');

    const summary = await core.call('resultsLedger.summary', { roundId: round.roundId });
    const cases = summary.clues.byDisposal.find((d) => d.name === '立案审查')?.count ?? 0;
    // Cases go to the units whose clues were handed over, in turn, as many as were filed.
    const withClues = summary.byInspection.filter((row) => row.inspectionId !== null && row.cluesHandedOver > 0);
    const entries: Entry[] = [];
    for (let i = 0; i < cases && withClues.length > 0; i += 1) {
      const row = withClues[i % withClues.length]!;
      const inspectionId = row.inspectionId;
      const person = `${fictionalName(random)}（${row.unitName ?? ''}）`;
      const filedOn = dateIn(random);
      entries.push({ inspectionId, kind: 'caseFiled', subject: `${person}涉嫌违纪违法`, quantity: 1, decidedOn: filedOn, note: '巡察移交问题线索，经市纪委监委批准立案' });
      entries.push({ inspectionId, kind: 'partyDiscipline', subject: `${person}，${random.pick(['党内警告', '党内严重警告', '撤销党内职务'])}`, quantity: 1, decidedOn: addDays(filedOn, random.int(30, 60)) });
      if (random.chance(0.5)) entries.push({ inspectionId, kind: 'governmentSanction', subject: `${person}，${random.pick(['警告', '记过', '记大过', '降级'])}`, quantity: 1, decidedOn: addDays(filedOn, random.int(30, 60)) });
      if (random.chance(0.15)) entries.push({ inspectionId, kind: 'judicialTransfer', subject: `${person}涉嫌职务犯罪`, quantity: 1, decidedOn: addDays(filedOn, random.int(40, 80)) });
    }
    for (const inspection of round.inspections) {
      const inspectionId = inspection.id;
      if (random.chance(0.25)) entries.push({ inspectionId, kind: 'accountability', subject: random.pick(ACCOUNTABILITY), quantity: random.int(1, 3), decidedOn: dateIn(random) });
      if (random.chance(0.35)) entries.push({ inspectionId, kind: 'organisationalHandling', subject: `${random.pick(ORGANISATIONAL)}：${fictionalName(random)}等`, quantity: random.int(1, 4), decidedOn: dateIn(random) });
      if (random.chance(0.4)) entries.push({ inspectionId, kind: 'fundsRecovered', subject: random.pick(FUNDS), quantity: money(random, 0, 60), decidedOn: dateIn(random), note: '已上缴财政' });
      if (random.chance(0.12)) entries.push({ inspectionId, kind: 'lossRecovered', subject: random.pick(LOSSES), quantity: money(random, 5, 300), decidedOn: dateIn(random) });
      const rules = random.chance(0.5) ? random.int(1, 3) : 0;
      for (const rule of random.shuffle(RULES).slice(0, rules)) entries.push({ inspectionId, kind: 'rulesMade', subject: rule, quantity: 1, decidedOn: dateIn(random) });
    }
    // What the round taught the whole city: rules made for every 市直 unit, not one.
    entries.push({ inspectionId: null, kind: 'rulesMade', subject: '《市直部门公务接待管理规定》', quantity: 1, decidedOn: '2020-11-30', note: '针对第八轮巡察发现的共性问题，推动市委办公室、市政府办公室制定' });

    for (const entry of entries) await core.call('resultsLedger.create', { roundId: round.roundId, ...entry });

    const after = await core.call('resultsLedger.summary', { roundId: round.roundId });
    const count = (kind: ResultKind) => after.totals[kind];
    const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
    ctx.summary.push({
      zh: `${round.label}成果运用台账 ${after.entries} 条：立案 ${count('caseFiled')} 件，党纪处分 ${count('partyDiscipline')} 人，政务处分 ${count('governmentSanction')} 人，组织处理 ${count('organisationalHandling')} 人次，问责 ${count('accountability')} 人次，移送司法 ${count('judicialTransfer')} 人，追缴资金 ${wan(count('fundsRecovered'))} 万元，挽回经济损失 ${wan(count('lossRecovered'))} 万元，建章立制 ${count('rulesMade')} 项`,
      en: `Round 8 results ledger: ${after.entries} entries; ${count('caseFiled')} cases, ${count('partyDiscipline')} Party and ${count('governmentSanction')} government sanctions, ${count('organisationalHandling')} organisational handlings, ${count('accountability')} accountability, ${count('judicialTransfer')} to the judiciary, ${wan(count('fundsRecovered'))} ×10k yuan funds and ${wan(count('lossRecovered'))} ×10k yuan losses recovered, ${count('rulesMade')} rules made`,
    });
    await signInAs(ctx, 'admin');
  },
};
