import { rmSync } from 'node:fs';
import type { ChannelInput } from '../../../shared/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, signedInApp, TestApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import { Vault } from '../vault/vault';
import { MAX_GROUP_TOKENS } from './problems-page';
import { ProblemsStore } from './problems-store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return { ...env, ...(await buildFindings(env.app)) };
}

describe('checklists and problems', () => {
  it('a staff member answers a checklist and turns a 否 into a problem linked to the item', async () => {
    const { app, auditInspection } = await setUp();
    await signInAs(app, 'staff');
    const templates = await app.call('checklists.templates', {});
    expect(templates.map((t) => t.name)).toEqual(['常规巡察“是否”清单', '煤炭矿产资源领域专项巡察“是否”清单', '优化营商环境专项巡察内容清单']);
    expect(templates[0]!.items.every((i) => i.isSample)).toBe(true);
    const sheet = await app.call('checklists.attach', { inspectionId: auditInspection.id, templateId: templates[0]!.id });
    const item = sheet.templates[0]!.items[1]!;
    await app.call('checklists.answer', { inspectionId: auditInspection.id, itemId: item.id, answer: 'no', note: '2019年违规发放加班补贴' });
    const problem = await app.call('problems.create', {
      inspectionId: auditInspection.id,
      focus: 'corruption',
      description: '违规发放加班补贴12.6万元',
      evidence: '财务凭证第35号',
      source: 'documents',
      checklistItemIds: [item.id],
    });
    expect(problem).toMatchObject({ unitName: '市审计局', roundLabel: '十二届市委第八轮巡察', groupNumber: 1, checklistItemIds: [item.id] });
    const after = await app.call('checklists.forInspection', { inspectionId: auditInspection.id });
    expect(after.templates[0]!.items[1]).toMatchObject({ answer: 'no', note: '2019年违规发放加班补贴', problemIds: [problem.id], answeredBy: 'staff用户' });
  });

  it('editing a template makes a new version; earlier answers keep their wording', async () => {
    const { app, auditInspection, townInspection } = await setUp();
    const [routine] = await app.call('checklists.templates', {});
    await app.call('checklists.attach', { inspectionId: auditInspection.id, templateId: routine!.id });
    await app.call('checklists.saveTemplate', {
      id: routine!.id,
      name: routine!.name,
      mode: 'routine',
      items: [{ section: '聚焦群众身边腐败问题和不正之风', focus: 'corruption', text: '是否存在优亲厚友问题' }],
    });
    await app.call('checklists.attach', { inspectionId: townInspection.id, templateId: routine!.id });
    const old = await app.call('checklists.forInspection', { inspectionId: auditInspection.id });
    const fresh = await app.call('checklists.forInspection', { inspectionId: townInspection.id });
    expect(old.templates[0]).toMatchObject({ version: 1 });
    expect(old.templates[0]!.items).toHaveLength(7);
    expect(fresh.templates[0]).toMatchObject({ version: 2 });
    expect(fresh.templates[0]!.items.map((i) => i.text)).toEqual(['是否存在优亲厚友问题']);
  });

  it('lists with filters and exact text search, and edits in bulk', async () => {
    const { app, auditInspection, townInspection } = await setUp();
    const make = (inspectionId: number, description: string, focus: 'corruption' | 'grassroots', source: 'interview' | 'petition') =>
      app.call('problems.create', { inspectionId, focus, description, source });
    await make(auditInspection.id, '“三会一课”制度落实不到位', 'grassroots', 'interview');
    await make(auditInspection.id, '违规报销差旅费', 'corruption', 'petition');
    await make(townInspection.id, '村集体土地发包程序不规范', 'corruption', 'petition');
    await make(townInspection.id, '村“两委”换届后组织生活不规范', 'grassroots', 'interview');

    const page = (filter: object) => app.call('problems.list', { page: 1, pageSize: 10, ...filter });
    expect((await page({})).total).toBe(4);
    expect((await page({ focus: 'corruption' })).total).toBe(2);
    expect((await page({ unitId: townInspection.unitId, source: 'interview' })).items.map((p) => p.description)).toEqual(['村“两委”换届后组织生活不规范']);
    expect((await page({ text: '不规范' })).total).toBe(2);
    expect((await page({ text: '程序不规' })).items.map((p) => p.description)).toEqual(['村集体土地发包程序不规范']);
    expect((await page({ text: '村' })).total).toBe(2);
    expect((await page({ text: '组织 规范' })).total).toBe(1);
    expect((await page({ text: '三会一课' })).total).toBe(1);

    const all = await page({});
    const result = await app.call('problems.bulkUpdate', { ids: all.items.map((p) => p.id), changes: { isCommon: true } });
    expect(result.updated).toBe(4);
    expect((await page({ isCommon: true })).total).toBe(4);
    const categories = await app.call('problems.categories', {});
    const grassroots = categories.find((c) => c.focus === 'grassroots')!;
    const corruption = categories.find((c) => c.focus === 'corruption')!;
    const ids = all.items.map((p) => p.id);
    expect((await app.fail('problems.bulkUpdate', { ids, changes: { categoryId: grassroots.id } })).code).toBe('INVALID_REFERENCE');
    await app.call('problems.bulkUpdate', { ids: ids.slice(0, 1), changes: { focus: 'corruption', categoryId: corruption.id } });
    // Moving it to another focus clears the category that no longer fits.
    await app.call('problems.bulkUpdate', { ids: ids.slice(0, 1), changes: { focus: 'grassroots' } });
    expect(await app.call('problems.get', { id: ids[0]! })).toMatchObject({ focus: 'grassroots', categoryId: null, isCommon: true });
    // Text search keeps working after an edit re-indexes the problem.
    await app.call('problems.update', { ...all.items[0]!, description: '党支部书记履职不到位', evidence: '', categoryId: null, checklistItemIds: [] });
    expect((await page({ text: '书记履职' })).total).toBe(1);
    expect((await page({ text: '两委' })).total).toBe(0);
  });

  it('the read-only role sees problems but cannot add one', async () => {
    const { app, auditInspection } = await setUp();
    await app.call('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: '公车私用', source: 'petition' });
    await signInAs(app, 'auditor');
    expect((await app.call('problems.list', { page: 1, pageSize: 10 })).total).toBe(1);
    expect((await app.fail('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: 'x', source: 'petition' })).code).toBe('PERMISSION_DENIED');
  });
});

/** mulberry32: the same generated problems on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TestEnv = Awaited<ReturnType<typeof setUp>>;
/** An inspection with what places it: the filters a problem inherits from it. */
interface Placed {
  id: number;
  roundId: number;
  unitId: number;
  groupId: number | null;
}
const focusList = ['corruption', 'grassroots', 'rectification'] as const;
const sourceList = ['interview', 'documents', 'petition'] as const;
/** A problem as the test wrote it. */
interface Known {
  id: number;
  inspectionId: number;
  focus: (typeof focusList)[number];
  source: (typeof sourceList)[number];
  isCommon: boolean;
  description: string;
  evidence: string;
  checklistItemIds: number[];
}

/** Fragments that overlap in many ways: shared bigrams, punctuation, Latin in both cases, one-character terms. */
const fragments = ['违规发放津贴补贴', '补贴，共3笔', '“三会一课”制度落实不到位', '村“两委”班子软弱', '集体土地发包程序不规范', '整改不到位', '2019年', '2020年', 'AB公司', 'ab项目', '违规', '发放', '村', '〔2020〕8号'];
const evidences = ['', '凭证第3号', '谈话记录', '信访件XF2019年'];

/** `count` problems made through the channel, each in a random inspection, with random fields. */
async function generateProblems(app: TestEnv['app'], inspections: Placed[], count: number, seed: number, itemsOf = new Map<number, number[]>()): Promise<Known[]> {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const known: Known[] = [];
  for (let n = 0; n < count; n += 1) {
    const inspection = pick(inspections);
    const fields = {
      inspectionId: inspection.id,
      focus: pick(focusList),
      source: pick(sourceList),
      isCommon: random() < 0.3,
      description: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(fragments)).join(''),
      evidence: pick(evidences),
      checklistItemIds: (itemsOf.get(inspection.id) ?? []).filter(() => random() < 0.15),
    };
    const created = await app.call('problems.create', fields);
    known.push({ id: created.id, ...fields, checklistItemIds: [...fields.checklistItemIds].sort((a, b) => a - b) });
  }
  return known;
}

/**
 * Lists every combination of text and filter, pages 1 and 2 of 10, and compares each with the
 * problems picked out by hand: a term matches where it is a substring of description, newline,
 * evidence (Latin letters in either case). Returns how many combinations matched anything.
 */
async function expectListsLikeBruteForce(app: TestEnv['app'], problems: Known[], inspections: Placed[], texts: (string | undefined)[], filters: Record<string, unknown>[]) {
  const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const matches = (problem: Known, filter: Record<string, unknown>) => {
    const inspection = inspections.find((i) => i.id === problem.inspectionId)!;
    const scope = { roundId: inspection.roundId, unitId: inspection.unitId, groupId: inspection.groupId, inspectionId: inspection.id, focus: problem.focus, source: problem.source, isCommon: problem.isCommon };
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'text') {
        const body = lowerAscii(`${problem.description}\n${problem.evidence}`);
        if (!(value as string).split(/\s+/).every((term) => body.includes(lowerAscii(term)))) return false;
      } else if (scope[key as keyof typeof scope] !== value) return false;
    }
    return true;
  };
  let nonEmpty = 0;
  for (const text of texts) {
    for (const base of filters) {
      const filter = text === undefined ? base : { ...base, text };
      const expected = problems.filter((p) => matches(p, filter)).sort((a, b) => b.id - a.id);
      if (expected.length > 0) nonEmpty += 1;
      for (const page of [1, 2]) {
        const listed = await app.call('problems.list', { ...filter, page, pageSize: 10 } as ChannelInput<'problems.list'>);
        const label = `${JSON.stringify(filter)} page ${page}`;
        expect({ total: listed.total, lowerBound: listed.totalIsLowerBound }, label).toEqual({ total: expected.length, lowerBound: false });
        const want = expected.slice((page - 1) * 10, page * 10);
        expect(listed.items.map((p) => p.id), label).toEqual(want.map((p) => p.id));
        expect(listed.items.map((p) => p.checklistItemIds), label).toEqual(want.map((p) => p.checklistItemIds));
        expect(listed.items.map((p) => p.inspectionId), label).toEqual(want.map((p) => p.inspectionId));
      }
    }
  }
  return nonEmpty;
}

describe('the problem list against a brute-force reading of the same problems', () => {
  it('gives the same pages and counts for text and filters, alone and together, after edits', { timeout: 120_000 }, async () => {
    const registry = await setUp();
    const { app, round, group, auditInspection, townInspection } = registry;
    // A second round and a second group in the first, so that round, unit and group all narrow.
    const round9 = await app.call('rounds.create', { termId: registry.term.id, number: 9, year: 2021 });
    const group2 = await app.call('groups.create', { roundId: round.id });
    const group9 = await app.call('groups.create', { roundId: round9.id });
    const idleGroup = await app.call('groups.create', { roundId: round9.id });
    const financeInspection = await app.call('inspections.create', { roundId: round.id, unitId: registry.units.finance.id, groupId: group2.id, mode: 'routine' });
    const villageInspection = await app.call('inspections.create', { roundId: round9.id, unitId: registry.units.village.id, groupId: group9.id, mode: 'routine' });
    const auditAgain = await app.call('inspections.create', { roundId: round9.id, unitId: registry.units.audit.id, groupId: group9.id, mode: 'routine' });
    const inspections: Placed[] = [
      { id: auditInspection.id, roundId: round.id, unitId: registry.units.audit.id, groupId: group.id },
      { id: townInspection.id, roundId: round.id, unitId: registry.units.township.id, groupId: group.id },
      { id: financeInspection.id, roundId: round.id, unitId: registry.units.finance.id, groupId: group2.id },
      { id: villageInspection.id, roundId: round9.id, unitId: registry.units.village.id, groupId: group9.id },
      { id: auditAgain.id, roundId: round9.id, unitId: registry.units.audit.id, groupId: group9.id },
    ];
    const [routine] = await app.call('checklists.templates', {});
    const itemsOf = new Map<number, number[]>();
    for (const inspection of inspections) {
      const sheet = await app.call('checklists.attach', { inspectionId: inspection.id, templateId: routine!.id });
      itemsOf.set(inspection.id, sheet.templates[0]!.items.map((item) => item.id));
    }
    const known = await generateProblems(app, inspections, 240, 4, itemsOf);

    // Moving problems to another round re-indexes them; deleted ones must vanish from every list.
    for (const problem of known.filter((_, i) => i % 17 === 0)) {
      const target = inspections.find((i) => i.roundId !== inspections.find((j) => j.id === problem.inspectionId)!.roundId)!;
      problem.inspectionId = target.id;
      problem.checklistItemIds = [];
      await app.call('problems.update', { ...problem, categoryId: null });
    }
    for (const problem of known.filter((_, i) => i % 23 === 5)) await app.call('problems.delete', { id: problem.id });
    const bulk = known.filter((_, i) => i % 13 === 2 && i % 23 !== 5);
    await app.call('problems.bulkUpdate', { ids: bulk.map((p) => p.id), changes: { isCommon: true, source: 'petition' } });
    for (const problem of bulk) Object.assign(problem, { isCommon: true, source: 'petition' });
    const refocused = known.filter((_, i) => i % 19 === 3 && i % 23 !== 5);
    await app.call('problems.bulkUpdate', { ids: refocused.map((p) => p.id), changes: { focus: 'rectification', isCommon: false } });
    for (const problem of refocused) Object.assign(problem, { focus: 'rectification', isCommon: false });
    // The finance inspection moves to the first group: its problems follow it, unindexed.
    await app.call('inspections.update', { id: financeInspection.id, groupId: group.id, mode: 'routine' });
    inspections[2]!.groupId = group.id;
    const alive = known.filter((_, i) => i % 23 !== 5);

    const texts = [undefined, '补贴', '三会一课', '村', '违规 发放', '补贴，', '“两委”', 'ab', 'AB公司', '2019年', '0年', '〔2020〕', '整改 村', '不存在的词'];
    const filters: Record<string, unknown>[] = [
      {},
      { roundId: round.id },
      { roundId: round9.id },
      { unitId: registry.units.audit.id },
      { groupId: group.id },
      { inspectionId: townInspection.id },
      { focus: 'grassroots' },
      { source: 'petition' },
      { isCommon: true },
      { focus: 'corruption', roundId: round9.id },
      { source: 'interview', unitId: registry.units.audit.id, isCommon: false },
      { groupId: group9.id, focus: 'rectification', source: 'documents' },
      { unitId: registry.units.audit.id, groupId: group9.id },
      { focus: 'grassroots', source: 'petition', isCommon: true },
      // Scopes that hold nothing: a unit never inspected, a group left without inspections, an
      // inspection asked for with a round it is not in.
      { unitId: registry.units.policeC.id },
      { groupId: group2.id },
      { groupId: idleGroup.id },
      { inspectionId: villageInspection.id, roundId: round.id },
    ];
    const nonEmpty = await expectListsLikeBruteForce(app, alive, inspections, texts, filters);
    // The generated problems must make most combinations non-empty, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(texts.length * filters.length * 0.55);
  });

  it(`narrows by a group of more than ${MAX_GROUP_TOKENS} inspections as well`, { timeout: 120_000 }, async () => {
    const registry = await setUp();
    const { app, round, auditInspection } = registry;
    const big = await app.call('groups.create', { roundId: round.id });
    const inspections: Placed[] = [{ id: auditInspection.id, roundId: round.id, unitId: registry.units.audit.id, groupId: registry.group.id }];
    for (let n = 0; n <= MAX_GROUP_TOKENS; n += 1) {
      const unit = await app.call('units.create', { name: `第${n + 1}测试单位`, kindId: registry.kind('市直部门'), regionId: null, partyOrgType: '党组' });
      const inspection = await app.call('inspections.create', { roundId: round.id, unitId: unit.id, groupId: big.id, mode: 'routine' });
      inspections.push({ id: inspection.id, roundId: round.id, unitId: unit.id, groupId: big.id });
    }
    const known = await generateProblems(app, inspections, 160, 9);
    const texts = [undefined, '补贴', '三会一课', '村', '补贴，'];
    const filters = [{ groupId: big.id }, { groupId: big.id, focus: 'grassroots' }, { groupId: big.id, roundId: round.id, isCommon: true }, { groupId: big.id, unitId: inspections[3]!.unitId }];
    const nonEmpty = await expectListsLikeBruteForce(app, known, inspections, texts, filters);
    expect(nonEmpty).toBeGreaterThan(texts.length * filters.length * 0.55);
  });

  it('counts up to 10,000 and reports more as a lower bound, with and without text', { timeout: 120_000 }, async () => {
    const env = await signedInApp();
    let app: TestApp | null = null;
    cleanups.push(() => {
      app?.close();
      rmSync(env.dir, { recursive: true, force: true });
    });
    const { round, auditInspection, townInspection } = await buildFindings(env.app);
    env.app.close();
    // 10,002 problems written by the store itself in one transaction (through the channel they
    // would take minutes): 10,000 corruption problems about 补贴, one grassroots problem about
    // 补贴 and one without it.
    const vault = (await Vault.openWithPassword(env.dir, ADMIN.username, ADMIN.password))!;
    try {
      const store = new ProblemsStore(vault.db);
      const fields = { focus: 'corruption', categoryId: null, evidence: '凭证', source: 'documents', isCommon: false } as const;
      vault.db.transaction(() => {
        for (let n = 0; n < 10_000; n += 1) store.insert({ ...fields, inspectionId: auditInspection.id, description: `违规发放补贴第${n}笔` }, 1, '2026-11-26T09:00:00Z');
        store.insert({ ...fields, inspectionId: townInspection.id, focus: 'grassroots', description: '以补贴名义发放组织生活经费' }, 1, '2026-11-26T09:00:00Z');
        store.insert({ ...fields, inspectionId: townInspection.id, focus: 'grassroots', description: '党员发展程序不规范' }, 1, '2026-11-26T09:00:00Z');
      })();
    } finally {
      vault.close();
    }
    app = new TestApp(env.dir);
    await app.signInAdmin();
    const count = async (filter: object) => {
      const listed = await app!.call('problems.list', { page: 1, pageSize: 10, ...filter });
      return `${listed.total}${listed.totalIsLowerBound ? '+' : ''}`;
    };
    expect(await count({})).toBe('10000+');
    expect(await count({ text: '补贴' })).toBe('10000+');
    expect(await count({ roundId: round.id })).toBe('10000+');
    expect(await count({ focus: 'corruption' })).toBe('10000');
    expect(await count({ text: '补贴', focus: 'corruption' })).toBe('10000');
    expect(await count({ text: '补贴', roundId: round.id, focus: 'corruption' })).toBe('10000');
    expect(await count({ inspectionId: auditInspection.id })).toBe('10000');
    expect(await count({ text: '补贴', unitId: townInspection.unitId })).toBe('1');
    expect(await count({ focus: 'grassroots' })).toBe('2');
    // Paging goes on past the ceiling: the oldest problems are still reachable.
    const last = await app.call('problems.list', { page: 1000, pageSize: 10, focus: 'corruption' });
    expect(last.items.map((p) => p.description)).toEqual(Array.from({ length: 10 }, (_, i) => `违规发放补贴第${9 - i}笔`));
    const beyond = await app.call('problems.list', { page: 1001, pageSize: 10, text: '补贴', focus: 'corruption' });
    expect(beyond).toMatchObject({ items: [], total: 10_000, totalIsLowerBound: false });
  });
});
