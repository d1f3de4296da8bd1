import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { bigramDocument, bigramQuery, likePattern, fieldToken, SEPARATOR_TOKEN } from './bigrams';

const S = SEPARATOR_TOKEN;

describe('bigrams', () => {
  it('pairs every run of word characters and marks boundaries', () => {
    // The pairs, a separator, then each word character once (unigrams, for one-character queries).
    expect(bigramDocument('巡察组进驻')).toBe(`巡察 察组 组进 进驻 ${S} 巡 察 组 进 驻`);
    expect(bigramDocument('2019年交叉巡察')).toBe(`20 01 19 9年 年交 交叉 叉巡 巡察 ${S} 2 0 1 9 年 交 叉 巡 察`);
    expect(bigramDocument('〔2020〕8号')).toBe(`20 02 20 ${S} 8号 ${S} 2 0 8 号`);
    expect(bigramDocument('党， 委')).toBe(`党 ${S} 委 ${S} 党 委`);
    expect(bigramDocument('ＡＢＣ２０２０')).toBe(`ab bc c2 20 02 20 ${S} a b c 2 0`);
    expect(bigramDocument('，。')).toBe('');
    expect(bigramQuery('察组 组长')).toEqual({ match: '"察组" AND "组长"', terms: ['察组', '组长'], likeOnly: [], confirm: [] });
    // One character: its unigram decides alone. Punctuation alone: LIKE only.
    expect(bigramQuery('党 巡察')).toEqual({ match: '"党" AND "巡察"', terms: ['党', '巡察'], likeOnly: [], confirm: [] });
    expect(bigramQuery('Ａ')).toEqual({ match: '"a"', terms: ['Ａ'], likeOnly: [], confirm: [] });
    expect(bigramQuery('〔 巡察')).toEqual({ match: '"巡察"', terms: ['〔', '巡察'], likeOnly: ['〔'], confirm: ['〔'] });
    expect(bigramQuery('a，b 年，')).toEqual({ match: '"a" AND "b" AND "年"', terms: ['a，b', '年，'], likeOnly: [], confirm: ['a，b', '年，'] });
    expect(bigramQuery('党 巡察 〔2020〕8号 ２０２０').confirm).toEqual(['〔2020〕8号']);
  });

  it('finds in FTS5 exactly what a LIKE scan finds, for 1-, 2-, 3- and 5-character and mixed queries', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT);
             CREATE VIRTUAL TABLE docs_fts USING fts5(body, tokenize='unicode61 remove_diacritics 0', content='', contentless_delete=1);`);
    const bodies = [
      '十二届市委第八轮巡察发现问题1496个，问题线索82个。',
      '2019年交叉巡察：对9个乡镇开展提级交叉巡察',
      '巡察组长带队，巡察 组长谈话',
      '市委巡察办〔2020〕8号文件印发共性问题清单',
      '关于整改落实情况的报告（2020年10月15日）',
      '基层党组织软弱涣散，组织力欠缺',
      'ABC公司2020年度审计',
      'Café项目资金',
      '2020年，谈话问题；a，bc',
    ];
    const insert = db.prepare('INSERT INTO docs (id, body) VALUES (?, ?)');
    const index = db.prepare('INSERT INTO docs_fts (rowid, body) VALUES (?, ?)');
    bodies.forEach((body, i) => {
      insert.run(i + 1, body);
      index.run(i + 1, bigramDocument(body));
    });
    const queries = ['巡察', '察组', '组长', '巡察组长', '交叉巡察', '2020', '2020年', '0年', '〔2020〕8号', '8号', '共性问题清单', '软弱涣散', 'abc', 'c公司', '整改 报告', '问题', '欠缺', '察发现问', 'cafe', 'café', '(2020)', '年，谈', '0年，谈话', '年，', '，谈话', '题；a', 'a，b', '谈话问题；a，bc', '党', '年', '8', 'a', 'é', 'e', '，', '〔', 'a，b', '年，', '，谈', '0', '察', '欠'];
    for (const query of queries) {
      const { match, terms, likeOnly } = bigramQuery(query);
      const like = terms.map(() => "body LIKE ? ESCAPE '\\'").join(' AND ');
      if (match === null) {
        // No pair stands for the term (年，谈: one character each side): LIKE alone decides.
        expect(likeOnly, query).toEqual(terms);
        continue;
      }
      const brute = (db.prepare(`SELECT id FROM docs WHERE ${like} ORDER BY id`).all(...terms.map(likePattern)) as { id: number }[]).map((r) => r.id);
      const viaIndex = (
        db
          .prepare(`SELECT id FROM docs WHERE id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?) AND ${like} ORDER BY id`)
          .all(match, ...terms.map(likePattern)) as { id: number }[]
      ).map((r) => r.id);
      // The index alone, before LIKE confirms: it must not miss anything.
      const candidates = (db.prepare('SELECT rowid AS id FROM docs_fts WHERE docs_fts MATCH ?').all(match) as { id: number }[]).map((r) => r.id);
      expect(viaIndex, query).toEqual(brute);
      expect(brute.every((id) => candidates.includes(id)), query).toBe(true);
      // LIKE on the terms the phrase cannot decide is enough: the rest match exactly.
      const { confirm } = bigramQuery(query);
      const confirmLike = confirm.length ? `AND ${confirm.map(() => "body LIKE ? ESCAPE '\\'").join(' AND ')}` : '';
      const confirmed = (
        db
          .prepare(`SELECT id FROM docs WHERE id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?) ${confirmLike} ORDER BY id`)
          .all(match, ...confirm.map(likePattern)) as { id: number }[]
      ).map((r) => r.id);
      expect(confirmed, query).toEqual(brute);
    }
  });

  it('filters by a field token that typed text never produces', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE docs_fts USING fts5(body, tokenize='unicode61 remove_diacritics 0', content='', contentless_delete=1);`);
    const index = db.prepare('INSERT INTO docs_fts (rowid, body) VALUES (?, ?)');
    index.run(1, `${bigramDocument('违规发放津贴补贴')} ${fieldToken('r', 1)}`);
    index.run(2, `${bigramDocument('违规发放津贴补贴')} ${fieldToken('r', 12)}`);
    index.run(3, `${bigramDocument(`r12 \uE001r12 ${fieldToken('r', 12)}`)}`);
    const ids = (match: string) => (db.prepare('SELECT rowid AS id FROM docs_fts WHERE docs_fts MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);
    expect(ids(`${bigramQuery('津贴').match!} AND "${fieldToken('r', 12)}"`)).toEqual([2]);
    expect(ids(`"${fieldToken('r', 1)}"`)).toEqual([1]);
    expect(ids(`"${fieldToken('r', 12)}"`)).toEqual([2]);
  });
});
