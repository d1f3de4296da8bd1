import type { Unit, UnitFilter } from '../../../shared/contract';
import type { PartyOrgType, UnitStatus } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

interface UnitRow {
  id: number;
  name: string;
  kind_id: number;
  kind_name: string;
  region_id: number | null;
  region_name: string | null;
  parent_id: number | null;
  parent_name: string | null;
  party_org_type: PartyOrgType;
  established_on: string | null;
  status: UnitStatus;
  status_changed_on: string | null;
  note: string;
  assessment_year: number | null;
  assessment_result: string | null;
  inspection_count: number;
  last_term_name: string | null;
  last_round_number: number | null;
}

export interface UnitFields {
  name: string;
  kindId: number;
  regionId: number | null;
  parentId: number | null;
  partyOrgType: PartyOrgType;
  establishedOn: string | null;
  note: string;
}

const SELECT = `
  SELECT u.*, k.name AS kind_name, rg.name AS region_name, p.name AS parent_name,
    a.year AS assessment_year, a.result AS assessment_result,
    (SELECT count(*) FROM inspections i WHERE i.unit_id = u.id) AS inspection_count,
    last.term_name AS last_term_name, last.round_number AS last_round_number
  FROM units u
  JOIN unit_kinds k ON k.id = u.kind_id
  LEFT JOIN regions rg ON rg.id = u.region_id
  LEFT JOIN units p ON p.id = u.parent_id
  LEFT JOIN unit_assessments a ON a.unit_id = u.id AND a.year = (SELECT max(year) FROM unit_assessments WHERE unit_id = u.id)
  LEFT JOIN (
    SELECT i.unit_id, t.name AS term_name, r.number AS round_number,
      row_number() OVER (PARTITION BY i.unit_id ORDER BY t.starts_on DESC, r.number DESC) AS rn
    FROM inspections i JOIN rounds r ON r.id = i.round_id JOIN terms t ON t.id = r.term_id
  ) last ON last.unit_id = u.id AND last.rn = 1`;

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    kindId: row.kind_id,
    kindName: row.kind_name,
    regionId: row.region_id,
    regionName: row.region_name,
    parentId: row.parent_id,
    parentName: row.parent_name,
    partyOrgType: row.party_org_type,
    establishedOn: row.established_on,
    status: row.status,
    statusChangedOn: row.status_changed_on,
    note: row.note,
    latestAssessment: row.assessment_year !== null ? { year: row.assessment_year, result: row.assessment_result ?? '' } : null,
    inspectionCount: row.inspection_count,
    lastInspectedIn: row.last_term_name && row.last_round_number !== null ? roundLabel(row.last_term_name, row.last_round_number) : null,
  };
}

/** Builds the WHERE clause of a unit filter; every value travels as a bound parameter. */
export function unitFilterSql(filter: UnitFilter): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.text) {
    where.push("u.name LIKE @text ESCAPE '\\'");
    params.text = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.kindId !== undefined) {
    where.push('u.kind_id = @kindId');
    params.kindId = filter.kindId;
  }
  if (filter.regionId !== undefined) {
    where.push('coalesce(u.region_id, 0) = @regionId');
    params.regionId = filter.regionId;
  }
  if (filter.status !== undefined) {
    where.push('u.status = @status');
    params.status = filter.status;
  }
  if (filter.parentId !== undefined) {
    where.push('u.parent_id = @parentId');
    params.parentId = filter.parentId;
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export class UnitsStore {
  constructor(private readonly db: Db) {}

  list(filter: UnitFilter, page: { page: number; pageSize: number } | null): { items: Unit[]; total: number } {
    const { clause, params } = unitFilterSql(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM units u ${clause}`).get(params) as { n: number }).n;
    const limit = page ? ` LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}` : '';
    const rows = this.db
      .prepare(`${SELECT} ${clause} ORDER BY k.sort_order, coalesce(rg.sort_order, 0), u.name${limit}`)
      .all(params) as UnitRow[];
    return { items: rows.map(toUnit), total };
  }

  byId(id: number): Unit | null {
    const row = this.db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UnitRow | undefined;
    return row ? toUnit(row) : null;
  }

  /** Units are unique by name within a region (市本级 counts as one region). */
  findByName(name: string, regionId: number | null): number | null {
    const row = this.db.prepare('SELECT id FROM units WHERE name = ? AND ifnull(region_id, 0) = ifnull(?, 0)').get(name, regionId) as
      | { id: number }
      | undefined;
    return row?.id ?? null;
  }

  insert(fields: UnitFields, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO units (name, kind_id, region_id, parent_id, party_org_type, established_on, note, created_at, updated_at)
           VALUES (@name, @kindId, @regionId, @parentId, @partyOrgType, @establishedOn, @note, @at, @at)`,
        )
        .run({ ...fields, at }).lastInsertRowid,
    );
  }

  update(id: number, fields: UnitFields, at: string): void {
    this.db
      .prepare(
        `UPDATE units SET name = @name, kind_id = @kindId, region_id = @regionId, parent_id = @parentId, party_org_type = @partyOrgType,
           established_on = @establishedOn, note = @note, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, id, at });
  }

  setStatus(id: number, status: UnitStatus, on: string | null, at: string): void {
    this.db.prepare('UPDATE units SET status = ?, status_changed_on = ?, updated_at = ? WHERE id = ?').run(status, status === 'active' ? null : on, at, id);
  }

  assessments(unitId: number): { year: number; result: string }[] {
    return this.db.prepare('SELECT year, result FROM unit_assessments WHERE unit_id = ? ORDER BY year DESC').all(unitId) as never;
  }

  putAssessment(unitId: number, year: number, result: string): void {
    this.db
      .prepare('INSERT INTO unit_assessments (unit_id, year, result) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET result = excluded.result')
      .run(unitId, year, result);
  }

  children(unitId: number): { id: number; name: string }[] {
    return this.db.prepare('SELECT id, name FROM units WHERE parent_id = ? ORDER BY name').all(unitId) as never;
  }

  /** True when `ancestorId` is `unitId` itself or above it: a parent link there would make a loop. */
  wouldLoop(unitId: number, parentId: number): boolean {
    let current: number | null = parentId;
    for (let depth = 0; current !== null && depth < 50; depth += 1) {
      if (current === unitId) return true;
      current = (this.db.prepare('SELECT parent_id FROM units WHERE id = ?').get(current) as { parent_id: number | null } | undefined)?.parent_id ?? null;
    }
    return false;
  }
}
