/**
 * Archive items (件): filing, changing, files, viewing and search, with the permission and
 * audit rules of shared/channels/archives.ts. Reading an item that is classified or clue
 * material is audited by its 档号; so is every search (without the query, which may name a
 * person) and every file view.
 */
import type { ArchiveFilter, ArchiveItem, ArchiveSearchResult, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { clueFileTypes } from '../../../shared/file-types';
import { readFileSync } from 'node:fs';
import { actorOf, change, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { chooseFileFromDisk } from '../files/choose-from-disk';
import { FileStore } from '../files/file-store';
import type { Db } from '../vault/database';
import { archiveAccess, isClassified, mayRead, type ArchiveAccess } from './access';
import { ArchiveItemsStore, type EditableFields } from './items-store';
import { indexItem, searchItems } from './search-index';
import { buildSnippet } from './snippet';
import { extractText, type ExtractedText } from './text-extract';

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

function assertMayMark(session: ActiveSession, clueMaterial: boolean): void {
  if (clueMaterial && !archiveAccess(session).mayReadClues) throw new AppError('ARCHIVE_CLUE_MARK');
}

function assertRound(session: ActiveSession, roundId: number | null): void {
  if (roundId !== null && !session.vault.db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
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
  const item = visibleItem(session, id);
  if (confidential(item)) session.audit.append({ action: 'archive.view', actor: actorOf(session.user), target: { type: 'archive', id }, detail: { archiveCode: item.archiveCode } });
  return item;
}

export function createItem(ctx: CoreContext, input: ChannelInput<'archives.create'>): ArchiveItem {
  return change(ctx, (session, record) => {
    const fields = { ...editable(input), year: input.year, retention: input.retention, orgCode: input.orgCode.toUpperCase() };
    assertMayMark(session, fields.clueMaterial);
    assertRound(session, fields.roundId);
    const at = ctx.now().toISOString();
    const store = new ArchiveItemsStore(session.vault.db);
    const id = store.insert({ ...fields, fondsCode: session.office.get().fondsCode }, session.user.id, at);
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
    assertMayMark(session, fields.clueMaterial);
    assertRound(session, fields.roundId);
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
  };
}

/** Stores a file for an item (outside any transaction: it streams), then files its text and re-indexes the item. */
async function addFile(
  ctx: CoreContext,
  itemId: number,
  role: 'original' | 'text',
  file: { fileName: string; mime: string; source: AsyncIterable<Uint8Array>; text: () => Promise<ExtractedText> },
): Promise<ArchiveItem> {
  const session = ctx.active();
  const item = visibleItem(session, itemId);
  if (!ALLOWED_MIME.has(file.mime)) throw new AppError('INVALID_INPUT', ALLOWED_TEXT);
  const extracted = await file.text();
  const stored = await new FileStore(session.vault).put(file.source, {
    fileName: file.fileName,
    mime: file.mime,
    ownerType: 'archive',
    ownerId: itemId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  return change(ctx, (s, record) => {
    s.vault.db.prepare('INSERT INTO archive_files (attachment_id, item_id, role, text_status, text) VALUES (?, ?, ?, ?, ?)').run(stored.id, itemId, role, extracted.status, extracted.text);
    indexItem(s.vault.db, itemId);
    record({
      action: 'archive.attachFile',
      target: { type: 'archive', id: itemId },
      detail: { archiveCode: item.archiveCode, fileId: stored.id, role, size: stored.size, sha256: stored.sha256, textStatus: extracted.status },
    });
    return visibleItem(s, itemId);
  });
}

export async function attachFile(ctx: CoreContext, input: ChannelInput<'archives.attachFile'>): Promise<ArchiveItem> {
  const bytes = Buffer.from(input.base64, 'base64');
  async function* source() {
    yield bytes;
  }
  return addFile(ctx, input.itemId, input.role ?? 'original', { fileName: input.fileName, mime: input.mime, source: source(), text: () => extractText(bytes, input.mime) });
}

export async function attachFromDisk(ctx: CoreContext, input: ChannelInput<'archives.attachFromDisk'>): Promise<ArchiveItem> {
  const session = ctx.active();
  const item = visibleItem(session, input.itemId);
  const { path, fileName, mime, size, open } = await chooseFileFromDisk(ctx, {
    title: `为 ${item.archiveCode} 添加文件`,
    filterName: 'PDF、OFD、图片、Word、文本',
    types: MIME_BY_EXTENSION,
    typesText: ALLOWED_TEXT,
  });
  return addFile(ctx, input.itemId, input.role ?? 'original', {
    fileName,
    mime,
    source: open(),
    text: async () => (size > MAX_EXTRACT_BYTES ? { status: 'unsupported', text: '' } : extractText(readFileSync(path), mime)),
  });
}

export async function viewFile(ctx: CoreContext, input: ChannelInput<'archives.viewFile'>): Promise<ChannelOutput<'archives.viewFile'>> {
  const session = ctx.active();
  const item = visibleItem(session, input.itemId);
  const file = item.files.find((f) => f.id === input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  const event = { action: 'archive.viewFile' as const, actor: actorOf(session.user), target: { type: 'archive', id: item.id }, detail: { archiveCode: item.archiveCode, fileId: file.id } };
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
