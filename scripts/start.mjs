#!/usr/bin/env node
/**
 * `npm start`: builds the app, then runs it in Electron when its binary is usable, or else in
 * the system Chromium through the Playwright bridge (out/main/browser-host.js) over the same
 * core. Either way it needs a graphical display.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary's path, or why there is none ("Electron failed to install correctly…"). */
function electronBinary() {
  try {
    const path = createRequire(join(root, 'package.json'))('electron');
    if (typeof path !== 'string') return { ok: false, reason: 'require("electron") did not return a path' };
    if (!existsSync(path)) return { ok: false, reason: `${path} does not exist` };
    return { ok: true, path };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n')[0] };
  }
}

function hasDisplay(env = process.env) {
  if (process.platform !== 'linux') return true;
  return Boolean(env.DISPLAY?.trim() || env.WAYLAND_DISPLAY?.trim());
}

function build() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('构建失败，未启动。 / The build failed; nothing was started.');
    process.exit(result.status ?? 1);
  }
}

function run(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`无法启动 ${command} / Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

function main() {
  if (!hasDisplay()) {
    console.error(
      [
        '没有可用的图形显示（DISPLAY 和 WAYLAND_DISPLAY 均未设置），无法打开巡察工作台窗口。请在桌面环境中运行 npm start。',
        'No graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the Xuncha Desk window cannot open. Run npm start from a desktop session.',
      ].join('\n'),
    );
    process.exit(1);
  }

  const electron = electronBinary();
  build();
  const env = { ...process.env };
  if (electron.ok) {
    delete env.ELECTRON_RUN_AS_NODE;
    run(electron.path, ['.'], env);
    return;
  }
  console.log(`Electron 不可用（${electron.reason}），改用系统 Chromium。 / Electron is not usable (${electron.reason}); using the system Chromium.`);
  run(process.execPath, [join(root, 'out', 'main', 'browser-host.js')], env);
}

main();
