/**
 * `xuncha backup`: signs in and runs the core's `backup.create` with the file dialog answered
 * by --out, exactly as the app's 立即备份 does (same snapshot, same container, same audit
 * entry), printing the job's progress until it ends.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupJob } from '../../shared/contract';
import type { FilePort } from '../core/files/file-port';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import { openCore, type CoreClient } from './core-client';
import { fromCoreError } from './errors';
import { CliError, EXIT, usageError, writeLine, type CliIo } from './io';
import { obtainPassword } from './prompt';

const help = `用法 Usage:
  xuncha backup --vault 目录 --out 文件 --user 用户名 [--password-stdin] [--json]

登录后备份数据库：数据库的一致快照（程序使用中也可备份）、密钥文件和全部存储文件，写成一个
加密并逐块校验的备份文件（.xbak）。先写到目标旁边的临时文件，完整写入并落盘后才改为目标文件名：
中途中断不会留下看似完整的备份。备份只能用备份时系统管理员的密码或恢复密钥打开。
需要系统管理员或档案管理员账号；备份记入审计日志。

Signs in and backs up the vault: a consistent snapshot of the database (also while the app is
in use), the key file and every stored file, written as one encrypted backup file (.xbak) that
is checked block by block. It is written under a temp name beside the target and renamed only
once complete and on disk: an interrupted backup never leaves a file that looks complete. The
backup opens only with an administrator password of the time or the recovery key. Needs an
administrator or archivist account; the backup is recorded in the audit log.

选项 Options:
  --vault 目录       数据库文件夹 / the vault folder
  --out 文件         备份文件（不能已存在，不能在数据库文件夹内）/ the backup file (must not exist, not inside the vault)
  --user 用户名      登录的账号 / the account to sign in with
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help

退出码 Exit codes:
  0  备份完成 / the backup is complete
  2  用法错误、登录失败、无权备份或备份失败（输出核心的中文提示）/ usage error, sign-in failed, not allowed, backup failed
`;

const options = {
  vault: { type: 'string' },
  out: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MiB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / 1024 / MiB).toFixed(2)} GB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const phaseWords: Record<BackupJob['phase'], string> = {
  snapshot: '数据库快照 snapshot',
  write: '写入 writing',
  read: '校验 checking',
  extract: '解出 unpacking',
  check: '核对 checking',
  switch: '切换 switching',
  done: '完成 done',
};

/** Progress on stderr: one line rewritten in place on a terminal, nothing when piped. */
export function progressPrinter(io: CliIo): { update(p: { phase: BackupJob['phase']; doneBytes: number; totalBytes: number }): void; end(): void } {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = false;
  return {
    update(p) {
      if (!tty) return;
      const percent = p.totalBytes > 0 ? Math.floor((p.doneBytes / p.totalBytes) * 100) : 0;
      const bytes = p.totalBytes > 0 ? `  ${formatBytes(p.doneBytes)} / ${formatBytes(p.totalBytes)}` : '';
      io.stderr.write(`\r  ${phaseWords[p.phase]}  ${String(percent).padStart(3)}%${bytes}\u001b[K`);
      shown = true;
    },
    end() {
      if (shown) io.stderr.write('\n');
    },
  };
}

/** Polls backup.job until the job ends; its failure becomes the command's error. */
export async function followJob(core: CoreClient, io: CliIo): Promise<BackupJob> {
  const progress = progressPrinter(io);
  try {
    for (;;) {
      const job = await core.call('backup.job', {});
      if (!job) throw new CliError({ zh: '备份任务不见了', en: 'The backup job is gone' }, EXIT.USAGE, 'INTERNAL');
      progress.update(job);
      if (job.state === 'failed') throw fromCoreError(job.error!);
      if (job.state === 'done') return job;
      await new Promise((done) => setTimeout(done, 100));
    }
  } finally {
    progress.end();
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: { zh: '备份数据库到一个加密的备份文件', en: 'back up the vault to one encrypted backup file' },
  help,
  async run(args, io) {
    const values = parseCommandArgs(args, options);
    const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
    const out = resolve(requireOption(values.out, '--out', '备份文件'));
    const username = requireOption(values.user, '--user', '用户名');
    if (existsSync(out)) throw usageError(`备份文件已存在：${out}（请换一个文件名，不会覆盖已有的备份）`, `The backup file already exists: ${out} (choose another name; existing backups are never overwritten)`);
    const password = await obtainPassword(io, { fromStdin: values['password-stdin'] === true, label: `${username} 的密码 Password for ${username}` });

    // The save dialog of the app, answered by --out.
    const files: FilePort = { chooseFileToSave: async () => out, chooseFileToOpen: async () => null };
    const core = openCore(vaultDir, io, { sealsPasswords: false, files });
    let job: BackupJob;
    try {
      await core.call('session.signIn', { username, password });
      try {
        const started = await core.call('backup.create', {});
        if (!started) throw new CliError({ zh: '未开始备份', en: 'The backup did not start' }, EXIT.USAGE, 'CANCELLED');
        job = await followJob(core, io);
      } catch (error) {
        if (error instanceof CliError && error.code === 'PERMISSION_DENIED') {
          throw new CliError({ zh: `${error.text.zh}：备份需要系统管理员或档案管理员账号`, en: `${error.text.en}: backing up needs an administrator or archivist account` }, EXIT.USAGE, error.code);
        }
        throw error;
      } finally {
        await core.call('session.signOut', {}).catch(() => undefined);
      }
    } finally {
      core.close();
    }

    const created = job.created!;
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, ...created }, null, 2));
      return EXIT.OK;
    }
    const out_ = io.stdout;
    writeLine(out_, '巡察工作台 · 备份完成 / Xuncha Desk · backup complete');
    writeLine(out_, `  备份文件 File:      ${created.path}`);
    writeLine(out_, `  大小 Size:          ${formatBytes(created.bytes)}（${created.bytes} 字节 bytes）`);
    writeLine(out_, `  存储文件 Files:     ${created.files}`);
    writeLine(out_, `  用时 Time:          ${(created.durationMs / 1000).toFixed(1)} s`);
    if (created.missingFiles > 0) {
      writeLine(out_, `  注意 Note: ${created.missingFiles} 个存储文件在备份前已缺失，未能备份（请运行 xuncha verify）/ stored files already missing, not backed up`);
    }
    writeLine(out_, '请把备份与本机分开保管；可用 xuncha verify-backup 校验。 / Keep the backup apart from this computer; check it with xuncha verify-backup.');
    return EXIT.OK;
  },
};
