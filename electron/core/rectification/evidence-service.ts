import type { ChannelInput, ChannelOutput, RectificationDetail } from '../../../shared/contract';
import { actorOf, change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { storeEvidenceUpload } from '../files/evidence-upload';
import { detail, EDITABLE, today } from './ledger-service';
import { EVIDENCE_OWNER, RectificationStore } from './rectification-store';

/**
 * Evidence (佐证材料) of a ledger item: files in the vault's encrypted store, owned by the item.
 * Added while the item is being worked on; viewed only from the verified bytes, and a file
 * that fails its check is reported (and audited as such), never shown.
 */


export async function attachEvidence(ctx: CoreContext, input: ChannelInput<'rectification.attachEvidence'>): Promise<RectificationDetail> {
  const session = ctx.active();
  const store = new RectificationStore(session.vault.db);
  const item = store.byId(input.itemId, today(ctx));
  if (!item) throw new AppError('NOT_FOUND', '整改事项不存在');
  if (!EDITABLE.includes(item.status)) throw new AppError('RECTIFICATION_LOCKED');
  const file = await storeEvidenceUpload(session, input, { type: EVIDENCE_OWNER, id: input.itemId }, ctx.now().toISOString());
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
