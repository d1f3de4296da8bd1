/**
 * Through the real router on a real encrypted vault: each inspection's rectification ledger
 * (整改台账) offered for filing once its items exist, filed once as a landscape PDF table
 * whose text is searchable; and the unit an item concerns (set from the inspection when filing
 * its document or ledger, editable, and a filter of the catalogue list).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildFindings } from '../../testing/findings-fixture';
import { signedInApp } from '../../testing/harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return { ...env, ...(await buildFindings(env.app)) };
}

describe('rectification ledgers in the dossier', () => {
  it('offers a ledger per inspection with items, files it once as a PDF table with its unit', async () => {
    const { app, round, auditInspection, units } = await setUp();
    await app.call('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: '违规发放津贴补贴12.6万元。', source: 'interview' });
    expect((await app.call('archives.offered', { roundId: round.id })).filter((o) => o.inspectionId !== null)).toEqual([]);
    await app.call('rectification.createItems', { inspectionId: auditInspection.id, measures: '全额追缴违规发放的津贴补贴', responsiblePerson: '张伟', responsibleUnit: '市审计局办公室', deadline: '2020-09-30' });

    const ledgers = (await app.call('archives.offered', { roundId: round.id })).filter((o) => o.inspectionId !== null);
    expect(ledgers).toEqual([
      expect.objectContaining({ inspectionId: auditInspection.id, unitId: units.audit.id, kind: 'rectification', classification: 'secret', filedItemId: null, documentId: null, listKind: null }),
    ]);
    const offer = ledgers[0]!;
    expect(offer.title).toBe(`${offer.unitName}巡察整改台账`);
    const filed = await app.call('archives.fileRectificationLedger', { ...offer, inspectionId: auditInspection.id, note: '' });
    expect(filed).toMatchObject({ kind: 'rectification', roundId: round.id, unitId: units.audit.id, unitName: offer.unitName, itemNumber: 1, files: [{ mime: 'application/pdf', textStatus: 'text' }] });
    expect(filed.pages).toBeGreaterThan(0);
    expect((await app.fail('archives.fileRectificationLedger', { ...offer, inspectionId: auditInspection.id, note: '' })).message).toContain('已归档');
    expect((await app.call('archives.offered', { roundId: round.id })).find((o) => o.inspectionId === auditInspection.id)).toMatchObject({ filedItemId: filed.id, filedArchiveCode: filed.archiveCode });
    // The PDF's table text is what the item is found by.
    expect((await app.call('archives.search', { query: '追缴', roundId: round.id })).items.map((hit) => hit.item.id)).toEqual([filed.id]);
    // The dossier's checklist counts it under 整改.
    const dossier = await app.call('archives.dossier', { roundId: round.id });
    expect(dossier.checklist.find((stage) => stage.stage === 'rectification')!.kinds).toEqual([{ kind: 'rectification', filed: 1 }]);
  });

  it('refuses a ledger with no items', async () => {
    const { app, townInspection } = await setUp();
    const fields = { title: '整改台账', responsible: '市委巡察办', classification: 'secret' as const, note: '' };
    expect((await app.fail('archives.fileRectificationLedger', { ...fields, inspectionId: townInspection.id })).message).toContain('还没有整改事项');
  });
});

describe('the unit an archive item concerns', () => {
  it('is set from the inspection when a document is filed, editable, checked, and filters the list', async () => {
    const { app, round, auditInspection, units } = await setUp();
    const draft = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    await app.call('documents.finalise', { id: draft.id, version: 1 });
    const [offer] = await app.call('archives.offered', { roundId: round.id });
    expect(offer).toMatchObject({ documentId: draft.id, unitId: units.audit.id, inspectionId: null });
    const letter = await app.call('archives.fileDocument', { ...offer!, documentId: draft.id, note: '' });
    expect(letter.unitId).toBe(units.audit.id);

    const base = { year: 2020, retention: 'D30', orgCode: 'XCB', title: '谈话笔录', responsible: '第一巡察组', classification: 'internal', roundId: round.id, kind: 'interviewRecord' } as const;
    const plain = await app.call('archives.create', base);
    expect(plain).toMatchObject({ unitId: null, unitName: null });
    const townUnit = units.township.id;
    const moved = await app.call('archives.update', { id: plain.id, ...base, unitId: townUnit });
    expect(moved.unitId).toBe(townUnit);
    expect(moved.unitName).toBeTruthy();
    expect((await app.fail('archives.update', { id: plain.id, ...base, unitId: 999_999 })).message).toBe('所选单位不存在');

    const ofAudit = await app.call('archives.list', { unitId: units.audit.id, page: 1, pageSize: 20 });
    expect(ofAudit.items.map((item) => item.id)).toEqual([letter.id]);
    const ofTown = await app.call('archives.list', { unitId: townUnit, page: 1, pageSize: 20 });
    expect(ofTown).toMatchObject({ total: 1, items: [{ id: plain.id }] });
    expect((await app.call('archives.list', { roundId: round.id, page: 1, pageSize: 20 })).total).toBe(2);

    // Full-text search filters by the unit inside the index, and follows an edit of the unit;
    // a one-character query (answered by the index too) filters the same way.
    const found = async (query: string, unitId: number) => (await app.call('archives.search', { query, unitId })).items.map((hit) => hit.item.id);
    // (The letter of the audit bureau mentions 谈话 too: it is found under its own unit.)
    expect(await found('谈话', townUnit)).toEqual([plain.id]);
    expect(await found('谈话', units.audit.id)).toEqual([letter.id]);
    expect(await found('笔', townUnit)).toEqual([plain.id]);
    expect(await found('笔录', units.audit.id)).toEqual([]);
    await app.call('archives.update', { id: plain.id, ...base, unitId: units.audit.id });
    expect(await found('笔录', townUnit)).toEqual([]);
    expect(await found('笔录', units.audit.id)).toEqual([plain.id]);
  });
});
