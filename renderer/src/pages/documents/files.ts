/** Generated PDFs come back as base64 and are saved through an <a download> click, like the .xlsx exports. */
import { base64ToBytes } from '../findings/files';

export function savePdf(file: { fileName: string; base64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: 'application/pdf' }));
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

/** 000004–000006, or the one number when a single copy was printed. */
export function copyRange(first: string | null | undefined, last: string | null | undefined): string {
  if (!first) return '';
  return last && last !== first ? `${first}–${last}` : first;
}
