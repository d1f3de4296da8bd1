import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_DIR, ROOT, SCREENSHOT_DIR } from './env';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the app once if out/renderer is missing (or older than the renderer's sources). */
export default function globalSetup(): void {
  // Screenshots are from this run only.
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const index = join(RENDERER_DIR, 'index.html');
  const sources = [join(ROOT, 'renderer'), join(ROOT, 'shared')];
  const stale =
    !existsSync(index) || sources.some((dir) => existsSync(dir) && newestMtime(dir) > statSync(index).mtimeMs);
  if (!stale) return;
  console.log(`[e2e] building the app (${existsSync(index) ? 'renderer sources changed' : 'out/renderer missing'}) …`);
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
}
