/**
 * `xuncha office-card`, `xuncha trust-office`, `xuncha export-package` and
 * `xuncha import-package`: exchange packages between offices (市县联动) from the command line.
 * They sign in and go through the app's channels (exchange.*), with the file dialogs answered
 * by --out / --in / --card, so checks, permissions and audit entries are the app's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExchangeDiff, ExchangeKind, ExchangePreview } from '../../shared/contract';
import type { FilePort } from '../core/files/file-port';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import { openCore, type CoreClient } from './core-client';
import { CliError, EXIT, usageError, writeLine, type CliIo } from './io';
import { obtainPassword } from './prompt';
import { signInOptions } from './signed-in';

const signInHelp = `  --vault 目录       数据库文件夹 / the vault folder
  --user 用户名      登录的账号 / the account to sign in with
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help`;

const exitHelp = `退出码 Exit codes:
  0  完成 / done
  2  用法错误、登录失败、无权操作，或数据包被拒绝（输出核心的中文提示）/ usage error, sign-in failed, not allowed, or the package was refused`;

/** Signs in with the dialogs answered as given, runs `work`, signs out and closes whatever happens. */
async function withCore<T>(values: { vault?: string | undefined; user?: string | undefined; 'password-stdin'?: boolean | undefined }, io: CliIo, files: FilePort, work: (core: CoreClient) => Promise<T>): Promise<T> {
  const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
  const username = requireOption(values.user, '--user', '用户名');
  const password = await obtainPassword(io, { fromStdin: values['password-stdin'] === true, label: `${username} 的密码 Password for ${username}` });
  const core = openCore(vaultDir, io, { sealsPasswords: false, files });
  try {
    await core.call('session.signIn', { username, password });
    try {
      return await work(core);
    } finally {
      await core.call('session.signOut', {}).catch(() => undefined);
    }
  } finally {
    core.close();
  }
}

const answers = (open: string | null, save: string | null): FilePort => ({ chooseFileToOpen: async () => open, chooseFileToSave: async () => save });

export const kindWords: Record<ExchangeKind, string> = {
  round: '轮次 rounds',
  unit: '被巡察单位 units',
  inspection: '巡察任务 inspections',
  problem: '问题 problems',
  rectification: '整改事项 rectification items',
  document: '公文 documents',
  clue: '问题线索 clues',
  file: '文件 files',
};

const grouped = (fingerprint: string) => (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

function printDiff(io: CliIo, diff: ExchangeDiff[]): void {
  writeLine(io.stdout, '  类别 kind                        新增 new  变更 changed  未变 unchanged');
  for (const d of diff) writeLine(io.stdout, `  ${kindWords[d.kind].padEnd(30)} ${String(d.new).padStart(6)} ${String(d.changed).padStart(10)} ${String(d.unchanged).padStart(12)}`);
}

function printPreview(io: CliIo, p: ExchangePreview): void {
  writeLine(io.stdout, `数据包 Package: ${p.fileName}（${p.packageId}，序号 sequence ${p.sequence}）`);
  writeLine(io.stdout, `来自 From: ${p.sender.name}（全宗号 ${p.sender.code}）  指纹 ${grouped(p.sender.fingerprint)}`);
  writeLine(io.stdout, `轮次 Round: ${p.roundLabel}  导出于 created ${p.createdAt}${p.includesClues ? '  含问题线索 includes clues' : ''}`);
  if (p.alreadyImported) writeLine(io.stdout, '该数据包此前已导入，再次导入不会改动任何数据。/ Already imported: importing it again changes nothing.');
  printDiff(io, p.diff);
}

const cardHelp = `用法 Usage:
  xuncha office-card --vault 目录 --user 用户名 [--out 文件] [--password-stdin] [--json]

显示本单位的公钥卡和指纹（第一次使用时生成本单位的签名和加密密钥，私钥只保存在加密数据库内）。
把公钥卡交给对方巡察办，并通过电话或书面核对指纹。--out 把公钥卡保存为文本文件。

Shows this office's card and fingerprint (the signing and encryption keys are made on first use;
the private keys stay inside the encrypted vault). Hand the card to the other office and compare
the fingerprint by phone or on paper. --out saves the card as a text file.

选项 Options:
  --out 文件         保存公钥卡 / save the card to this file
${signInHelp}

${exitHelp}
`;

export const officeCardCommand: CliCommand = {
  name: 'office-card',
  summary: { zh: '显示或保存本单位的公钥卡和指纹', en: "show or save this office's card and fingerprint" },
  help: cardHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { ...signInOptions, out: { type: 'string' } });
    const out = values.out === undefined ? null : resolve(values.out);
    const card = await withCore(values, io, answers(null, out), async (core) => {
      if (out) await core.call('exchange.saveCard', {});
      return core.call('exchange.card', {});
    });
    if (values.json) writeLine(io.stdout, JSON.stringify({ ok: true, ...card, savedTo: out }, null, 2));
    else {
      io.stdout.write(card.cardText);
      if (out) writeLine(io.stdout, `已保存 Saved: ${out}`);
    }
    return EXIT.OK;
  },
};

const trustHelp = `用法 Usage:
  xuncha trust-office --vault 目录 --user 用户名 --card 文件 --fingerprint 指纹 [--password-stdin] [--json]

登记对方巡察办的公钥卡为可信。--fingerprint 是与对方电话或书面核对过的指纹（空格可有可无），
与公钥卡不一致时不登记。需要系统管理员账号。

Registers another office's card as trusted. --fingerprint is the fingerprint compared with that
office by phone or on paper (spaces optional); a card that does not match it is not registered.
Needs an administrator account.

选项 Options:
  --card 文件        对方的公钥卡 / the other office's card file
  --fingerprint 指纹 核对过的指纹 / the fingerprint as compared
${signInHelp}

${exitHelp}
`;

export const trustOfficeCommand: CliCommand = {
  name: 'trust-office',
  summary: { zh: '登记可信的巡察办公钥卡', en: "register another office's card as trusted" },
  help: trustHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { ...signInOptions, card: { type: 'string' }, fingerprint: { type: 'string' } });
    const cardFile = resolve(requireOption(values.card, '--card', '公钥卡文件'));
    const confirmFingerprint = requireOption(values.fingerprint, '--fingerprint', '核对过的指纹');
    if (!existsSync(cardFile)) throw usageError(`找不到公钥卡文件：${cardFile}`, `No such card file: ${cardFile}`);
    const cardText = readFileSync(cardFile, 'utf8');
    const office = await withCore(values, io, answers(null, null), (core) => core.call('exchange.trust', { cardText, confirmFingerprint }));
    if (values.json) writeLine(io.stdout, JSON.stringify({ ok: true, office }, null, 2));
    else writeLine(io.stdout, `已登记 Registered: ${office.name}（全宗号 ${office.code}）  指纹 ${grouped(office.fingerprint)}`);
    return EXIT.OK;
  },
};

const exportHelp = `用法 Usage:
  xuncha export-package --vault 目录 --user 用户名 --round 轮次编号 --to 指纹|公钥卡文件 --out 文件
                        [--include-clues] [--password-stdin] [--json]

把一个轮次（巡察任务、被巡察单位、问题、整改事项及佐证材料、已定稿公文）导出为交换数据包（.xpkg）：
用收件巡察办的公钥加密，用本单位的签名密钥签名。--to 是已登记的巡察办的指纹，或对方的公钥卡文件。
问题线索只有加 --include-clues 且账号可以查阅问题线索时才导出。导出记入审计日志。

Exports a round (inspections, units, problems, rectification items with evidence, final documents) as an
exchange package (.xpkg), encrypted to the recipient office and signed by this office. --to is
a registered office's fingerprint or that office's card file. Clues go only with
--include-clues and an account that may read clues. Every export is audited.

选项 Options:
  --round 编号       轮次的编号（数据库内的 id，见 xuncha stats 或应用）/ the round's id
  --to 指纹|文件     收件巡察办 / the recipient office
  --out 文件         数据包文件（不能已存在）/ the package file (must not exist)
  --include-clues    同时导出问题线索 / include the clues
${signInHelp}

${exitHelp}
`;

export const exportPackageCommand: CliCommand = {
  name: 'export-package',
  summary: { zh: '把一个轮次导出为加密签名的交换数据包', en: 'export a round as a signed, encrypted exchange package' },
  help: exportHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { ...signInOptions, round: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'include-clues': { type: 'boolean' } });
    const roundId = Number(requireOption(values.round, '--round', '轮次编号'));
    if (!Number.isInteger(roundId) || roundId < 1) throw usageError('--round 应为轮次的编号（正整数）', '--round must be the round id (a positive integer)');
    const toText = requireOption(values.to, '--to', '收件巡察办的指纹或公钥卡文件');
    const out = resolve(requireOption(values.out, '--out', '数据包文件'));
    if (existsSync(out)) throw usageError(`文件已存在：${out}（不会覆盖）`, `The file already exists: ${out} (never overwritten)`);
    const to = existsSync(toText) ? { cardText: readFileSync(toText, 'utf8') } : { fingerprint: toText };
    const result = await withCore(values, io, answers(null, out), (core) => core.call('exchange.export', { roundId, to, includeClues: values['include-clues'] === true }));
    if (!result) throw new CliError({ zh: '未导出', en: 'Nothing was exported' }, EXIT.USAGE, 'CANCELLED');
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, ...result }, null, 2));
      return EXIT.OK;
    }
    writeLine(io.stdout, `已导出 Exported: ${result.path}（${result.bytes} 字节 bytes）`);
    writeLine(io.stdout, `收件 To: ${result.recipient}  序号 sequence ${result.sequence}  编号 id ${result.packageId}`);
    for (const c of result.counts) writeLine(io.stdout, `  ${kindWords[c.kind].padEnd(30)} ${String(c.count).padStart(6)}`);
    return EXIT.OK;
  },
};

const importHelp = `用法 Usage:
  xuncha import-package --vault 目录 --user 用户名 --in 文件 [--dry-run] [--password-stdin] [--json]

先校验签名（未签名、签名无效或被改动的数据包一律拒绝），再确认发件巡察办已登记、数据包是发给
本单位的、不是旧包或重放，然后解密并列出新增、变更、未变的记录；不加 --dry-run 时随即导入。
同一个数据包再次导入时提示“已导入”，不改动任何数据（退出码 0）。导入和拒绝都记入审计日志。

Checks the signature first (an unsigned, wrongly signed or changed package is refused), then that
the sender is registered, that the package is addressed to this office and is not an older one or
a replay; then decrypts it and lists what is new, changed and unchanged, and without --dry-run
imports it. The same package imported again answers "already imported" and changes nothing
(exit 0). Imports and refusals are audited.

选项 Options:
  --in 文件          数据包文件 / the package file
  --dry-run          只校验并列出差异，不导入 / check and show the differences only
${signInHelp}

${exitHelp}
`;

export const importPackageCommand: CliCommand = {
  name: 'import-package',
  summary: { zh: '校验并导入交换数据包（--dry-run 只看差异）', en: 'check and import an exchange package (--dry-run: differences only)' },
  help: importHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, { ...signInOptions, in: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    const input = resolve(requireOption(values.in, '--in', '数据包文件'));
    if (!existsSync(input)) throw usageError(`找不到数据包文件：${input}`, `No such package file: ${input}`);
    const dryRun = values['dry-run'] === true;
    const outcome = await withCore(values, io, answers(input, null), async (core) => {
      const preview = await core.call('exchange.preview', { reuseChosenFile: false });
      if (!preview) throw new CliError({ zh: '未选择数据包', en: 'No package chosen' }, EXIT.USAGE, 'CANCELLED');
      if (dryRun) return { preview, imported: null };
      return { preview, imported: await core.call('exchange.import', { packageId: preview.packageId, confirm: true }) };
    });
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, dryRun, ...(outcome.imported ?? outcome.preview) }, null, 2));
      return EXIT.OK;
    }
    printPreview(io, outcome.preview);
    if (dryRun) writeLine(io.stdout, '试运行：未导入任何数据。/ Dry run: nothing was imported.');
    else if (outcome.imported && !outcome.preview.alreadyImported) writeLine(io.stdout, `已导入 Imported at ${outcome.imported.importedAt}（轮次 round id ${outcome.imported.roundId}）`);
    return EXIT.OK;
  },
};

export const exchangeCommands: readonly CliCommand[] = [officeCardCommand, trustOfficeCommand, exportPackageCommand, importPackageCommand];
