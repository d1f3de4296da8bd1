/**
 * 十二届市委第八轮巡察 (first half of 2020), as the report gives it: 16 groups; 9 city departments
 * inspected routinely; 7 departments in the 煤炭矿产资源领域 special inspection (专项+联动); 10
 * units in the 优化营商环境 special inspection; 回头看 of the 36 state-owned enterprises and of the
 * civil-defence system in city and 旗县区 (回头看+联动), each following its 2019 inspection;
 * 9 townships and 20 villages in 提级交叉 (inspectors from other 旗县区); and 2 groups on 10
 * villages 点穴式. The round stands at 整改.
 */
import { roundLabel } from '../../../shared/format';
import { buildRound, type GroupPlan } from './round-builder';
import { BUSINESS_TOPIC, COAL_TOPIC, KIND } from './registry-data';
import { TERM } from './earlier-rounds';
import type { DemoStep } from './types';
import { cityUnit, unitsOfKind, worldOf, type DemoUnit, type DemoWorld } from './world';

function units(world: DemoWorld, names: readonly string[]): DemoUnit[] {
  return names.map((name) => cityUnit(world, name));
}

export function round8Groups(world: DemoWorld): GroupPlan[] {
  const routine = (names: string[]): GroupPlan => ({ batches: [{ units: units(world, names), mode: 'routine' }], size: 8 });
  const coal = (names: string[]): GroupPlan => ({
    batches: [{ units: units(world, names), mode: 'special', topic: COAL_TOPIC, linkage: true, note: '专项+联动：与相关旗县区委巡察机构联动' }],
    size: 8,
  });
  const business = (names: string[]): GroupPlan => ({ batches: [{ units: units(world, names), mode: 'special', topic: BUSINESS_TOPIC }], size: 8 });
  const soes = unitsOfKind(world, KIND.soe).slice(0, 36);
  const civilDefence = [cityUnit(world, '市人防办'), ...world.counties.map((c) => c.civilDefence)];

  // 提级交叉: one township per 旗县区 with 2 or 3 of its villages, three 旗县区 per group.
  const cross: GroupPlan[] = [0, 1, 2].map((g) => {
    const picked: DemoUnit[] = [];
    world.counties.slice(g * 3, g * 3 + 3).forEach((county, i) => {
      const township = county.townships[2]!;
      picked.push(township.unit, ...township.villages.slice(0, i === 0 && g < 2 ? 3 : 2));
    });
    return { batches: [{ units: picked, mode: 'elevated_cross', note: '第三轮旗县区交叉巡察（提级交叉）' }], size: 10 };
  });

  // 点穴式: the villages with the most 信访 and clue backlog, one per 旗县区 and a second in 赛罕区.
  const pinpointVillages = world.counties.map((c) => c.townships[3]!.villages[0]!);
  pinpointVillages.push(world.counties.find((c) => c.name === '赛罕区')!.townships[3]!.villages[1]!);
  const pinpoint = [pinpointVillages.slice(0, 5), pinpointVillages.slice(5)].map(
    (villages): GroupPlan => ({ batches: [{ units: villages, mode: 'pinpoint', note: '信访举报和问题线索总量大、存量多，遗留积压问题多' }], size: 7 }),
  );

  return [
    routine(['市教育局', '市民政局', '市司法局']),
    routine(['市交通运输局', '市农牧局', '市统计局']),
    routine(['市体育局', '市机关事务管理局', '市残联']),
    coal(['市自然资源局', '市能源局', '市应急管理局', '市生态环境局']),
    coal(['市发展和改革委员会', '市林业和草原局', '市水务局']),
    business(['市政务服务局', '市市场监督管理局', '市住房和城乡建设局', '市人力资源和社会保障局', '市商务局']),
    business(['市工业和信息化局', '市投资促进局', '市住房公积金管理中心', '市城市管理综合执法局', '市科学技术局']),
    ...[0, 1, 2].map((g): GroupPlan => ({ batches: [{ units: soes.slice(g * 12, g * 12 + 12), mode: 'lookback', note: '国有企业巡察“回头看”' }], size: 9 })),
    { batches: [{ units: civilDefence, mode: 'lookback', linkage: true, note: '市县两级人防系统巡察“回头看”+联动' }], size: 8 },
    ...cross,
    ...pinpoint,
  ];
}

export const round8Step: DemoStep = {
  id: 'round-8',
  title: { zh: '第八轮巡察（2020年上半年，16个巡察组）', en: 'Round 8 (first half of 2020, 16 groups)' },
  async run(ctx) {
    const world = worldOf(ctx);
    const built = await buildRound(ctx, world, {
      number: 8,
      year: 2020,
      title: '2020年上半年：常规、专项+联动、“回头看”+联动、提级交叉、点穴式',
      plannedStart: '2020-04-07',
      plannedEnd: '2020-05-31',
      actualStart: '2020-04-08',
      actualEnd: '2020-05-31',
      groups: round8Groups(world),
      stages: [
        { stage: 'mobilise', on: '2020-04-01' },
        { stage: 'onSite', on: '2020-04-08' },
        { stage: 'report', on: '2020-06-01' },
        { stage: 'feedback', on: '2020-06-29' },
        { stage: 'handover', on: '2020-07-10' },
        { stage: 'rectification', on: '2020-07-20' },
      ],
      ticksInCurrentStage: 1,
    });
    const label = roundLabel(TERM.name, 8);
    ctx.summary.push({
      zh: `${label}：${built.round.groupCount} 个巡察组，抽调 ${built.members} 人，${built.inspections} 个巡察任务，现处整改阶段`,
      en: `Round 8: ${built.round.groupCount} groups, ${built.members} people drawn, ${built.inspections} inspections, now at rectification`,
    });
  },
};
