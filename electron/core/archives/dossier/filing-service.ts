/**
 * Filing into a round's dossier: the documents the app produced (a finalised letter rendered
 * from its final version through the document engine, filed once per version) and outside
 * files chosen from disk, each becoming an item with its fields prefilled.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fourListKinds, type ArchiveItem, type ArchiveKind, type ChannelInput, type DocumentKind, type OfferedDocument } from '../../../../shared/contract';
import { localDate, type CoreContext } from '../../context';
import { AppError } from '../../errors';
import { DocumentsStore } from '../../documents/documents-store';
import { documentEngine } from '../../documents/engine-holder';
import { renderCopies } from '../../documents/rendering';
import { fourListTable } from '../../documents/four-list-table';
import { mayReadClues } from '../../findings/clue-access';
import { assertMayReadClues } from '../../findings/clues-service';
import { fourListRows } from '../../findings/lists-service';
import type { Db } from '../../vault/database';
import { bytesFile, chooseArchiveFile, chosenFile, createItemWithFile } from '../items-service';
import { dossierDefaults } from './dossier-service';
import { pdfPageCount } from './pdf-pages';
import { offeredLedgers } from './rectification-ledger';
import { assertDossierOpen } from './seal';

const KIND_OF_DOCUMENT: Record<DocumentKind, ArchiveKind> = {
  feedbackLetter: 'feedback',
  inspectionReport: 'report',
  rectificationNotice: 'rectification',
};

/** A title as a file name on any system. */
const pdfName = (title: string) => `${title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120)}.pdf`;

type FourListKind = (typeof fourListKinds)[number];
/** The clue list is filed with the clues (问题线索及台账); the other three are hand-over material. */
const KIND_OF_LIST: Record<FourListKind, ArchiveKind> = { problems: 'handover', clues: 'clueLedger', accountability: 'handover', personMatters: 'handover' };

function filedAs(db: Db, documentId: number, version: number, type: 'document' | 'fourList' = 'document'): { id: number; archive_code: string } | undefined {
  return db
    .prepare(
      `SELECT a.id, a.archive_code FROM archive_item_sources s JOIN archive_items a ON a.id = s.item_id
       WHERE s.source_type = ? AND s.source_id = ? AND s.source_version = ?`,
    )
    .get(type, documentId, version) as { id: number; archive_code: string } | undefined;
}

const unitOfInspection = (db: Db, inspectionId: number) => db.prepare('SELECT unit_id FROM inspections WHERE id = ?').pluck().get(inspectionId) as number;

/** The finalised documents of the round, each with the item fields it would be filed with. */
export function offeredDocuments(ctx: CoreContext, roundId: number): OfferedDocument[] {
  const db = ctx.active().vault.db;
  const store = new DocumentsStore(db);
  const finals = store.list({ roundId, status: 'final' }, 1, 500).items;
  return finals.flatMap((doc) => {
    const version = doc.finalVersion;
    const content = version === null ? null : store.content(doc.id, version);
    if (version === null || !content) return [];
    const filed = filedAs(db, doc.id, version);
    return [
      {
        documentId: doc.id,
        version,
        listKind: null,
        inspectionId: null,
        unitId: doc.inspectionId === null ? null : unitOfInspection(db, doc.inspectionId),
        unitName: doc.unitName,
        clueMaterial: false,
        title: content.title,
        responsible: content.issuerMark,
        docNumber: content.documentNumber,
        docDate: content.date,
        classification: content.classification,
        kind: KIND_OF_DOCUMENT[doc.kind],
        filedItemId: filed?.id ?? null,
        filedArchiveCode: filed?.archive_code ?? null,
      },
    ];
  });
}

/** The four lists of the round that have rows (the clue list only for those who may read clues). */
export function offeredLists(ctx: CoreContext, roundId: number): OfferedDocument[] {
  const session = ctx.active();
  const db = session.vault.db;
  const office = session.office.get().name;
  return fourListKinds.flatMap((listKind, index) => {
    if (listKind === 'clues' && !mayReadClues(session)) return [];
    const rows = fourListRows(db, { kind: listKind, roundId });
    if (rows.rows.length === 0) return [];
    const filed = filedAs(db, roundId, index, 'fourList');
    return [
      {
        documentId: null,
        version: null,
        listKind,
        inspectionId: null,
        unitId: null,
        unitName: null,
        clueMaterial: listKind === 'clues',
        title: `${rows.label}${rows.title}`,
        responsible: office,
        docNumber: '',
        docDate: localDate(ctx.now()),
        classification: 'secret' as const,
        kind: KIND_OF_LIST[listKind],
        filedItemId: filed?.id ?? null,
        filedArchiveCode: filed?.archive_code ?? null,
      },
    ];
  });
}

/** What the round offers for filing: its finalised documents, its four lists, then its inspections' rectification ledgers. */
export function offered(ctx: CoreContext, roundId: number): OfferedDocument[] {
  return [...offeredDocuments(ctx, roundId), ...offeredLists(ctx, roundId), ...offeredLedgers(ctx, roundId)];
}

/** A four list as it stands now, rendered like its print (no 份号), filed once per round. */
export async function fileFourList(ctx: CoreContext, input: ChannelInput<'archives.fileFourList'>): Promise<ArchiveItem> {
  const session = ctx.active();
  const db = session.vault.db;
  if (input.listKind === 'clues') assertMayReadClues(session);
  const index = fourListKinds.indexOf(input.listKind);
  const earlier = filedAs(db, input.roundId, index, 'fourList');
  if (earlier) throw new AppError('INVALID_INPUT', `该清单已归档，档号 ${earlier.archive_code}`);
  assertDossierOpen(db, input.roundId);
  const rows = fourListRows(db, { kind: input.listKind, roundId: input.roundId });
  const table = fourListTable(rows, { classification: input.classification, classificationPeriod: '', unit: null, date: input.docDate ?? localDate(ctx.now()) });
  const rendered = await renderCopies(documentEngine(ctx), { table }, [{}]);
  const { listKind, ...fields } = input;
  return createItemWithFile(
    ctx,
    { ...fields, ...dossierDefaults(db, input.roundId), clueMaterial: fields.clueMaterial || listKind === 'clues', pages: fields.pages ?? rendered.copyPages },
    bytesFile('original', { fileName: pdfName(table.title), mime: 'application/pdf', bytes: rendered.pdf }),
    {
      then: (s, itemId) =>
        void s.vault.db.prepare("INSERT INTO archive_item_sources (item_id, source_type, source_id, source_version) VALUES (?, 'fourList', ?, ?)").run(itemId, input.roundId, index),
    },
  );
}

/**
 * Renders the final version (no 份号: the filed copy is the document, not a printed copy) BEFORE
 * anything is written, so a rendering failure leaves no half-filed item; then the PDF is stored
 * and the item, its source link and its file are written in one transaction.
 */
export async function fileDocument(ctx: CoreContext, input: ChannelInput<'archives.fileDocument'>): Promise<ArchiveItem> {
  const db = ctx.active().vault.db;
  const store = new DocumentsStore(db);
  const doc = store.byId(input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
  const version = doc.finalVersion;
  const content = version === null ? null : store.content(doc.id, version);
  if (version === null || !content) throw new AppError('INVALID_INPUT', '只有已定稿的文书才能归档，请先定稿');
  const earlier = filedAs(db, doc.id, version);
  if (earlier) throw new AppError('INVALID_INPUT', `该文书已归档，档号 ${earlier.archive_code}`);
  assertDossierOpen(db, doc.roundId);
  const rendered = await renderCopies(documentEngine(ctx), { letter: content }, [{}]);
  const { documentId, ...fields } = input;
  return createItemWithFile(
    ctx,
    {
      ...fields,
      ...dossierDefaults(db, doc.roundId),
      roundId: doc.roundId,
      unitId: fields.unitId ?? (doc.inspectionId === null ? null : unitOfInspection(db, doc.inspectionId)),
      pages: fields.pages ?? rendered.copyPages,
    },
    bytesFile('original', { fileName: pdfName(content.title), mime: 'application/pdf', bytes: rendered.pdf }),
    {
      then: (session, itemId) =>
        void session.vault.db.prepare("INSERT INTO archive_item_sources (item_id, source_type, source_id, source_version) VALUES (?, 'document', ?, ?)").run(itemId, documentId, version),
    },
  );
}

/** PDFs up to this size are opened to count their pages (a huge scan is left for the archivist). */
const MAX_COUNTED_BYTES = 200 * 1024 * 1024;

/** 文号 and date as file names often carry them: 市巡办〔2020〕8号, 2020-10-15 or 20201015. */
export function fieldsFromFileName(fileName: string): { title: string; docNumber: string; docDate: string | null } {
  const title = basename(fileName, extname(fileName)).trim() || fileName;
  const docNumber = /[\p{Script=Han}]{1,10}[〔[]\d{4}[〕\]]\d{1,4}号/u.exec(title)?.[0] ?? '';
  const date = /(\d{4})[-.年]?(\d{2})[-.月]?(\d{2})日?/.exec(title);
  const valid = date && Number(date[2]) >= 1 && Number(date[2]) <= 12 && Number(date[3]) >= 1 && Number(date[3]) <= 31;
  return { title: title.slice(0, 500), docNumber: docNumber.slice(0, 100), docDate: valid ? `${date[1]}-${date[2]}-${date[3]}` : null };
}

/**
 * An outside file into the round's dossier: the dialog first (cancelling files nothing), then an
 * item titled from the file name ([ ]: the archivist's title until corrected) and the file
 * streamed into it, all or nothing: if storing the file fails no item is filed and no 件号 taken.
 */
export async function importFromDisk(ctx: CoreContext, input: ChannelInput<'archives.importFromDisk'>): Promise<ArchiveItem> {
  assertDossierOpen(ctx.active().vault.db, input.roundId);
  const chosen = await chooseArchiveFile(ctx, '选择要归档的文件');
  const pages = chosen.mime === 'application/pdf' && chosen.size <= MAX_COUNTED_BYTES ? await pdfPageCount(readFileSync(chosen.path)) : null;
  return createItemWithFile(ctx, outsideItem(ctx, input.roundId, input.kind ?? 'other', chosen.fileName, pages), chosenFile('original', chosen));
}

/** A file dropped or picked in the window (up to 10 MB), filed as importFromDisk files one from disk: all or nothing. */
export async function importUpload(ctx: CoreContext, input: ChannelInput<'archives.importUpload'>): Promise<ArchiveItem> {
  assertDossierOpen(ctx.active().vault.db, input.roundId);
  const bytes = Buffer.from(input.base64, 'base64');
  const pages = input.mime === 'application/pdf' ? await pdfPageCount(bytes) : null;
  return createItemWithFile(ctx, outsideItem(ctx, input.roundId, input.kind ?? 'other', input.fileName, pages), bytesFile('original', { fileName: input.fileName, mime: input.mime, bytes }));
}

/** The fields of an outside file's item: the round's defaults, what its name says, the office as 责任者 until corrected. */
function outsideItem(ctx: CoreContext, roundId: number, kind: ArchiveKind, fileName: string, pages: number | null): ChannelInput<'archives.create'> {
  const session = ctx.active();
  return {
    ...dossierDefaults(session.vault.db, roundId),
    ...fieldsFromFileName(fileName),
    titleSupplied: true,
    pages,
    responsible: session.office.get().name,
    classification: 'internal',
    roundId,
    kind,
    clueMaterial: false,
    unitId: null,
    note: '',
  };
}
