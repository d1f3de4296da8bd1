/**
 * Files cross the IPC boundary as base64 inside the JSON payload: an upload is read here into
 * base64, a download comes back as base64 and is saved through an <a download> click (no
 * network, no new window).
 */
import type { FileDownload } from '../../../../shared/contract';
import { bytesToBase64, saveBase64File, XLSX_TYPE } from '../../api/files';

/** The core refuses more than this (shared/channels/registry.ts); say so before reading. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Reads a chosen file, reporting progress as a fraction 0…1. */
export function readFileAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      onProgress(1);
      resolve(bytesToBase64(new Uint8Array(reader.result as ArrayBuffer)));
    };
    reader.readAsArrayBuffer(file);
  });
}

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

/** Saves a file the core made (template, export) through the browser's download. */
export function saveDownload(file: FileDownload): void {
  saveBase64File(file, XLSX_TYPE);
}
