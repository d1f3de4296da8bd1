import type { Bilingual, CliIo } from './io';

/** One `xuncha` command: its name, a one-line summary for `xuncha --help`, its own help. */
export interface CliCommand {
  name: string;
  summary: Bilingual;
  /** The full `--help` text: Chinese first, then English. */
  help: string;
  /** Returns the exit code; throws a CliError for anything it reports as an error. */
  run(args: string[], io: CliIo): Promise<number>;
}
