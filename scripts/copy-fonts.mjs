#!/usr/bin/env node
// Copies the open fonts that stand in for missing official fonts (仿宋, 小标宋, 黑体, 楷体, 宋体)
// into resources/fonts, where electron-builder ships them as extra resources and the document
// engine finds them. Run by `npm run build` before electron-vite; the files are not committed.
// The list lives beside the engine (electron/core/documents/engine/open-fonts.json).
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');
const manifest = JSON.parse(readFileSync(join(root, 'electron/core/documents/engine/open-fonts.json'), 'utf8'));
const require = createRequire(join(root, 'package.json'));

const packageFile = (pkg, path) => join(dirname(require.resolve(`${pkg}/package.json`)), path);

/** Copies unless an identical copy (same size, not older) is already there; temp name, then rename. */
function copy(source, name) {
  const destination = join(target, name);
  const from = statSync(source);
  if (existsSync(destination)) {
    const to = statSync(destination);
    if (to.size === from.size && to.mtimeMs >= from.mtimeMs) return false;
  }
  const temp = `${destination}.tmp`;
  copyFileSync(source, temp);
  renameSync(temp, destination);
  return true;
}

mkdirSync(target, { recursive: true });
const copied = [];
const seen = new Set();
for (const font of manifest.fonts) {
  const source = packageFile(font.package, font.path);
  if (seen.has(source)) continue;
  seen.add(source);
  if (copy(source, basename(font.path))) copied.push(basename(font.path));
}
for (const license of manifest.licenses) {
  if (copy(packageFile(license.package, license.path), license.as)) copied.push(license.as);
}
// LXGW WenKai (OFL) for 楷体, where the build machine has it (Debian: fonts-lxgw-wenkai).
const wenkai = manifest.lxgwWenKai.files.find((file) => existsSync(file));
if (wenkai) {
  if (copy(wenkai, 'LXGWWenKai-Regular.ttf')) copied.push('LXGWWenKai-Regular.ttf');
  const license = manifest.lxgwWenKai.license.find((file) => existsSync(file));
  if (license && copy(license, 'LXGWWenKai-LICENSE.txt')) copied.push('LXGWWenKai-LICENSE.txt');
}
console.log(copied.length ? `copy-fonts: ${copied.join(', ')} → resources/fonts` : 'copy-fonts: resources/fonts is up to date');
if (!wenkai) console.log('copy-fonts: LXGW WenKai not found on this machine; 楷体 falls back to Noto Serif SC Medium');
