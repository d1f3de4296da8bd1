/**
 * A search box query for the archives' bigram index: the terms, the FTS5 MATCH expression, and
 * the terms LIKE must confirm (search/bigrams.ts decides which).
 */
import { bigramQuery } from '../search/bigrams';

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when no term has a phrase (only LIKE can decide). */
  match: string | null;
  terms: string[];
  /** Terms LIKE must confirm. */
  confirm: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const { match, terms, confirm } = bigramQuery(query);
  return { match, terms, confirm };
}
