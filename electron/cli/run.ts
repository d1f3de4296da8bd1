/**
 * The `xuncha` command line: dispatch to a command, help in both languages, and one place
 * where errors become messages and exit codes.
 */
import type { CliCommand } from './command';
import { fixityCommand, searchCommand } from './archives';
import { backupCommand } from './backup';
import { exchangeCommands } from './exchange';
import { restoreCommand, verifyBackupCommand } from './restore';
import { demoCommand } from './demo';
import { docCommand } from './doc';
import { reportError, unexpectedError } from './errors';
import { initCommand } from './init';
import { statsCommand } from './stats';
import { CliError, EXIT, usageError, writeLine, type CliIo } from './io';
import { refusePasswordArguments } from './args';
import { verifyCommand } from './verify';
import { displayWidth, padEnd } from './output';

export const commands: readonly CliCommand[] = [initCommand, verifyCommand, demoCommand, statsCommand, docCommand, backupCommand, verifyBackupCommand, restoreCommand, searchCommand, fixityCommand, ...exchangeCommands];

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => displayWidth(c.name)));
  const lines = commands.map((c) => `  ${padEnd(c.name, width)}  ${c.summary.zh} / ${c.summary.en}`);
  return `巡察工作台 命令行工具 / Xuncha Desk command line

用法 Usage:
  xuncha <命令 command> [选项 options]
  xuncha <命令 command> --help

命令 Commands:
${lines.join('\n')}

密码只能在隐藏的提示中输入，或用 --password-stdin 从标准输入的第一行读取；不接受 --password。
Passwords are typed at a hidden prompt or read from the first line of stdin with
--password-stdin; --password on the command line is refused.

退出码 Exit codes: 0 成功 ok · 1 校验发现问题 verify found a fault · 2 用法错误或被拒绝 usage error or refused
`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  const command = commands.find((c) => c.name === first);
  const json = argv.includes('--json');
  try {
    refusePasswordArguments(argv);
    if (first === undefined) {
      io.stderr.write(generalHelp());
      return EXIT.USAGE;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const target = commands.find((c) => c.name === rest[0]);
      io.stdout.write(target ? target.help : generalHelp());
      return EXIT.OK;
    }
    if (!command) {
      throw usageError(`未知命令“${first}”。可用命令：${commands.map((c) => c.name).join('、')}（xuncha --help）`, `Unknown command "${first}". Commands: ${commands.map((c) => c.name).join(', ')} (xuncha --help)`);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help);
      return EXIT.OK;
    }
    return await command.run(rest, io);
  } catch (thrown) {
    const error = thrown instanceof CliError ? thrown : unexpectedError(thrown, io);
    reportError(io, command?.name ?? '', error);
    if (json && error.code !== 'CANCELLED') {
      writeLine(io.stdout, JSON.stringify({ ok: false, error: { code: error.code, message: error.text.zh, messageEn: error.text.en, ...(error.details ? { details: error.details } : {}) } }, null, 2));
    }
    return error.exitCode;
  }
}

