import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { newDataKey, openSealedKey, sealKey, type SealedKey } from '../crypto/keys';
import { AppError } from '../errors';
import { fsyncDirectory } from '../fs/atomic-write';
import type { Vault } from '../vault/vault';
import { readEncryptedFile, writeEncryptedFile } from './encrypted-file';

export interface AttachmentRecord {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  ownerType: string;
  ownerId: number;
  createdAt: string;
}

interface AttachmentRow {
  id: number;
  storage_name: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  key_iv: string;
  key_tag: string;
  key_data: string;
  owner_type: string;
  owner_id: number;
  created_at: string;
}

export interface AttachmentMeta {
  fileName: string;
  mime: string;
  ownerType: string;
  ownerId: number;
  createdBy: number | null;
  at: string;
}

/** An encrypted file written to the store whose row is not written yet (FileStore.stage). */
export interface StagedFile {
  readonly storageName: string;
  readonly size: number;
  readonly sha256: string;
  readonly sealed: SealedKey;
}

export type FixityResult = 'ok' | 'missing' | 'tampered';

/** Files larger than this are not decrypted into memory for in-app viewing. */
export const MAX_VIEW_BYTES = 200 * 1024 * 1024;

const toRecord = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id,
  fileName: row.file_name,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
  ownerType: row.owner_type,
  ownerId: row.owner_id,
  createdAt: row.created_at,
});

/**
 * The encrypted file store shared by clues, rectification evidence and archives. Every file
 * has its own random key, sealed under the vault's file subkey and bound to its storage name;
 * the plaintext never touches the disk except in an explicit export.
 */
export class FileStore {
  private readonly root: string;

  constructor(private readonly vault: Vault) {
    this.root = vault.paths.files;
  }

  /**
   * Streams a file in. The encrypted file is complete on disk (temp, fsync, rename) before its
   * row is written; if the row cannot be written the file is removed again.
   */
  async put(source: AsyncIterable<Uint8Array>, meta: AttachmentMeta): Promise<AttachmentRecord> {
    const staged = await this.stage(source);
    try {
      return this.record(staged, meta);
    } catch (error) {
      this.discard(staged);
      throw error;
    }
  }

  /**
   * The first half of put: the encrypted file complete on disk, no row yet. For callers that
   * write the row in their own transaction together with what the file belongs to (and
   * discard the file if that transaction fails).
   */
  async stage(source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const storageName = randomBytes(16).toString('hex');
    const path = this.pathOf(storageName);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fileKey = newDataKey();
    try {
      const written = await writeEncryptedFile(source, path, fileKey);
      return { storageName, size: written.size, sha256: written.sha256, sealed: this.sealFileKey(fileKey, storageName) };
    } finally {
      fileKey.fill(0);
    }
  }

  /** The row of a staged file (synchronous, so it can run inside the caller's transaction). */
  record(staged: StagedFile, meta: AttachmentMeta): AttachmentRecord {
    const { storageName, size, sha256, sealed } = staged;
    const info = this.vault.db
      .prepare(
        `INSERT INTO attachments (storage_name, file_name, mime, size, sha256, key_iv, key_tag, key_data, owner_type, owner_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(storageName, meta.fileName, meta.mime, size, sha256, sealed.iv, sealed.tag, sealed.data, meta.ownerType, meta.ownerId, meta.createdBy, meta.at);
    return this.get(Number(info.lastInsertRowid))!;
  }

  /** Removes a staged file whose row was never written (or was rolled back). */
  discard(staged: StagedFile): void {
    rmSync(this.pathOf(staged.storageName), { force: true });
  }

  get(id: number): AttachmentRecord | null {
    const row = this.row(id);
    return row ? toRecord(row) : null;
  }

  ofOwner(ownerType: string, ownerId: number): AttachmentRecord[] {
    const rows = this.vault.db
      .prepare('SELECT * FROM attachments WHERE owner_type = ? AND owner_id = ? AND removed_at IS NULL ORDER BY id')
      .all(ownerType, ownerId) as AttachmentRow[];
    return rows.map(toRecord);
  }

  /**
   * The whole file in memory, for viewing inside the app; handed out only after every chunk's
   * tag and the SHA-256 of the whole have been checked.
   */
  async readVerified(id: number, maxBytes = MAX_VIEW_BYTES): Promise<{ record: AttachmentRecord; bytes: Buffer }> {
    const row = this.requireRow(id);
    if (row.size > maxBytes) throw new AppError('FILE_TOO_LARGE');
    const parts: Buffer[] = [];
    const hash = createHash('sha256');
    await this.decrypt(row, (part) => {
      hash.update(part);
      parts.push(part);
    });
    if (hash.digest('hex') !== row.sha256) throw new AppError('FILE_TAMPERED', undefined, { detail: 'SHA-256 不符' });
    return { record: toRecord(row), bytes: Buffer.concat(parts) };
  }

  /** Writes a decrypted copy to `target` (temp name, fsync, rename), only if it verifies. */
  async exportTo(id: number, target: string): Promise<AttachmentRecord> {
    const row = this.requireRow(id);
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = openSync(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    try {
      await this.decrypt(row, (part) => {
        hash.update(part);
        writeSync(fd, part);
      });
      if (hash.digest('hex') !== row.sha256) throw new AppError('FILE_TAMPERED', undefined, { detail: 'SHA-256 不符' });
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, target);
    fsyncDirectory(dirname(target));
    return toRecord(row);
  }

  /** Recomputes a file's SHA-256 from its decrypted content. */
  async checkFixity(id: number): Promise<FixityResult> {
    const row = this.requireRow(id);
    if (!existsSync(this.pathOf(row.storage_name))) return 'missing';
    const hash = createHash('sha256');
    try {
      await this.decrypt(row, (part) => hash.update(part));
    } catch (error) {
      if (error instanceof AppError && error.code === 'FILE_TAMPERED') return 'tampered';
      throw error;
    }
    return hash.digest('hex') === row.sha256 ? 'ok' : 'tampered';
  }

  private async decrypt(row: AttachmentRow, onPart: (part: Buffer) => void): Promise<void> {
    const path = this.pathOf(row.storage_name);
    if (!existsSync(path)) throw new AppError('FILE_MISSING');
    const fileKey = this.openFileKey(row);
    try {
      for await (const part of readEncryptedFile(path, fileKey)) onPart(part);
    } finally {
      fileKey.fill(0);
    }
  }

  private pathOf(storageName: string): string {
    return join(this.root, storageName.slice(0, 2), `${storageName}.xcf`);
  }

  private sealFileKey(fileKey: Buffer, storageName: string) {
    const wrapping = this.vault.subkey('files');
    try {
      return sealKey(fileKey, wrapping, `attachment:${storageName}`);
    } finally {
      wrapping.fill(0);
    }
  }

  private openFileKey(row: AttachmentRow): Buffer {
    const wrapping = this.vault.subkey('files');
    try {
      const key = openSealedKey({ iv: row.key_iv, tag: row.key_tag, data: row.key_data }, wrapping, `attachment:${row.storage_name}`);
      if (!key) throw new AppError('FILE_TAMPERED', undefined, { detail: '文件密钥校验失败' });
      return key;
    } finally {
      wrapping.fill(0);
    }
  }

  private row(id: number): AttachmentRow | undefined {
    return this.vault.db.prepare('SELECT * FROM attachments WHERE id = ? AND removed_at IS NULL').get(id) as AttachmentRow | undefined;
  }

  private requireRow(id: number): AttachmentRow {
    const row = this.row(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}
