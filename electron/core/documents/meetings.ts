import type { AttendeeCapacity, ChannelInput, FeedbackMeeting } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * The feedback meeting (巡察反馈会议) of an inspection: when, where, and who attended in the order
 * the record lists them (leading-group members, leaders of 纪委监委 and 组织部, the group, the
 * unit's leaders). One per inspection; saving again corrects it, and each save is audited.
 */

export function readMeeting(db: Db, inspectionId: number): FeedbackMeeting | null {
  const row = db
    .prepare('SELECT m.*, a.display_name AS updated_by_name FROM feedback_meetings m LEFT JOIN accounts a ON a.id = m.updated_by WHERE m.inspection_id = ?')
    .get(inspectionId) as { id: number; held_on: string; place: string; note: string; updated_by_name: string | null; updated_at: string } | undefined;
  if (!row) return null;
  const attendees = db.prepare('SELECT name, capacity, position FROM feedback_meeting_attendees WHERE meeting_id = ? ORDER BY ordinal').all(row.id) as {
    name: string;
    capacity: AttendeeCapacity;
    position: string;
  }[];
  return { inspectionId, heldOn: row.held_on, place: row.place, note: row.note, attendees, updatedBy: row.updated_by_name, updatedAt: row.updated_at };
}

export function saveMeeting(ctx: CoreContext, input: ChannelInput<'feedbackMeetings.save'>): FeedbackMeeting {
  return change(ctx, ({ vault, user }, record) => {
    const db = vault.db;
    if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(input.inspectionId)) throw new AppError('NOT_FOUND', '巡察任务不存在');
    const at = ctx.now().toISOString();
    const existed = readMeeting(db, input.inspectionId) !== null;
    const { id } = db
      .prepare(
        `INSERT INTO feedback_meetings (inspection_id, held_on, place, note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (inspection_id) DO UPDATE SET held_on = excluded.held_on, place = excluded.place, note = excluded.note,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at
         RETURNING id`,
      )
      .get(input.inspectionId, input.heldOn, input.place, input.note ?? '', user.id, at) as { id: number };
    db.prepare('DELETE FROM feedback_meeting_attendees WHERE meeting_id = ?').run(id);
    const insert = db.prepare('INSERT INTO feedback_meeting_attendees (meeting_id, ordinal, name, capacity, position) VALUES (?, ?, ?, ?, ?)');
    input.attendees.forEach((a, i) => insert.run(id, i + 1, a.name, a.capacity, a.position ?? ''));
    record({
      action: 'feedbackMeeting.save',
      target: { type: 'inspection', id: input.inspectionId },
      detail: { heldOn: input.heldOn, place: input.place, attendees: input.attendees.length, corrected: existed },
    });
    return readMeeting(db, input.inspectionId)!;
  });
}
