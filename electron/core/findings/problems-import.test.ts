import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import { signedInApp } from '../testing/harness';
import { readBack } from '../units/xlsx/test-workbooks';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return { ...env, ...(await buildFindings(env.app)) };
}

/** Fills the template the core hands out, as a user would in Excel: rows below its header. */
async function filledTemplate(templateBase64: string, rows: readonly (readonly CellValue[])[]): Promise<string> {
  const workbook = await readBack(templateBase64);
  const sheet = workbook.getWorksheet('问题')!;
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = [...row]));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const CORRUPTION = '群众身边腐败问题和不正之风';
const GRASSROOTS = '基层党组织软弱涣散、组织力欠缺';

const GOOD_ROWS = [
  ['市审计局', CORRUPTION, '违反中央八项规定精神', '违规发放加班补贴12.6万元', '财务凭证第35号', '查阅资料', '否'],
  ['金河镇', GRASSROOTS, '组织生活制度落实', '三会一课<b>流于形式</b>', '', '个别谈话', '是'],
] as const;

describe('problem spreadsheets', () => {
  it('a filled template imports; the list and the text search find the rows; one audit entry', async () => {
    const { app, round, townInspection } = await setUp();
    const template = await app.call('problems.importTemplate', { roundId: round.id });
    expect(template.fileName).toMatch(/^问题导入模板_.*\.xlsx$/);
    const book = await readBack(template.base64);
    expect(book.worksheets.map((s) => s.name)).toEqual(['问题', '填写说明', '选项']);
    expect((book.getWorksheet('问题')!.getRow(1).values as CellValue[]).slice(1)).toEqual(['巡察对象', '聚焦', '问题类别', '问题描述', '证据', '问题来源', '是否共性问题']);
    const options = book.getWorksheet('选项')!;
    expect([options.getCell('A2').value, options.getCell('A3').value]).toEqual(['市审计局', '金河镇']);

    const base64 = await filledTemplate(template.base64, GOOD_ROWS);
    const checked = await app.call('problems.import', { fileName: '问题.xlsx', base64, mode: 'validate', roundId: round.id });
    expect(checked).toMatchObject({ sheetName: '问题', totalRows: 2, goodRows: 2, issueCount: 0, imported: 0 });
    expect((await app.call('problems.list', { roundId: round.id, page: 1, pageSize: 50 })).total).toBe(0);

    const done = await app.call('problems.import', { fileName: '问题.xlsx', base64, mode: 'all', roundId: round.id });
    expect(done.imported).toBe(2);
    const list = await app.call('problems.list', { roundId: round.id, page: 1, pageSize: 50 });
    expect(list.items.map((p) => [p.unitName, p.focus, p.categoryName, p.description, p.source, p.isCommon])).toEqual([
      ['金河镇', 'grassroots', '组织生活制度落实', '三会一课<b>流于形式</b>', 'interview', true],
      ['市审计局', 'corruption', '违反中央八项规定精神', '违规发放加班补贴12.6万元', 'documents', false],
    ]);
    // The full-text document carries the filter tokens, as for a problem made in the form.
    const found = await app.call('problems.list', { text: '加班补贴', page: 1, pageSize: 50 });
    expect(found.items.map((p) => p.description)).toEqual(['违规发放加班补贴12.6万元']);
    const filtered = await app.call('problems.list', { inspectionId: townInspection.id, isCommon: true, source: 'interview', text: '流于形式', page: 1, pageSize: 50 });
    expect(filtered.total).toBe(1);

    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'problem.import' });
    expect(log.items.map((e) => e.detail)).toEqual([
      { fileName: '问题.xlsx', sheet: '问题', mode: 'all', roundId: round.id, totalRows: 2, imported: 2, skippedRows: 0, issueCount: 0 },
    ]);
  });

  it('row issues name the Excel row; mode all writes nothing, goodRows writes the good rows', async () => {
    const { app, round, auditInspection } = await setUp();
    const template = await app.call('problems.importTemplate', { roundId: round.id });
    const base64 = await filledTemplate(template.base64, [
      GOOD_ROWS[0],
      ['市财政局', CORRUPTION, '', '未纳入本轮的单位', '', '查阅资料', ''],
      ['金河镇', '不存在的聚焦', '', '聚焦有误', '', '查阅资料', ''],
      ['金河镇', CORRUPTION, '组织生活制度落实', '类别不属于该聚焦', '', '查阅资料', ''],
      ['金河镇', CORRUPTION, '', '', '', '查阅资料', ''],
      ['金河镇', CORRUPTION, '', 'x'.repeat(4001), '', '查阅资料', ''],
      ['金河镇', CORRUPTION, '', '共性有误', '', '查阅资料', '也许'],
      ['金河镇', CORRUPTION, '', '来源有误', '', '打电话', ''],
      [String(auditInspection.id), GRASSROOTS, '', '用巡察任务编号填写', '', '问卷', ''],
    ]);
    const all = await app.call('problems.import', { fileName: 'bad.xlsx', base64, mode: 'all', roundId: round.id });
    expect(all).toMatchObject({ totalRows: 9, goodRows: 2, imported: 0, issueCount: 7 });
    expect(all.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '巡察对象'],
      [4, '聚焦'],
      [5, '问题类别'],
      [6, '问题描述'],
      [7, '问题描述'],
      [8, '是否共性问题'],
      [9, '问题来源'],
    ]);
    expect(all.issues[0]!.message).toContain('“市财政局”不是本轮的巡察对象');
    expect(all.issues[2]!.message).toBe(`问题类别“组织生活制度落实”不属于聚焦“${CORRUPTION}”`);
    expect(all.issues[3]!.message).toBe('问题描述不能为空');
    expect(all.issues[4]!.message).toBe('问题描述超过 4000 字（现有 4001 字）');
    expect((await app.call('problems.list', { page: 1, pageSize: 50 })).total).toBe(0);
    expect((await app.call('audit.list', { page: 1, pageSize: 10, action: 'problem.import' })).total).toBe(0);

    const good = await app.call('problems.import', { fileName: 'bad.xlsx', base64, mode: 'goodRows', roundId: round.id });
    expect(good).toMatchObject({ totalRows: 9, goodRows: 2, imported: 2 });
    const list = await app.call('problems.list', { inspectionId: auditInspection.id, page: 1, pageSize: 50 });
    expect(list.items.map((p) => [p.description, p.source])).toEqual([
      ['用巡察任务编号填写', 'questionnaire'],
      ['违规发放加班补贴12.6万元', 'documents'],
    ]);
  });

  it('a file that is not an .xlsx or lacks the columns is refused in Chinese, and nothing is written', async () => {
    const { app, round } = await setUp();
    const junk = await app.fail('problems.import', { fileName: 'x.xlsx', base64: Buffer.from('不是工作簿').toString('base64'), mode: 'all', roundId: round.id });
    expect(junk).toMatchObject({ code: 'IMPORT_UNREADABLE', details: { reason: 'notZip' } });
    expect(junk.message).toMatch(/[\u4e00-\u9fff]/);

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['单位', '内容']);
    const noColumns = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const result = await app.call('problems.import', { fileName: 'y.xlsx', base64: noColumns, mode: 'goodRows', roundId: round.id });
    expect(result).toMatchObject({ imported: 0, goodRows: 0 });
    expect(result.issues[0]!.message).toMatch(/^缺少必填列：巡察对象、聚焦、问题描述、问题来源/);
    expect((await app.call('problems.list', { page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('an auditor cannot import', async () => {
    const { app, round } = await setUp();
    const template = await app.call('problems.importTemplate', { roundId: round.id });
    const base64 = await filledTemplate(template.base64, GOOD_ROWS);
    await signInAs(app, 'auditor');
    const error = await app.fail('problems.import', { fileName: 'a.xlsx', base64, mode: 'all', roundId: round.id });
    expect(error.code).toBe('PERMISSION_DENIED');
  });

  it('the export holds exactly the filtered problems, re-importable, and is audited', async () => {
    const { app, round, auditInspection } = await setUp();
    const template = await app.call('problems.importTemplate', { roundId: round.id });
    await app.call('problems.import', { fileName: 'p.xlsx', base64: await filledTemplate(template.base64, GOOD_ROWS), mode: 'all', roundId: round.id });
    const file = await app.call('problems.export', { roundId: round.id, focus: 'corruption' });
    expect(file.fileName).toMatch(/^问题清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readBack(file.base64)).getWorksheet('问题')!;
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as CellValue[]).slice(1));
    expect(rows[0]).toEqual(['编号', '巡察对象', '聚焦', '问题类别', '问题描述', '证据', '问题来源', '是否共性问题', '轮次', '巡察组', '登记时间']);
    expect(rows).toHaveLength(2);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
    expect(rows[1]!.slice(1, 10)).toEqual(['市审计局', CORRUPTION, '违反中央八项规定精神', '违规发放加班补贴12.6万元', '财务凭证第35号', '查阅资料', '否', '十二届市委第八轮巡察', '第一巡察组']);
    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'problem.export' });
    expect(log.items[0]!.detail).toMatchObject({ count: 1, filter: { roundId: round.id, focus: 'corruption' } });

    // The exported file imports again (编号 and the trailing columns are ignored).
    const again = await app.call('problems.import', { fileName: 'again.xlsx', base64: file.base64, mode: 'validate', roundId: round.id });
    expect(again).toMatchObject({ totalRows: 1, goodRows: 1, issueCount: 0 });
    expect((await app.call('problems.list', { inspectionId: auditInspection.id, page: 1, pageSize: 50 })).total).toBe(1);
  });
});
