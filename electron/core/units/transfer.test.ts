import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/contract';
import { signedInApp, type TestApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';
import { rawZip, readBack, unitSheet, UNIT_HEADER, workbookBase64, workbookBytes } from './xlsx/test-workbooks';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function fresh() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return env.app;
}

async function withRegistry() {
  const app = await fresh();
  return { app, ...(await buildRegistry(app)) };
}

const upload = (app: TestApp, base64: string, mode: 'validate' | 'all' | 'goodRows', fileName = '新增单位.xlsx') =>
  app.call('units.import', { fileName, base64, mode });

/** What must not move when nothing is written: the registry and the head of the audit chain. */
async function vaultState(app: TestApp) {
  const units = await app.call('units.list', { page: 1, pageSize: 500 });
  const audit = await app.call('audit.list', { page: 1, pageSize: 10 });
  const assessments = await Promise.all(units.items.map((u) => app.call('units.get', { id: u.id }).then((d) => d.assessments)));
  return { total: units.total, names: units.items.map((u) => u.name).sort(), auditHead: audit.items[0]!.id, auditTotal: audit.total, assessments };
}

function issuesAt(result: ImportResult, row: number) {
  return result.issues.filter((i) => i.row === row);
}

async function unitNamed(app: TestApp, name: string) {
  const { items } = await app.call('units.list', { text: name, page: 1, pageSize: 50 });
  return items.find((u) => u.name === name);
}

describe('units.importTemplate', () => {
  it('is an .xlsx with the Chinese headers, a frozen bold header, drop-downs from the catalogues and a 填写说明 sheet', async () => {
    const app = await fresh();
    await app.call('catalogs.add', { catalog: 'unitKinds', name: '事业单位' });
    const template = await app.call('units.importTemplate', {});
    expect(template.fileName).toBe('被巡察单位导入模板.xlsx');

    const workbook = await readBack(template.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['被巡察单位', '填写说明', '选项']);
    const sheet = workbook.getWorksheet('被巡察单位')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...UNIT_HEADER]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(sheet.actualRowCount).toBe(1);

    // The drop-downs point at the hidden 选项 sheet, which holds the vault's catalogues.
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const byColumn = Object.fromEntries(Object.entries(validations).map(([range, v]) => [range.charAt(0), v]));
    expect(Object.keys(byColumn).sort()).toEqual(['B', 'C', 'E']);
    expect(byColumn.B).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$9"] });
    expect(byColumn.E!.formulae[0]).toBe("'选项'!$C$2:$C$5");
    const options = workbook.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const column = (n: number) => (options.getColumn(n).values as unknown[]).filter(Boolean);
    expect(column(1)).toContain('事业单位');
    expect(column(2)).toEqual(['所属旗县区', '市本级', '新城区', '回民区', '玉泉区', '赛罕区', '土默特左旗', '托克托县', '和林格尔县', '清水河县', '武川县']);
    expect(column(3)).toEqual(['党组织类型', '党组', '党委', '党总支', '党支部']);

    const guide = workbook.getWorksheet('填写说明')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    for (const header of UNIT_HEADER) expect(guideText).toContain(header);
    expect(guideText).toContain('不接受公式，请粘贴为数值');
    expect(guideText).toContain('20000');
  });

  it('imports once filled in; left empty it reports that there is no data', async () => {
    const app = await fresh();
    const template = await app.call('units.importTemplate', {});
    const empty = await upload(app, template.base64, 'all');
    expect(empty).toMatchObject({ sheetName: '被巡察单位', totalRows: 0, goodRows: 0, imported: 0 });
    expect(empty.issues).toEqual([{ row: 2, column: null, message: '工作表“被巡察单位”的表头下面没有数据' }]);

    const workbook = await readBack(template.base64);
    workbook.getWorksheet('被巡察单位')!.addRow(['呼和浩特市统计局', '市直部门', '', '', '党组', '', '']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await upload(app, filled, 'all')).toMatchObject({ totalRows: 1, goodRows: 1, issues: [], imported: 1 });
  });
});

describe('units.import: a good file', () => {
  it('imports a 乡镇 with its 村 (child row first), rich text, 全角, dates in every form, numbers as text and markup verbatim', async () => {
    const { app, units } = await withRegistry();
    const base64 = await workbookBase64(
      unitSheet([
        ['黄合少镇大厂库伦村', '村/社区', '赛罕区', '黄合少镇', '党支部', '2019年3月1日', ''],
        [{ richText: [{ text: '黄合少' }, { text: '镇', font: { bold: true } }] }, '乡镇／街道', ' 赛罕区 ', '', ' 党委 ', new Date(Date.UTC(2001, 5, 1)), ''],
        [],
        ['黄合少镇二十家村', '村/社区', '赛罕区', '黄合少镇', '党支部', 20190110, 123456],
        ['金河镇新村', '村/社区', '赛罕区', '金河镇', '党支部', '2020/7/1', '原属金河村\r\n2020年分设'],
        ['呼和浩特市医疗保障局', '市直部门', '', '', '党组', '2019-01-10', '<img src=x onerror=alert(1)>'],
        ['呼和浩特市数据局', '市直部门', '市本级', '', '党组', 43831, ''],
        ['武川县公安局哈乐派出所', '派出所', '武川县', '', '党支部', '２０２１－０５－０６', '=1+1'],
      ]),
    );
    const before = await vaultState(app);
    const checked = await upload(app, base64, 'validate');
    expect(checked).toEqual({ sheetName: '被巡察单位', totalRows: 7, goodRows: 7, issues: [], issueCount: 0, imported: 0 });
    expect(await vaultState(app)).toEqual(before);

    const done = await upload(app, base64, 'all', '2024年新增单位.xlsx');
    expect(done).toMatchObject({ totalRows: 7, goodRows: 7, issues: [], imported: 7 });

    const township = (await unitNamed(app, '黄合少镇'))!;
    expect(township).toMatchObject({ kindName: '乡镇/街道', regionName: '赛罕区', partyOrgType: '党委', establishedOn: '2001-06-01', parentId: null });
    const village = (await unitNamed(app, '黄合少镇大厂库伦村'))!;
    expect(village).toMatchObject({ parentId: township.id, parentName: '黄合少镇', establishedOn: '2019-03-01', partyOrgType: '党支部' });
    expect((await app.call('units.get', { id: township.id })).children.map((c) => c.name).sort()).toEqual(['黄合少镇二十家村', '黄合少镇大厂库伦村'].sort());
    expect(await unitNamed(app, '黄合少镇二十家村')).toMatchObject({ establishedOn: '2019-01-10', note: '123456' });
    expect(await unitNamed(app, '金河镇新村')).toMatchObject({ parentId: units.township.id, establishedOn: '2020-07-01', note: '原属金河村\n2020年分设' });
    expect(await unitNamed(app, '呼和浩特市医疗保障局')).toMatchObject({ regionId: null, note: '<img src=x onerror=alert(1)>' });
    expect(await unitNamed(app, '呼和浩特市数据局')).toMatchObject({ regionId: null, establishedOn: '2020-01-01' });
    expect(await unitNamed(app, '武川县公安局哈乐派出所')).toMatchObject({ regionName: '武川县', establishedOn: '2021-05-06', note: '=1+1' });

    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'unit.import' });
    expect(log.total).toBe(1);
    expect(log.items[0]!.detail).toEqual({
      fileName: '2024年新增单位.xlsx',
      sheet: '被巡察单位',
      mode: 'all',
      totalRows: 7,
      imported: 7,
      skippedRows: 0,
      issueCount: 0,
    });
    expect((await app.call('audit.verify', {})).ok).toBe(true);
  });

  it('finds the header under a title row, in any column order, spelled with spaces, 全角 and markers', async () => {
    const app = await fresh();
    const base64 = await workbookBase64([
      { name: 'Sheet1', rows: [['说明：请勿删除此工作表'], ['x']], setUp: (s) => (s.state = 'hidden') },
      {
        name: '2024年新增',
        rows: [
          ['2024年新增被巡察单位名单'],
          ['党组织类型（必填）', ' 单 位 名 称 ', '备注', '所属旗县区', '单位类别*', '上级单位　', '序号'],
          ['党委', '土左旗察素齐镇', '', '土默特左旗', '乡镇/街道', '', 1],
          ['党支部', '察素齐镇某村', '', '土默特左旗', '村/社区', '察素齐镇某镇', 2],
        ],
        setUp: (s) => s.mergeCells('A1:G1'),
      },
    ]);
    const result = await upload(app, base64, 'validate');
    expect(result).toMatchObject({ sheetName: '2024年新增', totalRows: 2, goodRows: 1 });
    expect(result.issues).toEqual([
      { row: 4, column: '上级单位', message: expect.stringContaining('上级单位“察素齐镇某镇”不在单位名册中，也不在本表中') },
    ]);
  });
  it('reads a 旗县区 merged down several rows as applying to each; a formula in a merged cell is reported once', async () => {
    const app = await fresh();
    const base64 = await workbookBase64(
      unitSheet(
        [
          ['察素齐镇', '乡镇/街道', '土默特左旗', '', '党委', '', ''],
          ['察素齐镇一村', '村/社区', null, '察素齐镇', '党支部', '', ''],
          ['察素齐镇二村', '村/社区', null, '察素齐镇', '党支部', '', ''],
          ['毕克齐镇', '乡镇/街道', '土默特左旗', '', '党委', '', { formula: '"合并"', result: '合并' }],
          ['毕克齐镇一村', '村/社区', '土默特左旗', '毕克齐镇', '党支部', '', null],
        ],
        (sheet) => {
          sheet.mergeCells('C2:C4');
          sheet.mergeCells('G5:G6');
        },
      ),
    );
    const result = await upload(app, base64, 'goodRows');
    expect(result.issues).toEqual([
      { row: 5, column: '备注', message: '不接受公式，请粘贴为数值（单元格 G5）' },
      { row: 6, column: '上级单位', message: '上级单位“毕克齐镇”所在的第 5 行有误，本行须一并修正后才能导入' },
    ]);
    expect(result).toMatchObject({ totalRows: 5, goodRows: 3, imported: 3 });
    expect(await unitNamed(app, '察素齐镇二村')).toMatchObject({ regionName: '土默特左旗', parentName: '察素齐镇' });
  });
});

describe('units.import: files that cannot be read', () => {
  it('refuses garbage, a .docx, an empty file, 5 MB of random bytes, an old .xls, a zip bomb and a lying zip, changing nothing', async () => {
    const { app } = await withRegistry();
    const before = await vaultState(app);
    const real = await workbookBytes(unitSheet([['市统计局', '市直部门', '', '', '党组', '', '']]));
    const zeros = (mb: number) => Buffer.alloc(mb * 1024 * 1024);
    const cases: [string, Buffer | string, string][] = [
      ['text', Buffer.from('单位名称,单位类别\n市统计局,市直部门\n'), 'notZip'],
      ['not base64', '%%% 这不是 base64 %%%', 'notZip'],
      ['docx', rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 'notWorkbook'],
      ['empty', Buffer.alloc(0), 'empty'],
      ['random 5 MB', randomBytes(5 * 1024 * 1024), 'notZip'],
      ['old xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(4096)]), 'legacyOrEncrypted'],
      ['zip header then junk', Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(4096)]), 'corrupt'],
      ['truncated xlsx', real.subarray(0, Math.floor(real.length / 2)), 'corrupt'],
      ['zip bomb', rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: zeros(100) }]), 'tooLarge'],
      ['lying sizes', rawZip([{ name: 'xl/workbook.xml', data: zeros(20), declaredSize: 1000 }]), 'tooLarge'],
    ];
    for (const [label, bytes, reason] of cases) {
      const base64 = typeof bytes === 'string' ? bytes : bytes.toString('base64');
      for (const mode of ['validate', 'all', 'goodRows'] as const) {
        const error = await app.fail('units.import', { fileName: `${label}.xlsx`, base64, mode });
        expect({ label, code: error.code, reason: error.details?.reason }).toEqual({ label, code: 'IMPORT_UNREADABLE', reason });
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const docx = await app.fail('units.import', { fileName: 'a.docx', base64: cases[2]![1].toString('base64'), mode: 'all' });
    expect(docx.message).toContain('Word 文档');
    expect(await vaultState(app)).toEqual(before);
  });

  it('refuses a sheet of more than 20,000 data rows and imports one of exactly 20,000', async () => {
    const app = await fresh();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`测试村${i + 1}`, '村/社区', '赛罕区', '', '党支部', '', '']);
    const before = await vaultState(app);
    const tooMany = await app.fail('units.import', { fileName: '大表.xlsx', base64: await workbookBase64(unitSheet(rows(20_001))), mode: 'all' });
    expect(tooMany).toMatchObject({ code: 'IMPORT_UNREADABLE', details: { reason: 'tooManyRows', limit: 20_000 } });
    expect(tooMany.message).toContain('20000');
    expect(await vaultState(app)).toEqual(before);

    const started = Date.now();
    const result = await upload(app, await workbookBase64(unitSheet(rows(20_000))), 'all');
    expect(result).toMatchObject({ totalRows: 20_000, goodRows: 20_000, issueCount: 0, imported: 20_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await app.call('units.list', { page: 1, pageSize: 10 })).total).toBe(20_000);
    expect((await app.call('audit.list', { page: 1, pageSize: 10, action: 'unit.import' })).total).toBe(1);
  });
});

describe('units.import: row-numbered issues', () => {
  it('names the missing columns in one issue', async () => {
    const app = await fresh();
    const base64 = await workbookBase64([{ name: '被巡察单位', rows: [['单位名称', '成立日期', '备注'], ['市统计局', '', '']] }]);
    const result = await upload(app, base64, 'goodRows');
    expect(result).toMatchObject({ totalRows: 1, goodRows: 0, imported: 0, issueCount: 1 });
    expect(result.issues[0]).toMatchObject({ row: 1, column: null });
    expect(result.issues[0]!.message).toContain('缺少必填列：单位类别、所属旗县区、党组织类型');
  });

  it('reports each bad cell by Excel row; `all` writes nothing, `goodRows` writes the good rows only', async () => {
    const { app, units } = await withRegistry();
    const base64 = await workbookBase64(
      unitSheet(
        [
          /* 2 */ ['', '市直部门', '', '', '党组', '', ''],
          /* 3 */ ['市统计局', '事业单位', '', '', '党组', '', ''],
          /* 4 */ ['托县某局', '市直部门', '托县', '', '党组', '', ''],
          /* 5 */ ['市统计局二', '市直部门', '', '', '党小组', '', ''],
          /* 6 */ ['市审计局', '市直部门', '', '', '党组', '', ''],
          /* 7 */ ['市档案馆', '市直部门', '', '', '党组', '', ''],
          /* 8 */ ['市档案馆', '市直部门', '市本级', '', '党组', '', ''],
          /* 9 */ ['某村', '村/社区', '赛罕区', '不存在镇', '党支部', '', ''],
          /* 10 */ ['市林草局', '市直部门', '', '', '党组', { formula: 'DATE(2019,1,1)', result: new Date(Date.UTC(2019, 0, 1)) }, ''],
          /* 11 */ ['市气象局', '市直部门', '', '', '党组', '2019-02-30', ''],
          /* 12 */ ['长'.repeat(81), '市直部门', '', '', '党组', '', ''],
          /* 13 */ ['市水务局', '市直部门', '', '', '党组', '', '注'.repeat(501)],
          /* 14 */ ['金河镇新村', '村/社区', '赛罕区', '金河镇', '党支部', '', ''],
          /* 15 */ ['市园林局', '市直部门', '', '', '党组', '', '', { formula: 'ROW()-1', result: 14 }],
          /* 16 */ ['市科技局', '市直部门', '', '', '党组', 2019, ''],
          /* 17 */ ['坏镇', '乡镇/街道', '赛罕区', '', '党委会', '', ''],
          /* 18 */ ['坏镇一村', '村/社区', '赛罕区', '坏镇', '党支部', '', ''],
          /* 19 */ ['市外事办', '市直部门', '', '', { error: '#N/A' }, '', ''],
        ],
        (sheet) => (sheet.getCell('H1').value = '序号'),
      ),
    );
    const before = await vaultState(app);
    const checked = await upload(app, base64, 'all');
    expect(checked).toMatchObject({ totalRows: 18, goodRows: 2, imported: 0 });
    expect(checked.issueCount).toBe(checked.issues.length);
    expect(await vaultState(app)).toEqual(before);

    const one = (row: number) => {
      const found = issuesAt(checked, row);
      expect(found, `row ${row}`).toHaveLength(1);
      return found[0]!;
    };
    expect(one(2)).toEqual({ row: 2, column: '单位名称', message: '单位名称不能为空' });
    expect(one(3)).toMatchObject({ column: '单位类别', message: expect.stringMatching(/^单位类别“事业单位”不在目录中（可选：市直部门、/) });
    expect(one(4)).toMatchObject({ column: '所属旗县区', message: expect.stringContaining('所属旗县区“托县”不在目录中') });
    expect(one(5)).toMatchObject({ column: '党组织类型', message: '党组织类型“党小组”不正确（可选：党组、党委、党总支、党支部）' });
    expect(one(6)).toMatchObject({ column: '单位名称', message: '“市审计局”已在单位名册中（市本级），不能重复登记' });
    expect(issuesAt(checked, 7)).toEqual([]);
    expect(one(8)).toMatchObject({ column: '单位名称', message: '与第 7 行重复：市本级已有名为“市档案馆”的单位' });
    expect(one(9)).toMatchObject({ column: '上级单位', message: expect.stringContaining('上级单位“不存在镇”不在单位名册中') });
    expect(one(10)).toEqual({ row: 10, column: '成立日期', message: '不接受公式，请粘贴为数值（单元格 F10）' });
    expect(one(11)).toMatchObject({ column: '成立日期', message: '日期 “2019-02-30” 不存在' });
    expect(one(12)).toMatchObject({ column: '单位名称', message: '单位名称超过 80 字（现为 81 字）' });
    expect(one(13)).toMatchObject({ column: '备注', message: '备注超过 500 字（现为 501 字）' });
    expect(issuesAt(checked, 14)).toEqual([]);
    expect(one(15)).toEqual({ row: 15, column: '序号', message: '不接受公式，请粘贴为数值（单元格 H15）' });
    expect(one(16)).toMatchObject({ column: '成立日期', message: expect.stringContaining('只填了年份 2019') });
    expect(one(17)).toMatchObject({ column: '党组织类型' });
    expect(one(18)).toMatchObject({ column: '上级单位', message: '上级单位“坏镇”所在的第 17 行有误，本行须一并修正后才能导入' });
    expect(one(19)).toEqual({ row: 19, column: '党组织类型', message: '单元格 E19 是错误值 #N/A' });

    expect(await upload(app, base64, 'validate')).toEqual(checked);
    const partial = await upload(app, base64, 'goodRows');
    expect(partial).toMatchObject({ totalRows: 18, goodRows: 2, imported: 2 });
    const after = await vaultState(app);
    expect(after.total).toBe(before.total + 2);
    expect(await unitNamed(app, '市档案馆')).toMatchObject({ regionId: null });
    expect(await unitNamed(app, '金河镇新村')).toMatchObject({ parentId: units.township.id });
    expect(await unitNamed(app, '坏镇一村')).toBeUndefined();
    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'unit.import' });
    expect(log.items.map((e) => e.detail)).toEqual([expect.objectContaining({ mode: 'goodRows', totalRows: 18, imported: 2, skippedRows: 16, issueCount: checked.issueCount })]);
  });

  it('resolves 上级单位 in the same 旗县区, then 市本级, then anywhere if unique; loops and self-references are issues', async () => {
    const app = await fresh();
    const base64 = await workbookBase64(
      unitSheet([
        /* 2 */ ['武川县国土所', '国土所', '武川县', '市自然资源局', '党支部', '', ''],
        /* 3 */ ['市自然资源局', '市直部门', '', '', '党组', '', ''],
        /* 4 */ ['甲村', '村/社区', '新城区', '乙村', '党支部', '', ''],
        /* 5 */ ['乙村', '村/社区', '新城区', '甲村', '党支部', '', ''],
        /* 6 */ ['丙村', '村/社区', '新城区', '丙村', '党支部', '', ''],
        /* 7 */ ['新村', '村/社区', '新城区', '', '党支部', '', ''],
        /* 8 */ ['新村', '村/社区', '回民区', '', '党支部', '', ''],
        /* 9 */ ['市农牧局下属站', '市直部门', '', '新村', '党支部', '', ''],
        /* 10 */ ['新村一组', '村/社区', '回民区', '新村', '党支部', '', ''],
      ]),
    );
    const result = await upload(app, base64, 'goodRows');
    expect(issuesAt(result, 2)).toEqual([]);
    expect(issuesAt(result, 4)[0]!.message).toBe('上级单位关系形成循环（第 4 行 → 第 5 行 → 第 4 行）');
    expect(issuesAt(result, 5)[0]!.message).toBe('上级单位关系形成循环（第 5 行 → 第 4 行 → 第 5 行）');
    expect(issuesAt(result, 6)).toEqual([{ row: 6, column: '上级单位', message: '上级单位不能是本单位' }]);
    expect(issuesAt(result, 9)[0]!.message).toBe('上级单位“新村”在多个旗县区都有同名单位，无法确定是哪一个');
    expect(result).toMatchObject({ totalRows: 9, goodRows: 5, imported: 5 });
    const bureau = (await unitNamed(app, '市自然资源局'))!;
    expect(await unitNamed(app, '武川县国土所')).toMatchObject({ parentId: bureau.id, regionName: '武川县' });
    const huimin = (await app.call('units.list', { text: '新村', regionId: 2, page: 1, pageSize: 10 })).items.find((u) => u.name === '新村')!;
    expect(await unitNamed(app, '新村一组')).toMatchObject({ parentId: huimin.id });
  });

  it('lists the first 1000 issues and counts them all', async () => {
    const app = await fresh();
    const rows = Array.from({ length: 1200 }, (_, i) => [`某单位${i}`, '不存在的类别', '', '', '党组', '', '']);
    const result = await upload(app, await workbookBase64(unitSheet(rows)), 'validate');
    expect(result).toMatchObject({ totalRows: 1200, goodRows: 0, issueCount: 1200 });
    expect(result.issues).toHaveLength(1000);
    expect(result.issues[999]!.row).toBe(1001);
  });
});

describe('units.export', () => {
  it('writes the filtered registry with the template columns and more, audited; it imports into a fresh vault unchanged', async () => {
    const { app, units, term, region } = await withRegistry();
    await app.call('units.update', { ...unitInput(units.township), establishedOn: '2006-05-01', note: '<b>撤乡设镇</b>' });
    await app.call('units.setStatus', { id: units.policeB.id, status: 'merged', on: '2020-03-31' });
    const round = await app.call('rounds.create', { termId: term.id, number: 8, year: 2020 });
    await app.call('inspections.create', { roundId: round.id, unitId: units.township.id, mode: 'routine' });
    await app.call('units.importAssessments', {
      fileName: '考核.xlsx',
      mode: 'all',
      year: 2019,
      base64: await workbookBase64([{ name: '考核', rows: [['单位名称', '所属旗县区', '考核结果'], ['金河镇', '赛罕区', '较好']] }]),
    });

    const saihan = await app.call('units.export', { regionId: region('赛罕区') });
    expect(saihan.fileName).toMatch(/^被巡察单位名册_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readBack(saihan.base64)).getWorksheet('被巡察单位')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...UNIT_HEADER, '状态', '撤并日期', '最近党建考核', '巡察次数', '最近一次巡察']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.actualRowCount).toBe(5);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)));
    expect(rows.get('金河镇')).toEqual(['金河镇', '乡镇/街道', '赛罕区', '', '党委', new Date(Date.UTC(2006, 4, 1)), '<b>撤乡设镇</b>', '正常', undefined, '2019年 较好', 1, '十二届市委第八轮巡察']);
    expect(rows.get('金河村')!.slice(0, 5)).toEqual(['金河村', '村/社区', '赛罕区', '金河镇', '党支部']);
    expect(rows.get('赛罕区公安分局昭乌达路派出所')!.slice(7, 9)).toEqual(['已合并', new Date(Date.UTC(2020, 2, 31))]);
    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'unit.export' });
    expect(log.items[0]!.detail).toEqual({ filter: { regionId: region('赛罕区') }, count: 4 });

    const all = await app.call('units.export', {});
    const other = await fresh();
    const checked = await upload(other, all.base64, 'validate', all.fileName);
    expect(checked).toEqual({ sheetName: '被巡察单位', totalRows: 7, goodRows: 7, issues: [], issueCount: 0, imported: 0 });
    expect(await upload(other, all.base64, 'all', all.fileName)).toMatchObject({ imported: 7 });
    const shape = async (a: TestApp) =>
      (await a.call('units.list', { page: 1, pageSize: 50 })).items.map((u) => [u.name, u.kindName, u.regionName, u.parentName, u.partyOrgType, u.establishedOn, u.note]);
    expect(await shape(other)).toEqual(await shape(app));
  });
});

describe('units.importAssessments', () => {
  it('matches units by name and 旗县区; unknown, ambiguous and repeated units are row issues; same modes; audited', async () => {
    const { app, units, kind, region } = await withRegistry();
    for (const r of ['新城区', '回民区']) await app.call('units.create', { name: '新村', kindId: kind('村/社区'), regionId: region(r), partyOrgType: '党支部' });
    const base64 = await workbookBase64([
      {
        name: '2023年度党建考核',
        rows: [
          ['2023年度市直机关党建考核结果'],
          ['序号', '单位名称', '所属旗县区', '考核等次'],
          /* 3 */ [1, '市审计局', '', '好'],
          /* 4 */ [2, '市财政局', '市本级', ' 较好 '],
          /* 5 */ [3, '金河镇', '赛罕区', '一般'],
          /* 6 */ [4, '市不存在局', '', '好'],
          /* 7 */ [5, '市审计局', '', '差'],
          /* 8 */ [6, '金河村', '武川县', '好'],
          /* 9 */ [7, '新村', '', '好'],
          /* 10 */ [8, '赛罕区公安分局大学路派出所', '赛罕区', ''],
        ],
      },
    ]);
    const before = await vaultState(app);
    const validated = await app.call('units.importAssessments', { fileName: '考核.xlsx', base64, mode: 'validate', year: 2023 });
    const checked = await app.call('units.importAssessments', { fileName: '考核.xlsx', base64, mode: 'all', year: 2023 });
    expect(validated).toEqual(checked);
    expect(checked).toMatchObject({ sheetName: '2023年度党建考核', totalRows: 8, goodRows: 3, imported: 0 });
    expect(await vaultState(app)).toEqual(before);
    expect(checked.issues).toEqual([
      { row: 6, column: '单位名称', message: '单位名册中没有“市不存在局”，请先登记该单位或核对名称' },
      { row: 7, column: '单位名称', message: '与第 3 行是同一个单位' },
      { row: 8, column: '单位名称', message: '单位名册中没有“金河村”（武川县），请先登记该单位或核对名称' },
      { row: 9, column: '单位名称', message: '单位名册中有 2 个名为“新村”的单位（新城区、回民区），请填写所属旗县区' },
      { row: 10, column: '考核结果', message: '考核结果不能为空' },
    ]);

    const done = await app.call('units.importAssessments', { fileName: '考核.xlsx', base64, mode: 'goodRows', year: 2023 });
    expect(done).toMatchObject({ goodRows: 3, imported: 3 });
    expect((await app.call('units.get', { id: units.audit.id })).assessments).toEqual([{ year: 2023, result: '好' }]);
    expect((await app.call('units.get', { id: units.finance.id })).latestAssessment).toEqual({ year: 2023, result: '较好' });
    expect((await app.call('units.get', { id: units.township.id })).assessments).toEqual([{ year: 2023, result: '一般' }]);

    // The 市直机关工委 list as it usually comes: name and result only. A second import replaces.
    const simple = await workbookBase64([{ name: 'Sheet1', rows: [['单位名称', '考核结果'], ['市审计局', '较好']] }]);
    expect(await app.call('units.importAssessments', { fileName: '更正.xlsx', base64: simple, mode: 'all', year: 2023 })).toMatchObject({ imported: 1, issues: [] });
    expect((await app.call('units.get', { id: units.audit.id })).assessments).toEqual([{ year: 2023, result: '较好' }]);
    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'unit.assessmentImport' });
    expect(log.items.map((e) => e.detail)).toEqual([
      expect.objectContaining({ fileName: '更正.xlsx', year: 2023, mode: 'all', imported: 1, replaced: 1 }),
      expect.objectContaining({ fileName: '考核.xlsx', year: 2023, mode: 'goodRows', totalRows: 8, imported: 3, replaced: 0, skippedRows: 5 }),
    ]);
    const junk = await app.fail('units.importAssessments', { fileName: 'x.xlsx', base64: randomBytes(1000).toString('base64'), mode: 'all', year: 2023 });
    expect(junk.code).toBe('IMPORT_UNREADABLE');
  });
});

function unitInput(unit: { name: string; kindId: number; regionId: number | null; parentId: number | null; partyOrgType: '党组' | '党委' | '党总支' | '党支部'; id: number }) {
  return { id: unit.id, name: unit.name, kindId: unit.kindId, regionId: unit.regionId, parentId: unit.parentId, partyOrgType: unit.partyOrgType };
}
