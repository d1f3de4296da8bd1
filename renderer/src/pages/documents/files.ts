/** Generated PDFs come back as base64 and are saved through an <a download> click, like the .xlsx exports. */
import { saveBase64File } from '../../api/files';

export function savePdf(file: { fileName: string; base64: string }): void {
  saveBase64File(file, 'application/pdf');
}

/** 000004–000006, or the one number when a single copy was printed. */
export function copyRange(first: string | null | undefined, last: string | null | undefined): string {
  if (!first) return '';
  return last && last !== first ? `${first}–${last}` : first;
}
