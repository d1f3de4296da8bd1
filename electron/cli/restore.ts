/**
 * `xuncha verify-backup` and `xuncha restore`: both work without an open vault (the machine may
 * be new, its disk dead), so they call the core's backup service directly rather than through a
 * session: the backup opens with an administrator password of the time or the recovery key.
 * A restore is recorded in the restored vault's audit log; a check alone writes nowhere.
 */
import { resolve } from 'node:path';
import type { BackupCredentials, BackupSummary } from '../../shared/contract';
import { openBackup, unlockBackup } from '../core/backup/backup-format';
import { readBackup } from '../core/backup/read-backup';
import { restoreBackup } from '../core/backup/restore';
import { AppError } from '../core/errors';
import { parseCommandArgs, requireOption } from './args';
import { formatBytes, progressPrinter } from './backup';
import type { CliCommand } from './command';
import { fromCoreError } from './errors';
import { CliError, EXIT, usageError, writeLine, type CliIo } from './io';
import { obtainPassword } from './prompt';

const credentialOptions = {
  user: { type: 'string' },
  'recovery-key': { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const credentialHelp = `  --user 用户名      备份时的系统管理员账号（随后输入其当时的密码）/ an administrator of the time (then their password of the time)
  --recovery-key     改用恢复密钥（在提示中输入，或用 --password-stdin 读取）/ use the recovery key instead (typed at the prompt or read with --password-stdin)
  --password-stdin   从标准输入第一行读取密码或恢复密钥 / read the password or recovery key from stdin
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help`;

/** Faults of the backup itself (exit 1) rather than of the command or the credentials (exit 2). */
const BACKUP_FAULTS = new Set(['BACKUP_MALFORMED', 'BACKUP_TAMPERED', 'BACKUP_TRUNCATED', 'RESTORE_FAILED']);

async function credentialsFrom(values: { user?: string; 'recovery-key'?: boolean; 'password-stdin'?: boolean }, io: CliIo): Promise<BackupCredentials> {
  const fromStdin = values['password-stdin'] === true;
  if (values['recovery-key']) {
    if (values.user) throw usageError('--user 和 --recovery-key 只能选一个', 'Give either --user or --recovery-key, not both');
    const recoveryKey = await obtainPassword(io, { fromStdin, label: '恢复密钥 Recovery key' });
    return { kind: 'recoveryKey', recoveryKey };
  }
  const username = requireOption(values.user, '--user', '备份时的系统管理员用户名，或改用 --recovery-key');
  const password = await obtainPassword(io, { fromStdin, label: `${username} 备份时的密码 Password of ${username} at the time of the backup` });
  return { kind: 'password', username, password };
}

/** A core error as the command's error: exit 1 for a damaged backup, 2 for everything else. */
function reported(error: unknown): never {
  if (!(error instanceof AppError)) throw error;
  const cli = fromCoreError(error.toShape());
  if (BACKUP_FAULTS.has(error.code)) throw new CliError(cli.text, EXIT.FAULT, cli.code, cli.details);
  throw cli;
}

function printSummary(out: NodeJS.WritableStream, summary: BackupSummary): void {
  const office = summary.office ? `${summary.office.name}（全宗号 ${summary.office.fondsCode}）` : '—';
  writeLine(out, `  备份文件 File:      ${summary.fileName}（${formatBytes(summary.bytes)}）`);
  writeLine(out, `  备份时间 Made at:   ${summary.createdAt}`);
  writeLine(out, `  备份人 Made by:     ${summary.createdBy}`);
  writeLine(out, `  机构 Office:        ${office}`);
  writeLine(out, `  存储文件 Files:     ${summary.files}${summary.missingFiles > 0 ? `（另有 ${summary.missingFiles} 个备份时已缺失 / ${summary.missingFiles} already missing）` : ''}`);
  writeLine(out, `  数据库 Database:    ${formatBytes(summary.databaseBytes)}，结构版本 schema ${summary.schemaVersion}`);
}

const verifyHelp = `用法 Usage:
  xuncha verify-backup --in 文件 (--user 用户名 | --recovery-key) [--password-stdin] [--json]

校验备份文件而不恢复：每一块的校验值、清单中每个部分的 SHA-256 和长度、部分的数量。
备份只能用备份时系统管理员的密码或恢复密钥打开。不需要打开数据库，也不写审计日志。

Checks a backup file without restoring it: every block's tag, every part's SHA-256 and size
against the manifest, the number of parts. The backup opens only with an administrator
password of the time or the recovery key. No vault is opened and nothing is written.

选项 Options:
  --in 文件          备份文件 / the backup file
${credentialHelp}

退出码 Exit codes:
  0  备份完好 / the backup is intact
  1  备份已损坏、被改动或不完整（输出原因）/ the backup is damaged, altered or incomplete
  2  用法错误，或密码、恢复密钥不能打开此备份 / usage error, or the credentials do not open it
`;

export const verifyBackupCommand: CliCommand = {
  name: 'verify-backup',
  summary: { zh: '校验备份文件（不恢复）', en: 'check a backup file without restoring it' },
  help: verifyHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { in: { type: 'string' }, ...credentialOptions });
    const path = resolve(requireOption(values.in, '--in', '备份文件'));
    const credentials = await credentialsFrom(values, io);
    const progress = progressPrinter(io);
    let summary: BackupSummary;
    try {
      const backup = openBackup(path);
      const { contentKey } = await unlockBackup(backup, credentials);
      try {
        ({ summary } = await readBackup(backup, contentKey, { onProgress: (p) => progress.update(p) }));
      } finally {
        contentKey.fill(0);
      }
    } catch (error) {
      progress.end();
      reported(error);
    }
    progress.end();
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, ...summary }, null, 2));
      return EXIT.OK;
    }
    writeLine(io.stdout, '巡察工作台 · 备份校验 / Xuncha Desk · backup check');
    printSummary(io.stdout, summary);
    writeLine(io.stdout);
    writeLine(io.stdout, '结论：备份完好，可以用于恢复。');
    writeLine(io.stdout, 'Result: the backup is intact and can be restored.');
    return EXIT.OK;
  },
};

const restoreHelp = `用法 Usage:
  xuncha restore --in 文件 --vault 目录 (--user 用户名 | --recovery-key) [--password-stdin] [--json]

从备份恢复数据库：先在数据库文件夹旁边解出一个新的数据库并完整校验（用所给密码打开、SQLite
完整性检查、审计日志哈希链、每个存储文件的 SHA-256），全部通过后才切换：原文件夹改名为
“目录.before-restore-时间”保留（直到您手动删除），新文件夹改用原名。任何一步失败，原数据库不变。
数据库文件夹尚不存在时（新电脑）直接建立。请先关闭使用该数据库的巡察工作台。
恢复记入恢复后数据库的审计日志。恢复后用备份时的密码登录。

Restores a vault from a backup: the backup is unpacked into a new folder beside the vault and
checked as a whole (it opens with the credentials given, SQLite's integrity check, the audit hash
chain, every stored file's SHA-256); only then are the folders switched: the current one is
renamed "<vault>.before-restore-<time>" and kept (until you remove it), the new one takes its
name. If any step fails, the current vault is unchanged. A vault folder that does not exist yet
(a new computer) is simply created. Close the app that uses the vault first. The restore is
recorded in the restored vault's audit log; afterwards, sign in with the passwords of the time.

选项 Options:
  --in 文件          备份文件 / the backup file
  --vault 目录       要恢复到的数据库文件夹 / the vault folder to restore into
${credentialHelp}

退出码 Exit codes:
  0  恢复完成 / restored
  1  备份已损坏，或恢复出的数据库未通过校验（原数据库未改动）/ the backup is damaged or the restored vault failed its checks (nothing changed)
  2  用法错误、密码或恢复密钥不能打开此备份、数据库正被使用 / usage error, credentials refused, vault in use
`;

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: { zh: '从备份恢复数据库（原数据库保留）', en: 'restore the vault from a backup (the old one is kept)' },
  help: restoreHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { in: { type: 'string' }, vault: { type: 'string' }, ...credentialOptions });
    const path = resolve(requireOption(values.in, '--in', '备份文件'));
    const vaultDir = resolve(requireOption(values.vault, '--vault', '数据库文件夹'));
    const credentials = await credentialsFrom(values, io);
    const progress = progressPrinter(io);
    let outcome;
    try {
      outcome = await restoreBackup({ backupPath: path, vaultDir, credentials, now: () => new Date(), onProgress: (p) => progress.update(p) });
    } catch (error) {
      progress.end();
      reported(error);
    }
    progress.end();
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, vault: vaultDir, ...outcome }, null, 2));
      return EXIT.OK;
    }
    const out = io.stdout;
    writeLine(out, '巡察工作台 · 从备份恢复 / Xuncha Desk · restore');
    printSummary(out, outcome.summary);
    writeLine(out, `  恢复到 Restored to: ${vaultDir}`);
    writeLine(out, `  原数据库 Previous:  ${outcome.previousVaultDir ?? '（无 none）'}`);
    writeLine(out, `  用时 Time:          ${(outcome.durationMs / 1000).toFixed(1)} s`);
    writeLine(out);
    writeLine(out, '结论：恢复完成，已通过完整校验。请用备份时的密码登录；确认无误后可删除原数据库文件夹。');
    writeLine(out, 'Result: restored and fully checked. Sign in with the passwords of the time of the backup; remove the previous folder once satisfied.');
    return EXIT.OK;
  },
};
