import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { fenToWanYuan } from '../../../shared/channels/results-ledger';
import { pdfText } from '../archives/text-extract';
import { signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const built = await buildFindings(env.app);
  return { ...env, ...built };
}

async function sheets(base64: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const result: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      rows.push((row.values as unknown[]).slice(1));
    });
    result[sheet.name] = rows;
  }
  return result;
}

describe('the results ledger (成果运用台账)', () => {
  it('formats 分 as 万元 with two decimals, rounding half up', () => {
    expect(fenToWanYuan(0)).toBe('0.00');
    expect(fenToWanYuan(3_600_000)).toBe('3.60');
    expect(fenToWanYuan(123_456_789)).toBe('123.46');
    expect(fenToWanYuan(4_999)).toBe('0.00');
    expect(fenToWanYuan(5_000)).toBe('0.01');
    expect(fenToWanYuan(1_000_000_000_000)).toBe('1000000.00');
  });

  it('enters, sums by kind and by inspection, edits and deletes entries; every change audited', async () => {
    const { app, round, auditInspection, townInspection } = await setUp();
    const problem = await app.call('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: '违规发放津贴补贴3.6万元', source: 'documents' });
    const add = (input: Omit<Parameters<typeof app.call<'resultsLedger.create'>>[1], 'roundId'>) => app.call('resultsLedger.create', { roundId: round.id, ...input });
    const first = await add({ inspectionId: auditInspection.id, kind: 'partyDiscipline', subject: '张某某（市审计局副局长）', quantity: 1, decidedOn: '2020-09-10', problemId: problem.id });
    await add({ inspectionId: auditInspection.id, kind: 'fundsRecovered', subject: '违规发放的津贴补贴', quantity: 3_600_000 });
    await add({ inspectionId: townInspection.id, kind: 'fundsRecovered', subject: '挪用的集体资金', quantity: 12_345_678 });
    await add({ inspectionId: townInspection.id, kind: 'organisationalHandling', subject: '诫勉谈话', quantity: 3 });
    await add({ kind: 'rulesMade', subject: '《<b>村级财务管理办法</b>》', quantity: 1, note: '=1+1' });
    expect(first).toMatchObject({ unitName: '市审计局', kind: 'partyDiscipline', problemDescription: '违规发放津贴补贴3.6万元', linkedClue: false, updatedBy: '王建国' });

    const summary = await app.call('resultsLedger.summary', { roundId: round.id });
    expect(summary.entries).toBe(5);
    expect(summary.totals).toMatchObject({ partyDiscipline: 1, fundsRecovered: 15_945_678, organisationalHandling: 3, rulesMade: 1, accountability: 0 });
    expect(summary.byInspection.map((r) => [r.unitName, r.entries, r.totals.fundsRecovered])).toEqual([
      ['市审计局', 2, 3_600_000],
      ['金河镇', 2, 12_345_678],
      [null, 1, 0],
    ]);

    const edited = await app.call('resultsLedger.update', { id: first.id, inspectionId: auditInspection.id, kind: 'governmentSanction', subject: '张某某', quantity: 2, problemId: problem.id });
    expect(edited).toMatchObject({ kind: 'governmentSanction', quantity: 2 });
    await app.call('resultsLedger.delete', { id: first.id });
    expect((await app.call('resultsLedger.list', { roundId: round.id, page: 1, pageSize: 50 })).total).toBe(4);
    expect((await app.call('resultsLedger.list', { roundId: round.id, kind: 'fundsRecovered', page: 1, pageSize: 50 })).items.map((e) => e.unitName)).toEqual(['市审计局', '金河镇']);

    // An inspection with results is not deleted from under them; a deleted problem leaves its result, unlinked.
    expect((await app.fail('inspections.delete', { id: townInspection.id })).code).toBe('IN_USE');
    const linked = await add({ inspectionId: auditInspection.id, kind: 'accountability', subject: '分管副局长', quantity: 1, problemId: problem.id });
    await app.call('problems.delete', { id: problem.id });
    expect((await app.call('resultsLedger.list', { roundId: round.id, kind: 'accountability', page: 1, pageSize: 50 })).items[0]).toMatchObject({ id: linked.id, problemId: null });
    await app.call('resultsLedger.delete', { id: linked.id });

    const actions = (await app.call('audit.list', { page: 1, pageSize: 30 })).items.map((e) => e.action).filter((a) => a.startsWith('resultsLedger'));
    expect(actions.sort()).toEqual([...Array(6).fill('resultsLedger.create'), 'resultsLedger.delete', 'resultsLedger.delete', 'resultsLedger.update']);
  });

  it('refuses bad figures and links to another round or unit, and loses nothing', async () => {
    const { app, round, term, auditInspection, townInspection } = await setUp();
    const other = await app.call('rounds.create', { termId: term.id, number: 9, year: 2020 });
    const base = { roundId: round.id, inspectionId: auditInspection.id, subject: '某某' };
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'fundsRecovered', quantity: -1 })).code).toBe('INVALID_INPUT');
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'fundsRecovered', quantity: 1e12 + 1 })).code).toBe('INVALID_INPUT');
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'fundsRecovered', quantity: 1.5 })).code).toBe('INVALID_INPUT');
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'partyDiscipline', quantity: 0 })).code).toBe('INVALID_INPUT');
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'partyDiscipline', quantity: 1, subject: '字'.repeat(201) })).code).toBe('INVALID_INPUT');
    expect((await app.fail('resultsLedger.create', { ...base, roundId: other.id, kind: 'partyDiscipline', quantity: 1 })).code).toBe('INVALID_REFERENCE');
    const problem = await app.call('problems.create', { inspectionId: townInspection.id, focus: 'grassroots', description: '三会一课不落实', source: 'interview' });
    expect((await app.fail('resultsLedger.create', { ...base, kind: 'partyDiscipline', quantity: 1, problemId: problem.id })).code).toBe('INVALID_REFERENCE');
    // The money limit itself is accepted.
    await app.call('resultsLedger.create', { ...base, kind: 'lossRecovered', quantity: 1e12 });
    expect((await app.call('resultsLedger.summary', { roundId: round.id })).entries).toBe(1);
  });

  it('shows clue hand-over and disposal as counts to every reader; links a clue only for the clue officer', async () => {
    const { app, round, auditInspection } = await setUp();
    await signInAs(app, 'clueOfficer');
    const clue = await app.call('clues.create', { roundId: round.id, inspectionId: auditInspection.id, summary: '反映张某某收受礼金问题', source: '信访举报', receivedOn: '2020-04-20' });
    await app.call('clues.create', { roundId: round.id, summary: '反映某村会计挪用资金问题', source: '巡察谈话', receivedOn: '2020-04-22' });
    const lists = await app.call('handover.lists', {});
    await app.call('clues.handOver', { clueIds: [clue.id], receiverId: lists.receivers[0]!.id, handedOn: '2020-07-10' });
    await app.call('clues.recordDisposal', { clueId: clue.id, disposalTypeId: lists.disposalTypes[1]!.id, decidedOn: '2020-08-01' });

    await signInAs(app, 'staff');
    const summary = await app.call('resultsLedger.summary', { roundId: round.id });
    expect(summary.clues).toEqual({ registered: 2, handedOver: 1, disposed: 1, byDisposal: [{ name: lists.disposalTypes[1]!.name, count: 1 }] });
    expect(summary.byInspection.find((r) => r.inspectionId === auditInspection.id)!.cluesHandedOver).toBe(1);
    // Staff may not link a clue (they cannot know one).
    expect((await app.fail('resultsLedger.create', { roundId: round.id, kind: 'caseFiled', subject: '张某某', quantity: 1, clueId: clue.id })).code).toBe('PERMISSION_DENIED');
    const entry = await app.call('resultsLedger.create', { roundId: round.id, kind: 'caseFiled', subject: '张某某', quantity: 1 });

    // The administrator (who may write, and here may read clues) links it; staff see only that there is one, and keep it when editing.
    await app.call('session.signOut', {});
    await app.signInAdmin();
    await app.call('settings.update', { adminsMayReadClues: true });
    const linked = await app.call('resultsLedger.update', { id: entry.id, kind: 'caseFiled', subject: '张某某', quantity: 1, clueId: clue.id });
    expect(linked).toMatchObject({ linkedClue: true, clueCode: clue.code, clueId: clue.id });
    await signInAs(app, 'staff');
    const seen = (await app.call('resultsLedger.list', { roundId: round.id, page: 1, pageSize: 50 })).items[0]!;
    expect(seen).toMatchObject({ linkedClue: true, clueCode: null, clueId: null });
    const kept = await app.call('resultsLedger.update', { id: entry.id, kind: 'caseFiled', subject: '张某某（已立案）', quantity: 1 });
    expect(kept).toMatchObject({ linkedClue: true, subject: '张某某（已立案）' });
    // Auditors read but do not write.
    await signInAs(app, 'auditor');
    expect((await app.fail('resultsLedger.delete', { id: entry.id })).code).toBe('PERMISSION_DENIED');
  });

  it('exports the report as .xlsx (summary with totals, every entry as text, clue counts) and as a PDF table; both audited', async () => {
    const { app, round, auditInspection, townInspection } = await setUp();
    await app.call('resultsLedger.create', { roundId: round.id, inspectionId: auditInspection.id, kind: 'fundsRecovered', subject: '违规津贴', quantity: 3_600_000 });
    await app.call('resultsLedger.create', { roundId: round.id, inspectionId: townInspection.id, kind: 'fundsRecovered', subject: '集体资金', quantity: 12_345_678 });
    await app.call('resultsLedger.create', { roundId: round.id, inspectionId: townInspection.id, kind: 'rulesMade', subject: '=HYPERLINK("x")《村级财务管理办法》', quantity: 1 });

    const xlsx = await app.call('resultsLedger.exportXlsx', { roundId: round.id });
    expect(xlsx.fileName).toBe('十二届市委第八轮巡察成果运用台账.xlsx');
    const book = await sheets(xlsx.base64);
    const summaryRows = book['汇总']!;
    expect(summaryRows[0]).toContain('追缴资金（万元）');
    const fundsColumn = summaryRows[0]!.indexOf('追缴资金（万元）');
    const total = summaryRows.find((r) => r[0] === '合计')!;
    expect(total[fundsColumn]).toBe(15.95);
    expect(summaryRows.find((r) => r[1] === '市审计局')![fundsColumn]).toBe(3.6);
    const detail = book['明细']!;
    expect(detail).toHaveLength(4);
    expect(detail.some((r) => r[4] === '=HYPERLINK("x")《村级财务管理办法》')).toBe(true);
    expect(book['线索处置']![1]).toEqual(['登记', 0]);

    const pdf = await app.call('resultsLedger.exportPdf', { roundId: round.id });
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, '');
    expect(text).toContain('成果运用台账');
    expect(text).toContain('合计');
    expect(text).toContain('15.95');
    expect(text).toContain('金河镇');

    const exports = await app.call('audit.list', { page: 1, pageSize: 10, action: 'resultsLedger.export' });
    expect(exports.items.map((e) => e.detail)).toEqual([expect.objectContaining({ format: 'pdf', entries: 3 }), expect.objectContaining({ format: 'xlsx', entries: 3 })]);
  }, 60_000);
});
