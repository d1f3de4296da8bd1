/**
 * Files cross the IPC boundary as base64 inside the JSON payload. Uploads (up to 10 MB) are read
 * here into base64; exports come back as base64 and are saved through an <a download> click.
 * Larger clue files never pass through the page: 从磁盘添加 and 另存副本 (ClueFiles) hand the
 * core only a dialog's path, and it streams the file itself. Decrypted clue files are shown
 * inside the app (FileViewer) and reach the disk only through that explicit, audited 另存副本.
 */
import type { FileDownload } from '../../../../shared/contract';

/** The core refuses more than this (shared/channels/registry.ts). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The clue file types the core accepts, by extension (a file's own type can be empty). */
const CLUE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain',
};

/** For the file chooser's accept attribute. */
export const CLUE_ACCEPT = [...new Set(Object.values(CLUE_TYPES)), ...Object.keys(CLUE_TYPES).map((ext) => `.${ext}`)].join(',');

/** The type the core will store, or null for a file type clues do not take. */
export function clueMimeOf(fileName: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext ? (CLUE_TYPES[ext] ?? null) : null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export async function readFileAsBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** 12.3 KB, 1.2 MB */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves a spreadsheet the core made (the four lists) through the browser's download. */
export function saveSpreadsheet(file: FileDownload): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: XLSX_TYPE }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
