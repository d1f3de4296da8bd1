/**
 * `xuncha verify`: signs in, runs the core's `vault.verify` (SQLite's integrity check of the
 * whole file, then the audit log's hash chain from its first entry), and reports. The check
 * itself is audited by the core, like the sign-in and sign-out around it.
 */
import type { AuditVerification, ChannelOutput } from '../../shared/contract';
import { parseCommandArgs } from './args';
import type { CliCommand } from './command';
import { CliError, EXIT, writeLine, type Bilingual } from './io';
import { signedIn, signInOptions } from './signed-in';

const help = `用法 Usage:
  xuncha verify --vault 目录 --user 用户名 [--password-stdin] [--json]

登录后校验数据库：SQLite 完整性检查（整个文件），以及审计日志哈希链（从第一条记录起逐条核对）。
需要系统管理员或领导/审计账号。密码只能在隐藏的提示中输入，或用 --password-stdin
从标准输入的第一行读取，不接受 --password。校验本身也记入审计日志。

Signs in and checks the vault: SQLite's integrity check of the whole file, and the audit log's
hash chain, entry by entry from the first. Needs an administrator or leader/auditor account.
The password is typed at a hidden prompt or read from the first line of standard input with
--password-stdin; --password is refused. The check itself is recorded in the audit log.

选项 Options:
  --vault 目录       数据库文件夹 / the vault folder
  --user 用户名      登录的账号 / the account to sign in with
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help

退出码 Exit codes:
  0  数据库完好，审计日志未被篡改 / the vault is sound and the audit chain intact
  1  发现问题（输出第一处问题，如“审计日志第 12 条记录被篡改 (hash)”）/ a fault was found
  2  用法错误、登录失败或无权校验（输出核心的中文提示）/ usage error, sign-in failed, not allowed
`;

type Verification = ChannelOutput<'vault.verify'>;

export interface Fault extends Bilingual {
  kind: 'integrity' | 'audit';
  id?: number;
  reason?: 'hash' | 'link' | 'gap';
}

/** The text for a broken audit entry, as the report and the tests name it. */
export function auditFault(broken: NonNullable<AuditVerification['firstBroken']>): Fault {
  const { id, reason } = broken;
  const text: Record<typeof reason, Bilingual> = {
    hash: { zh: `审计日志第 ${id} 条记录被篡改 (hash)`, en: `Audit log entry ${id} has been altered (hash)` },
    link: {
      zh: `审计日志第 ${id} 条记录与上一条的哈希链接不符，之前的记录被替换或删除 (link)`,
      en: `Audit log entry ${id} does not link to the entry before it: an earlier entry was replaced or removed (link)`,
    },
    gap: {
      zh: `审计日志在第 ${id} 条之前缺少记录 (gap)`,
      en: `Audit log entries are missing before entry ${id} (gap)`,
    },
  };
  return { kind: 'audit', id, reason, ...text[reason] };
}

/** The first fault found, integrity before audit (a damaged file makes the chain moot). */
export function firstFault(result: Verification): Fault | null {
  const [first] = result.integrity;
  if (first !== undefined) {
    const count = result.integrity.length;
    return {
      kind: 'integrity',
      zh: `数据库完整性检查发现 ${count} 处问题，第一处：${first}`,
      en: `The SQLite integrity check found ${count} problem(s); the first: ${first}`,
    };
  }
  return result.audit.firstBroken ? auditFault(result.audit.firstBroken) : null;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: { zh: '校验数据库完整性和审计日志哈希链', en: 'check the vault file and the audit hash chain' },
  help,
  async run(args, io) {
    const values = parseCommandArgs(args, signInOptions);
    const { vaultDir, result, office, signedInAs } = await signedIn(values, io, async (core, user) => {
      try {
        const status = await core.call('app.status', {});
        return {
          vaultDir: core.vaultDir,
          result: await core.call('vault.verify', {}),
          office: status.state === 'active' ? status.office : null,
          signedInAs: `${user.displayName}（${user.username}）`,
        };
      } catch (error) {
        if (error instanceof CliError && error.code === 'PERMISSION_DENIED') {
          throw new CliError(
            { zh: `${error.text.zh}：校验需要系统管理员或领导/审计账号`, en: `${error.text.en}: verifying needs an administrator or leader/auditor account` },
            EXIT.USAGE,
            error.code,
          );
        }
        throw error;
      }
    });

    const fault = firstFault(result);
    if (values.json) {
      writeLine(
        io.stdout,
        JSON.stringify(
          {
            ok: fault === null,
            vault: vaultDir,
            office,
            user: values.user,
            integrity: { ok: result.integrity.length === 0, faults: result.integrity },
            audit: result.audit,
            firstFault: fault,
          },
          null,
          2,
        ),
      );
      return fault ? EXIT.FAULT : EXIT.OK;
    }

    const out = io.stdout;
    writeLine(out, '巡察工作台 · 数据库校验 / Xuncha Desk · vault verification');
    writeLine(out, `  数据库 Vault:        ${vaultDir}${office ? `（${office.name}，全宗号 ${office.fondsCode}）` : ''}`);
    writeLine(out, `  校验人 Checked by:   ${signedInAs}`);
    writeLine(
      out,
      `  完整性 Integrity:    ${
        result.integrity.length === 0 ? '通过 ok' : `未通过 FAILED（${result.integrity.length} 处 problem(s)）`
      }`,
    );
    for (const line of result.integrity.slice(0, 10)) writeLine(out, `      ${line}`);
    const audit = result.audit;
    writeLine(
      out,
      `  审计日志 Audit chain: ${
        audit.ok
          ? `通过，已核对 ${audit.checked} 条 / ok, ${audit.checked} entries checked`
          : `未通过 FAILED：第 ${audit.firstBroken!.id} 条 (${audit.firstBroken!.reason})，此前 ${audit.checked} 条完好 / entry ${audit.firstBroken!.id}, the ${audit.checked} before it are intact`
      }`,
    );
    writeLine(out);
    if (!fault) {
      writeLine(out, '结论：数据库完好，审计日志未被篡改。');
      writeLine(out, 'Result: the vault is sound and the audit log is intact.');
      return EXIT.OK;
    }
    writeLine(out, `结论：${fault.zh}`);
    writeLine(out, `Result: ${fault.en}`);
    return EXIT.FAULT;
  },
};
