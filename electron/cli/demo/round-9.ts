/**
 * 十二届市委第九轮巡察 (second half of 2020), as the report gives it: from early August, 214
 * people drawn into 13 groups for 55 days (2020-08-03 to 2020-09-26); routine inspections of
 * 8 unit Party organisations (市委网信办, 市委保密机要局, 市退役军人事务局, 市医疗保障局 …) and 2
 * key villages; 提级交叉 of the 116 派出所 of the 公安(分)局, the 44 国土所 of the 自然资源局,
 * the 9 法院 (执行局) and 9 key villages. The round stands at 移交.
 *
 * The one documented 回避 override of the demo is here: a township cadre in the group that
 * inspects a village under her township, accepted with a reason (kept and audited).
 */
import { roundLabel } from '../../../shared/format';
import { buildRound, type GroupPlan } from './round-builder';
import { TERM } from './earlier-rounds';
import type { DemoStep } from './types';
import { cityUnit, county, worldOf, type DemoWorld } from './world';

export const OVERRIDE_REASON = '该同志熟悉本镇信访积案情况，经市委巡察工作领导小组研究同意参加本组；不参与涉及本镇所辖村的个别谈话和问题核实';

export function round9Groups(world: DemoWorld): GroupPlan[] {
  const routine = (names: string[], size: number): GroupPlan => ({ batches: [{ units: names.map((n) => cityUnit(world, n)), mode: 'routine' }], size });
  const police = (names: string[], size: number): GroupPlan => ({
    batches: [{ units: names.flatMap((n) => county(world, n).policeStations), mode: 'elevated_cross', note: '公安（分）局派出所提级交叉巡察' }],
    size,
  });
  const land = (names: string[], size: number): GroupPlan => ({
    batches: [{ units: names.flatMap((n) => county(world, n).landOffices), mode: 'elevated_cross', note: '自然资源局国土所提级交叉巡察' }],
    size,
  });
  const keyVillages = [county(world, '赛罕区').townships[4]!.villages[0]!, county(world, '武川县').townships[4]!.villages[0]!];
  const override = world.overridePerson;
  if (!override) throw new Error('the demo pool has no township cadre for the documented override');

  return [
    routine(['市委网信办', '市委保密机要局', '市委编办', '市委老干部局'], 13),
    routine(['市退役军人事务局', '市医疗保障局', '市文化旅游广电局', '市信访局'], 13),
    { batches: [{ units: keyVillages, mode: 'routine', note: '重点村常规巡察' }], size: 10, override: { person: override, reason: OVERRIDE_REASON } },
    police(['新城区', '回民区'], 20),
    police(['玉泉区', '赛罕区'], 20),
    police(['土默特左旗', '托克托县'], 18),
    police(['和林格尔县', '清水河县'], 18),
    police(['武川县'], 16),
    land(['新城区', '回民区', '玉泉区', '赛罕区'], 17),
    land(['土默特左旗', '托克托县'], 17),
    land(['和林格尔县', '清水河县', '武川县'], 16),
    { batches: [{ units: world.counties.map((c) => c.court), mode: 'elevated_cross', note: '法院（执行局）提级交叉巡察' }], size: 18 },
    { batches: [{ units: world.counties.map((c) => c.townships[5]!.villages[0]!), mode: 'elevated_cross', note: '重点村提级交叉巡察' }], size: 18 },
  ];
}

export const round9Step: DemoStep = {
  id: 'round-9',
  title: { zh: '第九轮巡察（2020年下半年，13个巡察组，抽调214人）', en: 'Round 9 (second half of 2020, 13 groups, 214 people)' },
  async run(ctx) {
    const world = worldOf(ctx);
    const built = await buildRound(ctx, world, {
      number: 9,
      year: 2020,
      title: '2020年下半年：常规巡察、提级交叉巡察',
      plannedStart: '2020-08-03',
      plannedEnd: '2020-09-26',
      actualStart: '2020-08-03',
      actualEnd: '2020-09-26',
      groups: round9Groups(world),
      stages: [
        { stage: 'mobilise', on: '2020-07-28' },
        { stage: 'onSite', on: '2020-08-03' },
        { stage: 'report', on: '2020-09-27' },
        { stage: 'feedback', on: '2020-10-26' },
        { stage: 'handover', on: '2020-11-09' },
      ],
      ticksInCurrentStage: 2,
    });
    const label = roundLabel(TERM.name, 9);
    ctx.summary.push({
      zh: `${label}：${built.round.groupCount} 个巡察组，抽调 ${built.members} 人，${built.round.daysOnSite} 天，${built.inspections} 个巡察任务，现处移交阶段`,
      en: `Round 9: ${built.round.groupCount} groups, ${built.members} people drawn, ${built.round.daysOnSite} days, ${built.inspections} inspections, now at hand-over`,
    });
  },
};
