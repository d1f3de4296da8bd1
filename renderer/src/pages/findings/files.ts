/**
 * Files cross the IPC boundary as base64 inside the JSON payload. Uploads (up to 10 MB) are read
 * here into base64; exports come back as base64 and are saved through an <a download> click.
 * Larger clue files never pass through the page: 从磁盘添加 and 另存副本 (ClueFiles) hand the
 * core only a dialog's path, and it streams the file itself. Decrypted clue files are shown
 * inside the app (FileViewer) and reach the disk only through that explicit, audited 另存副本.
 */
import type { FileDownload } from '../../../../shared/contract';
import { clueFileTypes } from '../../../../shared/file-types';
import { bytesToBase64, saveBase64File, XLSX_TYPE } from '../../api/files';

/** The core refuses more than this (shared/channels/registry.ts). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** For the file chooser's accept attribute. */
export const CLUE_ACCEPT = [...new Set(Object.values(clueFileTypes)), ...Object.keys(clueFileTypes).map((ext) => `.${ext}`)].join(',');

/** The type the core will store, or null for a file type clues do not take. */
export function clueMimeOf(fileName: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext ? (clueFileTypes[ext] ?? null) : null;
}

/** Why a chosen file cannot be uploaded as clue material or evidence, or the type it is stored as. */
export type UploadCheck = { mime: string } | { problem: { key: 'findings.file.badType' | 'findings.file.tooLarge'; name: string } };

export function checkUpload(file: File): UploadCheck {
  const mime = clueMimeOf(file.name);
  if (!mime) return { problem: { key: 'findings.file.badType', name: file.name } };
  if (file.size > MAX_UPLOAD_BYTES) return { problem: { key: 'findings.file.tooLarge', name: file.name } };
  return { mime };
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
  saveBase64File(file, XLSX_TYPE);
}
