/**
 * The term 十二届市委 and its first seven rounds (2017–2019), before the two rounds of 2020 the
 * report describes: routine inspections of city departments, two 交叉 rounds in the 旗县区, the
 * 2019 special inspections of the state-owned enterprises and of the civil-defence system
 * (the targets of the 2020 回头看), and the 2019 reform that merged three bureaus. They give
 * coverage its history and 回头看 something to follow.
 */
import { roundLabel } from '../../../shared/format';
import { buildRound, stageDates, stagesUpTo, type GroupPlan, type RoundPlan } from './round-builder';
import { CIVIL_DEFENCE_TOPIC, KIND, MERGED_DEPARTMENTS, REFORM_DATE, SOE_TOPIC } from './registry-data';
import type { DemoContext, DemoStep } from './types';
import { cityUnit, unitsOfKind, worldOf, type DemoUnit, type DemoWorld } from './world';

export const TERM = { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' } as const;

const routine = (world: DemoWorld, names: readonly string[], size = 6): GroupPlan[] =>
  names.map((name) => ({ batches: [{ units: [cityUnit(world, name)], mode: 'routine' as const }], size }));

/** Three groups, three 旗县区 each: one township per 旗县区 and one of its villages (巡乡带村). */
function crossGroups(world: DemoWorld, townshipIndex: number, note: string): GroupPlan[] {
  const groups: GroupPlan[] = [];
  for (let g = 0; g < 3; g += 1) {
    const counties = world.counties.slice(g * 3, g * 3 + 3);
    const units: DemoUnit[] = counties.flatMap((c) => [c.townships[townshipIndex]!.unit, c.townships[townshipIndex]!.villages[0]!]);
    groups.push({ batches: [{ units, mode: 'cross', note }], size: 7 });
  }
  return groups;
}

function finished(number: number, year: number, title: string, start: string, end: string, groups: GroupPlan[]): RoundPlan {
  return {
    number,
    year,
    title,
    plannedStart: start,
    plannedEnd: end,
    actualStart: start,
    actualEnd: end,
    groups,
    stages: stagesUpTo('filed', stageDates(start, end)),
    ticksInCurrentStage: 3,
  };
}

export const earlierRoundsStep: DemoStep = {
  id: 'earlier-rounds',
  title: { zh: '建立十二届市委及第一至第七轮巡察', en: 'Create the term 十二届市委 and its rounds 1–7' },
  async run(ctx) {
    const world = worldOf(ctx);
    const term = await ctx.core.call('terms.create', { ...TERM });
    world.termId = term.id;
    world.steps = await ctx.core.call('procedure.list', {});

    const soes = unitsOfKind(world, KIND.soe).slice(0, 36);
    const civilDefence = [cityUnit(world, '市人防办'), ...world.counties.map((c) => c.civilDefence)];

    const plans: RoundPlan[] = [
      finished(1, 2017, '常规巡察', '2017-03-20', '2017-05-19', routine(world, ['市委政法委', '市委统战部', '市委宣传部', '市发展和改革委员会', '市公安局', '市财政局', '市卫生健康委员会', '市审计局'])),
      finished(2, 2017, '常规巡察', '2017-09-11', '2017-11-10', routine(world, ['市委党校', '市直机关工委', '市住房和城乡建设局', '市国资委', '市总工会', '市国土资源局'])),
      finished(3, 2018, '常规巡察；第一轮旗县区交叉巡察', '2018-03-19', '2018-05-18', [
        ...routine(world, ['市水务局', '团市委', '市妇联', '市供销社', '市科协']),
        ...crossGroups(world, 0, '第一轮旗县区交叉巡察'),
      ]),
      finished(4, 2018, '常规巡察', '2018-09-10', '2018-11-09', routine(world, ['市人力资源和社会保障局', '市城市管理综合执法局', '市红十字会', '市工商联'])),
    ];
    const later: RoundPlan[] = [
      finished(5, 2019, '常规巡察；第二轮旗县区交叉巡察', '2019-03-04', '2019-04-30', [
        ...routine(world, ['市市场监督管理局', '市林业和草原局']),
        ...crossGroups(world, 1, '第二轮旗县区交叉巡察'),
      ]),
      finished(
        6,
        2019,
        '国有企业专项巡察',
        '2019-05-13',
        '2019-07-12',
        Array.from({ length: 9 }, (_, g) => ({ batches: [{ units: soes.slice(g * 4, g * 4 + 4), mode: 'special' as const, topic: SOE_TOPIC }], size: 6 })),
      ),
      finished(7, 2019, '人防系统专项巡察（市县联动）；常规巡察', '2019-09-09', '2019-11-08', [
        { batches: [{ units: civilDefence.slice(0, 5), mode: 'special', topic: CIVIL_DEFENCE_TOPIC, linkage: true, note: '市县两级人防系统专项巡察，与旗县区委巡察机构联动' }], size: 6 },
        { batches: [{ units: civilDefence.slice(5), mode: 'special', topic: CIVIL_DEFENCE_TOPIC, linkage: true, note: '市县两级人防系统专项巡察，与旗县区委巡察机构联动' }], size: 6 },
        ...routine(world, ['市文联', '市住房公积金管理中心']),
      ]),
    ];

    for (const plan of plans) await build(ctx, world, plan);
    // The 2019 reform (机构改革): three bureaus merged into the new ones. 市国土资源局 was
    // inspected in 第二轮 and stays covered; the other two drop out of this term's coverage.
    for (const name of MERGED_DEPARTMENTS) {
      const unit = cityUnit(world, name);
      await ctx.core.call('units.setStatus', { id: unit.id, status: 'merged', on: REFORM_DATE });
      unit.active = false;
    }
    for (const plan of later) await build(ctx, world, plan);
  },
};

async function build(ctx: DemoContext, world: DemoWorld, plan: RoundPlan): Promise<void> {
  const built = await buildRound(ctx, world, plan);
  ctx.log(`      ${roundLabel(TERM.name, plan.number)}：${plan.groups.length} 个巡察组，${built.members} 人，${built.inspections} 个巡察任务`);
}
