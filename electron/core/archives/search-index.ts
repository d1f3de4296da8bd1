/**
 * The archives' full-text index: one document per item, its original text kept in
 * archive_search_text (fields, then the text of its files) and its overlapping bigrams in
 * archive_fts (electron/core/search/bigrams.ts), followed by filter tokens: year, retention,
 * classification, round and kind narrow inside the index, and the two marks (classified, clue
 * material) let a query leave out what the caller may not see with one NOT.
 *
 * Ranking: FTS5's bm25 orders the hits while there are at most RANK_CEILING of them; beyond that
 * (a common two-character word in a million paragraphs) ranking would read every hit, so the
 * page is the newest items first, which FTS5 hands out without sorting. Counting stops at
 * COUNT_CEILING. Terms of one character (and terms with punctuation inside) are confirmed with
 * LIKE against the original text, which makes every result exact.
 */
import { archiveKinds, retentions, type ArchiveFilter, type ArchiveKind, type Retention } from '../../../shared/channels/archives';
import { classifications, type Classification } from '../../../shared/documents';
import { bigramDocument, likePattern, fieldToken } from '../search/bigrams';
import type { Db } from '../vault/database';
import { isClassified, type ArchiveAccess } from './access';
import { filterClause, visibleClause } from './items-store';
import { parseQuery } from './query';

export const RANK_CEILING = 200;
export const COUNT_CEILING = 1000;

const yearToken = (year: number) => fieldToken('y', year);
const retentionToken = (retention: Retention) => fieldToken('t', retentions.indexOf(retention));
const classificationToken = (classification: Classification) => fieldToken('s', classifications.indexOf(classification));
const roundToken = (roundId: number) => fieldToken('r', roundId);
const kindToken = (kind: ArchiveKind) => fieldToken('k', archiveKinds.indexOf(kind));
const unitToken = (unitId: number) => fieldToken('u', unitId);
const CLASSIFIED_MARK = fieldToken('x', 1);
const CLUE_MARK = fieldToken('c', 1);

export interface IndexedFields {
  archiveCode: string;
  title: string;
  responsible: string;
  docNumber: string;
  note: string;
  year: number;
  retention: Retention;
  classification: Classification;
  roundId: number | null;
  kind: ArchiveKind;
  clueMaterial: boolean;
  unitId: number | null;
}

/** The original text an item is found by: its fields, then the text of each file, one per line. */
export function searchText(fields: IndexedFields, fileTexts: readonly string[]): string {
  return [fields.archiveCode, fields.title, fields.responsible, fields.docNumber, fields.note, ...fileTexts].filter((part) => part !== '').join('\n');
}

/** What archive_fts holds for an item: the bigrams of its text and its filter tokens. */
export function indexDocument(fields: IndexedFields, body: string): string {
  const tokens = [yearToken(fields.year), retentionToken(fields.retention), classificationToken(fields.classification), kindToken(fields.kind)];
  if (fields.roundId !== null) tokens.push(roundToken(fields.roundId));
  if (fields.unitId !== null) tokens.push(unitToken(fields.unitId));
  if (isClassified(fields.classification)) tokens.push(CLASSIFIED_MARK);
  if (fields.clueMaterial) tokens.push(CLUE_MARK);
  return `${bigramDocument(body)} ${tokens.join(' ')}`;
}

interface ItemForIndex {
  archive_code: string;
  title: string;
  responsible: string;
  doc_number: string;
  note: string;
  year: number;
  retention: Retention;
  classification: Classification;
  round_id: number | null;
  kind: ArchiveKind;
  clue_material: number;
  unit_id: number | null;
}

/** Writes (or rewrites) the index entry of one item from its row and its files' stored text. */
export function indexItem(db: Db, itemId: number): void {
  const row = db.prepare('SELECT archive_code, title, responsible, doc_number, note, year, retention, classification, round_id, kind, clue_material, unit_id FROM archive_items WHERE id = ?').get(itemId) as
    | ItemForIndex
    | undefined;
  db.prepare('DELETE FROM archive_fts WHERE rowid = ?').run(itemId);
  db.prepare('DELETE FROM archive_search_text WHERE item_id = ?').run(itemId);
  if (!row) return;
  const texts = db.prepare("SELECT text FROM archive_files WHERE item_id = ? AND text_status = 'text' ORDER BY attachment_id").pluck().all(itemId) as string[];
  const fields: IndexedFields = {
    archiveCode: row.archive_code,
    title: row.title,
    responsible: row.responsible,
    docNumber: row.doc_number,
    note: row.note,
    year: row.year,
    retention: row.retention,
    classification: row.classification,
    roundId: row.round_id,
    kind: row.kind,
    clueMaterial: row.clue_material === 1,
    unitId: row.unit_id,
  };
  const body = searchText(fields, texts);
  db.prepare('INSERT INTO archive_search_text (item_id, body) VALUES (?, ?)').run(itemId, body);
  db.prepare('INSERT INTO archive_fts (rowid, body) VALUES (?, ?)').run(itemId, indexDocument(fields, body));
}

/**
 * Rebuilds the whole index, in batches of `batch` items (each its own transaction), reporting
 * progress after each; awaits between batches so that the app stays responsive.
 */
export async function rebuildIndex(db: Db, onProgress: (done: number, total: number) => void, batch = 500): Promise<number> {
  const ids = db.prepare('SELECT id FROM archive_items ORDER BY id').pluck().all() as number[];
  db.transaction(() => {
    db.prepare("INSERT INTO archive_fts (archive_fts) VALUES ('delete-all')").run();
    db.prepare('DELETE FROM archive_search_text').run();
  })();
  onProgress(0, ids.length);
  for (let start = 0; start < ids.length; start += batch) {
    db.transaction(() => {
      for (const id of ids.slice(start, start + batch)) indexItem(db, id);
    })();
    onProgress(Math.min(start + batch, ids.length), ids.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  db.prepare("INSERT INTO archive_fts (archive_fts) VALUES ('optimize')").run();
  return ids.length;
}

export interface SearchPage {
  ids: number[];
  total: number;
  totalIsLowerBound: boolean;
  ranked: boolean;
  /** The query's terms, for the snippets. */
  terms: string[];
}

type Params = Record<string, unknown>;
const phrase = (token: string) => `"${token}"`;

function filterMatch(filter: ArchiveFilter): string[] {
  const out: string[] = [];
  if (filter.year !== undefined) out.push(phrase(yearToken(filter.year)));
  if (filter.retention !== undefined) out.push(phrase(retentionToken(filter.retention)));
  if (filter.classification !== undefined) out.push(phrase(classificationToken(filter.classification)));
  if (filter.roundId !== undefined) out.push(phrase(roundToken(filter.roundId)));
  if (filter.kind !== undefined) out.push(phrase(kindToken(filter.kind)));
  if (filter.unitId !== undefined) out.push(phrase(unitToken(filter.unitId)));
  return out;
}

function counted(db: Db, sql: string, params: Params): { total: number; totalIsLowerBound: boolean } {
  const n = db.prepare(`SELECT count(*) FROM (${sql} LIMIT ${COUNT_CEILING + 1})`).pluck().get(params) as number;
  return { total: Math.min(n, COUNT_CEILING), totalIsLowerBound: n > COUNT_CEILING };
}

/** One page of matching item ids: ranked (bm25) when few match, newest first otherwise. */
export function searchItems(db: Db, query: string, filter: ArchiveFilter, access: ArchiveAccess, page: { page: number; pageSize: number }): SearchPage {
  const parsed = parseQuery(query);
  const limit = { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  if (parsed.terms.length === 0) return { ids: [], total: 0, totalIsLowerBound: false, ranked: false, terms: [] };
  if (!parsed.match) return likePage(db, parsed.terms, filter, access, limit);

  const params: Params = {};
  let match = [parsed.match, ...filterMatch(filter)].join(' AND ');
  const hidden = [...(access.mayReadClues ? [] : [CLUE_MARK]), ...(access.mayReadClassified ? [] : [CLASSIFIED_MARK])];
  if (hidden.length) match = `(${match}) NOT (${hidden.map(phrase).join(' OR ')})`;
  params.match = match;
  const where = ['archive_fts MATCH @match'];
  parsed.confirm.forEach((term, i) => {
    where.push(`t.body LIKE @like${i} ESCAPE '\\'`);
    params[`like${i}`] = likePattern(term);
  });
  // CROSS JOIN: the index stays the outer loop; the text is read for candidates only, and only when LIKE must confirm.
  const from = parsed.confirm.length ? 'archive_fts CROSS JOIN archive_search_text t ON t.item_id = archive_fts.rowid' : 'archive_fts';
  const base = `SELECT archive_fts.rowid AS id FROM ${from} WHERE ${where.join(' AND ')}`;
  const count = counted(db, base, params);
  const ranked = !count.totalIsLowerBound && count.total <= RANK_CEILING;
  const order = ranked ? 'archive_fts.rank, archive_fts.rowid DESC' : 'archive_fts.rowid DESC';
  const ids = db.prepare(`${base} ORDER BY ${order} LIMIT @limit OFFSET @offset`).pluck().all({ ...params, ...limit }) as number[];
  return { ids, ...count, ranked, terms: parsed.terms };
}

/** Terms of punctuation alone (the index holds none): LIKE over the original text, newest first. */
function likePage(db: Db, terms: string[], filter: ArchiveFilter, access: ArchiveAccess, limit: { limit: number; offset: number }): SearchPage {
  const { where, params } = filterClause(filter);
  const conditions = [visibleClause(access), ...where];
  terms.forEach((term, i) => {
    conditions.push(`t.body LIKE @like${i} ESCAPE '\\'`);
    params[`like${i}`] = likePattern(term);
  });
  const base = `SELECT t.item_id AS id FROM archive_search_text t JOIN archive_items a ON a.id = t.item_id WHERE ${conditions.join(' AND ')}`;
  const count = counted(db, base, params);
  const ids = db.prepare(`${base} ORDER BY t.item_id DESC LIMIT @limit OFFSET @offset`).pluck().all({ ...params, ...limit }) as number[];
  return { ids, ...count, ranked: false, terms };
}
