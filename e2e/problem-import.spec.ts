/**
 * 问题 from and to Excel, end to end against the real core: an inspector downloads the round's
 * template, imports a filled file with one bad row (the row is named, nothing is written),
 * imports the good rows, finds them in the list, and exports the filtered list as .xlsx.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures';
import { go, setUpVault } from './support/flows';
import { INSPECTOR, ROUND_LABEL, readDownload, seedRound8, signInFirstTime, signOutNow } from './support/findings';

const CORRUPTION = '群众身边腐败问题和不正之风';

test('an inspector imports problems from the template, sees the bad row, imports the good rows and exports the filtered list', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await seedRound8(page);
  await signOutNow(page);
  await signInFirstTime(page, INSPECTOR);
  await go(page, '问题与线索');
  await expect(page.getByTestId('findings-round')).toHaveValue(ROUND_LABEL);
  await expect(page.getByTestId('problems-total')).toHaveText('共 0 条问题');

  await page.getByTestId('problem-import').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('import-template').click()]);
  expect(templateDownload.suggestedFilename()).toBe(`问题导入模板_${ROUND_LABEL}.xlsx`);

  // Filled as a user would: the template's own file, three rows, the second naming a unit not in the round.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await templateDownload.path()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('问题')!;
  sheet.getRow(2).values = ['市审计局', CORRUPTION, '违反中央八项规定精神', '违规发放加班补贴<b>12.6万元</b>', '财务凭证第35号', '查阅资料', '否'];
  sheet.getRow(3).values = ['市教育局', CORRUPTION, '', '未纳入本轮的单位', '', '查阅资料', ''];
  sheet.getRow(4).values = ['赛罕区巴彦街道', '基层党组织软弱涣散、组织力欠缺', '', '三会一课流于形式', '', '个别谈话', '是'];
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  await dialog.getByTestId('import-file').setInputFiles({
    name: '第八轮问题.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  });
  await expect(dialog).toHaveAttribute('data-step', 'report');
  const report = dialog.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-total', '3');
  await expect(report).toHaveAttribute('data-good', '2');
  const issue = dialog.getByTestId('import-issues').locator('tbody tr');
  await expect(issue).toHaveCount(1);
  await expect(issue).toHaveAttribute('data-row', '3');
  await expect(issue).toContainText('第 3 行');
  await expect(issue).toContainText('“市教育局”不是本轮的巡察对象');
  await expect(dialog.getByTestId('import-all')).toBeDisabled();
  await shot('problem-import-report');

  await dialog.getByTestId('import-good-rows').click();
  await dialog.getByTestId('import-confirm-good-yes').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入 2 个问题')).toBeVisible();
  await expect(page.getByTestId('problems-total')).toHaveText('共 2 条问题');
  // Markup stays text.
  await expect(page.getByTestId('problem-description').filter({ hasText: '违规发放加班补贴<b>12.6万元</b>' })).toBeVisible();
  await shot('problem-imported');

  // Export what the list's filter (a text search) shows: one of the two.
  await page.getByTestId('problem-filter-text').fill('加班补贴');
  await page.getByTestId('problem-filter-submit').click();
  await expect(page.getByTestId('problems-total')).toHaveText('共 1 条问题');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('problem-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^问题清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const rows = await readDownload(download);
  expect(rows[0]).toEqual(['编号', '巡察对象', '聚焦', '问题类别', '问题描述', '证据', '问题来源', '是否共性问题', '轮次', '巡察组', '登记时间']);
  expect(rows).toHaveLength(2);
  expect(rows[1]!.slice(1, 10)).toEqual(['市审计局', CORRUPTION, '违反中央八项规定精神', '违规发放加班补贴<b>12.6万元</b>', '财务凭证第35号', '查阅资料', '否', ROUND_LABEL, '第一巡察组']);
});
