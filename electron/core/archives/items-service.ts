/**
 * Archive items (件): filing, changing, files, viewing and search, with the permission and
 * audit rules of shared/channels/archives.ts. Reading an item that is classified or clue
 * material is audited by its 档号; so is every search (without the query, which may name a
 * person) and every file view.
 */
import type { ArchiveFilter, ArchiveItem, ArchiveSearchResult, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { clueFileTypes } from '../../../shared/file-types';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { actorOf, change, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { chooseFileFromDisk, type ChosenFile } from '../files/choose-from-disk';
import { FileStore, type StagedFile } from '../files/file-store';
import type { Db } from '../vault/database';
import { archiveAccess, isClassified, mayRead, readGrant, type ArchiveAccess } from './access';
import { hasRequested } from './borrowing/store';
import { ArchiveItemsStore, type EditableFields } from './items-store';
import { indexItem, searchItems } from './search-index';
import { buildSnippet } from './snippet';
import { extractText, type ExtractedText } from './text-extract';
import { assertDossierOpen, assertItemWritable } from './dossier/seal';

const MIME_BY_EXTENSION: Record<string, string> = { ...clueFileTypes, ofd: 'application/ofd' };
const ALLOWED_MIME = new Set(Object.values(MIME_BY_EXTENSION));
const ALLOWED_TEXT = '只接受 PDF、OFD、图片、Word 和文本文件';
/** Text is read from files up to this size; larger ones (huge scans) are filed without it. */
const MAX_EXTRACT_BYTES = 200 * 1024 * 1024;

const confidential = (item: { clueMaterial: boolean; classification: string }) => item.clueMaterial || isClassified(item.classification);

/** The item if the user may see it; NOT_FOUND otherwise (a hidden item is not even said to exist). */
function visibleItem(session: ActiveSession, id: number): ArchiveItem {
  const store = new ArchiveItemsStore(session.vault.db);
  const summary = store.summary(id);
  if (!summary || !mayRead(archiveAccess(session), summary)) throw new AppError('NOT_FOUND');
  return { ...summary, files: store.files(id) };
}

/**
 * The item for reading (getItem, viewFile): as visibleItem, or through the user's own active
 * borrowing of a 秘密/机密 item (its id is returned for the audit). Someone who asked for the
 * item but holds no active approval is told so (BORROW_REQUIRED, audited as denied).
 */
function readableItem(ctx: CoreContext, id: number): { item: ArchiveItem; borrowingId: number | null } {
  const session = ctx.active();
  const store = new ArchiveItemsStore(session.vault.db);
  const summary = store.summary(id);
  if (!summary) throw new AppError('NOT_FOUND');
  const grant = readGrant(session, summary, localDate(ctx.now()));
  if (!grant) {
    if (summary.clueMaterial || !hasRequested(session.vault.db, session.user.id, id)) throw new AppError('NOT_FOUND');
    session.audit.append({ action: 'permission.denied', actor: actorOf(session.user), outcome: 'denied', target: { type: 'archive', id }, detail: { what: 'archiveBorrowing', archiveCode: summary.archiveCode } });
    throw new AppError('BORROW_REQUIRED');
  }
  return { item: { ...summary, files: store.files(id) }, borrowingId: grant.kind === 'borrowing' ? grant.borrowingId : null };
}

const borrowed = (borrowingId: number | null) => (borrowingId === null ? {} : { borrowingId });

function assertMayMark(session: ActiveSession, clueMaterial: boolean): void {
  if (clueMaterial && !archiveAccess(session).mayReadClues) throw new AppError('ARCHIVE_CLUE_MARK');
}

function assertRound(session: ActiveSession, roundId: number | null): void {
  if (roundId !== null && !session.vault.db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
}

function assertUnit(session: ActiveSession, unitId: number | null): void {
  if (unitId !== null && !session.vault.db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) throw new AppError('INVALID_REFERENCE', '所选单位不存在');
}

export function listItems(ctx: CoreContext, input: ChannelInput<'archives.list'> & { page: number; pageSize: number }): ChannelOutput<'archives.list'> {
  const session = ctx.active();
  const { page, pageSize, ...filter } = input;
  const result = new ArchiveItemsStore(session.vault.db).list(filter, archiveAccess(session), { page, pageSize });
  const codes = result.items.filter(confidential).map((item) => item.archiveCode);
  if (codes.length) session.audit.append({ action: 'archive.view', actor: actorOf(session.user), detail: { listed: codes } });
  return result;
}

export function getItem(ctx: CoreContext, id: number): ArchiveItem {
  const session = ctx.active();
  const { item, borrowingId } = readableItem(ctx, id);
  if (confidential(item)) session.audit.append({ action: 'archive.view', actor: actorOf(session.user), target: { type: 'archive', id }, detail: { archiveCode: item.archiveCode, ...borrowed(borrowingId) } });
  return item;
}

export interface CreateOptions {
  /** Runs in the same transaction once the item exists (linking it to its source, to what it corrects). */
  then?: (session: ActiveSession, itemId: number) => void;
  /** A correction may be filed into a closed dossier (dossier/dossier-service.ts). */
  correction?: boolean;
}

export function createItem(ctx: CoreContext, input: ChannelInput<'archives.create'>, options: CreateOptions = {}): ArchiveItem {
  return change(ctx, (session, record) => {
    const fields = { ...editable(input), year: input.year, retention: input.retention, orgCode: input.orgCode.toUpperCase() };
    assertMayMark(session, fields.clueMaterial);
    assertRound(session, fields.roundId);
    assertUnit(session, fields.unitId);
    if (!options.correction) assertDossierOpen(session.vault.db, fields.roundId);
    const at = ctx.now().toISOString();
    const store = new ArchiveItemsStore(session.vault.db);
    const id = store.insert({ ...fields, fondsCode: session.office.get().fondsCode }, session.user.id, at);
    options.then?.(session, id);
    indexItem(session.vault.db, id);
    const item = visibleItem(session, id);
    record({ action: 'archive.create', target: { type: 'archive', id }, detail: { archiveCode: item.archiveCode } });
    return item;
  });
}

export function updateItem(ctx: CoreContext, input: ChannelInput<'archives.update'>): ArchiveItem {
  return change(ctx, (session, record) => {
    const before = visibleItem(session, input.id);
    const fields = editable(input);
    assertItemWritable(session.vault.db, input.id);
    if (fields.roundId !== before.roundId) assertDossierOpen(session.vault.db, fields.roundId);
    assertMayMark(session, fields.clueMaterial);
    assertRound(session, fields.roundId);
    assertUnit(session, fields.unitId);
    new ArchiveItemsStore(session.vault.db).update(input.id, fields, ctx.now().toISOString());
    indexItem(session.vault.db, input.id);
    const changed = (Object.keys(fields) as (keyof EditableFields)[]).filter((key) => before[key] !== fields[key]);
    record({ action: 'archive.update', target: { type: 'archive', id: input.id }, detail: { archiveCode: before.archiveCode, changed } });
    return visibleItem(session, input.id);
  });
}

function editable(input: ChannelInput<'archives.update'> | ChannelInput<'archives.create'>): EditableFields {
  return {
    title: input.title,
    titleSupplied: input.titleSupplied ?? false,
    responsible: input.responsible,
    docNumber: input.docNumber ?? '',
    docDate: input.docDate ?? null,
    pages: input.pages ?? null,
    classification: input.classification,
    note: input.note ?? '',
    roundId: input.roundId ?? null,
    kind: input.kind ?? 'other',
    clueMaterial: input.clueMaterial ?? false,
    unitId: input.unitId ?? null,
  };
}

/** A file coming into an item: its bytes as a stream and how its text is read. */
export interface IncomingFile {
  fileName: string;
  mime: string;
  role: 'original' | 'text';
  source: AsyncIterable<Uint8Array>;
  text: () => Promise<ExtractedText>;
}

/** A file read and written to the store (encrypted, temp + fsync + rename) whose rows are not written yet. */
interface PreparedFile {
  incoming: IncomingFile;
  staged: StagedFile;
  extracted: ExtractedText;
}

/** Type check, text, then the encrypted file into the store: outside any transaction, as it streams. */
async function prepareFile(session: ActiveSession, file: IncomingFile): Promise<PreparedFile> {
  if (!ALLOWED_MIME.has(file.mime)) throw new AppError('INVALID_INPUT', ALLOWED_TEXT);
  const extracted = await file.text();
  const staged = await new FileStore(session.vault).stage(file.source);
  return { incoming: file, staged, extracted };
}

/**
 * Runs `write` (one transaction that writes the file's rows with whatever else) on a prepared
 * file; if it fails the stored file is removed, so nothing is left half-filed.
 */
async function withPreparedFile<T>(ctx: CoreContext, file: IncomingFile, write: (prepared: PreparedFile) => T): Promise<T> {
  const session = ctx.active();
  const prepared = await prepareFile(session, file);
  try {
    return write(prepared);
  } catch (error) {
    new FileStore(session.vault).discard(prepared.staged);
    throw error;
  }
}

/** Inside the caller's transaction: the file's row, its link to the item, the item's text and the audit entry. */
function linkFile(ctx: CoreContext, session: ActiveSession, itemId: number, prepared: PreparedFile): void {
  const { incoming, staged, extracted } = prepared;
  const db = session.vault.db;
  const stored = new FileStore(session.vault).record(staged, {
    fileName: incoming.fileName,
    mime: incoming.mime,
    ownerType: 'archive',
    ownerId: itemId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  db.prepare('INSERT INTO archive_files (attachment_id, item_id, role, text_status, text) VALUES (?, ?, ?, ?, ?)').run(stored.id, itemId, incoming.role, extracted.status, extracted.text);
  indexItem(db, itemId);
  const archiveCode = db.prepare('SELECT archive_code FROM archive_items WHERE id = ?').pluck().get(itemId) as string;
  session.audit.append({
    action: 'archive.attachFile',
    actor: actorOf(session.user),
    target: { type: 'archive', id: itemId },
    detail: { archiveCode, fileId: stored.id, role: incoming.role, size: stored.size, sha256: stored.sha256, textStatus: extracted.status },
  });
}

/**
 * A new item with its file, all or nothing: the file is stored first, then one transaction
 * takes the 件号, writes the item and links the file. If anything fails the stored file is
 * removed and no 件号 is taken (so the catalogue has no gap and no item without its file).
 */
export function createItemWithFile(ctx: CoreContext, input: ChannelInput<'archives.create'>, file: IncomingFile, options: CreateOptions = {}): Promise<ArchiveItem> {
  return withPreparedFile(ctx, file, (prepared) =>
    createItem(ctx, input, {
      ...options,
      then: (session, itemId) => {
        options.then?.(session, itemId);
        linkFile(ctx, session, itemId, prepared);
      },
    }),
  );
}

/** A further file for an existing, writable item. */
async function addFile(ctx: CoreContext, itemId: number, file: IncomingFile): Promise<ArchiveItem> {
  const session = ctx.active();
  visibleItem(session, itemId);
  assertItemWritable(session.vault.db, itemId);
  return withPreparedFile(ctx, file, (prepared) =>
    change(ctx, (s) => {
      assertItemWritable(s.vault.db, itemId);
      linkFile(ctx, s, itemId, prepared);
      return visibleItem(s, itemId);
    }),
  );
}

export function attachFile(ctx: CoreContext, input: ChannelInput<'archives.attachFile'>): Promise<ArchiveItem> {
  return addFile(ctx, input.itemId, bytesFile(input.role ?? 'original', { fileName: input.fileName, mime: input.mime, bytes: Buffer.from(input.base64, 'base64') }));
}

/** A file already in memory (an upload, a PDF the app rendered). */
export function bytesFile(role: 'original' | 'text', file: { fileName: string; mime: string; bytes: Buffer }): IncomingFile {
  async function* source() {
    yield file.bytes;
  }
  return { fileName: file.fileName, mime: file.mime, role, source: source(), text: () => extractText(file.bytes, file.mime) };
}

/** The chosen file's bytes; a read that fails (the file moved, a disk error) says so in Chinese, and nothing is filed. */
async function* readable(stream: AsyncIterable<Uint8Array>, fileName: string): AsyncIterable<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', `无法读取文件“${fileName}”，未归档，请检查文件后重试`);
  }
}

/** A file chosen from disk, streamed in; its text is read only up to MAX_EXTRACT_BYTES (an unreadable file files without text). */
export function chosenFile(role: 'original' | 'text', chosen: ChosenFile): IncomingFile {
  const { path, fileName, mime, size, open } = chosen;
  return {
    fileName,
    mime,
    role,
    source: readable(open(), fileName),
    text: async () => {
      if (size > MAX_EXTRACT_BYTES) return { status: 'unsupported', text: '' };
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        return { status: 'failed', text: '' };
      }
      return extractText(bytes, mime);
    },
  };
}

/** The OS dialog for a file an archive item may hold (CANCELLED when closed). */
export function chooseArchiveFile(ctx: CoreContext, title: string): Promise<ChosenFile> {
  return chooseFileFromDisk(ctx, { title, filterName: 'PDF、OFD、图片、Word、文本', types: MIME_BY_EXTENSION, typesText: ALLOWED_TEXT });
}

export async function attachFromDisk(ctx: CoreContext, input: ChannelInput<'archives.attachFromDisk'>): Promise<ArchiveItem> {
  const session = ctx.active();
  const item = visibleItem(session, input.itemId);
  assertItemWritable(session.vault.db, input.itemId);
  return addFile(ctx, input.itemId, chosenFile(input.role ?? 'original', await chooseArchiveFile(ctx, `为 ${item.archiveCode} 添加文件`)));
}

export async function viewFile(ctx: CoreContext, input: ChannelInput<'archives.viewFile'>): Promise<ChannelOutput<'archives.viewFile'>> {
  const session = ctx.active();
  const { item, borrowingId } = readableItem(ctx, input.itemId);
  const file = item.files.find((f) => f.id === input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  const event = {
    action: 'archive.viewFile' as const,
    actor: actorOf(session.user),
    target: { type: 'archive', id: item.id },
    detail: { archiveCode: item.archiveCode, fileId: file.id, ...borrowed(borrowingId) },
  };
  try {
    const { bytes } = await new FileStore(session.vault).readVerified(file.id);
    session.audit.append(event);
    return { fileName: file.fileName, mime: file.mime, base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'FILE_TAMPERED' || error.code === 'FILE_MISSING')) {
      session.audit.append({ ...event, outcome: 'failed', detail: { ...event.detail, failure: error.code } });
    }
    throw error;
  }
}

/**
 * A decrypted, verified copy of one of the item's files where the user chooses (Word and OFD are
 * not drawn inside the app): an export, audited with the folder it went to (not the file name).
 */
export async function saveFileCopy(ctx: CoreContext, input: ChannelInput<'archives.saveFileCopy'>): Promise<{ saved: boolean }> {
  const session = ctx.active();
  const { item, borrowingId } = readableItem(ctx, input.itemId);
  const file = item.files.find((f) => f.id === input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  const target = await ctx.options.files.chooseFileToSave({ title: `另存 ${item.archiveCode} 的文件`, defaultName: file.fileName });
  if (!target) return { saved: false };
  await new FileStore(session.vault).exportTo(file.id, target);
  session.audit.append({
    action: 'archive.saveFileCopy',
    actor: actorOf(session.user),
    target: { type: 'archive', id: item.id },
    detail: { archiveCode: item.archiveCode, fileId: file.id, savedToFolder: dirname(target), sha256: file.sha256, ...borrowed(borrowingId) },
  });
  return { saved: true };
}

/** One page of search results with snippets (no audit: `search` audits; the bench calls this directly). */
export function searchPage(db: Db, query: string, filter: ArchiveFilter, access: ArchiveAccess, page: { page: number; pageSize: number }): ArchiveSearchResult {
  const found = searchItems(db, query, filter, access, page);
  const items = new ArchiveItemsStore(db).summaries(found.ids);
  const bodies = new Map(
    (db.prepare('SELECT item_id, body FROM archive_search_text WHERE item_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(found.ids)) as { item_id: number; body: string }[]).map((r) => [
      r.item_id,
      r.body,
    ]),
  );
  return {
    items: items.map((item) => ({ item, snippet: buildSnippet(bodies.get(item.id) ?? '', found.terms) })),
    total: found.total,
    totalIsLowerBound: found.totalIsLowerBound,
    ranked: found.ranked,
  };
}

export function search(ctx: CoreContext, input: ChannelInput<'archives.search'> & { page: number; pageSize: number }): ArchiveSearchResult {
  const session = ctx.active();
  const { query, page, pageSize, ...filter } = input;
  const result = searchPage(session.vault.db, query, filter, archiveAccess(session), { page, pageSize });
  session.audit.append({
    action: 'archive.search',
    actor: actorOf(session.user),
    detail: { total: result.total, page, confidential: result.items.filter((hit) => confidential(hit.item)).map((hit) => hit.item.archiveCode) },
  });
  return result;
}
