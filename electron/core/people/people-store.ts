import type { Person } from '../../../shared/contract';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

interface PersonRow {
  id: number;
  name: string;
  unit_id: number | null;
  unit_name: string | null;
  unit_text: string;
  position: string;
  rank: string;
  specialities: string;
  region_id: number | null;
  region_name: string | null;
  note: string;
}

export interface PersonFields {
  name: string;
  unitId: number | null;
  unitText: string;
  position: string;
  rank: string;
  specialities: string;
  regionId: number | null;
  note: string;
}

const SELECT = `
  SELECT p.*, u.name AS unit_name, rg.name AS region_name
  FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN regions rg ON rg.id = p.region_id`;

/** The inspection talent pool (巡察人才库) and where each person has served. */
export class PeopleStore {
  constructor(private readonly db: Db) {}

  list(text: string | undefined, page: { page: number; pageSize: number }): { items: Person[]; total: number } {
    const clause = text
      ? `WHERE p.name LIKE @text ESCAPE '\\' OR p.specialities LIKE @text ESCAPE '\\' OR p.position LIKE @text ESCAPE '\\'
           OR p.unit_text LIKE @text ESCAPE '\\' OR p.unit_id IN (SELECT id FROM units WHERE name LIKE @text ESCAPE '\\')`
      : '';
    const params = text ? { text: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } : {};
    const total = (this.db.prepare(`SELECT count(*) AS n FROM people p ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`${SELECT} ${clause} ORDER BY p.name LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as PersonRow[];
    return { items: rows.map((r) => this.toPerson(r)), total };
  }

  byId(id: number): Person | null {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
    return row ? this.toPerson(row) : null;
  }

  insert(fields: PersonFields, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO people (name, unit_id, unit_text, position, rank, specialities, region_id, note, created_at, updated_at)
           VALUES (@name, @unitId, @unitText, @position, @rank, @specialities, @regionId, @note, @at, @at)`,
        )
        .run({ ...fields, at }).lastInsertRowid,
    );
  }

  update(id: number, fields: PersonFields, at: string): void {
    this.db
      .prepare(
        `UPDATE people SET name = @name, unit_id = @unitId, unit_text = @unitText, position = @position, rank = @rank,
           specialities = @specialities, region_id = @regionId, note = @note, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, id, at });
  }

  private toPerson(row: PersonRow): Person {
    const service = this.db
      .prepare(
        `SELECT r.id AS round_id, t.name AS term_name, r.number AS round_number, g.number AS group_number, m.role
         FROM group_members m JOIN inspection_groups g ON g.id = m.group_id JOIN rounds r ON r.id = g.round_id JOIN terms t ON t.id = r.term_id
         WHERE m.person_id = ? ORDER BY t.starts_on DESC, r.number DESC`,
      )
      .all(row.id) as { round_id: number; term_name: string; round_number: number; group_number: number; role: string }[];
    return {
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      unitText: row.unit_text,
      position: row.position,
      rank: row.rank,
      specialities: row.specialities,
      regionId: row.region_id,
      regionName: row.region_name,
      note: row.note,
      service: service.map((s) => ({ roundId: s.round_id, roundLabel: roundLabel(s.term_name, s.round_number), groupNumber: s.group_number, role: s.role })),
    };
  }
}
