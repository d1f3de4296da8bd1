/**
 * `xuncha demo`: a vault filled with demo data for training and trying the app out: the
 * 呼和浩特市委巡察办 office, its administrator and one account per role, and whatever the
 * steps in electron/cli/demo/steps.ts add.
 */
import { assertStrongPassword } from '../core/accounts/password-policy';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import { openCore } from './core-client';
import { DEMO_ADMIN, DEMO_OFFICE } from './demo/data';
import { demoSteps } from './demo/steps';
import type { DemoContext } from './demo/types';
import { englishMessages } from './errors';
import { assertNeedsSetup } from './init';
import { EXIT, writeLine } from './io';
import { formatTable, printRecoveryKey, roleLabels } from './output';
import { obtainPassword } from './prompt';

const help = `用法 Usage:
  xuncha demo --vault 目录 [--password-stdin] [--json]

建立一个装有演示数据的加密数据库，用于培训和试用：${DEMO_OFFICE.name}（全宗号 ${DEMO_OFFICE.fondsCode}，市级），
系统管理员 ${DEMO_ADMIN.username}，以及每个角色各一个账号。演示中所有账号使用同一个密码（即管理员密码，
在隐藏的提示中输入两次，或用 --password-stdin 从标准输入的第一行读取）；除管理员外，
每个账号第一次登录时必须修改密码。不要在真实数据所在的文件夹运行。

Creates an encrypted vault with demo data for training and trying the app out: the office
${DEMO_OFFICE.name} (fonds ${DEMO_OFFICE.fondsCode}, city level), the administrator ${DEMO_ADMIN.username},
and one account per role. Every demo account starts with the same password (the administrator's,
typed twice at a hidden prompt or read from stdin with --password-stdin); all but the
administrator must change it at first sign-in. Do not run it in a folder with real data.

步骤 Steps:
${demoSteps.map((step, i) => `  ${i + 1}. ${step.title.zh} / ${step.title.en}`).join('\n')}

选项 Options:
  --vault 目录       新建的数据库文件夹 / the vault folder to create
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --json             以 JSON 输出结果（含恢复密钥和账号） / print the result as JSON
  -h, --help         显示本帮助 / show this help

退出码 Exit codes: 0 成功 created · 2 用法错误或被拒绝 usage error or refused
`;

const options = {
  vault: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function strengthProblem(password: string): string | null {
  try {
    assertStrongPassword(password);
    return null;
  } catch {
    return `密码至少8位，且须包含字母和数字 / ${englishMessages.WEAK_PASSWORD}`;
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: { zh: '建立装有演示数据的数据库', en: 'create a vault with demo data' },
  help,
  async run(args, io) {
    const values = parseCommandArgs(args, options);
    const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
    const core = openCore(vaultDir, io, { sealsPasswords: true });
    try {
      await assertNeedsSetup(core);
      const password = await obtainPassword(io, {
        fromStdin: values['password-stdin'] === true,
        label: `演示账号的密码 Password for the demo accounts（至少8位，含字母和数字）`,
        confirm: true,
        check: strengthProblem,
      });
      const ctx: DemoContext = {
        core,
        office: DEMO_OFFICE,
        password,
        recoveryKey: null,
        accounts: [],
        summary: [],
        log: (text) => writeLine(io.stderr, text),
      };
      for (const [index, step] of demoSteps.entries()) {
        const started = performance.now();
        ctx.log(`[${index + 1}/${demoSteps.length}] ${step.title.zh} ${step.title.en} …`);
        await step.run(ctx);
        ctx.log(`      完成 done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      await core.call('session.signOut', {});

      if (values.json) {
        writeLine(
          io.stdout,
          JSON.stringify(
            { ok: true, vault: core.vaultDir, office: ctx.office, recoveryKey: ctx.recoveryKey, accounts: ctx.accounts, summary: ctx.summary },
            null,
            2,
          ),
        );
        return EXIT.OK;
      }
      const out = io.stdout;
      writeLine(out, `已建立演示数据库 Demo vault created: ${core.vaultDir}`);
      writeLine(out, `  巡察机构 Office: ${ctx.office.name}（全宗号 fonds ${ctx.office.fondsCode}，市级 city）`);
      for (const line of ctx.summary) writeLine(out, `  ${line.zh} / ${line.en}`);
      writeLine(out);
      writeLine(out, '账号 Accounts（密码均为刚才输入的演示密码 all use the demo password just entered）:');
      const rows = ctx.accounts.map((a) => [
        a.username,
        a.displayName,
        `${roleLabels[a.role].zh} ${roleLabels[a.role].en}`,
        a.position,
        a.mustChangePassword ? '首次登录须改密码 must change' : '—',
      ]);
      for (const line of formatTable(['用户名 User', '姓名 Name', '角色 Role', '职务 Position', '密码 Password'], rows)) {
        writeLine(out, line);
      }
      writeLine(out);
      if (ctx.recoveryKey) printRecoveryKey(out, ctx.recoveryKey);
      return EXIT.OK;
    } finally {
      core.close();
    }
  },
};
