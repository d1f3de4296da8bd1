/**
 * Quick search (Ctrl+K), end to end against the real core: the administrator finds a unit, a
 * problem, a round and a person from one box, walks the hits with the arrow keys and lands on
 * each record's page (the unit's drawer open, the round's page, the talent pool filtered by the
 * name); an inspector never sees a classified archive item in it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { setUpVault } from './support/flows';
import { api, closeNotifications, INSPECTOR, seedRound8, signInFirstTime, signOutNow } from './support/findings';

async function openQuickSearch(page: Page) {
  await page.keyboard.press('Control+K');
  const box = page.getByTestId('quick-search-input');
  await expect(box).toBeFocused();
  return box;
}

function hits(page: Page) {
  return page.getByTestId('quick-search-hit');
}

test('Ctrl+K finds units, problems, rounds and people, and Enter lands on the record', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  const { round, inspections } = await seedRound8(page);
  await api(page, 'people.create', { name: '张伟', unitId: null, unitText: '市审计局', position: '审计局副局长' });
  await api(page, 'problems.create', { inspectionId: inspections.audit.id, focus: 'corruption', description: '违规发放加班补贴12.6万元', evidence: '财务凭证第35号', source: 'documents' });
  await api(page, 'problems.create', { inspectionId: inspections.finance.id, focus: 'corruption', description: '审计发现专项资金拨付滞后，<b>整改</b>未到位', source: 'documents' });
  await api(page, 'archives.create', { year: 2020, retention: 'D30', orgCode: 'XCB', title: '审计局巡察反馈意见', responsible: '市委第一巡察组', docNumber: '市巡办〔2020〕8号', classification: 'internal', roundId: round.id });
  await api(page, 'archives.create', { year: 2020, retention: 'D30', orgCode: 'XCB', title: '审计局巡察报告', responsible: '市委第一巡察组', classification: 'secret', roundId: round.id });
  await closeNotifications(page);

  // A unit name: grouped hits, the snippet's markup shown as text.
  const box = await openQuickSearch(page);
  await box.fill('审计');
  const dialog = page.getByRole('dialog', { name: '快速搜索' });
  await expect(dialog.locator('[role="group"][data-kind]')).toHaveCount(3);
  await expect(dialog.getByText('被巡察单位', { exact: true })).toBeVisible();
  await expect(hits(page).filter({ hasText: '审计局巡察报告' })).toBeVisible();
  await expect(hits(page).filter({ hasText: '<b>整改</b>' })).toHaveCount(1);
  await expect(dialog.locator('mark').first()).toHaveText('审计');
  await shot('quick-search-grouped');

  await box.fill('市审计局');
  await expect(hits(page).first()).toHaveAttribute('data-kind', 'unit');
  await expect(hits(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('data-settled', 'true');
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('registry-page')).toBeVisible();
  await expect(page.getByTestId('unit-drawer')).toContainText('市审计局');
  await shot('quick-search-unit-drawer');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unit-drawer')).toBeHidden();

  // Problem words (two terms, digits with a point); then ↓ from the unit to the problem below it, and Enter.
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('到位 资金');
  await expect(hits(page)).toHaveCount(1);
  await page.getByTestId('quick-search-input').fill('12.6万');
  await expect(hits(page)).toHaveCount(1);
  await page.getByTestId('quick-search-input').fill('补贴');
  await expect(hits(page).first()).toHaveAttribute('data-kind', 'problem');
  await page.getByTestId('quick-search-input').fill('审计');
  await expect(hits(page).nth(1)).toHaveAttribute('data-kind', 'problem');
  await page.getByTestId('quick-search-input').press('ArrowDown');
  await expect(hits(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('quick-search-input')).toHaveAttribute('aria-activedescendant', 'quick-search-hit-1');
  await shot('quick-search-arrow-down');
  await expect(page.getByTestId('quick-search-input')).toHaveAttribute('data-settled', 'true');
  await page.getByTestId('quick-search-input').press('Enter');
  await expect(page.getByTestId('findings-page')).toBeVisible();

  // A round by what people call it.
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('第八轮');
  await expect(hits(page)).toHaveCount(1);
  await expect(page.getByTestId('quick-search-input')).toHaveAttribute('data-settled', 'true');
  await page.getByTestId('quick-search-input').press('Enter');
  await expect(page.getByTestId('round-page')).toHaveAttribute('data-round-id', String(round.id));

  // A person: the talent pool, filtered by the name.
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('张伟');
  await expect(hits(page).first()).toHaveAttribute('data-kind', 'person');
  await expect(page.getByTestId('quick-search-input')).toHaveAttribute('data-settled', 'true');
  await page.getByTestId('quick-search-input').press('Enter');
  await expect(page.getByTestId('people-panel')).toBeVisible();
  await expect(page.getByTestId('people-search')).toHaveValue('张伟');

  // Nothing found says so; Esc closes.
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('不存在的内容');
  await expect(page.getByTestId('quick-search-empty')).toHaveText('没有找到匹配的内容');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In English: the same box, its own words (the records stay as written).
  await page.getByTestId('language-switch').getByText('English').click();
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('审计');
  const english = page.getByRole('dialog', { name: 'Quick search' });
  await expect(english.getByText('Units', { exact: true })).toBeVisible();
  await expect(english.getByText('Archives', { exact: true })).toBeVisible();
  await shot('quick-search-english');
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switch').getByText('中文').click();

  // An inspector sees the unclassified archive item only.
  await signOutNow(page);
  await signInFirstTime(page, INSPECTOR);
  await openQuickSearch(page);
  await page.getByTestId('quick-search-input').fill('审计局巡察');
  await expect(hits(page).filter({ hasText: '审计局巡察反馈意见' })).toBeVisible();
  await expect(hits(page).filter({ hasText: '审计局巡察报告' })).toHaveCount(0);
  await shot('quick-search-inspector');
});
