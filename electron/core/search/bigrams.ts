/**
 * Chinese full-text search as overlapping bigrams (TOOLCHAIN.md: word segmenters miss
 * substrings such as 察组 and split domain words; bigrams queried as a phrase are exact).
 *
 * Every run of word characters (Han, letters, digits) is indexed as its overlapping pairs —
 * 2019年交叉 → 20 01 19 9年 年交 交叉 — and anything else between runs (space, punctuation)
 * becomes a separator token, so a phrase never matches across a boundary the text does not
 * have. A query term matches where its pairs stand next to each other in the same order,
 * which is exactly where the term occurs as a substring, up to which punctuation stood at a
 * boundary; callers confirm candidates with LIKE, which makes results exact.
 *
 * One-character queries: pairs cannot find 党 inside 党组织. So a document also holds, after
 * its pairs and one separator, each word character it contains once (unigrams, in order of
 * first appearance), and a one-character term is the MATCH of that token: exact, from the index
 * alone. Only presence is kept — no positions in the text — so they cannot take part in a
 * phrase: every phrase of a query begins and ends with a pair (phraseCore), and the unigram
 * part holds no pair. Measured (bench "one-char search"): the index grows by 60–90 % (archive
 * paragraphs of ~200 characters: 1.09× → 1.79× the text; short problems: 1.01× → 1.89×); a
 * one-character search drops from a LIKE scan (hundreds of ms to seconds) to 1–2 ms. Indexes
 * written before unigrams are rebuilt by the quick-search migration (search/schema.ts).
 */

/** A private-use character: a token unicode61 keeps, and that no one types. */
export const SEPARATOR_TOKEN = '\uE000';

/**
 * Starts a field token: `\uE001r12` says "belongs to round 12". Added to a document beside its
 * text so that MATCH can filter by a record's fields inside the index. Typed text cannot produce
 * one: the private-use character is not a word character here, so it only ever separates runs.
 */
const FIELD_MARK = '\uE001';

/**
 * The token for a field's value: `kind` is one lower-case ASCII letter, `value` an id or a
 * lower-case ASCII word (unicode61 folds case), so that no two fields' tokens can meet.
 */
export function fieldToken(kind: string, value: number | string): string {
  return `${FIELD_MARK}${kind}${value}`;
}

const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

/** NFKC folds full-width letters and digits (２０２０) onto their ASCII forms; lower case for Latin. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Splits into runs of word characters; `separated[i]` tells whether something stood before run i. */
function runs(text: string): { run: string; separated: boolean }[] {
  const out: { run: string; separated: boolean }[] = [];
  let current = '';
  let gap = false;
  for (const char of normalise(text)) {
    if (WORD.test(char)) {
      current += char;
    } else {
      if (current) out.push({ run: current, separated: gap });
      if (current || out.length > 0) gap = true;
      current = '';
    }
  }
  if (current) out.push({ run: current, separated: gap });
  return out;
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const { run, separated } of runs(text)) {
    if (separated && out.length > 0) out.push(SEPARATOR_TOKEN);
    out.push(...pairs(run));
  }
  return out;
}

/** Each word character once, in order of first appearance. */
function unigrams(text: string): string[] {
  const seen = new Set<string>();
  for (const { run } of runs(text)) for (const char of run) seen.add(char);
  return [...seen];
}

/** The text to store in an FTS5 (unicode61) column for `text`: its pairs, a separator, its unigrams. */
export function bigramDocument(text: string): string {
  const pairTokens = tokens(text);
  if (pairTokens.length === 0) return '';
  return `${pairTokens.join(' ')} ${SEPARATOR_TOKEN} ${unigrams(text).join(' ')}`;
}

/**
 * The FTS5 MATCH expression for a search box query: whitespace separates terms that must all
 * occur; each term is a phrase of its pairs. A term whose pairs cannot stand for it (one word
 * character, or one-character runs around punctuation such as a，b) is matched by the unigrams
 * of its word characters. Terms without any word character (〔, a lone full stop) cannot be
 * matched by the index: they are returned in `likeOnly` for the caller to check with LIKE.
 *
 * `confirm` lists the terms the index cannot decide alone: those in `likeOnly`, those matched
 * by unigrams other than a single character, and those with anything but word characters in
 * them (the index keeps one separator token for any run of punctuation or space, so `〔2020〕`
 * and `(2020)` look alike to it). A term of two or more word characters matches exactly where
 * its phrase does: within one run, its pairs stand in a row only where the (normalised) term
 * occurs; a one-character term exactly where its unigram is. Those terms need no LIKE, and no
 * row read.
 */
export function bigramQuery(query: string): { match: string | null; terms: string[]; likeOnly: string[]; confirm: string[] } {
  const terms = query.split(/\s+/u).map((t) => t.trim()).filter(Boolean);
  const phrases: string[] = [];
  const likeOnly: string[] = [];
  const confirm: string[] = [];
  for (const term of terms) {
    const whole = normalise(term);
    const core = phraseCore(whole);
    const chars = [...core];
    const wordChars = chars.filter((c) => WORD.test(c)).length;
    if (wordChars < 2) {
      const letters = unigrams(whole);
      if (letters.length === 0) {
        likeOnly.push(term);
        confirm.push(term);
        continue;
      }
      if (!(letters.length === 1 && [...whole].length === 1)) confirm.push(term);
      phrases.push(letters.map((letter) => `"${letter}"`).join(' AND '));
      continue;
    }
    if (wordChars < chars.length || core !== whole) confirm.push(term);
    phrases.push(`"${tokens(core).join(' ')}"`);
  }
  return { match: phrases.length ? phrases.join(' AND ') : null, terms, likeOnly, confirm };
}

/**
 * The part of a (normalised) term its phrase can stand for. A term that spans punctuation and
 * begins or ends with a one-character run, such as 年，谈, cannot be matched by pairs at that
 * end: the text's run there is longer (2020年 holds the pair 0年, never 年 alone). Those edge
 * characters are left out of the phrase; the caller confirms the whole term with LIKE.
 */
function phraseCore(term: string): string {
  const chars = [...term];
  const found: { start: number; end: number }[] = [];
  chars.forEach((char, i) => {
    if (!WORD.test(char)) return;
    const last = found[found.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else found.push({ start: i, end: i + 1 });
  });
  if (found.length < 2) return term;
  const first = found[0]!;
  const last = found[found.length - 1]!;
  const from = first.end - first.start === 1 ? first.end : 0;
  const to = last.end - last.start === 1 ? last.start : chars.length;
  return chars.slice(from, Math.max(from, to)).join('');
}

/** A LIKE pattern for a term, with % _ and \ taken literally (use ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
