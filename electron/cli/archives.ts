/**
 * `xuncha search` and `xuncha fixity`: the archives from the command line. Both sign in and go
 * through the same channels as the app (archives.search; archives.fixityRun with archives.job
 * and archives.fixityStatus), so permissions and auditing are the app's: a search sees only
 * the items the account may see, and every search and fixity run is in the audit log.
 */
import { parseArgs } from 'node:util';
import type { ArchiveSearchResult, FixityRun } from '../../shared/contract';
import { parseCommandArgs, refusePasswordArguments } from './args';
import type { CliCommand } from './command';
import { EXIT, usageError, writeLine } from './io';
import { signedIn, signInOptions } from './signed-in';

const searchHelp = `用法 Usage:
  xuncha search --vault 目录 --user 用户名 [--password-stdin] [--limit N] [--year 年度] [--json] "查询词"

登录后全文检索档案（题名、责任者、文号、备注、档号和文件中的文字），按相关度列出前 N 件
（默认 20）的档号、题名和摘要，命中的文字用【】标出。多个词用空格分开，须同时出现。
只列出该账号可以查看的档案；每次检索都记入审计日志。

Signs in and searches the archives in full text (title, author, document number, remarks, archive
code and the text of the files), printing the first N hits (20 by default) by relevance with their
archive code, title and a snippet, the matched words in 【】. Words separated by spaces must all
occur. Only items the account may see are listed; every search is audited.

选项 Options:
  --vault 目录       数据库文件夹 / the vault folder
  --user 用户名      登录的账号 / the account to sign in with
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --limit N          最多列出 N 件（10–100，默认 20）/ at most N hits (10–100, default 20)
  --year 年度        只查该年度 / only this year
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help

退出码 Exit codes:
  0  检索完成（包括没有命中）/ the search ran (with or without hits)
  2  用法错误、登录失败 / usage error, sign-in failed
`;

export function snippetText(snippet: ArchiveSearchResult['items'][number]['snippet']): string {
  return snippet.map((piece) => (piece.hit ? `【${piece.text}】` : piece.text)).join('');
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: { zh: '全文检索档案', en: 'full-text search of the archives' },
  help: searchHelp,
  async run(args, io) {
    refusePasswordArguments(args);
    let parsed;
    try {
      parsed = parseArgs({ args, options: { ...signInOptions, limit: { type: 'string' }, year: { type: 'string' } }, strict: true, allowPositionals: true });
    } catch (error) {
      throw usageError(`选项不正确：${(error as Error).message}（用 --help 查看用法）`, `Invalid options: ${(error as Error).message} (see --help)`);
    }
    const { values, positionals } = parsed;
    const query = positionals.join(' ').trim();
    if (!query) throw usageError('缺少查询词，例如 xuncha search --vault 目录 --user 用户名 "整改"', 'Missing the words to search for');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 10 || limit > 100) throw usageError('--limit 应为 10 至 100 的整数', '--limit must be an integer from 10 to 100');
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !Number.isInteger(year)) throw usageError('--year 应为年份，如 2020', '--year must be a year, e.g. 2020');

    const result = await signedIn(values, io, (core) => core.call('archives.search', { query, pageSize: limit, ...(year !== undefined ? { year } : {}) }));
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: true, query, ...result }, null, 2));
      return EXIT.OK;
    }
    const out = io.stdout;
    const more = result.totalIsLowerBound ? `${result.total} 件以上 / more than ${result.total}` : `${result.total} 件 / ${result.total} item(s)`;
    writeLine(out, `检索“${query}”：${more}${result.ranked ? '，按相关度排列 / by relevance' : '，按时间由近及远 / newest first'}`);
    result.items.forEach(({ item, snippet }, i) => {
      writeLine(out);
      writeLine(out, `${String(i + 1).padStart(3)}. ${item.archiveCode}  ${item.displayTitle}`);
      writeLine(out, `     ${[item.responsible, item.docNumber, item.docDate].filter(Boolean).join(' · ')}${item.noText ? ' · 无文字 no text' : ''}`);
      writeLine(out, `     ${snippetText(snippet)}`);
    });
    return EXIT.OK;
  },
};

const fixityHelp = `用法 Usage:
  xuncha fixity --vault 目录 --user 用户名 [--password-stdin] [--json]

登录后校验存储的每一个文件：解密并重新计算 SHA-256，与存入时记录的值比对，列出缺失或被改动的文件。
上次被中断的校验从中断处继续。需要档案管理员或系统管理员账号；校验记入审计日志。进度显示在标准错误输出。

Signs in and checks every stored file: decrypts it, recomputes its SHA-256 and compares it with the
one recorded when it was stored; lists missing and changed files. A run that was interrupted
resumes where it stopped. Needs an archivist or administrator account; the run is audited.
Progress goes to standard error.

选项 Options:
  --vault 目录       数据库文件夹 / the vault folder
  --user 用户名      登录的账号 / the account to sign in with
  --password-stdin   从标准输入第一行读取密码 / read the password from stdin
  --json             以 JSON 输出结果 / print the result as JSON
  -h, --help         显示本帮助 / show this help

退出码 Exit codes:
  0  所有文件完好 / every file is intact
  1  有文件缺失或被改动 / files are missing or changed
  2  用法错误、登录失败或无权校验 / usage error, sign-in failed, not allowed
`;

export const fixityCommand: CliCommand = {
  name: 'fixity',
  summary: { zh: '校验存储文件的 SHA-256（缺失、被改动）', en: 'check the SHA-256 of every stored file' },
  help: fixityHelp,
  async run(args, io) {
    const values = parseCommandArgs(args, signInOptions);
    const report = await signedIn(values, io, async (core): Promise<FixityRun> => {
      await core.call('archives.fixityRun', {});
      let shown = -1;
      for (;;) {
        const job = await core.call('archives.job', {});
        if (job && job.done !== shown) {
          shown = job.done;
          io.stderr.write(`\r校验 Checking ${job.done} / ${job.total}`);
        }
        if (!job || job.state !== 'running') {
          io.stderr.write('\n');
          if (job?.state === 'failed') throw usageError(`校验中断：${job.error?.message ?? ''}`, `The check stopped: ${job.error?.code ?? ''}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return (await core.call('archives.fixityStatus', {}))!;
    });
    const faults = report.missing + report.tampered;
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ ok: faults === 0, run: report }, null, 2));
      return faults ? EXIT.FAULT : EXIT.OK;
    }
    const out = io.stdout;
    writeLine(out, '巡察工作台 · 文件校验 / Xuncha Desk · fixity audit');
    writeLine(out, `  已校验 Checked: ${report.checked} / ${report.total}`);
    writeLine(out, `  完好 Intact:    ${report.ok}`);
    writeLine(out, `  缺失 Missing:   ${report.missing}`);
    writeLine(out, `  被改动 Changed: ${report.tampered}`);
    for (const f of report.findings) {
      const what = f.result === 'missing' ? '缺失 missing' : '被改动 changed';
      writeLine(out, `    文件 file #${f.fileId}  ${what}  ${f.archiveCode ? `${f.archiveCode} ${f.fileName ?? ''}` : `（${f.ownerType}）`}`);
    }
    writeLine(out);
    writeLine(out, faults ? '结论：有文件缺失或被改动，请从备份中恢复。 / Result: files are missing or changed; restore them from a backup.' : '结论：所有文件完好。 / Result: every file is intact.');
    return faults ? EXIT.FAULT : EXIT.OK;
  },
};
