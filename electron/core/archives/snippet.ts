/**
 * Snippets cut from the original text, never from the bigrams: the query's terms are looked for
 * in the text as search compares it (NFKC, lower case: search/bigrams normalise), character by
 * character mapped back to the original, so a hit on ２０２０ highlights the full-width digits
 * the document really has. The pieces are plain text: the renderer shows them as text, so
 * markup in a document is shown, never interpreted.
 */
import type { Snippet } from '../../../shared/channels/archives';
import { normalise } from '../search/bigrams';

/** The text normalised, with the original offset where each normalised code unit came from. */
function normalisedWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    // Han ideographs and ASCII other than capitals are their own NFKC form: skip the call (it is
    // most of the cost of a snippet).
    const code = char.codePointAt(0)!;
    const same = (code >= 0x4e00 && code <= 0x9fff) || (code < 0x80 && !(code >= 0x41 && code <= 0x5a));
    const part = same ? char : normalise(char);
    for (let k = 0; k < part.length; k += 1) origin.push(offset);
    folded += part;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin };
}

/** Every [start, end) range of the original text where one of the terms occurs. */
export function hitRanges(text: string, terms: readonly string[]): [number, number][] {
  const { folded, origin } = normalisedWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = normalise(term);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const start = origin[at]!;
      // The end is where the code unit after the match came from (or the text's end).
      const end = origin[at + needle.length] ?? text.length;
      ranges.push([start, Math.max(end, start + 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * About `width` characters around the first hit, as pieces with the hits marked; lines are
 * joined with a space. Without a hit (the caller passed no terms), the text's beginning.
 */
export function buildSnippet(text: string, terms: readonly string[], width = 80): Snippet {
  const flat = text.replace(/\s+/g, ' ');
  const ranges = hitRanges(flat, terms);
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - Math.floor(width / 4)) : 0;
  let end = Math.min(flat.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Never cut a surrogate pair (a character outside the BMP, e.g. 𠀀) in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat[start]!)) start -= 1;
  if (end < flat.length && /[\uDC00-\uDFFF]/.test(flat[end]!)) end += 1;
  const pieces: Snippet = [];
  if (start > 0) pieces.push({ text: '…', hit: false });
  let at = start;
  for (const [hitStart, hitEnd] of ranges) {
    if (hitEnd <= start || hitStart >= end) continue;
    const from = Math.max(hitStart, start);
    const to = Math.min(hitEnd, end);
    if (from > at) pieces.push({ text: flat.slice(at, from), hit: false });
    pieces.push({ text: flat.slice(from, to), hit: true });
    at = to;
  }
  if (end > at) pieces.push({ text: flat.slice(at, end), hit: false });
  if (end < flat.length) pieces.push({ text: '…', hit: false });
  return pieces;
}
