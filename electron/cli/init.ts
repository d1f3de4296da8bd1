/**
 * `xuncha init`: creates an office's vault through the core's `vault.setup` (the office, the
 * first administrator) and shows the recovery key once. Whatever is not given as an option
 * is asked for on the terminal.
 */
import type { z } from 'zod';
import { errorMessages } from '../../shared/errors';
import { officeLevelSchema, officeSchema, usernameSchema, type Office } from '../../shared/contract';
import { assertStrongPassword } from '../core/accounts/password-policy';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import { openCore, type CoreClient } from './core-client';
import { CliError, usageError, writeLine, EXIT, type CliIo } from './io';
import { printRecoveryKey } from './output';
import { askValid, isInteractive, obtainPassword } from './prompt';
import { englishMessages } from './errors';

const help = `用法 Usage:
  xuncha init --vault 目录 [--office 名称 --fonds 全宗号 --level city|county
              --admin 用户名 --admin-name 姓名] [--password-stdin] [--json]

建立本机构的加密数据库（巡察办、全宗号、第一个系统管理员），并只显示一次恢复密钥。
未在选项中给出的内容会在终端上逐项询问；管理员密码只能在隐藏的提示中输入（输入两次），
或用 --password-stdin 从标准输入的第一行读取，不接受 --password。

Creates the office's encrypted vault (office, fonds code, the first administrator) and shows
the recovery key once. Whatever is not given as an option is asked for on the terminal. The
administrator's password is typed at a hidden prompt (twice), or read from the first line of
standard input with --password-stdin; --password is refused.

选项 Options:
  --vault 目录         数据库文件夹（新建） / the vault folder to create
  --office 名称        巡察机构名称，如 呼和浩特市委巡察办 / office name
  --fonds 全宗号       1–10 位字母或数字，如 0123 / archive fonds code
  --level city|county  市级或县级 / city or county level
  --admin 用户名       管理员用户名，默认 admin / administrator's user name
  --admin-name 姓名    管理员姓名 / administrator's full name
  --password-stdin     从标准输入第一行读取管理员密码 / read the password from stdin
  --json               以 JSON 输出结果（含恢复密钥） / print the result as JSON
  -h, --help           显示本帮助 / show this help

退出码 Exit codes: 0 成功 created · 2 用法错误或被拒绝 usage error or refused

示例 Example:
  xuncha init --vault D:\\巡察数据 --office 呼和浩特市委巡察办 --fonds 0123 --level city \\
              --admin admin --admin-name 王建军
`;

const options = {
  vault: { type: 'string' },
  office: { type: 'string' },
  fonds: { type: 'string' },
  level: { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The first zod message for a value, or null when the schema accepts it. */
function problemWith(schema: z.ZodType, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? '不符合要求 / not valid');
}

const LEVEL_WORDS: Record<string, Office['level']> = {
  city: 'city',
  county: 'county',
  市: 'city',
  市级: 'city',
  县: 'county',
  县级: 'county',
  旗县区: 'county',
};

function parseLevel(text: string): Office['level'] | null {
  return LEVEL_WORDS[text.trim().toLowerCase()] ?? null;
}

function strengthProblem(password: string): string | null {
  try {
    assertStrongPassword(password);
    return null;
  } catch {
    return `密码至少8位，且须包含字母和数字 / ${englishMessages.WEAK_PASSWORD}`;
  }
}

interface InitAnswers {
  office: Office;
  admin: { username: string; displayName: string };
}

async function collectAnswers(values: { office?: string; fonds?: string; level?: string; admin?: string; 'admin-name'?: string }, io: CliIo, canAsk: boolean): Promise<InitAnswers> {
  const fields = [
    { option: '--office', value: values.office, zh: '巡察机构名称' },
    { option: '--fonds', value: values.fonds, zh: '全宗号' },
    { option: '--level', value: values.level, zh: '级别 city|county' },
    { option: '--admin', value: values.admin, zh: '管理员用户名' },
    { option: '--admin-name', value: values['admin-name'], zh: '管理员姓名' },
  ];
  const missing = fields.filter((f) => !f.value?.trim());
  if (missing.length > 0 && !canAsk) {
    const list = missing.map((f) => `${f.option}（${f.zh}）`).join('、');
    throw usageError(
      `缺少 ${list}。标准输入不是终端（或已用于 --password-stdin），无法逐项询问，请以选项给出。`,
      `Missing ${missing.map((f) => f.option).join(', ')}. Standard input is not a terminal (or is used by --password-stdin), so they cannot be asked for: give them as options.`,
    );
  }

  // Options that were given are checked now, before anything is asked or created.
  const given = (value: string | undefined, option: string, schema: Parameters<typeof problemWith>[0]) => {
    if (!value?.trim()) return undefined;
    const problem = problemWith(schema, value);
    if (problem) throw usageError(`${option} 不符合要求：${problem}`, `${option} is not valid: ${problem}`);
    return value.trim();
  };
  const nameSchema = officeSchema.shape.name;
  const fondsSchema = officeSchema.shape.fondsCode;
  let name = given(values.office, '--office', nameSchema);
  let fondsCode = given(values.fonds, '--fonds', fondsSchema);
  let level: Office['level'] | undefined;
  if (values.level?.trim()) {
    const parsed = parseLevel(values.level);
    if (!parsed) throw usageError('--level 只能是 city（市级）或 county（县级）', '--level must be city or county');
    level = officeLevelSchema.parse(parsed);
  }
  let username = given(values.admin, '--admin', usernameSchema);
  let displayName = values['admin-name']?.trim() || undefined;
  if (displayName && (displayName.length > 40)) throw usageError('--admin-name 不能超过40个字', '--admin-name is limited to 40 characters');

  if (missing.length > 0) writeLine(io.stderr, '请填写以下内容 Please answer the following (Ctrl-C 取消 to cancel):');
  name ??= await askValid(io, '巡察机构名称 Office name（如 呼和浩特市委巡察办）', (a) => problemWith(nameSchema, a));
  fondsCode ??= await askValid(io, '全宗号 Fonds code（1–10 位字母或数字）', (a) => problemWith(fondsSchema, a));
  level ??= parseLevel(
    await askValid(io, '级别 Level（city 市级 / county 县级）', (a) => (parseLevel(a) ? null : '请输入 city 或 county / enter city or county'), 'city'),
  )!;
  username ??= await askValid(io, '管理员用户名 Administrator user name', (a) => problemWith(usernameSchema, a), 'admin');
  displayName ??= await askValid(io, '管理员姓名 Administrator full name', (a) =>
    a.length === 0 ? '不能为空 / required' : a.length > 40 ? '不能超过40个字 / at most 40 characters' : null,
  );
  return { office: { name, fondsCode, level }, admin: { username, displayName } };
}

export const initCommand: CliCommand = {
  name: 'init',
  summary: { zh: '建立加密数据库和第一个系统管理员', en: 'create the encrypted vault and its first administrator' },
  help,
  async run(args, io) {
    const values = parseCommandArgs(args, options);
    const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
    const fromStdin = values['password-stdin'] === true;
    const core = openCore(vaultDir, io, { sealsPasswords: true });
    try {
      await assertNeedsSetup(core);
      const answers = await collectAnswers(values, io, isInteractive(io) && !fromStdin);
      const password = await obtainPassword(io, {
        fromStdin,
        label: `设置管理员 ${answers.admin.username} 的密码 Choose a password for ${answers.admin.username}（至少8位，含字母和数字）`,
        confirm: true,
        check: strengthProblem,
      });
      writeLine(io.stderr, '正在建立加密数据库… Creating the encrypted vault…');
      const { recoveryKey } = await core.call('vault.setup', { office: answers.office, admin: { ...answers.admin, password } });
      if (values.json) {
        writeLine(io.stdout, JSON.stringify({ ok: true, vault: core.vaultDir, office: answers.office, admin: answers.admin.username, recoveryKey }, null, 2));
        return EXIT.OK;
      }
      writeLine(io.stdout, `已建立数据库 Vault created: ${core.vaultDir}`);
      writeLine(io.stdout, `  巡察机构 Office:  ${answers.office.name}（全宗号 fonds ${answers.office.fondsCode}，${answers.office.level === 'city' ? '市级 city' : '县级 county'}）`);
      writeLine(io.stdout, `  系统管理员 Admin: ${answers.admin.displayName}（${answers.admin.username}）`);
      writeLine(io.stdout);
      printRecoveryKey(io.stdout, recoveryKey);
      return EXIT.OK;
    } finally {
      core.close();
    }
  },
};

/** Refuses before asking anything when the folder already holds a vault. */
export async function assertNeedsSetup(core: CoreClient): Promise<void> {
  const status = await core.call('app.status', {});
  if (status.state !== 'needsSetup') {
    throw new CliError(
      { zh: `${errorMessages.VAULT_EXISTS}：${core.vaultDir}`, en: `${englishMessages.VAULT_EXISTS}: ${core.vaultDir}` },
      EXIT.USAGE,
      'VAULT_EXISTS',
    );
  }
}
