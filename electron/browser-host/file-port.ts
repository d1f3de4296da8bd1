/**
 * The OS file dialogs for `npm start` without Electron. Chromium driven by Playwright has no
 * native open/save dialog the core can use, so the host asks the desktop's own dialog tools,
 * zenity (GNOME and most others) or kdialog (KDE), when one is installed. Without either the
 * core answers DIALOG_UNAVAILABLE, which the renderer explains in Chinese.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AppError } from '../core/errors';
import type { FileFilter, FilePort } from '../core/files/file-port';

/** The executable `name` on PATH, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Runs a dialog tool: its answer (a path), null when the user cancelled (both tools exit 1),
 * DIALOG_UNAVAILABLE when the tool itself failed (no display, a broken install).
 */
function ask(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 }, (error, stdout) => {
      if (!error) {
        const path = stdout.replace(/\r?\n$/, '');
        resolve(path === '' ? null : path);
        return;
      }
      if (typeof error.code === 'number' && error.code === 1) {
        resolve(null);
        return;
      }
      reject(new AppError('DIALOG_UNAVAILABLE', undefined, { tool, reason: error.message.split('\n')[0] ?? '' }));
    });
  });
}

function patterns(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((extension) => `*.${extension}`)).join(' ');
}

function zenityPort(tool: string, env: NodeJS.ProcessEnv, home: string): FilePort {
  return {
    chooseFileToOpen: ({ title, filters }) =>
      ask(tool, ['--file-selection', `--title=${title}`, ...filters.map((filter) => `--file-filter=${filter.name} | ${patterns([filter])}`)], env),
    chooseFileToSave: ({ title, defaultName }) =>
      ask(tool, ['--file-selection', '--save', '--confirm-overwrite', `--title=${title}`, `--filename=${join(home, defaultName)}`], env),
  };
}

function kdialogPort(tool: string, env: NodeJS.ProcessEnv, home: string): FilePort {
  return {
    chooseFileToOpen: ({ title, filters }) => ask(tool, ['--title', title, '--getopenfilename', home, `${patterns(filters)}|${filters.map((filter) => filter.name).join('、')}`], env),
    chooseFileToSave: ({ title, defaultName }) => ask(tool, ['--title', title, '--getsavefilename', join(home, defaultName)], env),
  };
}

/** The desktop's dialogs through zenity or kdialog, or undefined when neither is installed. */
export function desktopFilePort(env: NodeJS.ProcessEnv = process.env): FilePort | undefined {
  const home = env.HOME?.trim() || homedir();
  const zenity = findOnPath('zenity', env);
  if (zenity) return zenityPort(zenity, env, home);
  const kdialog = findOnPath('kdialog', env);
  if (kdialog) return kdialogPort(kdialog, env, home);
  return undefined;
}
