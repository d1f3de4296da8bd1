/**
 * Reads only the table directory and the `name` table of a font file, so that a system's few
 * hundred fonts can be identified in milliseconds without loading them (a CJK font is 10–20 MB).
 * Fonts are identified by their names (family, full, typographic and PostScript names in every
 * language the file carries: 仿宋_GB2312 is often named only in Chinese), never by file name.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export type Outline = 'truetype' | 'cff';

/** One face of a font file (a TTC holds several). */
export interface FontFace {
  file: string;
  /** Index in a collection; 0 for a single font. */
  index: number;
  collection: boolean;
  postscriptName: string;
  /** Family, full and typographic family names in every language, as written in the file. */
  names: string[];
  outline: Outline;
}

const MAX_NAME_TABLE = 1024 * 1024;

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, offset);
  if (read < length) throw new Error('truncated font file');
  return buffer;
}

const tag = (buffer: Buffer, at: number): string => buffer.toString('latin1', at, at + 4);

/** Decodes one name record. Windows Chinese (encoding 3) and Mac Chinese (25) are GBK bytes. */
function decodeName(platform: number, encoding: number, bytes: Buffer): string | null {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    return new TextDecoder('utf-16be').decode(bytes);
  }
  if (platform === 3 && encoding === 3) {
    // Old PRC-encoded fonts store each GBK byte pair in a 16-bit unit, padded with zeros.
    return new TextDecoder('gb18030').decode(Buffer.from(bytes.filter((byte) => byte !== 0)));
  }
  if (platform === 1 && encoding === 25) return new TextDecoder('gb18030').decode(bytes);
  if (platform === 1 && encoding === 0) return bytes.toString('latin1');
  return null;
}

function readFace(fd: number, file: string, offset: number, index: number, collection: boolean): FontFace | null {
  const header = readAt(fd, offset, 12);
  const version = header.readUInt32BE(0);
  if (version !== 0x00010000 && tag(header, 0) !== 'OTTO' && tag(header, 0) !== 'true') return null;
  const numTables = header.readUInt16BE(4);
  const directory = readAt(fd, offset + 12, numTables * 16);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    tables.set(tag(directory, i * 16), { offset: directory.readUInt32BE(i * 16 + 8), length: directory.readUInt32BE(i * 16 + 12) });
  }
  const nameTable = tables.get('name');
  if (!nameTable || nameTable.length > MAX_NAME_TABLE) return null;
  const outline: Outline | null = tables.has('glyf') ? 'truetype' : tables.has('CFF ') || tables.has('CFF2') ? 'cff' : null;
  if (!outline || !tables.has('cmap')) return null;

  const table = readAt(fd, nameTable.offset, nameTable.length);
  const count = table.readUInt16BE(2);
  const stringsAt = table.readUInt16BE(4);
  const names = new Set<string>();
  let postscriptName = '';
  for (let i = 0; i < count; i++) {
    const record = 6 + i * 12;
    if (record + 12 > table.length) break;
    const platform = table.readUInt16BE(record);
    const encoding = table.readUInt16BE(record + 2);
    const nameId = table.readUInt16BE(record + 6);
    const length = table.readUInt16BE(record + 8);
    const start = stringsAt + table.readUInt16BE(record + 10);
    if (![1, 4, 6, 16].includes(nameId) || start + length > table.length) continue;
    const text = decodeName(platform, encoding, table.subarray(start, start + length))?.replace(/\0/g, '').trim();
    if (!text) continue;
    if (nameId === 6) {
      if (!postscriptName) postscriptName = text;
    } else {
      names.add(text);
    }
  }
  if (!postscriptName) return null;
  return { file, index, collection, postscriptName, names: [...names], outline };
}

/** The faces of a .ttf/.otf/.ttc file; an empty list for anything unreadable (WOFF included). */
export function readFontFaces(file: string): FontFace[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = readAt(fd, 0, 12);
    if (tag(head, 0) === 'ttcf') {
      const count = Math.min(head.readUInt32BE(8), 64);
      const offsets = readAt(fd, 12, count * 4);
      const faces: FontFace[] = [];
      for (let i = 0; i < count; i++) {
        const face = readFace(fd, file, offsets.readUInt32BE(i * 4), i, true);
        if (face) faces.push(face);
      }
      return faces;
    }
    const face = readFace(fd, file, 0, 0, false);
    return face ? [face] : [];
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
