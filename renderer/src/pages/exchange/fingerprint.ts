/** 'A1B2 C3D4 …': a fingerprint in groups of four, to read aloud and compare. */
export function groupedFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

/** A small list shown a page at a time in the browser (the lists here are short). */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}
