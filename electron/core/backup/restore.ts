import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { BackupCredentials, BackupSummary } from '../../../shared/channels/backup';
import { AuditLog, type AuditEvent } from '../audit/audit-log';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { fsyncDirectory } from '../fs/atomic-write';
import { checkIntegrity } from '../vault/database';
import { vaultPaths } from '../vault/paths';
import { Vault } from '../vault/vault';
import { openBackup, unlockBackup } from './backup-format';
import type { ProgressListener } from './create-backup';
import { readBackup } from './read-backup';

export interface RestoreOptions {
  backupPath: string;
  vaultDir: string;
  credentials: BackupCredentials;
  now: () => Date;
  onProgress?: ProgressListener;
  /**
   * Runs once the restored vault has passed every check, just before the switch: the app
   * records the restore in the current vault and closes it. Throwing here cancels the switch.
   */
  beforeSwitch?: () => void;
}

export interface RestoreOutcome {
  previousVaultDir: string | null;
  restoredFrom: string;
  summary: BackupSummary;
  durationMs: number;
}

const stampOf = (moment: Date) => moment.toISOString().replace(/[:.]/g, '-');

function restoreFailed(detail: string): AppError {
  return new AppError('RESTORE_FAILED', `恢复失败：${detail}。当前数据库未改动`, { detail });
}

/**
 * Restores a backup as a new vault folder beside the current one (`<vault>.restoring-<time>`),
 * checks it as a whole (it opens with the credentials, SQLite's integrity check reads every
 * page in use through the cipher, whose per-page HMAC fails on any altered page; the audit
 * chain holds; every stored file decrypts to its recorded SHA-256), and only then switches:
 * the current folder becomes `<vault>.before-restore-<time>` (kept until the user removes it)
 * and the new one takes its name. Anything failing before the switch removes the new folder
 * and leaves the current vault as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  const started = performance.now();
  const vaultDir = resolve(options.vaultDir);
  const backup = openBackup(options.backupPath);
  const { contentKey } = await unlockBackup(backup, options.credentials);
  const stamp = stampOf(options.now());
  const workDir = `${vaultDir}.restoring-${stamp}`;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(dirname(vaultDir), { recursive: true });
  mkdirSync(workDir, { mode: 0o700 });
  let switched = false;
  try {
    let read;
    try {
      read = await readBackup(backup, contentKey, { extractTo: workDir, onProgress: options.onProgress });
    } finally {
      contentKey.fill(0);
    }
    await checkRestoredVault(workDir, options, read.meta.missingFiles, {
      backupId: backup.header.id,
      backupCreatedAt: read.meta.createdAt,
      backupFile: backup.fileName,
      previousVault: existsSync(vaultDir) ? basename(`${vaultDir}.before-restore-${stamp}`) : null,
    });

    options.onProgress?.({ phase: 'switch', doneBytes: 0, totalBytes: 0 });
    options.beforeSwitch?.();
    let previousVaultDir: string | null = null;
    if (existsSync(vaultDir)) {
      // The last connection to close folds the WAL back and removes it: one still there means
      // another program (a second window, the CLI) has the vault open.
      const wal = vaultPaths(vaultDir).database + '-wal';
      if (existsSync(wal) && statSync(wal).size > 0) throw new AppError('VAULT_BUSY');
      previousVaultDir = `${vaultDir}.before-restore-${stamp}`;
      renameSync(vaultDir, previousVaultDir);
      try {
        renameSync(workDir, vaultDir);
      } catch (error) {
        renameSync(previousVaultDir, vaultDir);
        throw error;
      }
    } else {
      renameSync(workDir, vaultDir);
    }
    switched = true;
    fsyncDirectory(dirname(vaultDir));
    options.onProgress?.({ phase: 'done', doneBytes: 0, totalBytes: 0 });
    return { previousVaultDir, restoredFrom: resolve(options.backupPath), summary: read.summary, durationMs: Math.round(performance.now() - started) };
  } finally {
    if (!switched) rmSync(workDir, { recursive: true, force: true });
  }
}

/** Opens the restored folder as the app will and checks it; records the restore in its audit log. */
async function checkRestoredVault(
  dir: string,
  options: RestoreOptions,
  knownMissing: readonly string[],
  detail: { backupId: string; backupCreatedAt: string; backupFile: string; previousVault: string | null },
): Promise<void> {
  const { credentials } = options;
  const vault =
    credentials.kind === 'password'
      ? await Vault.openWithPassword(dir, credentials.username, credentials.password, { now: options.now })
      : await Vault.openWithRecoveryKey(dir, credentials.recoveryKey, { now: options.now });
  if (!vault) throw restoreFailed('恢复出的数据库不能用所给的密码或恢复密钥打开');
  try {
    const db = vault.db;
    let faults: string[];
    try {
      faults = checkIntegrity(db);
    } catch (error) {
      faults = [String((error as Error).message ?? error)];
    }
    // SQLite lists one line per unreadable page: the first two say enough.
    if (faults.length > 0) throw restoreFailed(`数据库完整性检查未通过：${faults[0]!.split('\n').slice(0, 2).join(' ')}`);
    const audit = new AuditLog(db, options.now);
    const chain = audit.verify();
    if (!chain.ok) throw restoreFailed(`审计日志第 ${chain.firstBroken!.id} 条记录校验失败 (${chain.firstBroken!.reason})`);

    let actor: AuditEvent['actor'] = { id: null, name: '恢复密钥' };
    if (credentials.kind === 'password') {
      const account = db.prepare('SELECT id, username, display_name, role, disabled_at FROM accounts WHERE username = ?').get(credentials.username) as
        | { id: number; username: string; display_name: string; role: string; disabled_at: string | null }
        | undefined;
      if (!account || account.role !== 'admin' || account.disabled_at) throw new AppError('BACKUP_WRONG_CREDENTIALS');
      actor = { id: account.id, name: `${account.display_name}（${account.username}）` };
    }

    const rows = db.prepare('SELECT id, storage_name, size FROM attachments WHERE removed_at IS NULL ORDER BY id').all() as { id: number; storage_name: string; size: number }[];
    const totalBytes = rows.reduce((sum, row) => sum + row.size, 0);
    const store = new FileStore(vault);
    let doneBytes = 0;
    options.onProgress?.({ phase: 'check', doneBytes, totalBytes });
    for (const row of rows) {
      const fixity = await store.checkFixity(row.id);
      if (fixity === 'tampered' || (fixity === 'missing' && !knownMissing.includes(row.storage_name))) {
        throw restoreFailed(`存储文件 ${row.id} 的校验值不符（${fixity === 'missing' ? '缺失' : '已改动'}）`);
      }
      doneBytes += row.size;
      options.onProgress?.({ phase: 'check', doneBytes, totalBytes });
    }
    audit.append({
      action: 'backup.restore',
      actor,
      target: { type: 'vault', id: vault.vaultId },
      detail: { ...detail, via: credentials.kind, files: rows.length, auditChecked: chain.checked },
    });
  } finally {
    vault.close();
  }
}
