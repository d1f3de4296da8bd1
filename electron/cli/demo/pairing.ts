/**
 * 四包联 in 2020, entered by the administrator through the channels: the city office's four
 * leaders each paired with two or three of the nine county offices (3 + 2 + 2 + 2), a visit by
 * each leader to each of his counties every month from March to July, and each county's
 * self-check against the 30 items: some items with a problem found, measures, a deadline and
 * a responsible person, most of them closed (销号) by August, the rest still open past their
 * deadline. Seeded: every run gives the same figures (electron/cli/stats.test.ts checks them).
 */
import type { PairingVisitForm } from '../../../shared/contract';
import { signInAs } from './findings';
import { fictionalName } from './findings-data';
import { DEMO_SEED, seededRandom } from './random';
import type { DemoStep } from './types';

const YEAR = 2020;

/** The office's four leaders at 处级 and the counties each supervises (the report: 2 to 3 each). */
const LEADERS = [
  { name: '高志远', position: '市委巡察办副主任', counties: ['新城区', '回民区', '玉泉区'] },
  { name: '王志军', position: '市委巡察办副主任', counties: ['赛罕区', '土默特左旗'] },
  { name: '刘海峰', position: '市委巡察办副主任', counties: ['托克托县', '和林格尔县'] },
  { name: '陈建华', position: '市委巡察办专职副主任', counties: ['清水河县', '武川县'] },
] as const;

const VISIT_MONTHS = [3, 4, 5, 6, 7] as const;
const FORMS: readonly PairingVisitForm[] = ['forum', 'forum', 'records', 'interview', 'fieldCheck'];
const FINDINGS = [
  '听取旗县区委巡察办工作汇报，巡察计划按进度推进，村（社区）巡察覆盖面有待扩大',
  '查阅本轮巡察底稿和问题清单，问题描述不够具体，部分问题缺少佐证材料',
  '与巡察组组长座谈，反映专职巡察干部不足，抽调人员业务培训不够',
  '实地查看整改台账，部分被巡察单位整改进度滞后，销号审核把关不严',
  '个别谈话了解到巡察反馈后整改督促机制尚未建立，成果运用不充分',
  '查阅巡察档案，立卷归档不够及时，部分材料未按规定整理',
] as const;
const FOLLOW_UPS = ['督促月底前报送整改进展', '下次走访时核查落实情况', '纳入市委巡察办集中研究的共性问题', '', ''] as const;
const PROBLEMS = [
  '对照该项自查，落实不到位，存在薄弱环节',
  '制度已建立，但执行不够严格，记录不完整',
  '工作推进不平衡，部分环节未按时间节点完成',
  '相关材料不齐全，需补充完善',
] as const;
const MEASURES = ['制定整改方案，明确时间节点，逐项推进', '完善制度机制，加强督促检查', '补齐相关材料，规范工作流程', '提请旗县区委专题研究解决'] as const;
const DEADLINES = ['2020-06-30', '2020-07-31', '2020-08-31', '2020-09-30'] as const;
/** Items due by this day were mostly closed, on their deadline; later ones are still open. */
const CLOSED_BY = '2020-07-31';

export const pairingStep: DemoStep = {
  id: 'pairing',
  title: { zh: '四包联：4名领导包联9个旗县区，每月走访，县区逐项自查销号', en: 'Pairing supervision: 4 leaders over 9 counties, monthly visits, county self-checks closed item by item' },
  async run(ctx) {
    const { core } = ctx;
    await signInAs(ctx, 'admin');
    const random = seededRandom(DEMO_SEED + 4);
    const overview = await core.call('pairing.overview', { year: YEAR });
    const regionOf = new Map(overview.counties.map((c) => [c.name, c.regionId]));
    const items = await core.call('pairing.template', {});

    let visits = 0;
    let recorded = 0;
    let closed = 0;
    for (const spec of LEADERS) {
      const leader = await core.call('pairing.saveLeader', { name: spec.name, position: spec.position });
      for (const county of spec.counties) {
        const regionId = regionOf.get(county);
        if (regionId === undefined) throw new Error(`no region ${county}`);
        await core.call('pairing.pair', { year: YEAR, leaderId: leader.id, regionId });
        for (const month of VISIT_MONTHS) {
          const day = String(random.int(5, 25)).padStart(2, '0');
          await core.call('pairing.logVisit', {
            visitedOn: `${YEAR}-0${month}-${day}`,
            leaderId: leader.id,
            regionId,
            form: random.pick(FORMS),
            findings: random.pick(FINDINGS),
            followUp: random.pick(FOLLOW_UPS),
          });
          visits += 1;
        }
        // The county's self-check: a problem on some of the 30 items; most fixed by the end of July.
        for (const item of random.shuffle(items).slice(0, random.int(4, 10))) {
          const deadline = random.pick(DEADLINES);
          const row = await core.call('pairing.recordCheck', {
            year: YEAR,
            regionId,
            itemId: item.id,
            problem: random.pick(PROBLEMS),
            measures: random.pick(MEASURES),
            deadline,
            responsiblePerson: fictionalName(random),
          });
          recorded += 1;
          if (deadline <= CLOSED_BY && random.chance(0.8)) {
            await core.call('pairing.closeCheck', { checkId: row.checkId!, closedOn: deadline, note: '经包联领导核实，整改到位' });
            closed += 1;
          }
        }
      }
    }
    ctx.summary.push({
      zh: `四包联：${LEADERS.length} 名领导包联 ${overview.counties.length} 个旗县区，走访 ${visits} 次，自查问题 ${recorded} 项，已销号 ${closed} 项`,
      en: `Pairing: ${LEADERS.length} leaders over ${overview.counties.length} counties, ${visits} visits, ${recorded} self-check problems, ${closed} closed`,
    });
  },
};
