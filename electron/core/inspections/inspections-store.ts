import type { Inspection } from '../../../shared/contract';
import type { InspectionMode } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import type { Db } from '../vault/database';

interface InspectionRow {
  id: number;
  round_id: number;
  round_number: number;
  term_name: string;
  group_id: number | null;
  group_number: number | null;
  unit_id: number;
  unit_name: string;
  kind_name: string;
  region_name: string | null;
  mode: InspectionMode;
  topic_id: number | null;
  topic_name: string | null;
  follows_inspection_id: number | null;
  follows_round_number: number | null;
  follows_term_name: string | null;
  linkage: number;
  starts_on: string | null;
  ends_on: string | null;
  note: string;
}

export interface InspectionFields {
  groupId: number | null;
  mode: InspectionMode;
  topicId: number | null;
  followsInspectionId: number | null;
  linkage: boolean;
  startsOn: string | null;
  endsOn: string | null;
  note: string;
}

const SELECT = `
  SELECT i.*, r.number AS round_number, t.name AS term_name, g.number AS group_number,
    u.name AS unit_name, k.name AS kind_name, rg.name AS region_name, st.name AS topic_name,
    fr.number AS follows_round_number, ft.name AS follows_term_name
  FROM inspections i
  JOIN rounds r ON r.id = i.round_id
  JOIN terms t ON t.id = r.term_id
  JOIN units u ON u.id = i.unit_id
  JOIN unit_kinds k ON k.id = u.kind_id
  LEFT JOIN regions rg ON rg.id = u.region_id
  LEFT JOIN inspection_groups g ON g.id = i.group_id
  LEFT JOIN special_topics st ON st.id = i.topic_id
  LEFT JOIN inspections f ON f.id = i.follows_inspection_id
  LEFT JOIN rounds fr ON fr.id = f.round_id
  LEFT JOIN terms ft ON ft.id = fr.term_id`;

function toInspection(row: InspectionRow): Inspection {
  return {
    id: row.id,
    roundId: row.round_id,
    roundLabel: roundLabel(row.term_name, row.round_number),
    groupId: row.group_id,
    groupNumber: row.group_number,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitKind: row.kind_name,
    regionName: row.region_name,
    mode: row.mode,
    topicId: row.topic_id,
    topicName: row.topic_name,
    followsInspectionId: row.follows_inspection_id,
    followsLabel:
      row.follows_term_name && row.follows_round_number !== null ? roundLabel(row.follows_term_name, row.follows_round_number) : null,
    linkage: row.linkage === 1,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
  };
}

export class InspectionsStore {
  constructor(private readonly db: Db) {}

  list(filter: { roundId?: number | undefined; unitId?: number | undefined; groupId?: number | undefined }): Inspection[] {
    const where: string[] = [];
    if (filter.roundId !== undefined) where.push('i.round_id = @roundId');
    if (filter.unitId !== undefined) where.push('i.unit_id = @unitId');
    if (filter.groupId !== undefined) where.push('i.group_id = @groupId');
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.starts_on, r.number, g.number, k.name, u.name`;
    return (this.db.prepare(sql).all(filter) as InspectionRow[]).map(toInspection);
  }

  byId(id: number): Inspection | null {
    const row = this.db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as InspectionRow | undefined;
    return row ? toInspection(row) : null;
  }

  inRound(roundId: number, unitId: number): number | null {
    const row = this.db.prepare('SELECT id FROM inspections WHERE round_id = ? AND unit_id = ?').get(roundId, unitId) as { id: number } | undefined;
    return row?.id ?? null;
  }

  insert(roundId: number, unitId: number, fields: InspectionFields, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO inspections (round_id, group_id, unit_id, mode, topic_id, follows_inspection_id, linkage, starts_on, ends_on, note, created_at, updated_at)
           VALUES (@roundId, @groupId, @unitId, @mode, @topicId, @followsInspectionId, @linkage, @startsOn, @endsOn, @note, @at, @at)`,
        )
        .run({ ...fields, linkage: fields.linkage ? 1 : 0, roundId, unitId, at }).lastInsertRowid,
    );
  }

  update(id: number, fields: InspectionFields, at: string): void {
    this.db
      .prepare(
        `UPDATE inspections SET group_id = @groupId, mode = @mode, topic_id = @topicId, follows_inspection_id = @followsInspectionId,
           linkage = @linkage, starts_on = @startsOn, ends_on = @endsOn, note = @note, updated_at = @at WHERE id = @id`,
      )
      .run({ ...fields, linkage: fields.linkage ? 1 : 0, id, at });
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM inspections WHERE id = ?').run(id);
  }

  isFollowed(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM inspections WHERE follows_inspection_id = ? LIMIT 1').get(id) !== undefined;
  }

  /**
   * Inspections of a unit in rounds before the given one (earlier term, or the same term with
   * a lower number): what a 回头看 may point at. Newest first.
   */
  earlierOfUnit(roundId: number, unitId: number): Inspection[] {
    const rows = this.db
      .prepare(
        `${SELECT}
         JOIN rounds cur ON cur.id = @roundId
         JOIN terms curt ON curt.id = cur.term_id
         WHERE i.unit_id = @unitId AND i.round_id <> @roundId
           AND (t.starts_on < curt.starts_on OR (r.term_id = cur.term_id AND r.number < cur.number))
         ORDER BY t.starts_on DESC, r.number DESC`,
      )
      .all({ roundId, unitId }) as InspectionRow[];
    return rows.map(toInspection);
  }
}
