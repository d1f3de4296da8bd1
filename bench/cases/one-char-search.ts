/**
 * One-character search (issue 7: one-character queries) over the archives' and the problems'
 * full-text indexes, built as the app writes them (archives: searchText + indexDocument;
 * problems: problemDocument), 200,000 rows each (`--quick`: 50,000; the archive and problem
 * list cases already build a million each, and this case would double the bench's time). At a
 * million rows, measured once (2026-11-26, 2 busy cores): archives 整 1.4 ms and 鄂 3.6 ms
 * against 3.8–4.3 s of LIKE scan, index 1,195 MB for 677 MB of text; problems 村 2.5 ms and 酒
 * 1.7 ms against 1.2 s, index 363 MB for 193 MB of text. A common and a rare
 * character, each through the core's own page (archives searchPage, ProblemsStore.list: count
 * up to the ceiling, first page newest first) against a LIKE scan of the same text measured in
 * the same run; the pages and counts must agree before anything is timed.
 *
 * Also reported: each index's size (FTS5 segment data) against the text it indexes, which is
 * what indexing every character as a unigram beside the bigrams costs (search/bigrams.ts).
 */
import { searchPage } from '../../electron/core/archives/items-service';
import { likePattern } from '../../electron/core/search/bigrams';
import { COUNT_CEILING, ProblemsStore } from '../../electron/core/findings/problems-store';
import type { Db } from '../../electron/core/vault/database';
import { figure } from '../lib/measure';
import type { BenchCase, BenchContext, Figure } from '../lib/types';
import { buildArchivesFixture } from './archives';
import { buildProblemsFixture, plainScanPage } from './problems';

const ARCHIVE_CEILING = 1000;

function archiveLikeScan(db: Db, term: string, pageSize: number): { ids: number[]; total: number } {
  const where = "a.clue_material = 0 AND t.body LIKE @like ESCAPE '\\'";
  const from = 'archive_search_text t JOIN archive_items a ON a.id = t.item_id';
  const params = { like: likePattern(term) };
  const total = db.prepare(`SELECT count(*) FROM ${from} WHERE ${where}`).pluck().get(params) as number;
  const ids = db.prepare(`SELECT t.item_id FROM ${from} WHERE ${where} ORDER BY t.item_id DESC LIMIT ${pageSize}`).pluck().all(params) as number[];
  return { ids, total };
}

function archiveLikeMatches(db: Db, term: string, id: number): boolean {
  return db.prepare("SELECT 1 FROM archive_search_text WHERE item_id = ? AND body LIKE ? ESCAPE '\\'").get(id, likePattern(term)) !== undefined;
}

const megabytes = (db: Db, table: string) => (db.prepare(`SELECT sum(length(block)) FROM ${table}_data`).pluck().get() as number) / 1024 ** 2;

function time(runs: number, core: () => unknown, plain: () => unknown): { core: number[]; plain: number[] } {
  const samples = { core: [] as number[], plain: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    for (const [side, work] of (run % 2 ? [['plain', plain], ['core', core]] : [['core', core], ['plain', plain]]) as ['core' | 'plain', () => unknown][]) {
      const started = performance.now();
      work();
      samples[side].push(performance.now() - started);
    }
  }
  return samples;
}

function archiveFigures(ctx: BenchContext, count: number, runs: number): Figure[] {
  const fixture = buildArchivesFixture(ctx, count);
  const { db } = fixture;
  try {
    const index = megabytes(db, 'archive_fts');
    ctx.log(`  archives: ${count.toLocaleString('en')} paragraphs; index ${index.toFixed(1)} MB for ${fixture.textMegabytes.toFixed(1)} MB of text (${(index / fixture.textMegabytes).toFixed(2)}×); vault.db ${fixture.megabytes.toFixed(0)} MB`);
    const access = { mayReadClues: false, mayReadClassified: true };
    const figures: Figure[] = [];
    // 整: planted in 2% of the paragraphs and common in the vocabulary; 鄂: planted in 0.01%.
    for (const term of ['整', '鄂']) {
      const first = searchPage(db, term, {}, access, { page: 1, pageSize: 20 });
      const scan = archiveLikeScan(db, term, 20);
      // A few hits are ranked (bm25): then the page holds the best of them, each one a LIKE match.
      const ids = first.items.map((hit) => hit.item.id);
      const same = first.ranked ? ids.length === Math.min(20, scan.total) && ids.every((id) => archiveLikeMatches(db, term, id)) : JSON.stringify(ids) === JSON.stringify(scan.ids);
      if (first.total !== Math.min(scan.total, ARCHIVE_CEILING) || !same) {
        throw new Error(`archives "${term}": the core's page differs from the LIKE scan (${first.total} vs ${scan.total})`);
      }
      const samples = time(runs, () => searchPage(db, term, {}, access, { page: 1, pageSize: 20 }), () => archiveLikeScan(db, term, 20));
      const result = figure(`one-char search: archives "${term}"`, samples.core, 'LIKE scan (exact count + page)', samples.plain, {
        work: `${count.toLocaleString('en')} paragraphs, page 1 of 20 with snippets, ${scan.total.toLocaleString('en')} hits; index ${index.toFixed(0)} MB`,
      });
      ctx.log(`  archives "${term}": core ${result.ms.toFixed(1)} ms · LIKE scan ${result.baseline.ms.toFixed(0)} ms · ${scan.total.toLocaleString('en')} hits`);
      figures.push(result);
    }
    return figures;
  } finally {
    db.close();
  }
}

function problemFigures(ctx: BenchContext, count: number, runs: number): Figure[] {
  const fixture = buildProblemsFixture(ctx, count);
  const { db } = fixture;
  try {
    const textBytes = db.prepare('SELECT sum(length(CAST(description AS BLOB)) + length(CAST(evidence AS BLOB)) + 1) FROM problems').pluck().get() as number;
    const index = megabytes(db, 'problems_fts');
    ctx.log(`  problems: ${count.toLocaleString('en')}; index ${index.toFixed(1)} MB for ${(textBytes / 1024 ** 2).toFixed(1)} MB of text (${(index / (textBytes / 1024 ** 2)).toFixed(2)}×)`);
    const store = new ProblemsStore(db);
    const figures: Figure[] = [];
    // 村: in about one problem in ten; 酒: only in the rare 高档白酒.
    for (const term of ['村', '酒']) {
      const listed = store.list({ text: term }, { page: 1, pageSize: 50 });
      const plain = plainScanPage(db, { text: term });
      if (JSON.stringify(listed.items.map((p) => p.id)) !== JSON.stringify(plain.ids) || listed.total !== Math.min(plain.total, COUNT_CEILING)) {
        throw new Error(`problems "${term}": the core's page differs from the plain scan (${listed.total} vs ${plain.total})`);
      }
      const samples = time(runs, () => store.list({ text: term }, { page: 1, pageSize: 50 }), () => plainScanPage(db, { text: term }));
      const result = figure(`one-char search: problems "${term}"`, samples.core, 'plain LIKE scan', samples.plain, {
        work: `${count.toLocaleString('en')} problems, page 1 of 50, ${plain.total.toLocaleString('en')} hits; index ${index.toFixed(0)} MB`,
      });
      ctx.log(`  problems "${term}": core ${result.ms.toFixed(1)} ms · plain scan ${result.baseline.ms.toFixed(0)} ms · ${plain.total.toLocaleString('en')} hits`);
      figures.push(result);
    }
    return figures;
  } finally {
    db.close();
  }
}

export const oneCharSearch: BenchCase = {
  name: 'one-char search 200k',
  description: 'one-character queries through the archives and problems full-text indexes (unigrams beside the bigrams) over 200,000 rows each vs a LIKE scan, with the index sizes',
  async run(ctx) {
    const count = ctx.quick ? 50_000 : 200_000;
    const runs = ctx.quick ? 3 : 7;
    return [...archiveFigures(ctx, count, runs), ...problemFigures(ctx, count, runs)];
  },
};
