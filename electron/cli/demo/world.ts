/**
 * What the demo's registry step made and the later steps draw on (unit and person ids, the
 * catalogue ids, the term, the procedure steps), kept beside the step context rather than in
 * it so that each step file stays self-contained.
 */
import type { ProcedureStep } from '../../../shared/contract';
import { crossModes, type InspectionMode } from '../../../shared/domain';
import type { DemoRandom } from './random';
import type { Tier } from './registry-data';
import type { DemoContext } from './types';

export interface DemoUnit {
  id: number;
  name: string;
  kind: string;
  regionId: number | null;
  regionName: string | null;
  parentId: number | null;
  active: boolean;
}

export interface DemoCadre {
  id: number;
  name: string;
  tier: Tier;
  unitId: number | null;
  unitParentId: number | null;
  /** The person's own 旗县区, else their unit's (the core's 回避 rule reads it the same way). */
  regionId: number | null;
}

export interface DemoTownship {
  unit: DemoUnit;
  villages: DemoUnit[];
}

export interface DemoCounty {
  name: string;
  regionId: number;
  townships: DemoTownship[];
  policeStations: DemoUnit[];
  landOffices: DemoUnit[];
  court: DemoUnit;
  civilDefence: DemoUnit;
}

export interface DemoWorld {
  random: DemoRandom;
  kinds: Map<string, number>;
  regions: Map<string, number>;
  topics: Map<string, number>;
  units: DemoUnit[];
  counties: DemoCounty[];
  people: DemoCadre[];
  /** The township cadre whose one accepted 回避 conflict the demo documents (第九轮). */
  overridePerson: DemoCadre | null;
  termId: number | null;
  steps: ProcedureStep[];
}

const worlds = new WeakMap<DemoContext, DemoWorld>();

export function setWorld(ctx: DemoContext, world: DemoWorld): void {
  worlds.set(ctx, world);
}

export function worldOf(ctx: DemoContext): DemoWorld {
  const world = worlds.get(ctx);
  if (!world) throw new Error('the demo registry step has not run');
  return world;
}

export function idOf(map: Map<string, number>, name: string): number {
  const id = map.get(name);
  if (id === undefined) throw new Error(`the demo expects “${name}” in the catalogues`);
  return id;
}

/** A city-level unit (no region) by name. */
export function cityUnit(world: DemoWorld, name: string): DemoUnit {
  const unit = world.units.find((u) => u.name === name && u.regionId === null);
  if (!unit) throw new Error(`the demo registry has no “${name}”`);
  return unit;
}

export function unitsOfKind(world: DemoWorld, kind: string): DemoUnit[] {
  return world.units.filter((u) => u.kind === kind);
}

export function county(world: DemoWorld, name: string): DemoCounty {
  const found = world.counties.find((c) => c.name === name);
  if (!found) throw new Error(`no county ${name}`);
  return found;
}

/**
 * The core's 回避 rule (electron/core/groups/conflicts.ts), applied before asking: a person may
 * not inspect their own unit, the unit above it or below it, nor, in 交叉 and 提级交叉, a
 * unit of their own 旗县区. The core checks again on every groups.addMember.
 */
export function hasConflict(person: DemoCadre, targets: readonly { unit: DemoUnit; mode: InspectionMode }[]): boolean {
  return targets.some(({ unit, mode }) => {
    if (person.unitId !== null && (person.unitId === unit.id || person.unitId === unit.parentId)) return true;
    if (person.unitParentId !== null && person.unitParentId === unit.id) return true;
    return crossModes.includes(mode) && person.regionId !== null && person.regionId === unit.regionId;
  });
}
