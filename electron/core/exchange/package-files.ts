/**
 * The stored files that travel with their records: rectification evidence, and clue material
 * when the clues go. Each is decrypted and checked against its SHA-256 at the sender; at the
 * receiver it is stored again under a new key of that vault.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import type { Db } from '../vault/database';
import type { Vault } from '../vault/vault';
import type { BodyFile, PackageBody } from './package-body';

/** All files of one package together: they travel inside the JSON body, in memory. */
export const MAX_PACKAGE_FILE_BYTES = 256 * 1024 ** 2;
/** Where a stored file waits between being written and its record being imported. */
const PENDING_OWNER = 'exchange.pending';

export async function collectFiles(vault: Vault, body: PackageBody): Promise<BodyFile[]> {
  const store = new FileStore(vault);
  const owners: { owner: BodyFile['owner']; ids: number[] }[] = [
    { owner: 'rectification', ids: body.rectification.map((r) => r.sourceId) },
    { owner: 'clue', ids: (body.clues ?? []).map((c) => c.sourceId) },
  ];
  const records = owners.flatMap(({ owner, ids }) => ids.flatMap((ownerId) => store.ofOwner(owner, ownerId).map((record) => ({ owner, ownerId, record }))));
  if (records.reduce((sum, r) => sum + r.record.size, 0) > MAX_PACKAGE_FILE_BYTES) throw new AppError('EXCHANGE_FILES_TOO_LARGE');
  const files: BodyFile[] = [];
  for (const { owner, ownerId, record } of records) {
    const { bytes } = await store.readVerified(record.id, MAX_PACKAGE_FILE_BYTES);
    files.push({ sourceId: record.id, owner, ownerSourceId: ownerId, fileName: record.fileName, mime: record.mime, sha256: record.sha256, data: bytes.toString('base64') });
  }
  return files;
}

/**
 * Stores the new files of an import before its transaction, owned by no record yet; the
 * transaction then gives each its owner (applyPlan). Returns source id → local attachment id.
 */
export async function storePendingFiles(vault: Vault, files: BodyFile[], by: number, at: string): Promise<Map<number, number>> {
  const store = new FileStore(vault);
  const stored = new Map<number, number>();
  try {
    for (const file of files) {
      const bytes = Buffer.from(file.data, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new AppError('EXCHANGE_TAMPERED');
      async function* source() {
        yield bytes;
      }
      const record = await store.put(source(), { fileName: file.fileName, mime: file.mime, ownerType: PENDING_OWNER, ownerId: 0, createdBy: by, at });
      stored.set(file.sourceId, record.id);
    }
  } catch (error) {
    discardPendingFiles(vault, stored, at);
    throw error;
  }
  return stored;
}

/** After a failed import: the waiting files are marked removed (their encrypted bytes stay unread). */
export function discardPendingFiles(vault: Vault, stored: Map<number, number>, at: string): void {
  const remove = vault.db.prepare('UPDATE attachments SET removed_at = ? WHERE id = ? AND owner_type = ?');
  for (const id of stored.values()) remove.run(at, id, PENDING_OWNER);
}

export function claimPendingFile(db: Db, attachmentId: number, owner: BodyFile['owner'], ownerId: number): void {
  db.prepare('UPDATE attachments SET owner_type = ?, owner_id = ? WHERE id = ? AND owner_type = ?').run(owner, ownerId, attachmentId, PENDING_OWNER);
}
