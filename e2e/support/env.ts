/**
 * Where things are for the e2e tests: the system Chromium, its launch flags, the built
 * renderer, and whether an Electron binary is usable on this machine.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_SAFE_ARGS } from '../../electron/browser-host/bridge';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS: string[] = [...CHROMIUM_SAFE_ARGS];

export type ElectronCheck = { ok: true; path: string } | { ok: false; reason: string };

/** `require('electron')` returns the binary's path, or throws when the download never happened. */
export function checkElectronBinary(): ElectronCheck {
  try {
    const path: unknown = createRequire(join(ROOT, 'package.json'))('electron');
    if (typeof path !== 'string') return { ok: false, reason: 'require("electron") did not return a path' };
    if (!existsSync(path)) return { ok: false, reason: `${path} does not exist` };
    return { ok: true, path };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n')[0] ?? message };
  }
}
