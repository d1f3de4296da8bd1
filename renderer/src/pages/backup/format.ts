/** Sizes as the backup screens show them: KB, MB or GB with one or two decimals. */
export function bytesText(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= 1024 * MiB) return `${(bytes / 1024 / MiB).toFixed(2)} GB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Whole percent of a job's bytes, or null while the total is not known yet. */
export function percentOf(done: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.min(100, Math.floor((done / total) * 100));
}
