/**
 * A small registry for round, group and coverage tests, built through the real channels:
 * a term, units of several kinds in two counties, and people who work in some of them.
 */
import type { TestApp } from './harness';

export async function buildRegistry(app: TestApp) {
  const catalogs = await app.call('catalogs.get', {});
  const kind = (name: string) => catalogs.unitKinds.find((k) => k.name === name)!.id;
  const region = (name: string) => catalogs.regions.find((r) => r.name === name)!.id;
  const topic = (name: string) => catalogs.specialTopics.find((t) => t.name === name)!.id;

  const term = await app.call('terms.create', { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' });
  const unit = (name: string, kindName: string, regionName: string | null, extra: Record<string, unknown> = {}) =>
    app.call('units.create', {
      name,
      kindId: kind(kindName),
      regionId: regionName ? region(regionName) : null,
      partyOrgType: '党组',
      ...extra,
    });

  const audit = await unit('市审计局', '市直部门', null);
  const finance = await unit('市财政局', '市直部门', null);
  const township = await unit('金河镇', '乡镇/街道', '赛罕区', { partyOrgType: '党委' });
  const village = await unit('金河村', '村/社区', '赛罕区', { partyOrgType: '党支部', parentId: township.id });
  const policeA = await unit('赛罕区公安分局大学路派出所', '派出所', '赛罕区', { partyOrgType: '党支部' });
  const policeB = await unit('赛罕区公安分局昭乌达路派出所', '派出所', '赛罕区', { partyOrgType: '党支部' });
  const policeC = await unit('武川县公安局可可以力更派出所', '派出所', '武川县', { partyOrgType: '党支部' });

  const person = (name: string, unitId: number | null, extra: Record<string, unknown> = {}) =>
    app.call('people.create', { name, unitId, position: '干部', ...extra });
  const auditor = await person('张伟', audit.id, { position: '审计局副局长' });
  const townOfficial = await person('李娜', township.id, { position: '镇党委委员' });
  const saihanCadre = await person('王磊', null, { unitText: '赛罕区委巡察办', regionId: region('赛罕区') });
  const neutral = await person('刘洋', finance.id);

  return {
    term,
    kind,
    region,
    topic,
    units: { audit, finance, township, village, policeA, policeB, policeC },
    people: { auditor, townOfficial, saihanCadre, neutral },
  };
}
