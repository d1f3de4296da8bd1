/**
 * Files cross the IPC boundary as base64 inside the JSON payload: uploads are read into base64,
 * files the core made come back as base64 and are saved through an <a download> click (no
 * network, no new window).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its bytes as arguments; 32 KiB at a time stays under the engine's argument limit.
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

/** Saves a file the core made (a spreadsheet, a PDF) through the browser's download. */
export function saveBase64File(file: { fileName: string; base64: string }, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: mimeType }));
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
