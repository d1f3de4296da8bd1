import type { Conflict } from '../../../shared/contract';
import { crossModes, type InspectionMode } from '../../../shared/domain';
import type { Db } from '../vault/database';

interface PersonPlace {
  name: string;
  unit_id: number | null;
  unit_parent_id: number | null;
  /** The person's own region, else their unit's. */
  region_id: number | null;
}

interface TargetRow {
  inspection_id: number;
  mode: InspectionMode;
  unit_id: number;
  unit_name: string;
  parent_id: number | null;
  region_id: number | null;
  region_name: string | null;
}

/**
 * 回避: a person may not inspect the unit they work in, the unit above it or below it, and in
 * cross inspections (交叉, 提级交叉) not a unit of their own 旗县区: the point of crossing is
 * to break the 熟人社会. Returns every conflict of one person with the inspections of a group.
 */
export function findConflicts(db: Db, groupId: number, personId: number): Conflict[] {
  const person = db
    .prepare(
      `SELECT p.name, p.unit_id, u.parent_id AS unit_parent_id, coalesce(p.region_id, u.region_id) AS region_id
       FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?`,
    )
    .get(personId) as PersonPlace | undefined;
  if (!person) return [];
  const targets = db
    .prepare(
      `SELECT i.id AS inspection_id, i.mode, u.id AS unit_id, u.name AS unit_name, u.parent_id, u.region_id, rg.name AS region_name
       FROM inspections i JOIN units u ON u.id = i.unit_id LEFT JOIN regions rg ON rg.id = u.region_id
       WHERE i.group_id = ?`,
    )
    .all(groupId) as TargetRow[];

  const conflicts: Conflict[] = [];
  for (const target of targets) {
    const base = { inspectionId: target.inspection_id, unitName: target.unit_name };
    if (person.unit_id !== null && person.unit_id === target.unit_id) {
      conflicts.push({ ...base, kind: 'worksInUnit', message: `${person.name}任职于被巡察单位“${target.unit_name}”` });
    } else if (person.unit_id !== null && person.unit_id === target.parent_id) {
      conflicts.push({ ...base, kind: 'worksAboveUnit', message: `${person.name}任职于被巡察单位“${target.unit_name}”的上级单位` });
    } else if (person.unit_parent_id !== null && person.unit_parent_id === target.unit_id) {
      conflicts.push({ ...base, kind: 'worksBelowUnit', message: `${person.name}任职于被巡察单位“${target.unit_name}”的下属单位` });
    }
    if (crossModes.includes(target.mode) && person.region_id !== null && person.region_id === target.region_id) {
      conflicts.push({
        ...base,
        kind: 'sameRegion',
        message: `交叉巡察：${person.name}与被巡察单位“${target.unit_name}”同属${target.region_name ?? '同一地区'}`,
      });
    }
  }
  return conflicts;
}
