/**
 * Which font serves each GB/T 9704 role. The official fonts an office has installed come first
 * (the folder set in settings, then Windows, Kylin/UOS/Linux and macOS font folders); a role
 * with no official font is served by an open font shipped with the app, and says so.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { FontRole, FontUse } from '../../../../shared/documents';
import { fontRoles } from '../../../../shared/documents';
import { readFontFaces, type FontFace } from './font-names';
import openFontsManifest from './open-fonts.json' with { type: 'json' };

/** One font as pdfmake takes it: a file, and the face's PostScript name inside a collection. */
export interface FontSource {
  role: FontRole;
  family: string;
  file: string;
  /** Set for a face inside a .ttc/.otc. */
  postscriptName?: string;
  substitute: boolean;
}

export type FontSet = Record<FontRole, FontSource>;

export interface FontSearch {
  /** Folders searched before the system's (the office's font setting). */
  fontDirs?: readonly string[];
  /** Where the build copied the open fonts (resources/fonts). */
  bundledFontDir?: string;
  /** Search the system font folders (tests turn this off to see the open fonts alone). */
  systemFonts?: boolean;
}

/**
 * Names that identify each official font, best first. Compared without case, spaces or
 * hyphens against family, full, typographic and PostScript names.
 */
const officialNames: Record<FontRole, readonly (readonly string[])[]> = {
  fangsong: [
    ['仿宋_GB2312', 'FangSong_GB2312'],
    ['方正仿宋_GBK', '方正仿宋简体', 'FZFangSong-Z02', 'FZFangSong-Z02S', 'FZFSK--GBK1-0', 'FZFSJW--GB1-0'],
    ['仿宋', 'FangSong', 'SimFang'],
    ['华文仿宋', 'STFangsong'],
  ],
  xiaobiaosong: [
    ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0'],
    ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05', 'FZXBSK--GBK1-0'],
  ],
  heiti: [
    ['黑体', 'SimHei'],
    ['方正黑体_GBK', '方正黑体简体', 'FZHei-B01', 'FZHei-B01S', 'FZHTK--GBK1-0', 'FZHTJW--GB1-0'],
    ['华文黑体', 'STHeiti'],
  ],
  kaiti: [
    ['楷体_GB2312', 'KaiTi_GB2312'],
    ['方正楷体_GBK', '方正楷体简体', 'FZKai-Z03', 'FZKai-Z03S', 'FZKTK--GBK1-0', 'FZKTJW--GB1-0'],
    ['楷体', 'KaiTi', 'SimKai'],
    ['华文楷体', 'STKaiti'],
  ],
  songti: [
    ['宋体', 'SimSun'],
    ['方正书宋_GBK', '方正书宋简体', 'FZShuSong-Z01', 'FZShuSong-Z01S'],
    ['新宋体', 'NSimSun'],
    ['华文宋体', 'STSong'],
  ],
};

/** Any other 小标宋 (华康, 汉仪 …) ranks after the 方正 ones. */
const looksLikeXiaobiaosong = (name: string): boolean => name.includes('小标宋') || name.includes('xiaobiaosong');

/** LXGW WenKai: an open 楷 design, better for 楷体 than a Song face when the system has it. */
const openKaiNames = ['lxgwwenkai', '霞鹜文楷'];

const normal = (name: string): string => name.toLowerCase().replace(/[\s-]+/g, '');

const fontFileExtensions = new Set(['.ttf', '.ttc', '.otf', '.otc']);
const MAX_FONT_FILES = 5000;
const MAX_DEPTH = 6;

/** The system's font folders on Windows, Kylin/UOS and other Linux, and macOS. */
export function systemFontDirs(): string[] {
  const home = homedir();
  const dirs: string[] = [];
  if (process.platform === 'win32') {
    dirs.push(join(process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows', 'Fonts'));
    if (process.env.LOCALAPPDATA) dirs.push(join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  } else if (process.platform === 'darwin') {
    dirs.push(join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts');
  } else {
    dirs.push(
      join(home, '.local', 'share', 'fonts'),
      join(home, '.fonts'),
      '/usr/local/share/fonts',
      '/usr/share/fonts',
      // WPS Office on Kylin/UOS ships its own copies of the official fonts here.
      '/opt/kingsoft/wps-office/office6/fonts',
    );
  }
  return dirs;
}

function listFontFiles(dirs: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || files.length >= MAX_FONT_FILES || seen.has(dir)) return;
    seen.add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && fontFileExtensions.has(extname(entry.name).toLowerCase())) files.push(path);
      if (files.length >= MAX_FONT_FILES) return;
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return files;
}

interface Candidate {
  face: FontFace;
  /** Lower is better: the rank of the name it matched, then folder order. */
  rank: number;
  order: number;
}

function officialRank(role: FontRole, face: FontFace): number | null {
  const names = [...face.names, face.postscriptName].map(normal);
  const ranks = officialNames[role];
  for (let rank = 0; rank < ranks.length; rank++) {
    const wanted = ranks[rank]!.map(normal);
    if (names.some((name) => wanted.includes(name))) return rank;
  }
  if (role === 'xiaobiaosong' && names.some(looksLikeXiaobiaosong)) return ranks.length;
  return null;
}

const better = (a: Candidate, b: Candidate): boolean => {
  if (a.rank !== b.rank) return a.rank < b.rank;
  // TrueType outlines embed faster and smaller than CFF: prefer them among equals.
  if (a.face.outline !== b.face.outline) return a.face.outline === 'truetype';
  return a.order < b.order;
};

const familyOf = (face: FontFace): string => face.names.find((name) => /[\u4e00-\u9fff]/.test(name)) ?? face.names[0] ?? face.postscriptName;

const sourceOf = (role: FontRole, face: FontFace, substitute: boolean): FontSource => ({
  role,
  family: familyOf(face),
  file: face.file,
  ...(face.collection ? { postscriptName: face.postscriptName } : {}),
  substitute,
});

const localRequire = createRequire(import.meta.url);

function packageFile(pkg: string, path: string): string | null {
  try {
    const file = join(dirname(localRequire.resolve(`${pkg}/package.json`)), path);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The open font for a role: the copy in resources/fonts, else the npm package's file. */
function bundledFont(role: FontRole, bundledFontDir: string | undefined): FontSource {
  const entry = openFontsManifest.fonts.find((font) => font.role === role)!;
  const fileName = entry.path.split('/').pop()!;
  const bundled = bundledFontDir ? join(bundledFontDir, fileName) : null;
  const file = bundled && existsSync(bundled) ? bundled : packageFile(entry.package, entry.path);
  if (!file) throw new Error(`找不到内置字体 ${fileName}（${role}）：请重新构建（npm run build）或重新安装本程序。`);
  return { role, family: entry.family, file, substitute: true };
}

function bundledWenKai(bundledFontDir: string | undefined): FontSource | null {
  const candidates = [...(bundledFontDir ? [join(bundledFontDir, 'LXGWWenKai-Regular.ttf')] : []), ...openFontsManifest.lxgwWenKai.files];
  const file = candidates.find((path) => existsSync(path));
  return file ? { role: 'kaiti', family: 'LXGW WenKai', file, substitute: true } : null;
}

/**
 * Finds the font for every role. Reads only the name tables of the fonts it finds (a few ms
 * for a few hundred files); call once and keep the result.
 */
export function findFonts(search: FontSearch = {}): FontSet {
  const dirs = [...(search.fontDirs ?? []), ...(search.systemFonts === false ? [] : systemFontDirs())];
  const best = new Map<FontRole, Candidate>();
  let openKai: FontFace | null = null;
  let order = 0;
  for (const file of listFontFiles(dirs)) {
    for (const face of readFontFaces(file)) {
      order++;
      for (const role of fontRoles) {
        const rank = officialRank(role, face);
        if (rank === null) continue;
        const candidate = { face, rank, order };
        const current = best.get(role);
        if (!current || better(candidate, current)) best.set(role, candidate);
      }
      if (!openKai && face.outline === 'truetype' && [...face.names, face.postscriptName].map(normal).some((name) => openKaiNames.some((kai) => name.startsWith(kai)))) {
        openKai = face;
      }
    }
  }
  const set = {} as FontSet;
  for (const role of fontRoles) {
    const found = best.get(role);
    if (found) set[role] = sourceOf(role, found.face, false);
    else if (role === 'kaiti') set[role] = (openKai ? sourceOf(role, openKai, true) : bundledWenKai(search.bundledFontDir)) ?? bundledFont(role, search.bundledFontDir);
    else set[role] = bundledFont(role, search.bundledFontDir);
  }
  return set;
}

export const fontUses = (set: FontSet): FontUse[] =>
  fontRoles.map((role) => ({ role, family: set[role].family, file: set[role].file, substitute: set[role].substitute }));

/** The open fonts' files, for the glyphs an official font lacks (仿宋_GB2312 has GB 2312 only). */
export function fallbackFont(role: FontRole, bundledFontDir: string | undefined): FontSource {
  return bundledFont(role, bundledFontDir);
}
