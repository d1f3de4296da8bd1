import type { ChannelInput, ChannelOutput, RectificationDetail } from '../../../shared/contract';
import { actorOf, change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { detail, EDITABLE, today } from './ledger-service';
import { EVIDENCE_OWNER, RectificationStore } from './rectification-store';

/**
 * Evidence (佐证材料) of a ledger item: files in the vault's encrypted store, owned by the item.
 * Added while the item is being worked on; viewed only from the verified bytes, and a file
 * that fails its check is reported (and audited as such), never shown.
 */

const EVIDENCE_MIME = /^(application\/pdf|image\/(png|jpeg|gif|webp|tiff)|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword|text\/plain)$/;

export async function attachEvidence(ctx: CoreContext, input: ChannelInput<'rectification.attachEvidence'>): Promise<RectificationDetail> {
  const session = ctx.active();
  const store = new RectificationStore(session.vault.db);
  const item = store.byId(input.itemId, today(ctx));
  if (!item) throw new AppError('NOT_FOUND', '整改事项不存在');
  if (!EDITABLE.includes(item.status)) throw new AppError('RECTIFICATION_LOCKED');
  if (!EVIDENCE_MIME.test(input.mime)) throw new AppError('INVALID_INPUT', '佐证材料只接受 PDF、图片、Word 和文本文件');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的');
  async function* source() {
    yield bytes;
  }
  // The file is complete on disk and in its row before the history and audit lines are written.
  const file = await new FileStore(session.vault).put(source(), {
    fileName: input.fileName,
    mime: input.mime,
    ownerType: EVIDENCE_OWNER,
    ownerId: input.itemId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  return change(ctx, (active, record) => {
    store.addHistory({ itemId: input.itemId, event: 'evidence', from: item.status, to: item.status, note: file.fileName, actorId: active.user.id, actorName: active.user.displayName, at: file.createdAt });
    record({ action: 'rectification.attachEvidence', target: { type: 'rectification', id: input.itemId }, detail: { problemId: item.problemId, fileId: file.id, size: file.size, sha256: file.sha256 } });
    return detail(ctx, active, input.itemId);
  });
}

export async function viewEvidence(ctx: CoreContext, input: ChannelInput<'rectification.viewEvidence'>): Promise<ChannelOutput<'rectification.viewEvidence'>> {
  const session = ctx.active();
  const files = new FileStore(session.vault);
  const file = files.get(input.fileId);
  if (!file || file.ownerType !== EVIDENCE_OWNER || file.ownerId !== input.itemId) throw new AppError('NOT_FOUND', '佐证材料不存在');
  const audit = (outcome: 'ok' | 'failed', extra: Record<string, unknown> = {}) =>
    session.audit.append({ action: 'rectification.viewEvidence', actor: actorOf(session.user), outcome, target: { type: 'rectification', id: input.itemId }, detail: { fileId: file.id, ...extra } });
  try {
    const { bytes } = await files.readVerified(file.id);
    audit('ok');
    return { fileName: file.fileName, mime: file.mime, base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'FILE_TAMPERED' || error.code === 'FILE_MISSING')) audit('failed', { [error.code === 'FILE_TAMPERED' ? 'tampered' : 'missing']: true });
    throw error;
  }
}
