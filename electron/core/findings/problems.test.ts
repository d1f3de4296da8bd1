import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

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
