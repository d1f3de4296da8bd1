import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupSummary } from '../../../shared/channels/backup';
import { KeyFile } from '../vault/keyfile';
import { backupError, backupMetaSchema, DATABASE_PART, isBackupPartName, KEYFILE_PART, type BackupMeta, type OpenedBackup } from './backup-format';
import { ContainerFault, readContainer, type PartSink } from './container';
import type { ProgressListener } from './create-backup';

export interface ReadBackupOptions {
  /** The vault open now, to tell whether the backup is of it. */
  currentVaultId?: string;
  /** Writes every part under this folder (restore); without it the parts are only checked. */
  extractTo?: string;
  onProgress?: ProgressListener;
}

export interface ReadBackup {
  summary: BackupSummary;
  meta: BackupMeta;
}

const PROGRESS_STEP_BYTES = 4 * 1024 * 1024;

/** A part written to its own file under the restore folder: sync writes, fsync at the end. */
function fileSink(path: string, open: Set<number>): PartSink {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'wx', 0o600);
  open.add(fd);
  return {
    write(bytes) {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    end() {
      fsyncSync(fd);
      closeSync(fd);
      open.delete(fd);
    },
  };
}

/**
 * Reads a whole backup with its content key: every frame, every part's SHA-256 against the
 * manifest, the parts a backup must hold (one database, one keys.json of the same vault, each
 * stored file by its storage path) and their count against the manifest's own. With
 * `extractTo`, every part is also written there as it streams by.
 */
export async function readBackup(backup: OpenedBackup, contentKey: Buffer, options: ReadBackupOptions = {}): Promise<ReadBackup> {
  const { container, key } = backup;
  const totalBytes = container.fileBytes;
  let reported = 0;
  const keyFileBytes: Buffer[] = [];
  const counted = { database: 0, keyFile: 0, files: 0, databaseBytes: 0 };
  const openFiles = new Set<number>();
  options.onProgress?.({ phase: options.extractTo ? 'extract' : 'read', doneBytes: 0, totalBytes });
  let result;
  try {
    result = await readContainer(container, contentKey, {
      onPart(name, size) {
        if (!isBackupPartName(name)) throw new ContainerFault('tampered', `备份中有不应出现的部分“${name.slice(0, 80)}”`);
        if (name === DATABASE_PART) {
          counted.database += 1;
          counted.databaseBytes = size;
        } else if (name === KEYFILE_PART) counted.keyFile += 1;
        else counted.files += 1;
        const sink = options.extractTo ? fileSink(join(options.extractTo, ...name.split('/')), openFiles) : null;
        if (name !== KEYFILE_PART) return sink;
        if (size > 1024 * 1024) throw new ContainerFault('tampered', '密钥文件过大');
        return {
          write: (bytes: Buffer) => {
            keyFileBytes.push(Buffer.from(bytes));
            return sink?.write(bytes);
          },
          end: () => sink?.end(),
        };
      },
      onProgress(position) {
        if (position - reported >= PROGRESS_STEP_BYTES || position === totalBytes) {
          reported = position;
          options.onProgress?.({ phase: options.extractTo ? 'extract' : 'read', doneBytes: position, totalBytes });
        }
      },
    });
  } catch (error) {
    // The folder is thrown away by the caller; its files must be closed first (Windows).
    for (const fd of openFiles) closeSync(fd);
    throw backupError(error);
  }

  const meta = backupMetaSchema.safeParse(result.meta);
  if (!meta.success) throw backupError(new ContainerFault('malformed', '清单中的备份信息无效'));
  if (result.signature) throw backupError(new ContainerFault('malformed', '备份不应带有签名'));
  if (meta.data.vaultId !== key.vaultId) throw backupError(new ContainerFault('tampered', '清单与文件头的数据库标识不符'));
  if (counted.database !== 1 || counted.keyFile !== 1) throw backupError(new ContainerFault('tampered', '缺少数据库或密钥文件'));
  if (counted.files !== meta.data.files) throw backupError(new ContainerFault('tampered', `清单记录 ${meta.data.files} 个存储文件，备份中有 ${counted.files} 个`));
  try {
    if (KeyFile.parse(Buffer.concat(keyFileBytes).toString('utf8'), '(backup)').vaultId !== key.vaultId) throw new Error('vault id');
  } catch {
    throw backupError(new ContainerFault('tampered', '密钥文件与备份不属于同一数据库'));
  }

  return {
    meta: meta.data,
    summary: {
      fileName: backup.fileName,
      bytes: container.fileBytes,
      createdAt: meta.data.createdAt,
      createdBy: meta.data.createdBy,
      vaultId: meta.data.vaultId,
      sameVault: options.currentVaultId === meta.data.vaultId,
      office: meta.data.office,
      schemaVersion: meta.data.schemaVersion,
      parts: result.parts.length,
      files: counted.files,
      missingFiles: meta.data.missingFiles.length,
      databaseBytes: counted.databaseBytes,
    },
  };
}
