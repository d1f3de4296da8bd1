/**
 * Quick search through the real router over a real vault: every kind of record found by one
 * box; the same permission rules as the records' own lists (a staff member never sees clue
 * material or classified items, a leader (auditor) sees classified items but no clue
 * material, clues never appear for anyone); confidential titles shown are audited; and the
 * problems it lists are exactly the newest of those a brute-force scan finds, for 1-, 2-, 3-
 * and 5-character terms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuickSearchKind, QuickSearchResult } from '../../../shared/channels/search';
import { itemInput } from '../archives/archives-fixture';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import { ADMIN, signedInApp, type TestApp } from '../testing/harness';
import { normalise } from './bigrams';

const ids = (result: QuickSearchResult, kind: QuickSearchKind) => result.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

describe('quick search', () => {
  let app: TestApp;
  let remove: () => void;
  let fixture: Awaited<ReturnType<typeof buildFindings>>;
  const problems: { id: number; text: string }[] = [];
  const archive: Record<'open' | 'secret' | 'clueMaterial', number> = { open: 0, secret: 0, clueMaterial: 0 };

  const signInAdmin = async () => {
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
  };

  beforeAll(async () => {
    const env = await signedInApp();
    app = env.app;
    remove = env.remove;
    fixture = await buildFindings(app);
    const descriptions = [
      '违规发放加班补贴12.6万元',
      '“三会一课”制度落实不到位',
      '村集体土地发包程序不规范，审计发现问题',
      '市巡办〔2020〕8号文件整改要求未落实',
      '2020年度专项资金审计整改滞后',
      '落实主体责任不到位，党组会议记录不全',
    ];
    for (const [n, description] of descriptions.entries()) {
      const evidence = n % 2 ? '财务凭证第35号' : '';
      const inspectionId = n % 2 ? fixture.auditInspection.id : fixture.townInspection.id;
      const problem = await app.call('problems.create', { inspectionId, focus: 'corruption', description, evidence, source: 'documents' });
      problems.push({ id: problem.id, text: `${description}\n${evidence}` });
    }
    archive.open = (await app.call('archives.create', itemInput({ title: '审计局巡察反馈意见', classification: 'internal' }))).id;
    archive.secret = (await app.call('archives.create', itemInput({ title: '审计局巡察报告（秘密）', classification: 'secret' }))).id;
    await signInAs(app, 'clueOfficer');
    archive.clueMaterial = (await app.call('archives.create', itemInput({ title: '审计局问题线索台账', classification: 'internal', clueMaterial: true }))).id;
    // A clue whose words stand nowhere else: quick search must never find it.
    await app.call('clues.create', { roundId: fixture.round.id, summary: '反映某局长收受礼金问题', source: '信访举报', receivedOn: '2020-04-22' });
    await signInAdmin();
  }, 120_000);
  afterAll(() => remove());

  it('finds units, people, rounds, problems and archive items, grouped in that order', async () => {
    const result = await app.call('search.quick', { query: '审计', limit: 5 });
    expect(result.groups.map((g) => g.kind)).toEqual(['unit', 'problem', 'archiveItem']);
    expect(result.groups[0]!.hits[0]).toMatchObject({ kind: 'unit', id: fixture.units.audit.id, title: '市审计局', subtitle: '市直部门' });
    const problem = result.groups[1]!.hits[0]!;
    expect(problem.subtitle).toContain('十二届市委第八轮巡察');
    expect(problem.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['审计']);
    // The title shows the hit: no snippet. A word only in the evidence: a snippet around it.
    expect(problem.snippet).toEqual([]);
    const evidence = (await app.call('search.quick', { query: '凭证', limit: 5 })).groups[0]!.hits[0]!;
    expect(evidence.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['凭证']);

    const person = await app.call('search.quick', { query: '张', limit: 5 });
    expect(person.groups.find((g) => g.kind === 'person')!.hits).toEqual([
      { kind: 'person', id: fixture.people.auditor.id, title: '张伟', titleParts: [{ text: '张', hit: true }, { text: '伟', hit: false }], subtitle: '市审计局 · 审计局副局长', snippet: [] },
    ]);
    const round = await app.call('search.quick', { query: '第八轮', limit: 5 });
    expect(round.groups).toEqual([
      {
        kind: 'round',
        hits: [
          {
            kind: 'round',
            id: fixture.round.id,
            title: '十二届市委第八轮巡察',
            titleParts: [
              { text: '十二届市委', hit: false },
              { text: '第八轮', hit: true },
              { text: '巡察', hit: false },
            ],
            subtitle: '2020年',
            snippet: [],
          },
        ],
        more: false,
      },
    ]);
    expect(ids(await app.call('search.quick', { query: '金河 赛罕', limit: 5 }), 'unit')).toEqual([]);
    expect(ids(await app.call('search.quick', { query: '金河', limit: 1 }), 'unit')).toHaveLength(1);
    expect((await app.call('search.quick', { query: '金河', limit: 1 })).groups[0]!.more).toBe(true);
    expect((await app.fail('search.quick', { query: '   ', limit: 5 })).message).toContain('请输入要查找的内容');
  });

  it('applies each list rule: clue material for clue readers only, classified items for leaders, clues never', async () => {
    const archiveHits = async () => ids(await app.call('search.quick', { query: '审计局', limit: 10 }), 'archiveItem').sort((a, b) => a - b);
    const clueWords = async () => (await app.call('search.quick', { query: '礼金', limit: 10 })).groups;

    await signInAs(app, 'staff');
    expect(await archiveHits()).toEqual([archive.open]);
    expect(await clueWords()).toEqual([]);
    expect(ids(await app.call('search.quick', { query: '线', limit: 10 }), 'archiveItem')).toEqual([]);

    await signInAs(app, 'auditor');
    expect(await archiveHits()).toEqual([archive.open, archive.secret]);
    expect(await clueWords()).toEqual([]);

    await signInAs(app, 'clueOfficer');
    expect(await archiveHits()).toEqual([archive.open, archive.secret, archive.clueMaterial]);
    expect(await clueWords()).toEqual([]);

    await signInAdmin();
    expect(await archiveHits()).toEqual([archive.open, archive.secret]);
    // The leader's and the clue officer's lists showed confidential titles: audited by 档号, never with the query.
    const audited = await app.call('audit.list', { action: 'search.quick' });
    const text = JSON.stringify(audited.items);
    expect(audited.items.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('0123-WS·2020-D30-XCB-0002');
    expect(text).not.toContain('审计局');
  });

  it('lists exactly the newest problems a brute-force scan finds, for 1-, 2-, 3- and 5-character terms', async () => {
    const texts = problems.map((p) => p.text);
    const queries = new Set(['年', '〔', '2', '.', '审计', '整改', '12.6', '〔2020〕8号', '2020年', '不到位', '三会一课', '落实主体责', '规，审']);
    for (const length of [1, 2, 3, 5]) {
      for (const text of texts) for (let at = 0; at + length <= text.length; at += 3) queries.add(text.slice(at, at + length).trim());
    }
    queries.delete('');
    let found = 0;
    for (const query of queries) {
      const expected = problems
        .filter((p) => query.split(/\s+/).every((term) => normalise(p.text).includes(normalise(term))))
        .map((p) => p.id)
        .sort((a, b) => b - a)
        .slice(0, 3);
      const result = await app.call('search.quick', { query, limit: 3 });
      expect({ query, ids: ids(result, 'problem') }).toEqual({ query, ids: expected });
      if (expected.length) found += 1;
    }
    expect(found).toBeGreaterThan(40);
  });
});
