import type { ChannelInput, ChannelOutput, RectificationReport, RectificationStatus } from '../../../shared/contract';
import type { InspectionMode } from '../../../shared/domain';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { addMonths, daysOverdue } from './dates';
import { today } from './ledger-service';
import { RectificationStore, statusCounts } from './rectification-store';

/**
 * Per inspection: the unit's rectification report (整改报告), due a number of months after the
 * feedback (the office's setting, two by default), the 整改专题民主生活会 and the supervisors; and
 * the counts of the ledger by inspection, by round and for the dashboard.
 *
 * The feedback date is the inspection's own feedback meeting where one is recorded (文书), else
 * the day its round entered the 反馈 stage.
 */

interface ReportRow {
  inspection_id: number;
  meeting_held_on: string | null;
  stage_began_on: string | null;
  received_on: string | null;
  meeting_on: string | null;
  discipline_supervisor: string | null;
  organisation_supervisor: string | null;
  note: string | null;
  updated_by_name: string | null;
  updated_at: string | null;
}

const REPORT_FROM = `
  FROM inspections i
  LEFT JOIN feedback_meetings fm ON fm.inspection_id = i.id
  LEFT JOIN round_stages rs ON rs.round_id = i.round_id AND rs.stage = 'feedback'
  LEFT JOIN rectification_reports rr ON rr.inspection_id = i.id`;
const REPORT_COLUMNS = `i.id AS inspection_id, fm.held_on AS meeting_held_on, rs.began_on AS stage_began_on, rr.received_on, rr.meeting_on,
  rr.discipline_supervisor, rr.organisation_supervisor, rr.note, rr.updated_at`;

function reportOf(row: ReportRow, months: number, day: string): RectificationReport {
  const feedbackOn = row.meeting_held_on ?? row.stage_began_on;
  const dueOn = feedbackOn ? addMonths(feedbackOn, months) : null;
  return {
    inspectionId: row.inspection_id,
    feedbackOn,
    feedbackSource: row.meeting_held_on ? 'meeting' : row.stage_began_on ? 'roundStage' : null,
    dueMonths: months,
    dueOn,
    receivedOn: row.received_on,
    daysOverdue: row.received_on ? null : daysOverdue(dueOn, day),
    meetingOn: row.meeting_on,
    disciplineSupervisor: row.discipline_supervisor ?? '',
    organisationSupervisor: row.organisation_supervisor ?? '',
    note: row.note ?? '',
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at,
  };
}

function months(ctx: CoreContext): number {
  return ctx.active().settings.get().rectificationReportMonths ?? 2;
}

function readReport(ctx: CoreContext, inspectionId: number): RectificationReport {
  const db = ctx.active().vault.db;
  const row = db
    .prepare(`SELECT ${REPORT_COLUMNS}, a.display_name AS updated_by_name ${REPORT_FROM} LEFT JOIN accounts a ON a.id = rr.updated_by WHERE i.id = ?`)
    .get(inspectionId) as ReportRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '巡察任务不存在');
  return reportOf(row, months(ctx), today(ctx));
}

export function getReport(ctx: CoreContext, inspectionId: number): RectificationReport {
  return readReport(ctx, inspectionId);
}

export function saveReport(ctx: CoreContext, input: ChannelInput<'rectification.saveReport'>): RectificationReport {
  return change(ctx, ({ vault, user }, record) => {
    const db = vault.db;
    const before = readReport(ctx, input.inspectionId);
    if (input.receivedOn && before.feedbackOn && input.receivedOn < before.feedbackOn) throw new AppError('INVALID_INPUT', '整改报告报送日期不能早于巡察反馈日期');
    if (input.meetingOn && before.feedbackOn && input.meetingOn < before.feedbackOn) throw new AppError('INVALID_INPUT', '整改专题民主生活会日期不能早于巡察反馈日期');
    const at = ctx.now().toISOString();
    db.prepare(
      `INSERT INTO rectification_reports (inspection_id, received_on, meeting_on, discipline_supervisor, organisation_supervisor, note, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (inspection_id) DO UPDATE SET received_on = excluded.received_on, meeting_on = excluded.meeting_on,
         discipline_supervisor = excluded.discipline_supervisor, organisation_supervisor = excluded.organisation_supervisor,
         note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(input.inspectionId, input.receivedOn ?? null, input.meetingOn ?? null, input.disciplineSupervisor ?? '', input.organisationSupervisor ?? '', input.note ?? '', user.id, at);
    record({
      action: 'rectification.saveReport',
      target: { type: 'inspection', id: input.inspectionId },
      detail: {
        before: { receivedOn: before.receivedOn, meetingOn: before.meetingOn },
        after: { receivedOn: input.receivedOn ?? null, meetingOn: input.meetingOn ?? null },
        supervisors: [input.disciplineSupervisor ?? '', input.organisationSupervisor ?? ''].filter(Boolean),
        dueOn: before.dueOn,
      },
    });
    return readReport(ctx, input.inspectionId);
  });
}

export function roundInspections(ctx: CoreContext, roundId: number): ChannelOutput<'rectification.inspections'> {
  const db = ctx.active().vault.db;
  if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw new AppError('NOT_FOUND', '轮次不存在');
  const day = today(ctx);
  const due = months(ctx);
  const rows = db
    .prepare(
      `SELECT ${REPORT_COLUMNS}, NULL AS updated_by_name, i.unit_id, u.name AS unit_name, g.number AS group_number, i.mode,
         (SELECT count(*) FROM problems p WHERE p.inspection_id = i.id) AS problems
       ${REPORT_FROM}
       JOIN units u ON u.id = i.unit_id
       LEFT JOIN inspection_groups g ON g.id = i.group_id
       WHERE i.round_id = ?
       ORDER BY g.number IS NULL, g.number, u.name`,
    )
    .all(roundId) as (ReportRow & { unit_id: number; unit_name: string; group_number: number | null; mode: InspectionMode; problems: number })[];
  const byInspection = new Map<number, { status: RectificationStatus; n: number }[]>();
  for (const row of db.prepare('SELECT inspection_id, status, count(*) AS n FROM rectification_items WHERE round_id = ? GROUP BY inspection_id, status').all(roundId) as {
    inspection_id: number;
    status: RectificationStatus;
    n: number;
  }[]) {
    byInspection.set(row.inspection_id, [...(byInspection.get(row.inspection_id) ?? []), row]);
  }
  const overdue = new Map(
    (
      db
        .prepare(
          `SELECT inspection_id, count(*) AS n FROM rectification_items
           WHERE round_id = ? AND status <> 'closed' AND deadline IS NOT NULL AND deadline < ? GROUP BY inspection_id`,
        )
        .all(roundId, day) as { inspection_id: number; n: number }[]
    ).map((r) => [r.inspection_id, r.n]),
  );
  return rows.map((row) => {
    const counts = statusCounts(byInspection.get(row.inspection_id) ?? []);
    const report = reportOf(row, due, day);
    return {
      inspectionId: row.inspection_id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      groupNumber: row.group_number,
      mode: row.mode,
      problems: row.problems,
      items: Object.values(counts).reduce((a, b) => a + b, 0),
      byStatus: counts,
      overdueItems: overdue.get(row.inspection_id) ?? 0,
      report: { feedbackOn: report.feedbackOn, dueOn: report.dueOn, receivedOn: report.receivedOn, daysOverdue: report.daysOverdue },
    };
  });
}

/** Reports past due and not received, of a round or of all; the due date needs the month rule, so it is decided here, over the candidates only. */
function overdueReports(db: Db, roundId: number | undefined, due: number, day: string): number {
  const rows = db
    .prepare(
      `SELECT ${REPORT_COLUMNS}, NULL AS updated_by_name ${REPORT_FROM}
       WHERE rr.received_on IS NULL AND (fm.held_on IS NOT NULL OR rs.began_on IS NOT NULL) ${roundId === undefined ? '' : 'AND i.round_id = @roundId'}`,
    )
    .all(roundId === undefined ? {} : { roundId }) as ReportRow[];
  return rows.filter((row) => reportOf(row, due, day).daysOverdue !== null).length;
}

export function counts(ctx: CoreContext, input: ChannelInput<'rectification.counts'>): ChannelOutput<'rectification.counts'> {
  const db = ctx.active().vault.db;
  const store = new RectificationStore(db);
  const day = today(ctx);
  const byStatus = store.countsByStatus(input.roundId);
  return {
    items: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    overdueItems: store.overdueCount(input.roundId, day),
    overdueReports: overdueReports(db, input.roundId, months(ctx), day),
  };
}

export function overdueItems(ctx: CoreContext, input: ChannelInput<'rectification.overdue'> & { page: number; pageSize: number }): ChannelOutput<'rectification.overdue'> {
  const { page, pageSize, ...filter } = input;
  return new RectificationStore(ctx.active().vault.db).overdue(filter, { page, pageSize }, today(ctx));
}
