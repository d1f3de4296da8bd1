import type { ChannelInput, ChannelOutput, RectificationDetail } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { readEvidence, storeEvidenceUpload } from '../files/evidence';
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
  return readEvidence(session, input.fileId, { type: EVIDENCE_OWNER, id: input.itemId }, { action: 'rectification.viewEvidence', target: { type: 'rectification', id: input.itemId } });
}
