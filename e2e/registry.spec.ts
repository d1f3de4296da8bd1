/**
 * 被巡察单位, 全覆盖 and the 首页 dashboard, end to end against the real core: spreadsheet import
 * (checked first, row-numbered Chinese report, all or only the good rows), export, the unit
 * drawer, 撤并, the talent pool, the catalogues, a read-only role, the coverage figures of a term
 * and the year's dashboard.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { go, nav, OFFICE, setUpVault, signIn, signOut } from './support/flows';
import {
  chooseImportFile,
  fillTemplate,
  GOOD_UNITS,
  invoke,
  makeWorkbook,
  MIXED_UNITS,
  pick,
  readDownload,
  seedUnits,
  UNIT_HEADERS,
  unitRow,
} from './support/registry';

const MARKUP = '<img src=x onerror=alert(1)>';

async function openRegistry(page: Page) {
  await go(page, '被巡察单位');
  await expect(page.getByTestId('registry-page')).toBeVisible();
}

/** No alert() from markup in a unit name, ever. */
function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test('units import: template, check first, the row-numbered report, nothing imported from a bad file, only the good rows on request', async ({
  app,
}) => {
  const { page, shot } = app;
  await setUpVault(page);
  await openRegistry(page);
  const total = page.getByTestId('units-total');
  await expect(total).toHaveText('共 0 个');
  await expect(page.getByTestId('units-table')).toContainText('名录中还没有单位');

  // 下载导入模板, fill it in as the office would.
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('unit-template').click()]);
  expect(templateDownload.suggestedFilename()).toBe('被巡察单位导入模板.xlsx');
  const filled = await fillTemplate(await readFile(await templateDownload.path()), GOOD_UNITS);

  // Checked first: nothing is written until 全部导入.
  await chooseImportFile(page, 'unit-import', '2020年被巡察单位.xlsx', filled);
  const dialog = page.getByTestId('import-dialog');
  const report = dialog.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-total', '9');
  await expect(report).toHaveAttribute('data-good', '9');
  await expect(report).toHaveAttribute('data-issues', '0');
  await expect(dialog.getByTestId('import-summary')).toHaveText('校验通过：共 9 行，全部无误，可以导入。');
  await expect(dialog.getByTestId('import-file-name')).toHaveText('2020年被巡察单位.xlsx');
  await expect(dialog.getByTestId('import-good-rows')).toHaveCount(0);
  const importAll = dialog.getByTestId('import-all');
  await expect(importAll).toBeEnabled();
  await expect(importAll).toHaveText('全部导入（9 行）');
  await shot('import-checked');
  await expect(total).toHaveText('共 0 个');

  await importAll.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入 9 个单位')).toBeVisible();
  await expect(total).toHaveText('共 9 个');
  // 上级单位 from another row of the same file; 市本级 written or left empty.
  await expect(unitRow(page, '金河村')).toContainText('金河镇');
  await expect(unitRow(page, '金河村')).toContainText('村/社区');
  await expect(unitRow(page, '市审计局')).toContainText('市本级');
  await expect(unitRow(page, '市财政局')).toContainText('市本级');
  await expect(unitRow(page, '武川县公安局哈乐派出所')).toContainText('武川县');
  await expect(unitRow(page, '金河镇')).toContainText('在册');
  await shot('registry-imported');

  // A file without a required column: one issue on the header row, nothing can be imported.
  const missingColumn = await makeWorkbook(
    ['单位名称', '所属旗县区', '党组织类型'],
    [
      ['回民区公安分局钢铁路派出所', '回民区', '党支部'],
      ['玉泉区公安分局南茶坊派出所', '玉泉区', '党支部'],
    ],
  );
  await chooseImportFile(page, 'unit-import', '缺列.xlsx', missingColumn);
  await expect(report).toHaveAttribute('data-good', '0');
  await expect(dialog.getByTestId('import-summary')).toHaveText('发现 1 处问题，涉及 2 行，未导入任何数据。请按行号修改后重新选择文件。');
  const issues = dialog.getByTestId('import-issues');
  await expect(issues.locator('tbody tr')).toHaveCount(1);
  await expect(issues.locator('tr[data-row="1"]')).toContainText('第 1 行');
  await expect(issues.locator('tr[data-row="1"]')).toContainText('缺少必填列：单位类别');
  await expect(importAll).toBeDisabled();
  await expect(dialog.getByTestId('import-good-rows')).toHaveCount(0);
  await shot('import-missing-column');
  await dialog.getByTestId('import-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(total).toHaveText('共 9 个');

  // Unknown county, a unit already registered, a formula: each on its row, in Chinese.
  const mixed = await makeWorkbook(UNIT_HEADERS, MIXED_UNITS);
  await chooseImportFile(page, 'unit-import', '派出所补充.xlsx', mixed);
  await expect(report).toHaveAttribute('data-total', '5');
  await expect(report).toHaveAttribute('data-good', '2');
  await expect(report).toHaveAttribute('data-issues', '3');
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '发现 3 处问题，涉及 3 行，尚未导入任何数据。请按行号修改后重新选择文件；也可以只导入无误的 2 行。',
  );
  await expect(dialog.getByTestId('import-count-total')).toHaveText('共 5 行');
  await expect(dialog.getByTestId('import-count-good')).toHaveText('无误 2 行');
  await expect(dialog.getByTestId('import-count-bad')).toHaveText('有问题 3 行');
  await expect(issues.locator('tbody tr')).toHaveCount(3);
  await expect(issues.locator('tr[data-row="3"]')).toContainText('所属旗县区');
  await expect(issues.locator('tr[data-row="3"]')).toContainText('所属旗县区“海拉尔区”不在目录中');
  await expect(issues.locator('tr[data-row="4"]')).toContainText('单位名称');
  await expect(issues.locator('tr[data-row="4"]')).toContainText('“金河镇”已在单位名册中（赛罕区），不能重复登记');
  await expect(issues.locator('tr[data-row="5"]')).toContainText('党组织类型');
  await expect(issues.locator('tr[data-row="5"]')).toContainText('不接受公式，请粘贴为数值（单元格 E5）');
  await expect(importAll).toBeDisabled();
  await expect(dialog.getByTestId('import-good-rows')).toHaveText('仅导入无误的 2 行');
  await shot('import-report-errors');
  await dialog.getByTestId('import-cancel').click();
  await expect(total).toHaveText('共 9 个');
  await expect(unitRow(page, '托克托县公安局双河派出所')).toHaveCount(0);

  // The same file, and the explicit choice: only the good rows, after a confirmation.
  await chooseImportFile(page, 'unit-import', '派出所补充.xlsx', mixed);
  await dialog.getByTestId('import-good-rows').click();
  const confirm = dialog.getByTestId('import-confirm-good');
  await expect(confirm).toContainText('将只导入无误的 2 行；有问题的 3 行不导入');
  await shot('import-confirm-good-rows');
  await confirm.getByTestId('import-confirm-good-yes').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入 2 个单位')).toBeVisible();
  await expect(total).toHaveText('共 11 个');
  await expect(unitRow(page, '托克托县公安局双河派出所')).toBeVisible();
  await expect(unitRow(page, '清水河县公安局城关派出所')).toBeVisible();
  await expect(unitRow(page, '海拉尔区公安局胜利派出所')).toHaveCount(0);
  await expect(unitRow(page, '和林格尔县公安局城关派出所')).toHaveCount(0);

  // 党建考核 of 2019: same two-step flow, shown in the table and the drawer.
  const assessments = await makeWorkbook(
    ['单位名称', '所属旗县区', '考核结果'],
    [
      ['市审计局', '', '好'],
      ['金河镇', '赛罕区', '较好'],
    ],
    '党建考核',
  );
  await page.getByTestId('assessment-import').click();
  await pick(page, 'import-year', '2019年');
  await page.getByTestId('import-dialog').getByTestId('import-file').setInputFiles({
    name: '2019年度党建考核结果.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: assessments,
  });
  await expect(dialog).toHaveAttribute('data-step', 'report');
  await expect(dialog.getByTestId('import-summary')).toHaveText('校验通过：共 2 条考核结果，全部无误，可以导入。');
  await importAll.click();
  await expect(dialog).toBeHidden();
  await expect(unitRow(page, '金河镇')).toContainText('2019年 较好');
  await expect(unitRow(page, '市审计局')).toContainText('2019年 好');
});

test('registry: markup stays text, filters, drawer, 撤并 with a date, export of the filtered list, talent pool, catalogues', async ({ app }) => {
  const { page, shot } = app;
  const dialogs = failOnDialogs(page);
  await setUpVault(page);
  await seedUnits(page, GOOD_UNITS);
  await openRegistry(page);
  const total = page.getByTestId('units-total');
  await expect(total).toHaveText('共 9 个');

  // New unit by hand, with markup in its name: shown as text, never run.
  await page.getByTestId('unit-create').click();
  const form = page.getByTestId('unit-form');
  await expect(form.getByLabel('单位名称')).toBeFocused();
  await form.getByLabel('单位名称').fill(`市医疗保障局${MARKUP}`);
  await pick(page, 'unit-form-kind', '市直部门');
  await pick(page, 'unit-form-region', '市本级');
  await pick(page, 'unit-form-party', '党组');
  await form.getByTestId('unit-form-established').fill('2019-01-10');
  await form.getByTestId('unit-form-established').press('Tab');
  await shot('unit-create-dialog');
  await form.getByTestId('unit-form-submit').click();
  await expect(form).toBeHidden();
  await expect(total).toHaveText('共 10 个');
  const markupRow = unitRow(page, `市医疗保障局${MARKUP}`);
  await expect(markupRow.getByTestId('unit-open')).toHaveText(`市医疗保障局${MARKUP}`);
  await expect(page.getByTestId('units-table').locator('img')).toHaveCount(0);

  // The drawer: particulars, children, inspections.
  await unitRow(page, '金河镇').getByTestId('unit-open').click();
  const drawer = page.getByRole('dialog', { name: '金河镇' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('unit-drawer-children')).toContainText('金河村');
  await expect(drawer.getByTestId('unit-drawer-children')).toContainText('西把栅村');
  await expect(drawer).toContainText('1984年5月1日');
  await expect(drawer).toContainText('尚未巡察');
  await shot('unit-drawer');
  // A child opens in the same drawer, and shows its parent.
  await drawer.getByTestId('unit-drawer-children').getByRole('button', { name: '金河村' }).click();
  await expect(page.getByRole('dialog', { name: '金河村' })).toContainText('金河镇');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '金河村' })).toBeHidden();

  // 撤并: abolished on a date, kept in the registry with its badge.
  await unitRow(page, '赛罕区公安分局昭乌达路派出所').getByRole('button', { name: '撤并' }).click();
  const statusForm = page.getByTestId('unit-status-form');
  await pick(page, 'unit-status-select', '已撤销');
  await statusForm.getByTestId('unit-status-submit').click();
  await expect(statusForm).toContainText('请填写日期');
  await statusForm.getByTestId('unit-status-date').fill('2019-06-01');
  await statusForm.getByTestId('unit-status-date').press('Tab');
  await shot('unit-status-dialog');
  await statusForm.getByTestId('unit-status-submit').click();
  await expect(statusForm).toBeHidden();
  await expect(unitRow(page, '赛罕区公安分局昭乌达路派出所')).toContainText('已撤销（2019年6月1日）');

  // Filters: kind, county (incl. 市本级), status, text.
  await pick(page, 'unit-filter-kind', '派出所');
  await expect(total).toHaveText('共 4 个');
  await pick(page, 'unit-filter-region', '武川县');
  await expect(total).toHaveText('共 2 个');
  await shot('registry-filtered');

  // 导出 writes the current filter, all pages.
  const [exportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('unit-export').click()]);
  expect(exportDownload.suggestedFilename()).toMatch(/^被巡察单位名册_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exported = await readDownload(exportDownload);
  const names = exported.rows.map((row) => row[0]);
  expect(names).toContain('武川县公安局可可以力更派出所');
  expect(names).toContain('武川县公安局哈乐派出所');
  expect(names).not.toContain('赛罕区公安分局大学路派出所');
  expect(names.filter((name) => name?.includes('派出所'))).toHaveLength(2);

  await page.getByRole('button', { name: '重置' }).click();
  await pick(page, 'unit-filter-region', '市本级');
  await expect(total).toHaveText('共 3 个');
  await page.getByRole('button', { name: '重置' }).click();
  await pick(page, 'unit-filter-status', '已撤销');
  await expect(total).toHaveText('共 1 个');
  await page.getByRole('button', { name: '重置' }).click();
  await page.getByTestId('unit-filter-text').fill('金河');
  await page.getByTestId('unit-filter-text').press('Enter');
  await expect(total).toHaveText('共 2 个');
  await page.getByRole('button', { name: '重置' }).click();
  await expect(total).toHaveText('共 10 个');

  // 巡察人才库: a cadre of a registry unit, and where he has served.
  await page.getByTestId('tab-people').click();
  await expect(page.getByTestId('people-total')).toHaveText('共 0 人');
  await page.getByTestId('person-create').click();
  const personForm = page.getByTestId('person-form');
  await personForm.getByLabel('姓名').fill('张伟');
  await personForm.getByTestId('person-form-unit').fill('审计');
  await page.getByRole('option', { name: '市审计局' }).click();
  await personForm.getByLabel('职务').fill('审计局副局长');
  await personForm.getByLabel('职级').fill('副处级');
  await personForm.getByLabel('专长').fill('财务审计');
  await shot('person-dialog');
  await personForm.getByTestId('person-form-submit').click();
  await expect(personForm).toBeHidden();
  const person = page.getByTestId('people-table').locator('tr[data-person-name="张伟"]');
  await expect(person).toContainText('市审计局');
  await expect(person).toContainText('尚未参加巡察');

  // A person outside the registry, by free text.
  await page.getByTestId('person-create').click();
  await personForm.getByLabel('姓名').fill('王磊');
  await personForm.getByTestId('person-form-unit-source').getByText('手工填写').click();
  await personForm.getByTestId('person-form-unit-text').fill('赛罕区委巡察办');
  await pick(page, 'person-form-region', '赛罕区');
  await personForm.getByTestId('person-form-submit').click();
  await expect(personForm).toBeHidden();
  await expect(page.getByTestId('people-table').locator('tr[data-person-name="王磊"]')).toContainText('赛罕区委巡察办');
  await expect(page.getByTestId('people-total')).toHaveText('共 2 人');

  // He serves as leader of a group (through the core: the rounds UI is another module's).
  const term = await invoke(page, 'terms.create', { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' });
  const round = await invoke(page, 'rounds.create', { termId: term.id, number: 9, year: 2020, peopleDrawn: 214 });
  const group = await invoke(page, 'groups.create', { roundId: round.id });
  const people = await invoke(page, 'people.list', { text: '张伟', page: 1, pageSize: 10 });
  await invoke(page, 'groups.addMember', { groupId: group.id, personId: people.items[0]!.id, role: 'leader' });
  await page.getByTestId('tab-units').click();
  await page.getByTestId('tab-people').click();
  await expect(person.getByTestId('person-service')).toHaveText('十二届市委第九轮巡察 第一巡察组 组长');
  await shot('people');

  // 基础目录: a new topic, a renamed county entry shows everywhere.
  await page.getByTestId('tab-catalogs').click();
  const topics = page.getByTestId('catalog-specialTopics');
  await topics.getByTestId('catalog-specialTopics-add').fill('粮食购销领域');
  await topics.getByRole('button', { name: '添加' }).click();
  await expect(topics).toContainText('粮食购销领域');
  const kinds = page.getByTestId('catalog-unitKinds');
  await kinds.getByRole('button', { name: '“国土所”改名' }).click();
  await kinds.getByRole('textbox', { name: '“国土所”改名' }).fill('自然资源所');
  await kinds.getByRole('button', { name: '保存' }).click();
  await expect(kinds).toContainText('自然资源所');
  await expect(kinds).not.toContainText('国土所');
  await shot('catalogues');

  expect(dialogs).toEqual([]);
});

test('a read-only role sees the registry and coverage without any write button, and the core refuses writes', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await seedUnits(page, GOOD_UNITS.slice(0, 3));
  await invoke(page, 'accounts.create', { username: 'zhaoming', displayName: '赵明', role: 'auditor', password: 'Lingdao2020ab' });
  await signOut(page);
  await signIn(page, 'zhaoming', 'Lingdao2020ab');
  const forced = page.getByRole('dialog', { name: '请修改初始密码' });
  await forced.getByRole('textbox', { name: '当前密码', exact: true }).fill('Lingdao2020ab');
  await forced.getByRole('textbox', { name: '新密码', exact: true }).fill('Lingdao2021cd');
  await forced.getByRole('textbox', { name: '确认新密码', exact: true }).fill('Lingdao2021cd');
  await forced.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');
  await expect(forced).toBeHidden();

  await openRegistry(page);
  await expect(page.getByTestId('units-total')).toHaveText('共 3 个');
  await expect(page.getByTestId('unit-export')).toBeVisible();
  for (const testId of ['unit-create', 'unit-import', 'assessment-import', 'unit-template']) {
    await expect(page.getByTestId(testId), testId).toHaveCount(0);
  }
  await expect(page.getByTestId('units-table').getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByTestId('units-table').getByRole('button', { name: '撤并' })).toHaveCount(0);
  await shot('registry-read-only');
  await page.getByTestId('tab-people').click();
  await expect(page.getByTestId('person-create')).toHaveCount(0);
  await page.getByTestId('tab-catalogs').click();
  await expect(page.getByTestId('catalog-specialTopics-add')).toHaveCount(0);

  const refused = await page.evaluate(() =>
    window.api.invoke('units.create', { name: '市数据局', kindId: 1, regionId: null, partyOrgType: '党组' }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });

  await go(page, '全覆盖');
  await expect(page.getByTestId('coverage-page')).toContainText('尚未建立届次');
});

test('全覆盖 of a term and the 首页 dashboard of the year show the exact figures', async ({ app }) => {
  const { page, shot } = app;
  const dialogs = failOnDialogs(page);
  await setUpVault(page);
  await expect(page.getByTestId('home-office-name')).toHaveText(OFFICE.name);

  // The registry: 9 imported units, two more, one of them set up mid-term with markup in its name.
  await seedUnits(page, [...GOOD_UNITS, MIXED_UNITS[0]!, MIXED_UNITS[4]!]);
  const catalogs = await invoke(page, 'catalogs.get', {});
  const kind = (name: string) => catalogs.unitKinds.find((k) => k.name === name)!.id;
  const topic = (name: string) => catalogs.specialTopics.find((k) => k.name === name)!.id;
  await invoke(page, 'units.create', {
    name: `市医疗保障局${MARKUP}`,
    kindId: kind('市直部门'),
    regionId: null,
    partyOrgType: '党组',
    establishedOn: '2019-01-10',
  });
  const units = await invoke(page, 'units.list', { page: 1, pageSize: 100 });
  const unit = (name: string) => units.items.find((u) => u.name === name)!.id;

  // 撤并 before being inspected: drops out of the term.
  await openRegistry(page);
  await unitRow(page, '赛罕区公安分局昭乌达路派出所').getByRole('button', { name: '撤并' }).click();
  await pick(page, 'unit-status-select', '已撤销');
  await page.getByTestId('unit-status-date').fill('2019-06-01');
  await page.getByTestId('unit-status-date').press('Tab');
  await page.getByTestId('unit-status-submit').click();
  await expect(unitRow(page, '赛罕区公安分局昭乌达路派出所')).toContainText('已撤销');

  // 十二届市委: 第七轮 (2019), 第八轮 and 第九轮 (2020), through the core (the rounds UI is another module's).
  const term = await invoke(page, 'terms.create', { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' });
  const r7 = await invoke(page, 'rounds.create', { termId: term.id, number: 7, year: 2019, peopleDrawn: 120, actualStart: '2019-09-02', actualEnd: '2019-11-30' });
  const r8 = await invoke(page, 'rounds.create', { termId: term.id, number: 8, year: 2020, peopleDrawn: 186, actualStart: '2020-04-07', actualEnd: '2020-06-30' });
  const r9 = await invoke(page, 'rounds.create', { termId: term.id, number: 9, year: 2020, peopleDrawn: 214, actualStart: '2020-08-03', actualEnd: '2020-09-26' });
  const g7 = await invoke(page, 'groups.create', { roundId: r7.id });
  const g8a = await invoke(page, 'groups.create', { roundId: r8.id });
  const g8b = await invoke(page, 'groups.create', { roundId: r8.id });
  const g9 = await invoke(page, 'groups.create', { roundId: r9.id });
  const first = await invoke(page, 'inspections.create', { roundId: r7.id, groupId: g7.id, unitId: unit('市审计局'), mode: 'routine' });
  await invoke(page, 'inspections.create', { roundId: r8.id, groupId: g8a.id, unitId: unit('金河镇'), mode: 'special', topicId: topic('优化营商环境') });
  await invoke(page, 'inspections.create', { roundId: r8.id, groupId: g8a.id, unitId: unit('市审计局'), mode: 'lookback', followsInspectionId: first.id });
  await invoke(page, 'inspections.create', { roundId: r8.id, groupId: g8b.id, unitId: unit('武川县公安局哈乐派出所'), mode: 'cross' });
  await invoke(page, 'inspections.createBatch', {
    roundId: r9.id,
    groupId: g9.id,
    unitIds: [unit('赛罕区公安分局大学路派出所'), unit('武川县公安局可可以力更派出所')],
    mode: 'elevated_cross',
  });

  // 全覆盖: 12 units − 1 abolished before inspection = 11 due; covered: 审计局, 金河镇, 3 派出所 (回头看 does not count).
  await go(page, '全覆盖');
  await expect(page.getByTestId('coverage-term')).toHaveValue('十二届市委');
  await expect(page.getByTestId('coverage-total')).toHaveAttribute('data-value', '11');
  await expect(page.getByTestId('coverage-covered')).toHaveAttribute('data-value', '5');
  await expect(page.getByTestId('coverage-rate')).toHaveAttribute('data-value', '45.5%');
  await expect(page.getByTestId('coverage-rate')).toContainText('45.5%');
  await expect(page.getByTestId('coverage-new')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('coverage-retired')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('coverage-covered')).toContainText('尚有 6 个未巡察');

  const byKind = page.getByTestId('coverage-by-kind-table');
  const share = async (table: typeof byKind, label: string, covered: number, due: number) => {
    const row = table.locator(`tr[data-label="${label}"]`);
    await expect(row, label).toHaveAttribute('data-covered', String(covered));
    await expect(row, label).toHaveAttribute('data-total', String(due));
  };
  await share(byKind, '市直部门', 1, 3);
  await share(byKind, '乡镇/街道', 1, 1);
  await share(byKind, '村/社区', 0, 2);
  await share(byKind, '派出所', 3, 5);
  await expect(byKind.locator('tbody tr')).toHaveCount(4);
  const byRegion = page.getByTestId('coverage-by-region-table');
  await share(byRegion, '市本级', 1, 3);
  await share(byRegion, '赛罕区', 2, 4);
  await share(byRegion, '托克托县', 0, 1);
  await share(byRegion, '清水河县', 0, 1);
  await share(byRegion, '武川县', 2, 2);
  await expect(page.getByTestId('coverage-by-kind-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('coverage-by-kind-chart')).toContainText('派出所');
  await expect(page.getByTestId('coverage-by-region-chart')).toContainText('武川县');
  const byMode = page.getByTestId('coverage-by-mode-table');
  for (const [mode, inspections, count] of [
    ['routine', 1, 1],
    ['special', 1, 1],
    ['cross', 1, 1],
    ['elevated_cross', 2, 2],
    ['pinpoint', 0, 0],
    ['lookback', 1, 1],
  ] as const) {
    await expect(byMode.locator(`tr[data-mode="${mode}"]`), mode).toHaveAttribute('data-inspections', String(inspections));
    await expect(byMode.locator(`tr[data-mode="${mode}"]`), mode).toHaveAttribute('data-units', String(count));
  }
  await expect(byMode.locator('tr[data-mode="elevated_cross"]')).toContainText('提级交叉巡察');
  await shot('coverage-overview');

  // The matrix: one column per round, the mode in each cell.
  await page.getByTestId('coverage-tab-matrix').click();
  const matrix = page.getByTestId('matrix-table');
  await expect(matrix.locator('thead th[data-round]')).toHaveText(['第七轮', '第八轮', '第九轮']);
  await expect(page.getByTestId('matrix-total')).toHaveText('共 11 个');
  const cells = (name: string) => matrix.locator(`tr[data-unit-name="${name}"] td[data-cell]`);
  await expect(cells('市审计局')).toHaveText(['常规', '回头看', '·']);
  await expect(cells('金河镇')).toHaveText(['·', '专项', '·']);
  await expect(cells('赛罕区公安分局大学路派出所')).toHaveText(['·', '·', '提级']);
  await expect(cells('武川县公安局哈乐派出所')).toHaveText(['·', '交叉', '·']);
  await expect(matrix.locator(`tr[data-unit-name="市医疗保障局${MARKUP}"]`)).toContainText(`市医疗保障局${MARKUP}`);
  await expect(matrix.locator('img')).toHaveCount(0);
  await shot('coverage-matrix');
  await page.getByTestId('matrix-filter-coverage').getByText('未覆盖').click();
  await expect(page.getByTestId('matrix-total')).toHaveText('共 6 个');
  await pick(page, 'matrix-filter-region', '赛罕区');
  await expect(page.getByTestId('matrix-total')).toHaveText('共 2 个');
  await expect(matrix.locator('tbody tr[data-unit-name]')).toHaveCount(2);
  await expect(matrix.locator('tr[data-unit-name="金河村"]')).toHaveAttribute('data-covered', 'false');
  await expect(matrix.locator('tr[data-unit-name="西把栅村"]')).toHaveAttribute('data-covered', 'false');
  await shot('coverage-matrix-uncovered');

  // 回头看 candidates: inspected, active, not followed up; oldest first.
  await page.getByTestId('coverage-tab-lookback').click();
  const lookback = page.getByTestId('lookback-table');
  await expect(lookback.locator('tbody tr[data-unit-name]')).toHaveCount(4);
  await expect(lookback.locator('tbody tr[data-unit-name]').first()).toContainText('十二届市委第八轮巡察');
  await expect(lookback.locator('tr[data-unit-name="市审计局"]')).toHaveCount(0);
  await expect(lookback.locator('tr[data-unit-name="赛罕区公安分局大学路派出所"]')).toContainText('2020年9月26日');
  await shot('coverage-lookback');

  // 首页: this year has no rounds, so the dashboard opens on 2020, the latest year with rounds.
  await go(page, '首页');
  await expect(page.getByTestId('dashboard-year')).toHaveValue('2020年');
  await expect(page.getByTestId('dashboard-rounds')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('dashboard-groups')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('dashboard-people')).toHaveAttribute('data-value', '400');
  await expect(page.getByTestId('dashboard-inspections')).toHaveAttribute('data-value', '5');
  const legend = page.getByTestId('dashboard-mode-legend');
  await expect(legend.locator('[data-mode]')).toHaveCount(4);
  await expect(legend.locator('[data-mode="elevated_cross"]')).toHaveAttribute('data-count', '2');
  await expect(legend.locator('[data-mode="elevated_cross"]')).toContainText('提级交叉巡察');
  await expect(legend.locator('[data-mode="lookback"]')).toContainText('回头看');
  await expect(page.getByTestId('dashboard-mode-chart').locator('.recharts-pie-sector')).toHaveCount(4);
  await expect(page.getByTestId('dashboard-region-chart')).toContainText('赛罕区');
  await expect(page.getByTestId('dashboard-region-chart')).toContainText('武川县');
  await expect(page.getByTestId('dashboard-region-chart')).toContainText('市本级');
  await expect(page.getByTestId('dashboard-coverage-rate')).toHaveText('45.5%');
  await expect(page.getByTestId('dashboard-coverage')).toContainText('已覆盖 5 个，应覆盖 11 个');
  await expect(page.getByTestId('home-office-name')).toHaveText(OFFICE.name);
  await expect(page.getByTestId('home-role')).toHaveText('系统管理员');
  await shot('dashboard-2020');

  // 2019: one round, one inspection.
  await pick(page, 'dashboard-year', '2019年');
  await expect(page.getByTestId('dashboard-rounds')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('dashboard-people')).toHaveAttribute('data-value', '120');
  await expect(page.getByTestId('dashboard-inspections')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('dashboard-mode-legend').locator('[data-mode]')).toHaveCount(1);
  await shot('dashboard-2019');

  // The coverage panel leads to the coverage page.
  await page.getByTestId('dashboard-coverage').getByRole('button', { name: '查看全覆盖' }).click();
  await expect(page.getByTestId('coverage-page')).toBeVisible();
  await expect(nav(page).getByRole('button', { name: '全覆盖' })).toHaveAttribute('aria-current', 'page');

  expect(dialogs).toEqual([]);
});
