/**
 * A search box query for the archives' bigram index (search/bigrams.ts bigramQuery), with one
 * correction: a term that spans punctuation and begins or ends with a single character, such as
 * 年，谈, cannot be matched by pairs at that end (the text's run there is longer: 2020年 holds
 * the pair 0年, never 年 alone). Such edge characters are left out of the phrase and the term is
 * confirmed with LIKE, which keeps results exact.
 */
import { bigramQuery, normalise } from '../search/bigrams';

const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when no term has a phrase (only LIKE can decide). */
  match: string | null;
  terms: string[];
  /** Terms LIKE must confirm. */
  confirm: string[];
}

/** The term without a one-character run at either end, when it has more than one run. */
export function phraseCore(term: string): string {
  const chars = [...normalise(term)];
  const runs: { start: number; end: number }[] = [];
  chars.forEach((char, i) => {
    if (!WORD.test(char)) return;
    const last = runs[runs.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else runs.push({ start: i, end: i + 1 });
  });
  if (runs.length < 2) return chars.join('');
  let from = 0;
  let to = chars.length;
  if (runs[0]!.end - runs[0]!.start === 1) from = runs[0]!.end;
  const last = runs[runs.length - 1]!;
  if (last.end - last.start === 1) to = last.start;
  return chars.slice(from, Math.max(from, to)).join('');
}

export function parseQuery(query: string): ParsedQuery {
  const terms = query.split(/\s+/u).filter(Boolean);
  const phrases: string[] = [];
  const confirm: string[] = [];
  for (const term of terms) {
    const core = phraseCore(term);
    const parsed = bigramQuery(core);
    if (parsed.match) phrases.push(parsed.match);
    if (!parsed.match || parsed.confirm.length > 0 || core !== normalise(term)) confirm.push(term);
  }
  return { match: phrases.length ? phrases.join(' AND ') : null, terms, confirm };
}
