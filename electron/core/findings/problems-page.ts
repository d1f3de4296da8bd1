/**
 * Which problems one list page shows, and how many match: ids only, read from the indexes, so
 * that a page over a million problems decrypts a few index pages and then the page's own rows
 * (ProblemsStore joins the columns for those ids). bench/cases/problems.ts measures it.
 *
 * - Every count stops at COUNT_CEILING + 1: past it the page says "more than 10,000" rather
 *   than read every matching entry for an exact number.
 * - Any filter goes through the full-text index. Each problem's document carries, beside the
 *   bigrams of its text, a token for its round, unit, inspection, focus, source and 共性 flag
 *   (problemDocument), so text and filters are one MATCH: FTS5 intersects its lists and hands
 *   the matches out in rowid order, which is the page's order (newest first). Page 1 stops at
 *   its 50th match and nothing is sorted; no problem row is read, except where LIKE must
 *   confirm a term the bigrams cannot decide (one character, or punctuation inside).
 *   Checking a filter per candidate on a (column, id) index instead took ~1 µs a candidate:
 *   40 ms for a two-term text with a source, against 5 ms in the index.
 * - A group is its inspections' tokens OR-ed: read at query time, so an inspection moved to
 *   another group needs no re-index. A very large group is read from the (inspection_id, id)
 *   index instead.
 * - With no filter at all, the table gives its newest ids.
 */
import type { Focus, ProblemSource } from '../../../shared/domain';
import { bigramQuery, fieldToken, likePattern } from '../search/bigrams';
import type { Db } from '../vault/database';

/** Where counting stops: a larger total is reported as a lower bound. */
export const COUNT_CEILING = 10_000;

export interface ProblemFilter {
  roundId?: number | undefined;
  inspectionId?: number | undefined;
  unitId?: number | undefined;
  groupId?: number | undefined;
  focus?: Focus | undefined;
  source?: ProblemSource | undefined;
  isCommon?: boolean | undefined;
  text?: string | undefined;
}

export interface ProblemPage {
  /** The page's problem ids, newest first. */
  ids: number[];
  /** Matching problems, at most COUNT_CEILING. */
  total: number;
  /** More than `total` matched: the count stopped at the ceiling. */
  totalIsLowerBound: boolean;
}

/** The tokens of a problem's document that the list filters by (private-use prefixed: never typed). */
export const roundToken = (roundId: number): string => fieldToken('r', roundId);
export const unitToken = (unitId: number): string => fieldToken('u', unitId);
export const inspectionToken = (inspectionId: number): string => fieldToken('i', inspectionId);
export const focusToken = (focus: Focus): string => fieldToken('f', focus);
export const sourceToken = (source: ProblemSource): string => fieldToken('s', source);
export const commonToken = (isCommon: boolean): string => fieldToken('c', isCommon ? 1 : 0);

/**
 * A group is matched as its inspections' tokens OR-ed together, which FTS5 merges one list per
 * token: cheap for the dozen inspections of a usual group, ~20 ms for 250 over a million
 * problems. Beyond this many, the group's problem ids are read from the (inspection_id, id)
 * index instead.
 */
export const MAX_GROUP_TOKENS = 64;

type Params = Record<string, unknown>;

interface Limit {
  limit: number;
  offset: number;
}

/** The text LIKE confirms, as the index holds it: description, newline, evidence. */
const INDEXED_TEXT = '(p.description || char(10) || p.evidence)';

const phrase = (token: string) => `"${token}"`;

export function problemPage(db: Db, filter: ProblemFilter, page: { page: number; pageSize: number }): ProblemPage {
  const query = filter.text ? bigramQuery(filter.text) : null;
  const limit = { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  // The group's inspections as they are now.
  const group = filter.groupId === undefined ? null : (db.prepare('SELECT id FROM inspections WHERE group_id = ? ORDER BY id').pluck().all(filter.groupId) as number[]);
  if (group?.length === 0) return { ids: [], total: 0, totalIsLowerBound: false };
  const largeGroup = group && group.length > MAX_GROUP_TOKENS ? group : null;
  const match: string[] = [];
  if (query?.match) match.push(query.match);
  if (filter.roundId !== undefined) match.push(phrase(roundToken(filter.roundId)));
  if (filter.unitId !== undefined) match.push(phrase(unitToken(filter.unitId)));
  if (filter.inspectionId !== undefined) match.push(phrase(inspectionToken(filter.inspectionId)));
  if (filter.focus !== undefined) match.push(phrase(focusToken(filter.focus)));
  if (filter.source !== undefined) match.push(phrase(sourceToken(filter.source)));
  if (filter.isCommon !== undefined) match.push(phrase(commonToken(filter.isCommon)));
  if (group && !largeGroup) match.push(`(${group.map((id) => phrase(inspectionToken(id))).join(' OR ')})`);
  if (match.length) return indexedPage(db, match.join(' AND '), largeGroup, query?.confirm ?? [], limit);
  // No phrase and no filter token: every term (if any) has fewer than two word characters.
  return filteredPage(db, largeGroup, query?.terms ?? [], limit);
}

function counted(db: Db, from: string, clause: string, params: Params): { total: number; totalIsLowerBound: boolean } {
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} ${clause} LIMIT ${COUNT_CEILING + 1})`).pluck().get(params) as number;
  return { total: Math.min(n, COUNT_CEILING), totalIsLowerBound: n > COUNT_CEILING };
}

/** A page driven by the full-text index: text phrases and field tokens in `match`. */
function indexedPage(db: Db, match: string, largeGroup: number[] | null, confirm: string[], limit: Limit): ProblemPage {
  const where = ['problems_fts MATCH @match'];
  const params: Params = { match };
  if (largeGroup) {
    // The `+` keeps SQLite from handing the IN to FTS5 as one rowid lookup per id.
    where.push('+problems_fts.rowid IN (SELECT s.id FROM problems s INDEXED BY problems_inspection WHERE s.inspection_id IN (SELECT value FROM json_each(@group)))');
    params.group = JSON.stringify(largeGroup);
  }
  confirm.forEach((term, i) => {
    where.push(`${INDEXED_TEXT} LIKE @like${i} ESCAPE '\\'`);
    params[`like${i}`] = likePattern(term);
  });
  // CROSS JOIN: the index stays the outer loop, and a row is read by rowid for candidates only.
  const from = confirm.length ? 'problems_fts CROSS JOIN problems p ON p.id = problems_fts.rowid' : 'problems_fts';
  const clause = `WHERE ${where.join(' AND ')}`;
  const ids = db.prepare(`SELECT problems_fts.rowid FROM ${from} ${clause} ORDER BY problems_fts.rowid DESC LIMIT @limit OFFSET @offset`).pluck().all({ ...params, ...limit }) as number[];
  return { ids, ...counted(db, from, clause, params) };
}

/** A page without the full-text index: every problem, or a large group's, newest first. */
function filteredPage(db: Db, largeGroup: number[] | null, likeTerms: string[], limit: Limit): ProblemPage {
  const where: string[] = [];
  const params: Params = {};
  if (largeGroup) {
    where.push('p.inspection_id IN (SELECT value FROM json_each(@group))');
    params.group = JSON.stringify(largeGroup);
  }
  likeTerms.forEach((term, i) => {
    where.push(`${INDEXED_TEXT} LIKE @like${i} ESCAPE '\\'`);
    params[`like${i}`] = likePattern(term);
  });
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // A group's problems are gathered from its inspections and sorted: a few tens of thousands
  // at most, where walking the table newest first could read most of it to fill a page.
  const from = largeGroup ? 'problems p INDEXED BY problems_inspection' : 'problems p';
  const ids = db.prepare(`SELECT p.id FROM ${from} ${clause} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`).pluck().all({ ...params, ...limit }) as number[];
  return { ids, ...counted(db, from, clause, params) };
}
