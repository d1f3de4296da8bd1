#!/usr/bin/env node
// The `xuncha` command: runs the built CLI (out/main/xuncha.js, made by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../out/main/xuncha.js', import.meta.url);

if (!existsSync(fileURLToPath(built))) {
  process.stderr.write(
    'xuncha: 找不到已构建的命令行程序 out/main/xuncha.js，请先在项目目录运行 npm run build。\n' +
      '        The command line tool is not built (out/main/xuncha.js is missing): run `npm run build` first.\n',
  );
  process.exit(2);
}

await import(built.href);
