/**
 * The unit registry and the people pool, through units.create and people.create as the
 * registry page would make them. See registry-data.ts for what is real and what is generated.
 */
import type { PartyOrgType } from '../../../shared/domain';
import type { CoreClient } from '../core-client';
import { DEMO_ADMIN, DEMO_PEOPLE } from './data';
import { seededRandom } from './random';
import {
  CITY_DEPARTMENTS,
  COUNTIES,
  COUNTY_TEMPLATES,
  DEPUTY_TEMPLATES,
  KIND,
  LEADER_TEMPLATES,
  MEMBER_TEMPLATES,
  MERGED_DEPARTMENTS,
  POOL,
  SOE_LATER,
  SOE_NAMES,
  SOE_TOPIC,
  landOfficeNames,
  nameMaker,
  policeStationNames,
  townshipsOf,
  type Tier,
} from './registry-data';
import type { DemoStep } from './types';
import { idOf, setWorld, type DemoCadre, type DemoCounty, type DemoUnit, type DemoWorld } from './world';

interface NewUnit {
  name: string;
  kind: string;
  region: string | null;
  org: PartyOrgType;
  parent?: DemoUnit;
  established?: string;
}

async function createUnit(core: CoreClient, world: DemoWorld, spec: NewUnit): Promise<DemoUnit> {
  const regionId = spec.region ? idOf(world.regions, spec.region) : null;
  const unit = await core.call('units.create', {
    name: spec.name,
    kindId: idOf(world.kinds, spec.kind),
    regionId,
    parentId: spec.parent?.id ?? null,
    partyOrgType: spec.org,
    establishedOn: spec.established ?? null,
  });
  const made: DemoUnit = {
    id: unit.id,
    name: unit.name,
    kind: spec.kind,
    regionId,
    regionName: spec.region,
    parentId: unit.parentId,
    active: true,
  };
  world.units.push(made);
  return made;
}

export const registryStep: DemoStep = {
  id: 'registry',
  title: { zh: '建立被巡察单位名录和巡察人才库', en: 'Build the unit registry and the people pool' },
  async run(ctx) {
    const { core } = ctx;
    const random = seededRandom();
    await core.call('catalogs.add', { catalog: 'unitKinds', name: KIND.countyDept });
    const catalogs = await core.call('catalogs.add', { catalog: 'specialTopics', name: SOE_TOPIC });
    const world: DemoWorld = {
      random,
      kinds: new Map(catalogs.unitKinds.map((k) => [k.name, k.id])),
      regions: new Map(catalogs.regions.map((r) => [r.name, r.id])),
      topics: new Map(catalogs.specialTopics.map((t) => [t.name, t.id])),
      units: [],
      counties: [],
      people: [],
      overridePerson: null,
      termId: null,
      steps: [],
    };
    setWorld(ctx, world);

    for (const dept of CITY_DEPARTMENTS) {
      await createUnit(core, world, { name: dept.name, kind: KIND.cityDept, region: null, org: dept.org, ...(dept.established ? { established: dept.established } : {}) });
    }
    for (const name of SOE_NAMES) {
      const established = SOE_LATER[name];
      await createUnit(core, world, { name, kind: KIND.soe, region: null, org: '党委', ...(established ? { established } : {}) });
    }

    for (const [index, data] of COUNTIES.entries()) {
      const region = data.name;
      const bureau = await createUnit(core, world, { name: data.policeBureau, kind: KIND.countyDept, region, org: '党委' });
      const landBureau = await createUnit(core, world, { name: `${region}自然资源局`, kind: KIND.countyDept, region, org: '党组' });
      const civilDefence = await createUnit(core, world, { name: `${region}人防办`, kind: KIND.countyDept, region, org: '党支部' });
      const court = await createUnit(core, world, { name: `${region}人民法院`, kind: KIND.court, region, org: '党组' });
      const townshipData = townshipsOf(data, index, random);
      const county: DemoCounty = { name: region, regionId: idOf(world.regions, region), townships: [], policeStations: [], landOffices: [], court, civilDefence };
      for (const township of townshipData) {
        const unit = await createUnit(core, world, { name: township.name, kind: KIND.township, region, org: township.org });
        const villages: DemoUnit[] = [];
        for (const village of township.villages) {
          villages.push(await createUnit(core, world, { name: village.name, kind: KIND.village, region, org: village.org, parent: unit }));
        }
        county.townships.push({ unit, villages });
      }
      for (const name of policeStationNames(data, townshipData)) {
        county.policeStations.push(await createUnit(core, world, { name, kind: KIND.police, region, org: '党支部', parent: bureau }));
      }
      for (const name of landOfficeNames(data, townshipData)) {
        county.landOffices.push(await createUnit(core, world, { name, kind: KIND.land, region, org: '党支部', parent: landBureau }));
      }
      world.counties.push(county);
    }

    await createPeople(core, world);

    const byKind = new Map<string, number>();
    for (const unit of world.units) byKind.set(unit.kind, (byKind.get(unit.kind) ?? 0) + 1);
    const kinds = [...byKind.entries()];
    ctx.summary.push({
      zh: `被巡察单位名录：${world.units.length} 个单位（${kinds.map(([k, n]) => `${k} ${n}`).join('、')}）`,
      en: `Unit registry: ${world.units.length} units (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')})`,
    });
    ctx.summary.push({ zh: `巡察人才库：${world.people.length} 人`, en: `People pool: ${world.people.length} cadres` });
  },
};

/**
 * 250 cadres: 20 who lead groups (巡察专员, 组长), 20 who deputise (巡察办, 纪委监委, 组织部),
 * 125 from the city departments, nine from the offices of each 旗县区 (with the region set:
 * the 交叉 rule keeps them out of their own area), and four township cadres.
 */
async function createPeople(core: CoreClient, world: DemoWorld): Promise<void> {
  const { random } = world;
  const nextName = nameMaker(random, [DEMO_ADMIN, ...DEMO_PEOPLE].map((p) => p.displayName));
  const add = async (tier: Tier, input: { unit?: DemoUnit; unitText?: string; regionId?: number; position: string; rank: string; specialities: string; note?: string }) => {
    const person = await core.call('people.create', {
      name: nextName(),
      unitId: input.unit?.id ?? null,
      unitText: input.unitText ?? '',
      position: input.position,
      rank: input.rank,
      specialities: input.specialities,
      regionId: input.regionId ?? null,
      note: input.note ?? '',
    });
    const cadre: DemoCadre = {
      id: person.id,
      name: person.name,
      tier,
      unitId: input.unit?.id ?? null,
      unitParentId: input.unit?.parentId ?? null,
      regionId: input.regionId ?? input.unit?.regionId ?? null,
    };
    world.people.push(cadre);
    return cadre;
  };

  for (let i = 0; i < POOL.leaders; i += 1) {
    const t = LEADER_TEMPLATES[i % LEADER_TEMPLATES.length]!;
    await add('leader', { unitText: '市委巡察办', position: t.position, rank: t.rank, specialities: t.specialities });
  }
  for (let i = 0; i < POOL.deputies; i += 1) {
    const t = DEPUTY_TEMPLATES[i % DEPUTY_TEMPLATES.length]!;
    await add('deputy', { unitText: t.unitText, position: t.position, rank: t.rank, specialities: t.specialities });
  }
  const cityUnits = world.units.filter((u) => u.kind === KIND.cityDept && !MERGED_DEPARTMENTS.includes(u.name));
  for (let i = 0; i < POOL.cityMembers; i += 1) {
    const t = random.pick(MEMBER_TEMPLATES);
    await add('member', { unit: random.pick(cityUnits), position: t.position, rank: t.rank, specialities: t.specialities });
  }
  for (const county of world.counties) {
    for (let i = 0; i < POOL.perCounty; i += 1) {
      const t = COUNTY_TEMPLATES[i % COUNTY_TEMPLATES.length]!;
      await add('member', { unitText: `${county.name}${t.office}`, regionId: county.regionId, position: t.position, rank: t.rank, specialities: t.specialities });
    }
  }
  // Township cadres: the first works in the 武川县 township whose village the 第九轮 inspects
  // routinely, the one documented 回避 override of the demo.
  const townshipCadres: [string, number, string][] = [
    ['武川县', 4, '党委副书记'],
    ['托克托县', 1, '纪委书记'],
    ['清水河县', 2, '组织委员'],
    ['回民区', 3, '党工委委员'],
  ];
  for (const [name, index, position] of townshipCadres) {
    const county = world.counties.find((c) => c.name === name)!;
    const cadre = await add('member', { unit: county.townships[index]!.unit, position, rank: '副科级', specialities: '基层党建、信访' });
    world.overridePerson ??= cadre;
  }
}
