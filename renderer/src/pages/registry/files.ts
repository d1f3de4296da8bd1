/**
 * Files cross the IPC boundary as base64 inside the JSON payload: an upload is read here into
 * base64, a download comes back as base64 and is saved through an <a download> click (no
 * network, no new window).
 */
import type { FileDownload } from '../../../../shared/contract';

/** The core refuses more than this (shared/channels/registry.ts); say so before reading. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  const blob = new Blob([base64ToBytes(file.base64)], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by now; free the memory a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
