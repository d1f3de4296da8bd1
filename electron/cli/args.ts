/**
 * Argument parsing (node:util parseArgs, strict) and the one rule about passwords: they never
 * come from argv, where they would stay in the shell history and be readable by every user
 * of the machine in the process list. Any password-looking option is refused before parsing.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const commonOptions = {
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/** --password, --password=…, --admin-password, --passwd, --pwd, -p … but not --password-stdin. */
const PASSWORD_OPTION = /^--?(?:[a-z0-9]+-)*(?:password|passwd|pwd|pass|p)(?:=.*)?$/i;

export function refusePasswordArguments(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') break;
    const name = arg.split('=', 1)[0]!;
    if (name === '--password-stdin') continue;
    if (PASSWORD_OPTION.test(arg)) {
      throw usageError(
        `不接受在命令行参数中给出密码（${name}）：命令行参数会留在命令历史和进程列表中。请在提示时输入密码（输入内容不显示），或使用 --password-stdin 从标准输入读取第一行。`,
        `Passwords are not accepted as command-line arguments (${name}): they stay in the shell history and the process list. Type the password at the prompt (it is not shown), or use --password-stdin to read the first line of standard input.`,
      );
    }
  }
}

/** Strict parsing with the parse errors translated into usage errors in both languages. */
export function parseCommandArgs<T extends OptionsConfig>(args: string[], options: T) {
  refusePasswordArguments(args);
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw usageError(`无法识别的选项。${message}（用 --help 查看用法）`, `Unknown option. ${message} (see --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw usageError(`选项缺少值或值不正确。${message}`, `Missing or invalid option value. ${message}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw usageError(`多余的参数。${message}`, `Unexpected argument. ${message}`);
    }
    throw error;
  }
}

/** A required string option, or a usage error naming it. */
export function requireOption(value: string | undefined, option: string, zhName: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw usageError(`缺少 ${option}（${zhName}）`, `Missing ${option}`);
  return trimmed;
}
