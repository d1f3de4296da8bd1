/**
 * Quick search (Ctrl+K): a few hits per kind of record for one query, under the same rules as
 * each record's own list (shared/channels/search.ts).
 *
 * - Units, people and rounds are small tables (hundreds to a few thousand rows): names are
 *   scanned with LIKE, rounds by the label they are called by (composed here, so matched here);
 *   no index to keep in step with every rename. Under 10 ms on the demo vault.
 * - Problems go through problems_fts with the list's own bigram query (findings/problems-page.ts),
 *   newest first, reading LIMIT + 1 ids and never counting: a box that answers while one types
 *   only needs to know whether there are more.
 * - Archive items go through the archives' search (archives/items-service.ts searchPage), which
 *   leaves out what the user may not see inside the index (classified, clue material).
 * - Clues are never searched here.
 *
 * Listing a classified or clue-material item by title is a read of it: such results are
 * audited by 档号, as the archives' own search does (never with the query, which may name a
 * person).
 */
import type { QuickHit, QuickSearchKind, QuickSearchResult } from '../../../shared/channels/search';
import { quickSearchKinds } from '../../../shared/channels/search';
import { roundLabel } from '../../../shared/format';
import { archiveAccess, isClassified } from '../archives/access';
import { searchPage } from '../archives/items-service';
import { buildSnippet } from '../archives/snippet';
import { actorOf, type CoreContext } from '../context';
import type { Db } from '../vault/database';
import { bigramQuery, likePattern, normalise } from './bigrams';

/** The widest a title or snippet gets in the box. */
const TITLE_CHARS = 60;
const SNIPPET_CHARS = 60;

interface Found {
  hits: QuickHit[];
  more: boolean;
}

type Params = Record<string, unknown>;

/** `column LIKE …` for every term (all must occur), with the parameters. */
function likeAll(column: string, terms: readonly string[], prefix: string): { where: string; params: Params } {
  const params: Params = {};
  const where = terms.map((term, i) => {
    params[`${prefix}${i}`] = likePattern(term);
    return `${column} LIKE @${prefix}${i} ESCAPE '\\'`;
  });
  return { where: where.join(' AND '), params };
}

function clip(text: string, width = TITLE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > width ? `${chars.slice(0, width).join('')}…` : flat;
}

const found = <T>(rows: T[], limit: number, toHit: (row: T) => QuickHit): Found => ({ hits: rows.slice(0, limit).map(toHit), more: rows.length > limit });

const showsEveryTerm = (title: string, terms: readonly string[]) => terms.every((term) => normalise(title).includes(normalise(term)));

/** The title with the terms marked, and a snippet of the body only when the title alone does not show why it matched. */
function marked(title: string, terms: readonly string[], body = ''): Pick<QuickHit, 'title' | 'titleParts' | 'snippet'> {
  return {
    title,
    titleParts: buildSnippet(title, terms, title.length + 1),
    snippet: showsEveryTerm(title, terms) || !body ? [] : buildSnippet(body, terms, SNIPPET_CHARS),
  };
}

function searchUnits(db: Db, terms: string[], limit: number): Found {
  const { where, params } = likeAll('u.name', terms, 'u');
  const rows = db
    .prepare(
      `SELECT u.id, u.name, k.name AS kind_name, r.name AS region_name, u.status FROM units u
       JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions r ON r.id = u.region_id
       WHERE ${where} ORDER BY u.status <> 'active', length(u.name), u.id LIMIT @limit`,
    )
    .all({ ...params, limit: limit + 1 }) as { id: number; name: string; kind_name: string; region_name: string | null; status: string }[];
  return found(rows, limit, (row) => ({
    kind: 'unit',
    id: row.id,
    ...marked(row.name, terms),
    subtitle: [row.kind_name, row.region_name].filter(Boolean).join(' · '),
  }));
}

function searchPeople(db: Db, terms: string[], limit: number): Found {
  const { where, params } = likeAll('p.name', terms, 'p');
  const rows = db
    .prepare(
      `SELECT p.id, p.name, coalesce(u.name, p.unit_text) AS unit_name, p.position FROM people p
       LEFT JOIN units u ON u.id = p.unit_id WHERE ${where} ORDER BY length(p.name), p.id LIMIT @limit`,
    )
    .all({ ...params, limit: limit + 1 }) as { id: number; name: string; unit_name: string; position: string }[];
  return found(rows, limit, (row) => ({
    kind: 'person',
    id: row.id,
    ...marked(row.name, terms),
    subtitle: [row.unit_name, row.position].filter(Boolean).join(' · '),
  }));
}

/** Rounds are found by the label people say (十二届市委第八轮巡察), their title and year: composed here, so matched here. */
function searchRounds(db: Db, terms: string[], limit: number): Found {
  const rows = db
    .prepare('SELECT r.id, r.number, r.year, r.title, t.name AS term_name FROM rounds r JOIN terms t ON t.id = r.term_id ORDER BY r.year DESC, r.number DESC, r.id DESC')
    .all() as { id: number; number: number; year: number; title: string; term_name: string }[];
  const needles = terms.map(normalise);
  const matching = rows.filter((row) => {
    const haystack = normalise(`${roundLabel(row.term_name, row.number)} ${row.title} ${row.year}年`);
    return needles.every((needle) => haystack.includes(needle));
  });
  return found(matching, limit, (row) => ({
    kind: 'round',
    id: row.id,
    ...marked(roundLabel(row.term_name, row.number), terms, `${row.title} ${row.year}年`),
    subtitle: [`${row.year}年`, row.title].filter(Boolean).join(' · '),
  }));
}

/** What problems_fts indexes of a problem, as LIKE must see it (problems-page.ts INDEXED_TEXT). */
const PROBLEM_TEXT = "(p.description || char(10) || p.evidence)";

function problemIds(db: Db, query: string, limit: number): { ids: number[]; terms: string[] } {
  const { match, terms, confirm } = bigramQuery(query);
  const params: Params = { limit: limit + 1 };
  if (match) {
    const like = likeAll(PROBLEM_TEXT, confirm, 'c');
    const where = ['problems_fts MATCH @match', ...(confirm.length ? [like.where] : [])].join(' AND ');
    // CROSS JOIN: the index stays the outer loop; a row is read only where LIKE must confirm.
    const from = confirm.length ? 'problems_fts CROSS JOIN problems p ON p.id = problems_fts.rowid' : 'problems_fts';
    const ids = db.prepare(`SELECT problems_fts.rowid FROM ${from} WHERE ${where} ORDER BY problems_fts.rowid DESC LIMIT @limit`).pluck().all({ ...params, ...like.params, match }) as number[];
    return { ids, terms };
  }
  // Terms of punctuation alone (the index holds none): newest first, and the LIMIT stops the
  // scan as soon as the box is full.
  const like = likeAll(PROBLEM_TEXT, terms, 'c');
  const ids = db.prepare(`SELECT p.id FROM problems p WHERE ${like.where} ORDER BY p.id DESC LIMIT @limit`).pluck().all({ ...params, ...like.params }) as number[];
  return { ids, terms };
}

function searchProblems(db: Db, query: string, limit: number): Found {
  const { ids, terms } = problemIds(db, query, limit);
  if (ids.length === 0) return { hits: [], more: false };
  const rows = db
    .prepare(
      `SELECT p.id, p.description, p.evidence, u.name AS unit_name, t.name AS term_name, r.number AS round_number
       FROM problems p JOIN inspections i ON i.id = p.inspection_id JOIN units u ON u.id = i.unit_id
       JOIN rounds r ON r.id = i.round_id JOIN terms t ON t.id = r.term_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids.slice(0, limit))) as { id: number; description: string; evidence: string; unit_name: string; term_name: string; round_number: number }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    hits: ordered.map((row) => ({
      kind: 'problem',
      id: row.id,
      ...marked(clip(row.description), terms, `${row.description}\n${row.evidence}`),
      subtitle: `${row.unit_name} · ${roundLabel(row.term_name, row.round_number)}`,
    })),
    more: ids.length > limit,
  };
}

export function quickSearch(ctx: CoreContext, input: { query: string; limit: number }): QuickSearchResult {
  const session = ctx.active();
  const db = session.vault.db;
  const { query, limit } = input;
  const terms = bigramQuery(query).terms;
  if (terms.length === 0) return { groups: [] };

  const archives = searchPage(db, query, {}, archiveAccess(session), { page: 1, pageSize: limit });
  const confidential = archives.items.filter((hit) => hit.item.clueMaterial || isClassified(hit.item.classification)).map((hit) => hit.item.archiveCode);
  if (confidential.length) session.audit.append({ action: 'search.quick', actor: actorOf(session.user), detail: { confidential } });

  const byKind: Record<QuickSearchKind, Found> = {
    unit: searchUnits(db, terms, limit),
    person: searchPeople(db, terms, limit),
    round: searchRounds(db, terms, limit),
    problem: searchProblems(db, query, limit),
    archiveItem: {
      hits: archives.items.map(({ item, snippet }) => ({
        kind: 'archiveItem',
        id: item.id,
        ...marked(item.displayTitle, terms),
        // The archives' own snippet (cut from the item's whole text), unless the title shows the hit.
        snippet: showsEveryTerm(item.displayTitle, terms) ? [] : snippet,
        subtitle: [item.archiveCode, item.docNumber].filter(Boolean).join(' · '),
      })),
      more: archives.total > limit,
    },
  };
  return { groups: quickSearchKinds.filter((kind) => byKind[kind].hits.length > 0).map((kind) => ({ kind, ...byKind[kind] })) };
}
