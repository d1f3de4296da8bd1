/**
 * Full-text search against a brute-force scan: a few hundred random paragraphs from a small
 * vocabulary (Chinese, Latin, digits, 〔2020〕8号, punctuation between runs) filed as items
 * through the router; every query's hits must be exactly the items whose text contains every
 * term, for 1-, 2-, 3- and 5-character terms, terms across punctuation, and mixed terms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveItemSummary } from '../../../shared/contract';
import { normalise } from '../search/bigrams';
import { signedInApp, type TestApp } from '../testing/harness';
import { itemInput, waitForJob } from './archives-fixture';
import { buildSnippet } from './snippet';

const WORDS = ['巡察', '整改', '察组', '问题', '线索', '2020年', '〔2020〕8号', '反馈意见', '党组', '干部', 'PDF', 'v2', '第三巡察组', '落实', '主体责任', '谈话', '信访', '组织'];
const MARKS = ['，', '。', '、', '；', ' ', '（', '）', '：', ''];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function paragraph(r: () => number): string {
  let text = '';
  const words = 4 + Math.floor(r() * 16);
  for (let n = 0; n < words; n += 1) text += WORDS[Math.floor(r() * WORDS.length)]! + MARKS[Math.floor(r() * MARKS.length)]!;
  return text;
}

/** What LIKE and the phrase both decide: the normalised text contains the normalised term. */
const contains = (text: string, term: string) => normalise(text).includes(normalise(term));

const textOf = (item: ArchiveItemSummary) => [item.archiveCode, item.title, item.responsible, item.docNumber, item.note].join('\n');

async function allHits(app: TestApp, query: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page += 1) {
    const result = await app.call('archives.search', { query, page, pageSize: 100 });
    ids.push(...result.items.map((hit) => hit.item.id));
    expect(result.totalIsLowerBound).toBe(false);
    if (page * 100 >= result.total) {
      expect(ids.length).toBe(result.total);
      return ids.sort((a, b) => a - b);
    }
  }
}

describe('archive search', () => {
  let app: TestApp;
  let remove: () => void;
  const items: ArchiveItemSummary[] = [];
  const r = random(2020);

  beforeAll(async () => {
    const env = await signedInApp();
    app = env.app;
    remove = env.remove;
    for (let n = 0; n < 300; n += 1) {
      const item = await app.call('archives.create', itemInput({ title: paragraph(r).slice(0, 60) || '题名', responsible: '市委巡察办', docNumber: '', note: paragraph(r) }));
      items.push(item);
    }
  }, 120_000);
  afterAll(() => remove());

  function queries(): string[] {
    const out = ['巡察', '察组', '年，谈', '，谈话', '2020年', '〔2020〕8号', '〔2020〕', '2020', '〕8', '问题，整改', '问题整改', '年', '〔', 'pdf', 'Pdf v2', '反馈 意见', '巡察 年', '组织落实', 'WS·2020', 'xcb-0007'];
    // Random substrings of the texts, of 1, 2, 3 and 5 characters (punctuation included).
    for (const length of [1, 2, 3, 5]) {
      for (let n = 0; n < 30; n += 1) {
        const text = [...items[Math.floor(r() * items.length)]!.note];
        const start = Math.floor(r() * Math.max(1, text.length - length));
        const term = text.slice(start, start + length).join('').trim();
        if (term) out.push(term);
      }
    }
    return out;
  }

  it('returns exactly the items a brute-force scan finds', async () => {
    const checked: string[] = [];
    for (const query of queries()) {
      const terms = query.split(/\s+/).filter(Boolean);
      const expected = items.filter((item) => terms.every((term) => contains(textOf(item), term))).map((item) => item.id);
      expect({ query, ids: await allHits(app, query) }).toEqual({ query, ids: expected.sort((a, b) => a - b) });
      checked.push(`${query}:${expected.length}`);
    }
    // The vocabulary is small: most queries find something, and some find nothing.
    expect(checked.filter((c) => !c.endsWith(':0')).length).toBeGreaterThan(50);
  });

  it('filters by year, retention and classification inside the index', async () => {
    const other = await app.call('archives.create', itemInput({ year: 2021, retention: 'Y', classification: 'secret', title: '巡察报告', note: '' }));
    const in2021 = await app.call('archives.search', { query: '巡察', year: 2021 });
    expect(in2021.items.map((hit) => hit.item.id)).toEqual([other.id]);
    expect((await app.call('archives.search', { query: '巡察', retention: 'Y', classification: 'secret' })).items.map((h) => h.item.id)).toEqual([other.id]);
    expect((await app.call('archives.search', { query: '巡察', classification: 'public' })).items).toEqual([]);
    // One-character terms (unigrams in the index) take the same filters.
    expect((await app.call('archives.search', { query: '报', year: 2021 })).items.map((h) => h.item.id)).toEqual([other.id]);
    expect((await app.call('archives.search', { query: '报', year: 2021, retention: 'D10' })).items).toEqual([]);
  });

  it('ranks a few hits by relevance and shows the matched original text in the snippet', async () => {
    const dense = await app.call('archives.create', itemInput({ title: '关于落实整改的报告', note: '落实整改责任，整改问题清单，整改到位。'.repeat(3) }));
    const sparse = await app.call('archives.create', itemInput({ title: '关于干部工作的报告', note: '其他事项中提到整改一次，' + '干部队伍建设'.repeat(30) }));
    const result = await app.call('archives.search', { query: '整改 报告' });
    expect(result.ranked).toBe(true);
    expect(result.items.map((hit) => hit.item.id)).toEqual([dense.id, sparse.id]);
    const hits = result.items[0]!.snippet.filter((piece) => piece.hit).map((piece) => piece.text);
    expect(hits).toContain('整改');
    expect(hits).toContain('报告');
  });

  it('rebuilds the index with progress and finds the same items', async () => {
    const before = await allHits(app, '巡察');
    await app.call('archives.rebuildIndex', { reextract: true });
    const job = await waitForJob(app);
    expect(job).toMatchObject({ state: 'done', kind: 'rebuildIndex' });
    expect(job.done).toBe(job.total);
    expect(await allHits(app, '巡察')).toEqual(before);
  });
});

describe('snippets', () => {
  it('cut the original text around the first hit and mark full-width digits found by ASCII ones', () => {
    const text = `${'前言'.repeat(40)}根据市巡办〔２０２０〕８号文件，<b>整改</b>要求如下${'后记'.repeat(40)}`;
    const pieces = buildSnippet(text, ['〔2020〕8号', '整改'], 40);
    expect(pieces[0]).toEqual({ text: '…', hit: false });
    expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['〔２０２０〕８号', '整改']);
    expect(pieces.map((p) => p.text).join('')).toContain('<b>整改</b>');
    expect(pieces[pieces.length - 1]).toEqual({ text: '…', hit: false });
  });
});
