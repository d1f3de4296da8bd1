import type { ChannelInput, OnSiteFigures } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * What a group did on site at one inspection (谈话人次, 受理信访举报, 调阅资料 …), entered by the
 * group and quoted by the feedback letter and the report. Inspections do not store these
 * themselves, so they live here, one row per inspection.
 */

interface FiguresRow {
  inspection_id: number;
  interviews: number;
  petitions: number;
  documents_reviewed: number;
  volumes_reviewed: number;
  visits: number;
  questionnaires: number;
  forums: number;
  updated_by_name: string | null;
  updated_at: string;
}

export function readFigures(db: Db, inspectionId: number): OnSiteFigures {
  if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(inspectionId)) throw new AppError('NOT_FOUND', '巡察任务不存在');
  const row = db
    .prepare('SELECT f.*, a.display_name AS updated_by_name FROM inspection_figures f LEFT JOIN accounts a ON a.id = f.updated_by WHERE f.inspection_id = ?')
    .get(inspectionId) as FiguresRow | undefined;
  if (!row) {
    return { inspectionId, interviews: 0, petitions: 0, documentsReviewed: 0, volumesReviewed: 0, visits: 0, questionnaires: 0, forums: 0, recorded: false, updatedBy: null, updatedAt: null };
  }
  return {
    inspectionId,
    interviews: row.interviews,
    petitions: row.petitions,
    documentsReviewed: row.documents_reviewed,
    volumesReviewed: row.volumes_reviewed,
    visits: row.visits,
    questionnaires: row.questionnaires,
    forums: row.forums,
    recorded: true,
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at,
  };
}

export function updateFigures(ctx: CoreContext, input: ChannelInput<'onSiteFigures.update'>): OnSiteFigures {
  return change(ctx, ({ vault, user }, record) => {
    const before = readFigures(vault.db, input.inspectionId);
    vault.db
      .prepare(
        `INSERT INTO inspection_figures (inspection_id, interviews, petitions, documents_reviewed, volumes_reviewed, visits, questionnaires, forums, updated_by, updated_at)
         VALUES (@inspectionId, @interviews, @petitions, @documentsReviewed, @volumesReviewed, @visits, @questionnaires, @forums, @accountId, @at)
         ON CONFLICT (inspection_id) DO UPDATE SET interviews = excluded.interviews, petitions = excluded.petitions,
           documents_reviewed = excluded.documents_reviewed, volumes_reviewed = excluded.volumes_reviewed, visits = excluded.visits,
           questionnaires = excluded.questionnaires, forums = excluded.forums, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run({ ...input, accountId: user.id, at: ctx.now().toISOString() });
    const after = readFigures(vault.db, input.inspectionId);
    const { inspectionId, ...figures } = input;
    record({
      action: 'onSiteFigures.update',
      target: { type: 'inspection', id: inspectionId },
      detail: { before: before.recorded ? figuresOnly(before) : null, after: figures },
    });
    return after;
  });
}

function figuresOnly(f: OnSiteFigures) {
  return {
    interviews: f.interviews,
    petitions: f.petitions,
    documentsReviewed: f.documentsReviewed,
    volumesReviewed: f.volumesReviewed,
    visits: f.visits,
    questionnaires: f.questionnaires,
    forums: f.forums,
  };
}
