/**
 * The limits of spreadsheet import. The upload itself is capped at 10 MB by the contract
 * (shared/channels/registry.ts); these bound what the file may unpack into and hold.
 */
export const importLimits = {
  /** Data rows per file: an office's whole registry fits, a runaway sheet does not. */
  maxDataRows: 20_000,
  /** Everything inside the zip, unpacked: a 20,000-row sheet needs about 15 MB. */
  maxUnzippedBytes: 80 * 1024 * 1024,
  /** Parts inside the zip (a workbook has a dozen or two). */
  maxZipEntries: 1_000,
  /** Issues listed in a result; the count covers all of them. */
  maxListedIssues: 1_000,
  /** How far down the header row is looked for (title rows above it are common). */
  headerSearchRows: 10,
  /** Characters of a cell quoted back in an issue message. */
  quoteChars: 20,
} as const;

/** The row the template's drop-downs and formats reach down to (header + maxDataRows). */
export const templateLastRow = importLimits.maxDataRows + 1;
