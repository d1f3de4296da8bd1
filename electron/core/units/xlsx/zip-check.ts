import { inflateRawSync } from 'node:zlib';
import { unreadable } from './unreadable';
import { importLimits } from './limits';

/**
 * Checks that an upload really is an .xlsx before exceljs sees it: a zip archive (not an old
 * .xls, a Word file or random bytes), not encrypted, holding a workbook part, and unpacking
 * into no more than the limit. Every part is inflated here with a hard output cap, so a zip
 * bomb or a part whose declared size lies is refused without exhausting memory.
 */
export function checkXlsxZip(bytes: Buffer): void {
  if (bytes.length === 0) throw unreadable('empty', '文件是空的（0 字节），请重新选择 Excel 工作簿');
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw unreadable('legacyOrEncrypted', '这是旧版 .xls 工作簿或设置了打开密码的工作簿：请在 Excel 中取消密码并“另存为” .xlsx 后再导入');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw unreadable('notZip', '文件不是 .xlsx 格式的 Excel 工作簿（可能是其他类型的文件，或只是改了扩展名）');
  }
  const entries = centralDirectory(bytes);
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) throw unreadable('notWorkbook', '这是 Word 文档，不是 Excel 工作簿：请选择 .xlsx 文件');
    if (names.has('ppt/presentation.xml')) throw unreadable('notWorkbook', '这是 PowerPoint 演示文稿，不是 Excel 工作簿：请选择 .xlsx 文件');
    if (names.has('xl/workbook.bin')) throw unreadable('notWorkbook', '这是 Excel 二进制工作簿（.xlsb）：请在 Excel 中“另存为” .xlsx 后再导入');
    throw unreadable('notWorkbook', '压缩包中没有 Excel 工作簿：请选择 .xlsx 文件');
  }

  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > importLimits.maxUnzippedBytes) throw tooLarge();
    const size = inflatedSize(bytes, entry);
    if (size !== entry.uncompressedSize) throw corrupt();
  }
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

function centralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt();
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64 markers: no real .xlsx of an allowed size needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw tooLarge();
  if (count > importLimits.maxZipEntries) throw tooLarge();
  if (offset + size > eocd) throw corrupt();

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw corrupt();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, Math.min(bytes.length, at + 46 + nameLength)),
    };
    if (entry.flags & 0x1) {
      throw unreadable('legacyOrEncrypted', '工作簿已加密：请在 Excel 中取消密码并另存为 .xlsx 后再导入');
    }
    if (entry.method !== 0 && entry.method !== 8) throw corrupt();
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw tooLarge();
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The End Of Central Directory record sits in the last 22 + 65,535 bytes (its comment may be that long). */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}

/** Unpacks one part with an output cap one byte above its declared size, and returns the real size. */
function inflatedSize(bytes: Buffer, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw corrupt();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data.length;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) }).length;
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw corrupt();
  }
}

function tooLarge() {
  return unreadable('tooLarge', `工作簿解压后超过 ${Math.round(importLimits.maxUnzippedBytes / 1024 / 1024)} MB，请拆分后分批导入`);
}

function corrupt() {
  return unreadable('corrupt', '文件已损坏，无法作为 Excel 工作簿打开：请在 Excel 中打开并重新保存为 .xlsx');
}
