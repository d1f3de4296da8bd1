/**
 * Entry of the `xuncha` command (built to out/main/xuncha.js; bin/xuncha.mjs runs it).
 * From source: `node --import tsx electron/cli/xuncha.ts <command> …`.
 */
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
