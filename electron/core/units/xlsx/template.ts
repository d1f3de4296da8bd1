import type { DataValidation, Worksheet } from 'exceljs';
import type { Catalogs } from '../../../../shared/contract';
import { partyOrgTypes } from '../../../../shared/domain';
import { unitColumns, type UnitField } from './columns';
import { GUIDE_SHEET, newWorkbook, OPTIONS_SHEET, toBase64, UNIT_SHEET, unitColumnStyles, unitColumnWidths, unitHeaderTone, writeHeader } from './layout';
import { importLimits, templateLastRow } from './limits';
import { columnLetter, CITY_LEVEL } from './rows';
import { textLimits } from './unit-rows';

/** What the 填写说明 sheet says about each column. */
function columnGuide(catalogs: Pick<Catalogs, 'regions' | 'unitKinds'>): Record<UnitField, { required: string; help: string; example: string }> {
  return {
    name: {
      required: '必填',
      help: `单位全称。同一旗县区（或市本级）内不能重名；已在单位名册中的单位不会重复登记。最多 ${textLimits.name} 字。`,
      example: '呼和浩特市审计局；金河镇；金河村',
    },
    kind: { required: '必填', help: `从下拉列表中选择：${catalogs.unitKinds.map((k) => k.name).join('、')}。`, example: '乡镇/街道' },
    region: {
      required: '选填',
      help: `从下拉列表中选择：${catalogs.regions.map((r) => r.name).join('、')}。市本级单位（市直部门、市属国有企业等）不填，或选“${CITY_LEVEL}”。`,
      example: '赛罕区',
    },
    parent: {
      required: '选填',
      help:
        '上级单位的名称，如村（社区）填所属乡镇（街道）。上级单位须已在单位名册中，或在本表中一并填写（行的先后不限）；' +
        '先在同一旗县区中查找，再在市本级中查找。',
      example: '金河镇',
    },
    partyOrgType: { required: '必填', help: `从下拉列表中选择：${partyOrgTypes.join('、')}。`, example: '党委' },
    establishedOn: {
      required: '选填',
      help: '届中新设立的单位请填写，用于计算巡察全覆盖。填写为 2019-01-10 或 2019年1月10日，也可以是 Excel 日期。',
      example: '2019-01-10',
    },
    note: { required: '选填', help: `其他需要说明的情况，最多 ${textLimits.note} 字。`, example: '2019年由原××局合并组建' },
  };
}

const GENERAL_RULES = [
  `在“${UNIT_SHEET}”工作表中，一行填写一个单位；第 1 行是表头，请勿修改表头文字。列的顺序可以调整，不需要的选填列可以删除。`,
  '不接受公式，请粘贴为数值：含公式的单元格不会被计算，该行会被标为有误。从其他表格复制时，请用“选择性粘贴—数值”。',
  `每次最多导入 ${importLimits.maxDataRows} 行，文件不超过 10 MB。数据较多时请拆分为几个文件分批导入。`,
  '导入时系统先检查整个文件，逐行列出有问题的单元格和原因（行号与 Excel 中的行号一致）。可以修改后重新导入，也可以选择只导入无误的行。',
  '上级单位所在的行有误时，其下属单位的行也不会导入，需一并修正。',
  '单元格中的内容一律按文字原样保存。',
];

/**
 * The unit import template: the 被巡察单位 sheet with a bold frozen header and drop-downs filled
 * from the vault's catalogues, a 填写说明 sheet, and a hidden sheet holding the lists.
 */
export async function buildUnitTemplate(catalogs: Pick<Catalogs, 'regions' | 'unitKinds'>, at: Date): Promise<string> {
  const workbook = newWorkbook(at);
  const sheet = workbook.addWorksheet(UNIT_SHEET);
  const guideSheet = workbook.addWorksheet(GUIDE_SHEET);
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });

  writeHeader(
    sheet,
    unitColumns.map((c) => ({
      header: c.header,
      width: unitColumnWidths[c.field],
      tone: unitHeaderTone(c.field),
      style: unitColumnStyles[c.field],
    })),
  );
  const columnOf = (field: UnitField) => columnLetter(unitColumns.findIndex((c) => c.field === field) + 1);

  // The lists behind the drop-downs.
  const lists: { field: UnitField; title: string; values: string[] }[] = [
    { field: 'kind', title: '单位类别', values: catalogs.unitKinds.map((k) => k.name) },
    { field: 'region', title: '所属旗县区', values: [CITY_LEVEL, ...catalogs.regions.map((r) => r.name)] },
    { field: 'partyOrgType', title: '党组织类型', values: [...partyOrgTypes] },
  ];
  lists.forEach((list, i) => {
    const column = i + 1;
    options.getCell(1, column).value = list.title;
    list.values.forEach((value, j) => (options.getCell(j + 2, column).value = value));
    if (list.values.length === 0) return;
    const letter = columnLetter(column);
    addValidation(sheet, `${columnOf(list.field)}2:${columnOf(list.field)}${templateLastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: list.title,
      error: `请从下拉列表中选择${list.title}`,
      showInputMessage: true,
      promptTitle: list.title,
      prompt: list.field === 'region' ? '从列表中选择；市本级单位可不填' : '从列表中选择',
    });
  });

  writeGuide(guideSheet, catalogs);
  return toBase64(workbook);
}

function writeGuide(sheet: Worksheet, catalogs: Pick<Catalogs, 'regions' | 'unitKinds'>): void {
  writeHeader(sheet, [
    { header: '列名', width: 14, tone: 'info' },
    { header: '是否必填', width: 10, tone: 'info' },
    { header: '填写说明', width: 80, tone: 'info', style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: '示例', width: 30, tone: 'info' },
  ]);
  const guide = columnGuide(catalogs);
  for (const column of unitColumns) {
    const entry = guide[column.field];
    const row = sheet.addRow([column.header, entry.required, entry.help, entry.example]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['注意事项']).getCell(1).font = { bold: true };
  GENERAL_RULES.forEach((rule, i) => {
    sheet.addRow([`${i + 1}.`, '', rule]);
  });
}

/** exceljs keeps sheet data validations by range in a model its typings leave out. */
export function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations.add(range, validation);
}
