import { basename } from 'node:path';
import { z } from 'zod';
import type { BackupCredentials } from '../../../shared/channels/backup';
import { errorMessages } from '../../../shared/errors';
import { newDataKey, openSealedKey, sealKey, type SealedKey } from '../crypto/keys';
import { parseRecoveryKey } from '../crypto/recovery-key';
import { AppError } from '../errors';
import { KeyFile } from '../vault/keyfile';
import { deriveSubkey, type Vault } from '../vault/vault';
import { ContainerFault, openContainer, type ContainerHeader, type OpenedContainer } from './container';

/**
 * What makes a container a backup: its kind, how its content key is sealed, which parts it may
 * hold and what its manifest says about the vault.
 *
 * The content key is random per backup and sealed under `subkey('backup')` of the vault's data
 * key. The clear header also carries a copy of keys.json reduced to the administrators' seals and
 * the recovery seal, so the backup opens with an administrator's password of the time or with
 * the recovery key (data key → backup subkey → content key), exactly as the vault itself does,
 * and with nothing else: other accounts' passwords do not open it.
 */
export const BACKUP_KIND = 'xuncha-backup';
export const BACKUP_EXTENSION = 'xbak';

export const DATABASE_PART = 'vault.db';
export const KEYFILE_PART = 'keys.json';
/** A stored file, by the path the file store gives it (two hex characters, then the storage name). */
const STORED_FILE_PART = /^files\/([0-9a-f]{2})\/(\1[0-9a-f]{30})\.xcf$/;

export function storedFilePart(storageName: string): string {
  return `files/${storageName.slice(0, 2)}/${storageName}.xcf`;
}

export function isBackupPartName(name: string): boolean {
  return name === DATABASE_PART || name === KEYFILE_PART || STORED_FILE_PART.test(name);
}

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const backupKeySchema = z.object({
  scheme: z.literal('vault-subkey'),
  vaultId: z.string().uuid(),
  /** keys.json with only the administrators' and the recovery seal. */
  keyring: z.object({ format: z.literal('xuncha-keyfile'), vaultId: z.string().uuid() }).passthrough(),
  sealed: sealedSchema,
});
export type BackupKey = z.infer<typeof backupKeySchema>;

/** The manifest's `meta`: what the backup says about the vault it came from. */
export const backupMetaSchema = z.object({
  vaultId: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  schemaVersion: z.number().int(),
  office: z.object({ name: z.string(), fondsCode: z.string(), level: z.enum(['city', 'county']) }).nullable(),
  files: z.number().int().min(0),
  /** Storage names of files the vault already lacked when the backup was made. */
  missingFiles: z.array(z.string()),
});
export type BackupMeta = z.infer<typeof backupMetaSchema>;

const contentKeyAad = (containerId: string) => `xuncha-backup/1:${containerId}:content-key`;

/** A new content key and the header's `key` field sealing it for `vault`. */
export function sealContentKey(vault: Vault, containerId: string, keyring: KeyFile): { contentKey: Buffer; key: BackupKey } {
  const contentKey = newDataKey();
  const wrapping = vault.subkey('backup');
  try {
    const sealed: SealedKey = sealKey(contentKey, wrapping, contentKeyAad(containerId));
    return {
      contentKey,
      key: { scheme: 'vault-subkey', vaultId: vault.vaultId, keyring: JSON.parse(keyring.toJson()) as BackupKey['keyring'], sealed },
    };
  } finally {
    wrapping.fill(0);
  }
}

/** A backup file whose header has been checked; `key` is how its content key is sealed. */
export interface OpenedBackup {
  container: OpenedContainer;
  header: ContainerHeader;
  key: BackupKey;
  fileName: string;
}

/** Opens a backup file's clear header; a file that is not a backup, or a damaged header, is refused. */
export function openBackup(path: string): OpenedBackup {
  let container: OpenedContainer;
  try {
    container = openContainer(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', '找不到该备份文件');
    throw backupError(error);
  }
  if (container.header.kind !== BACKUP_KIND) throw backupError(new ContainerFault('malformed', '这是巡察工作台的其他文件，不是备份'));
  const key = backupKeySchema.safeParse(container.header.key);
  if (!key.success || key.data.keyring.vaultId !== key.data.vaultId) throw backupError(new ContainerFault('malformed', '密钥信息无效'));
  return { container, header: container.header, key: key.data, fileName: basename(path) };
}

/** How a backup is opened: with the open vault's own key, or with credentials of the time. */
export type BackupUnlock = { kind: 'vault'; vault: Vault } | BackupCredentials;

export interface UnlockedBackup {
  contentKey: Buffer;
  via: 'vault' | 'password' | 'recoveryKey';
}

/**
 * The content key of a backup. Wrong credentials and a tampered seal look the same to GCM: both
 * are reported as credentials that do not open the backup.
 */
export async function unlockBackup(backup: OpenedBackup, unlock: BackupUnlock): Promise<UnlockedBackup> {
  const { key, header } = backup;
  if (unlock.kind === 'vault') {
    if (unlock.vault.vaultId !== key.vaultId) throw new AppError('BACKUP_NEEDS_CREDENTIALS');
    const wrapping = unlock.vault.subkey('backup');
    try {
      const contentKey = openSealedKey(key.sealed, wrapping, contentKeyAad(header.id));
      if (!contentKey) throw new AppError('BACKUP_NEEDS_CREDENTIALS');
      return { contentKey, via: 'vault' };
    } finally {
      wrapping.fill(0);
    }
  }
  let keyring: KeyFile;
  try {
    keyring = KeyFile.parse(JSON.stringify(key.keyring), '(backup)');
  } catch {
    throw backupError(new ContainerFault('malformed', '密钥信息无效'));
  }
  const dataKey = unlock.kind === 'password' ? await keyring.openWithPassword(unlock.username, unlock.password) : await openWithRecoveryKey(keyring, unlock.recoveryKey);
  if (!dataKey) throw new AppError('BACKUP_WRONG_CREDENTIALS');
  const wrapping = deriveSubkey(dataKey, key.vaultId, 'backup');
  dataKey.fill(0);
  try {
    const contentKey = openSealedKey(key.sealed, wrapping, contentKeyAad(header.id));
    // The keyring opened but the content key did not: the header was altered.
    if (!contentKey) throw backupError(new ContainerFault('tampered', '内容密钥校验失败'));
    return { contentKey, via: unlock.kind };
  } finally {
    wrapping.fill(0);
  }
}

async function openWithRecoveryKey(keyring: KeyFile, text: string): Promise<Buffer | null> {
  const bytes = parseRecoveryKey(text);
  if (!bytes) throw new AppError('WRONG_RECOVERY_KEY');
  try {
    return await keyring.openWithRecoveryKey(bytes);
  } finally {
    bytes.fill(0);
  }
}

/** A container fault (or any failure while reading) as the backup error users see. */
export function backupError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ContainerFault) {
    const code = error.kind === 'malformed' ? 'BACKUP_MALFORMED' : error.kind === 'truncated' ? 'BACKUP_TRUNCATED' : 'BACKUP_TAMPERED';
    return new AppError(code, `${errorMessages[code]}（${error.detail}）`, { detail: error.detail });
  }
  throw error;
}
