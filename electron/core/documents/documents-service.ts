import type { ChannelInput, ChannelOutput, DocumentDetail } from '../../../shared/contract';
import { numberedClassifications, type LetterDocument } from '../../../shared/documents';
import { roleMay } from '../../../shared/roles';
import { change, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { DocumentsStore } from './documents-store';
import { documentEngine } from './engine-holder';
import { renderCopies } from './rendering';
import { fillTemplate } from './templates';

/**
 * Documents as the office drafts them: a template fills the first version from the vault, every
 * save adds a version (who, when, what changed), and finalising locks one version for good.
 */

/** Marked across every page of a preview, so a preview can never pass for a printed copy. */
export const PREVIEW_WATERMARK = '预览稿 非正式文本';

function detail(session: ActiveSession, id: number, version?: number): DocumentDetail {
  const store = new DocumentsStore(session.vault.db);
  const summary = store.byId(id);
  if (!summary) throw new AppError('NOT_FOUND', '文书不存在');
  const shown = version ?? summary.finalVersion ?? summary.latestVersion;
  const content = store.content(id, shown);
  if (!content) throw new AppError('NOT_FOUND', `该文书没有第${shown}版`);
  return {
    ...summary,
    versions: store.versions(id),
    version: shown,
    content,
    editable: summary.status === 'draft' && roleMay(session.user.role, 'documents.write'),
  };
}

export function listDocuments(ctx: CoreContext, input: ChannelInput<'documents.list'>): ChannelOutput<'documents.list'> {
  return new DocumentsStore(ctx.active().vault.db).list(input, input.page ?? 1, input.pageSize ?? 50);
}

export function createDocument(ctx: CoreContext, input: ChannelInput<'documents.create'>): DocumentDetail {
  return change(ctx, (session, record) => {
    const now = ctx.now();
    const { roundId, content } = fillTemplate(session.vault.db, session.office.get(), input.kind, input.inspectionId, localDate(now));
    const id = new DocumentsStore(session.vault.db).insert({ kind: input.kind, roundId, inspectionId: input.inspectionId, content, accountId: session.user.id, at: now.toISOString() });
    record({ action: 'document.create', target: { type: 'document', id }, detail: { kind: input.kind, inspectionId: input.inspectionId, title: content.title } });
    return detail(session, id);
  });
}

/** Reading a 秘密 or 机密 document is audited, like every read of confidential records. */
export function getDocument(ctx: CoreContext, input: ChannelInput<'documents.get'>): DocumentDetail {
  const session = ctx.active();
  const shown = detail(session, input.id, input.version);
  if (numberedClassifications.includes(shown.classification)) {
    change(ctx, (_, record) => record({ action: 'document.view', target: { type: 'document', id: shown.id }, detail: { version: shown.version, classification: shown.classification } }));
  }
  return shown;
}

function assertDraft(store: DocumentsStore, id: number) {
  const summary = store.byId(id);
  if (!summary) throw new AppError('NOT_FOUND', '文书不存在');
  if (summary.status === 'final') throw new AppError('DOCUMENT_FINAL', `该文书已于第${summary.finalVersion}版定稿，不能再修改`);
  return summary;
}

export function saveVersion(ctx: CoreContext, input: ChannelInput<'documents.saveVersion'>): DocumentDetail {
  return change(ctx, (session, record) => {
    const store = new DocumentsStore(session.vault.db);
    const summary = assertDraft(store, input.id);
    if (input.baseVersion !== summary.latestVersion) {
      throw new AppError('DOCUMENT_STALE', `该文书已有第${summary.latestVersion}版（您是在第${input.baseVersion}版上修改的），请重新打开后再保存；您正在编辑的内容不会丢失`);
    }
    const version = summary.latestVersion + 1;
    store.addVersion(input.id, version, input.content as LetterDocument, input.note ?? '', session.user.id, ctx.now().toISOString());
    record({ action: 'document.saveVersion', target: { type: 'document', id: input.id }, detail: { version, title: input.content.title, note: input.note ?? '' } });
    return detail(session, input.id, version);
  });
}

export function finalise(ctx: CoreContext, input: ChannelInput<'documents.finalise'>): DocumentDetail {
  return change(ctx, (session, record) => {
    const store = new DocumentsStore(session.vault.db);
    assertDraft(store, input.id);
    const content = store.content(input.id, input.version);
    if (!content) throw new AppError('NOT_FOUND', `该文书没有第${input.version}版`);
    store.finalise(input.id, input.version, content, session.user.id, ctx.now().toISOString());
    record({
      action: 'document.finalise',
      target: { type: 'document', id: input.id },
      detail: { version: input.version, title: content.title, classification: content.classification },
    });
    return detail(session, input.id, input.version);
  });
}

/** The live preview: rendered as it stands, stored nowhere, no 份号. */
export async function preview(ctx: CoreContext, input: ChannelInput<'documents.preview'>): Promise<ChannelOutput<'documents.preview'>> {
  const content = input.content as LetterDocument;
  const rendered = await renderCopies(documentEngine(ctx), { letter: content }, [{ watermark: PREVIEW_WATERMARK }]);
  return {
    fileName: `${content.title}（预览）.pdf`,
    base64: rendered.pdf.toString('base64'),
    pages: rendered.pages,
    fonts: rendered.fonts,
    substitutes: rendered.fonts.some((f) => f.substitute),
  };
}

export function fontStatus(ctx: CoreContext): ChannelOutput<'documents.fonts'> {
  const engine = documentEngine(ctx);
  let fonts;
  try {
    fonts = engine.fonts();
  } catch (error) {
    console.error('[documents] font lookup failed', error);
    throw new AppError('DOCUMENT_RENDER_FAILED', '找不到可用于文书的字体');
  }
  return { fonts, substitutes: fonts.some((f) => f.substitute), fontDir: ctx.active().settings.get().documentsFontDir ?? '' };
}
