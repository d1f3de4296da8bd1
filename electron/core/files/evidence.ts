import type { AuditAction } from '../../../shared/audit';
import { actorOf, type ActiveSession } from '../context';
import { AppError } from '../errors';
import { FileStore, type AttachmentRecord } from './file-store';

/** The kinds of file accepted as evidence (佐证材料): PDF, images, Word and plain text. */
const EVIDENCE_MIME = /^(application\/pdf|image\/(png|jpeg|gif|webp|tiff)|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword|text\/plain)$/;

/**
 * Puts one evidence file sent from the renderer (base64, already size-limited by its channel)
 * into the encrypted store for its owner. The file is complete on disk and in its row when this
 * returns, so the caller's history and audit lines are written after it, never before.
 */
export async function storeEvidenceUpload(
  session: ActiveSession,
  upload: { fileName: string; mime: string; base64: string },
  owner: { type: string; id: number },
  at: string,
): Promise<AttachmentRecord> {
  if (!EVIDENCE_MIME.test(upload.mime)) throw new AppError('INVALID_INPUT', '佐证材料只接受 PDF、图片、Word 和文本文件');
  const bytes = Buffer.from(upload.base64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的');
  async function* source() {
    yield bytes;
  }
  return new FileStore(session.vault).put(source(), { fileName: upload.fileName, mime: upload.mime, ownerType: owner.type, ownerId: owner.id, createdBy: session.user.id, at });
}

/**
 * Reads one evidence file of its owner back, verified, for viewing. The view is audited; a file
 * that fails its check (changed or missing) is audited as a failed view and never returned.
 */
export async function readEvidence(
  session: ActiveSession,
  fileId: number,
  owner: { type: string; id: number },
  audit: { action: AuditAction; target: { type: string; id: number } },
): Promise<{ fileName: string; mime: string; base64: string }> {
  const files = new FileStore(session.vault);
  const file = files.get(fileId);
  if (!file || file.ownerType !== owner.type || file.ownerId !== owner.id) throw new AppError('NOT_FOUND', '佐证材料不存在');
  const record = (outcome: 'ok' | 'failed', extra: Record<string, unknown> = {}) =>
    session.audit.append({ action: audit.action, actor: actorOf(session.user), outcome, target: audit.target, detail: { fileId: file.id, ...extra } });
  try {
    const { bytes } = await files.readVerified(file.id);
    record('ok');
    return { fileName: file.fileName, mime: file.mime, base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'FILE_TAMPERED' || error.code === 'FILE_MISSING')) record('failed', { [error.code === 'FILE_TAMPERED' ? 'tampered' : 'missing']: true });
    throw error;
  }
}
