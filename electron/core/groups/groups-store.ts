import type { InspectionGroup } from '../../../shared/contract';
import type { GroupRole } from '../../../shared/domain';
import type { Db } from '../vault/database';
import { InspectionsStore } from '../inspections/inspections-store';
import { findConflicts } from './conflicts';

interface MemberRow {
  person_id: number;
  name: string;
  unit_name: string | null;
  unit_text: string;
  position: string;
  role: GroupRole;
  override_reason: string | null;
}

const ROLE_ORDER: Record<GroupRole, number> = { leader: 0, deputy: 1, member: 2 };

export class GroupsStore {
  constructor(private readonly db: Db) {}

  byId(id: number): InspectionGroup | null {
    const row = this.db.prepare('SELECT id, round_id, number FROM inspection_groups WHERE id = ?').get(id) as
      | { id: number; round_id: number; number: number }
      | undefined;
    if (!row) return null;
    return this.assemble(row);
  }

  ofRound(roundId: number): InspectionGroup[] {
    const rows = this.db.prepare('SELECT id, round_id, number FROM inspection_groups WHERE round_id = ? ORDER BY number').all(roundId) as {
      id: number;
      round_id: number;
      number: number;
    }[];
    return rows.map((row) => this.assemble(row));
  }

  nextNumber(roundId: number): number {
    const row = this.db.prepare('SELECT max(number) AS n FROM inspection_groups WHERE round_id = ?').get(roundId) as { n: number | null };
    return (row.n ?? 0) + 1;
  }

  numberTaken(roundId: number, number: number): boolean {
    return this.db.prepare('SELECT 1 FROM inspection_groups WHERE round_id = ? AND number = ?').get(roundId, number) !== undefined;
  }

  insert(roundId: number, number: number, at: string): number {
    return Number(
      this.db.prepare('INSERT INTO inspection_groups (round_id, number, created_at) VALUES (?, ?, ?)').run(roundId, number, at).lastInsertRowid,
    );
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM inspection_groups WHERE id = ?').run(id);
  }

  isMember(groupId: number, personId: number): boolean {
    return this.db.prepare('SELECT 1 FROM group_members WHERE group_id = ? AND person_id = ?').get(groupId, personId) !== undefined;
  }

  /** Adds or changes a member's role (and the 回避 override, when one was given). */
  putMember(
    groupId: number,
    personId: number,
    role: GroupRole,
    override: { reason: string; accountId: number; at: string } | null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO group_members (group_id, person_id, role, override_reason, override_by, override_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET role = excluded.role, override_reason = excluded.override_reason,
           override_by = excluded.override_by, override_at = excluded.override_at`,
      )
      .run(groupId, personId, role, override?.reason ?? null, override?.accountId ?? null, override?.at ?? null);
  }

  removeMember(groupId: number, personId: number): void {
    this.db.prepare('DELETE FROM group_members WHERE group_id = ? AND person_id = ?').run(groupId, personId);
  }

  private assemble(row: { id: number; round_id: number; number: number }): InspectionGroup {
    const members = this.db
      .prepare(
        `SELECT m.person_id, p.name, u.name AS unit_name, p.unit_text, p.position, m.role, m.override_reason
         FROM group_members m JOIN people p ON p.id = m.person_id LEFT JOIN units u ON u.id = p.unit_id
         WHERE m.group_id = ?`,
      )
      .all(row.id) as MemberRow[];
    return {
      id: row.id,
      roundId: row.round_id,
      number: row.number,
      members: members
        .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN'))
        .map((m) => ({
          personId: m.person_id,
          name: m.name,
          unitName: m.unit_name ?? (m.unit_text || null),
          position: m.position,
          role: m.role,
          conflicts: findConflicts(this.db, row.id, m.person_id),
          overrideReason: m.override_reason,
        })),
      inspections: new InspectionsStore(this.db).list({ groupId: row.id }),
    };
  }
}
