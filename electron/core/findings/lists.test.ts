import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function sheetRows(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

describe('the four lists', () => {
  it('exports the problem, accountability and person-matter lists of a round; the clue list only for clue officers', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const { app } = env;
    const { round, auditInspection } = await buildFindings(app);
    const problem = await app.call('problems.create', {
      inspectionId: auditInspection.id,
      focus: 'corruption',
      description: '=HYPERLINK("http://x") 违规发放津贴补贴',
      source: 'documents',
    });
    const { receivers } = await app.call('handover.lists', {});
    await app.call('accountability.create', { roundId: round.id, problemId: problem.id, subjectKind: 'person', subjectName: '李某', matter: '违规发放津贴补贴负有领导责任', proposedHandling: '建议诫勉谈话', receiverId: receivers[0]!.id });
    await app.call('personMatters.create', { roundId: round.id, problemId: problem.id, personName: '王某', unit: '市审计局', position: '办公室主任', matter: '经办违规发放' });

    const problems = await sheetRows((await app.call('fourLists.export', { kind: 'problems', roundId: round.id })).base64);
    expect(problems[0]![0]).toBe('十二届市委第八轮巡察问题清单');
    expect(problems[1]).toEqual(['序号', '被巡察单位', '巡察组', '聚焦方向', '问题类别', '问题描述', '依据', '来源', '共性问题']);
    expect(problems[2]!.slice(0, 4)).toEqual(['1', '市审计局', '第1组', '群众身边腐败问题和不正之风']);
    // A description that looks like a formula is written as text.
    expect(problems[2]![5]).toBe('=HYPERLINK("http://x") 违规发放津贴补贴');
    const accountability = await sheetRows((await app.call('fourLists.export', { kind: 'accountability', roundId: round.id })).base64);
    expect(accountability[2]).toEqual(['1', '个人', '李某', '违规发放津贴补贴负有领导责任', '建议诫勉谈话', '市纪委监委']);
    const persons = await sheetRows((await app.call('fourLists.export', { kind: 'personMatters', roundId: round.id })).base64);
    expect(persons[2]).toEqual(['1', '王某', '市审计局', '办公室主任', '经办违规发放', '']);

    expect((await app.fail('fourLists.export', { kind: 'clues', roundId: round.id })).code).toBe('PERMISSION_DENIED');
    await signInAs(app, 'clueOfficer');
    await app.call('clues.create', { roundId: round.id, summary: '反映李某违规发放津贴', source: '巡察谈话', receivedOn: '2020-04-22', persons: [{ name: '李某', position: '局长' }] });
    const clues = await sheetRows((await app.call('fourLists.export', { kind: 'clues', roundId: round.id })).base64);
    expect(clues[2]).toEqual(['1', '八轮-线索-001', '', '李某（局长）', '反映李某违规发放津贴', '巡察谈话', '2020-04-22', '已登记']);
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const exports = await app.call('audit.list', { page: 1, pageSize: 10, action: 'fourLists.export' });
    expect(exports.total).toBe(4);
    expect(exports.items[0]!.detail).toMatchObject({ kind: 'clues', codes: ['八轮-线索-001'] });
  });
});
