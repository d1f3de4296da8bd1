/**
 * `xuncha doc feedback`: the feedback letter (巡察反馈意见) of an inspection as a PDF, without the
 * app: signs in, takes the inspection's newest feedback letter (or drafts one from the vault when
 * there is none yet), and exports it through the same print channel as the app, so the copies
 * get their 份号, the print register its row and the audit log its entry. The file is written
 * to a temp name, flushed to disk and renamed, so a crash never leaves half a PDF.
 */
import { resolve } from 'node:path';
import type { DocumentDetail } from '../../shared/contract';
import { fontRoleNames } from '../../shared/documents';
import { writeFileAtomic } from '../core/fs/atomic-write';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './command';
import type { CoreClient } from './core-client';
import { EXIT, usageError, writeLine } from './io';
import { signedIn } from './signed-in';

const help = `用法 Usage:
  xuncha doc feedback --vault 目录 --inspection 编号|first --out 文件.pdf
                      [--user 用户名] [--copies 份数] [--password-stdin] [--json]

生成一个巡察任务的巡察反馈意见（GB/T 9704 版式的 PDF）。该巡察任务已有反馈意见时取最新的一份
（已定稿的取定稿版本），没有时按数据库中的情况起草一份（保存为第1版草稿）。导出与在程序中
印制相同：秘密、机密文书每一份都有自己的份号（连续的6位数字），并记入印制登记和审计日志。
--inspection first 取第一个已录入问题的巡察任务。默认以 admin 登录。

Writes the feedback letter (巡察反馈意见) of an inspection as a PDF in the GB/T 9704 layout. If
the inspection already has one, the newest is used (its final version when finalised); if not,
a draft is made from the vault (saved as version 1). The export is the same as printing in the
app: every copy of a secret or confidential document gets its own 6-digit copy number, and the
print register and the audit log record it. --inspection first takes the first inspection that
has problems. Signs in as admin unless --user says otherwise.

选项 Options:
  --vault 目录           数据库文件夹 / the vault folder
  --inspection 编号      巡察任务编号，或 first / inspection id, or first
  --out 文件.pdf         输出文件（已存在时覆盖）/ the PDF to write (replaced if it exists)
  --user 用户名          登录的账号（默认 admin）/ the account to sign in with (default admin)
  --copies 份数          份数 1–500（默认 1）/ copies, 1–500 (default 1)
  --password-stdin       从标准输入第一行读取密码 / read the password from stdin
  --json                 以 JSON 输出结果 / print the result as JSON
  -h, --help             显示本帮助 / show this help

退出码 Exit codes: 0 已生成 written · 2 用法错误、登录失败、无权印制或找不到巡察任务 usage error,
sign-in failed, not allowed to print, no such inspection
`;

const options = {
  vault: { type: 'string' },
  inspection: { type: 'string' },
  out: { type: 'string' },
  user: { type: 'string' },
  copies: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The first inspection, oldest term and round first, that has at least one problem. */
async function firstInspectionWithProblems(core: CoreClient): Promise<number> {
  const terms = (await core.call('terms.list', {})).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const term of terms) {
    const rounds = (await core.call('rounds.list', { termId: term.id })).sort((a, b) => a.number - b.number);
    for (const round of rounds) {
      const inspections = (await core.call('inspections.list', { roundId: round.id })).sort((a, b) => a.id - b.id);
      for (const inspection of inspections) {
        if ((await core.call('problems.list', { inspectionId: inspection.id, page: 1, pageSize: 10 })).total > 0) return inspection.id;
      }
    }
  }
  throw usageError('数据库中没有已录入问题的巡察任务', 'No inspection in the vault has any problems');
}

function parseInspection(value: string): number | 'first' {
  if (value === 'first') return 'first';
  if (!/^[1-9]\d{0,9}$/.test(value)) throw usageError(`--inspection 应为巡察任务编号或 first，而不是“${value}”`, `--inspection takes an inspection id or first, not "${value}"`);
  return Number(value);
}

function parseCopies(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 500)) throw usageError(`--copies 应为 1 至 500 之间的整数，而不是“${value}”`, `--copies takes a whole number from 1 to 500, not "${value}"`);
  return n;
}

async function feedbackLetterOf(core: CoreClient, inspectionId: number): Promise<{ document: DocumentDetail; drafted: boolean }> {
  const existing = await core.call('documents.list', { inspectionId, kind: 'feedbackLetter', page: 1, pageSize: 10 });
  const newest = existing.items[0];
  if (newest) return { document: await core.call('documents.get', { id: newest.id }), drafted: false };
  return { document: await core.call('documents.create', { kind: 'feedbackLetter', inspectionId }), drafted: true };
}

export const docCommand: CliCommand = {
  name: 'doc',
  summary: { zh: '生成巡察反馈意见 PDF（带份号，记入印制登记）', en: 'write the feedback letter as a PDF (copy-numbered, registered)' },
  help,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind !== 'feedback') {
      throw usageError(`请指明文书种类：xuncha doc feedback …（${kind ? `不支持“${kind}”` : '缺少种类'}）`, `Name the document kind: xuncha doc feedback … (${kind ? `"${kind}" is not supported` : 'missing'})`);
    }
    const values = parseCommandArgs(rest, options);
    const inspectionArg = parseInspection(requireOption(values.inspection, '--inspection', '巡察任务编号或 first'));
    const out = resolve(requireOption(values.out, '--out', '输出的 PDF 文件'));
    const copies = parseCopies(values.copies);
    // The brief's command line names no account: the administrator unless --user says otherwise.
    const account = { ...values, user: values.user?.trim() || 'admin' };
    const result = await signedIn(account, io, async (core) => {
      const inspectionId = inspectionArg === 'first' ? await firstInspectionWithProblems(core) : inspectionArg;
      const { document, drafted } = await feedbackLetterOf(core, inspectionId);
      const printed = await core.call('documents.print', { id: document.id, copies, purpose: 'pdf' });
      writeFileAtomic(out, Buffer.from(printed.base64, 'base64'));
      return { inspectionId, document, drafted, printed };
    });

    const { document, printed } = result;
    const numbers = printed.copyNumbers.length ? `${printed.copyNumbers[0]}–${printed.copyNumbers.at(-1)}` : null;
    if (values.json) {
      writeLine(
        io.stdout,
        JSON.stringify(
          {
            ok: true,
            file: out,
            inspectionId: result.inspectionId,
            documentId: document.id,
            version: document.version,
            status: document.status,
            drafted: result.drafted,
            title: document.title,
            pagesPerCopy: printed.pages,
            totalPages: printed.totalPages,
            copies: printed.copies,
            copyNumbers: printed.copyNumbers,
            registerId: printed.registerId,
            fonts: printed.fonts,
            substitutes: printed.substitutes,
          },
          null,
          2,
        ),
      );
      return EXIT.OK;
    }
    const o = io.stdout;
    writeLine(o, `已生成 Written: ${out}`);
    writeLine(o, `  文书 Document:  ${document.title}（第${document.version}版，${document.status === 'final' ? '已定稿 final' : '草稿 draft'}${result.drafted ? '，新起草 newly drafted' : ''}）`);
    const padding = printed.totalPages > printed.pages * printed.copies ? `，另有分隔空白页 with blank pages between copies，共 ${printed.totalPages} 页 in all` : '';
    writeLine(o, `  页数 Pages:     每份 ${printed.pages} 页 per copy × ${printed.copies} 份 copies${padding}`);
    if (numbers) writeLine(o, `  份号 Copy nos:  ${numbers}（印制登记 register #${printed.registerId}）`);
    for (const font of printed.fonts) {
      writeLine(o, `  字体 Font:      ${fontRoleNames[font.role]} ← ${font.family}${font.substitute ? '（替代字体 substitute）' : ''}`);
    }
    if (printed.substitutes) {
      writeLine(io.stderr, '注意：本机缺少部分公文字体，已用开源字体替代；正式印发前请安装仿宋_GB2312、方正小标宋简体等字体。');
      writeLine(io.stderr, 'Note: some official fonts are missing on this machine and open fonts stood in; install them before issuing the document.');
    }
    return EXIT.OK;
  },
};
