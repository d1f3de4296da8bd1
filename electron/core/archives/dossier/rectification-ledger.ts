/**
 * The rectification ledger (整改台账) of each inspection of a round, offered for filing as a
 * landscape PDF table through the document engine (like the four lists): one row per item, in
 * the order of its problems, as it stands when filed. Filed once per inspection.
 */
import type { ArchiveItem, ChannelInput, OfferedDocument, RectificationStatus } from '../../../../shared/contract';
import type { TableDocument } from '../../../../shared/documents';
import { localDate, type CoreContext } from '../../context';
import { documentEngine } from '../../documents/engine-holder';
import { renderCopies } from '../../documents/rendering';
import { AppError } from '../../errors';
import type { Db } from '../../vault/database';
import { bytesFile, createItemWithFile } from '../items-service';
import { dossierDefaults } from './dossier-service';
import { assertDossierOpen } from './seal';

const STATUS_TEXT: Record<RectificationStatus, string> = { notStarted: '未启动', inProgress: '整改中', awaitingReview: '已完成待审核', closed: '已销号' };

const COLUMNS = [
  { header: '序号', width: 0.8 },
  { header: '问题描述', width: 4 },
  { header: '整改措施', width: 4 },
  { header: '责任人', width: 1.2 },
  { header: '责任单位', width: 1.5 },
  { header: '整改时限', width: 2 },
  { header: '状态', width: 1.5 },
  { header: '销号日期', width: 2 },
];

/** 2020-09-30 as the printed ledger says it: 2020年9月30日. */
const chineseDate = (date: string | null) => {
  const parts = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return parts ? `${parts[1]}年${Number(parts[2])}月${Number(parts[3])}日` : (date ?? '');
};

interface LedgerInspection {
  inspectionId: number;
  unitId: number;
  unitName: string;
}

/** The round's inspections that have a rectification ledger (at least one item), in inspection order. */
function ledgerInspections(db: Db, roundId: number): LedgerInspection[] {
  return db
    .prepare(
      `SELECT i.id AS inspectionId, i.unit_id AS unitId, u.name AS unitName FROM inspections i JOIN units u ON u.id = i.unit_id
       WHERE i.round_id = ? AND EXISTS (SELECT 1 FROM rectification_items ri WHERE ri.inspection_id = i.id) ORDER BY i.id`,
    )
    .all(roundId) as LedgerInspection[];
}

function filedLedger(db: Db, inspectionId: number): { id: number; archive_code: string } | undefined {
  return db
    .prepare(
      `SELECT a.id, a.archive_code FROM archive_item_sources s JOIN archive_items a ON a.id = s.item_id
       WHERE s.source_type = 'rectificationLedger' AND s.source_id = ? AND s.source_version = 0`,
    )
    .get(inspectionId) as { id: number; archive_code: string } | undefined;
}

const ledgerTitle = (unitName: string) => `${unitName}巡察整改台账`;

/** The ledger as a table document; cells go in as text, printed literally. */
export function rectificationLedgerTable(db: Db, inspectionId: number, options: { classification: TableDocument['classification']; date: string }): TableDocument {
  const unit = db.prepare('SELECT u.name FROM inspections i JOIN units u ON u.id = i.unit_id WHERE i.id = ?').pluck().get(inspectionId) as string | undefined;
  if (unit === undefined) throw new AppError('NOT_FOUND', '巡察任务不存在');
  const rows = db
    .prepare(
      `SELECT p.description, ri.measures, ri.responsible_person, ri.responsible_unit, ri.deadline, ri.status, ri.closed_on
       FROM rectification_items ri JOIN problems p ON p.id = ri.problem_id WHERE ri.inspection_id = ? ORDER BY ri.problem_id`,
    )
    .all(inspectionId) as { description: string; measures: string; responsible_person: string; responsible_unit: string; deadline: string | null; status: RectificationStatus; closed_on: string | null }[];
  return {
    classification: options.classification,
    classificationPeriod: '',
    title: ledgerTitle(unit),
    subtitle: `被巡察单位：${unit}`,
    columns: COLUMNS,
    rows: rows.map((r, index) => [String(index + 1), r.description, r.measures, r.responsible_person, r.responsible_unit, chineseDate(r.deadline), STATUS_TEXT[r.status], chineseDate(r.closed_on)]),
    date: options.date,
  };
}

/** The round's rectification ledgers, each with the item fields it would be filed with. */
export function offeredLedgers(ctx: CoreContext, roundId: number): OfferedDocument[] {
  const session = ctx.active();
  const db = session.vault.db;
  const office = session.office.get().name;
  return ledgerInspections(db, roundId).map(({ inspectionId, unitId, unitName }) => {
    const filed = filedLedger(db, inspectionId);
    return {
      documentId: null,
      version: null,
      listKind: null,
      inspectionId,
      unitId,
      unitName,
      clueMaterial: false,
      title: ledgerTitle(unitName),
      responsible: office,
      docNumber: '',
      docDate: localDate(ctx.now()),
      classification: 'secret' as const,
      kind: 'rectification' as const,
      filedItemId: filed?.id ?? null,
      filedArchiveCode: filed?.archive_code ?? null,
    };
  });
}

/** An inspection's ledger as it stands now, rendered to PDF and filed with its unit, once. */
export async function fileRectificationLedger(ctx: CoreContext, input: ChannelInput<'archives.fileRectificationLedger'>): Promise<ArchiveItem> {
  const db = ctx.active().vault.db;
  const inspection = db.prepare('SELECT round_id, unit_id FROM inspections WHERE id = ?').get(input.inspectionId) as { round_id: number; unit_id: number } | undefined;
  if (!inspection) throw new AppError('NOT_FOUND', '巡察任务不存在');
  const earlier = filedLedger(db, input.inspectionId);
  if (earlier) throw new AppError('INVALID_INPUT', `该整改台账已归档，档号 ${earlier.archive_code}`);
  if (!db.prepare('SELECT 1 FROM rectification_items WHERE inspection_id = ?').get(input.inspectionId)) throw new AppError('INVALID_INPUT', '该巡察任务还没有整改事项，无可归档的整改台账');
  assertDossierOpen(db, inspection.round_id);
  const table = rectificationLedgerTable(db, input.inspectionId, { classification: input.classification, date: input.docDate ?? localDate(ctx.now()) });
  const rendered = await renderCopies(documentEngine(ctx), { table }, [{}]);
  const { inspectionId, ...fields } = input;
  return createItemWithFile(
    ctx,
    { ...fields, ...dossierDefaults(db, inspection.round_id), roundId: inspection.round_id, unitId: fields.unitId ?? inspection.unit_id, pages: fields.pages ?? rendered.copyPages },
    bytesFile('original', { fileName: `${table.title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120)}.pdf`, mime: 'application/pdf', bytes: rendered.pdf }),
    {
      then: (session, itemId) =>
        void session.vault.db.prepare("INSERT INTO archive_item_sources (item_id, source_type, source_id, source_version) VALUES (?, 'rectificationLedger', ?, 0)").run(itemId, inspectionId),
    },
  );
}
