/**
 * 移交、处置, end to end against the real core on a real encrypted vault, as the users work:
 * on 2020-07-10 a clue officer hands two clues to 市纪委监委 with the deadline the office's
 * default proposes, attaches the signed receipt (回执) and reads it inside the app; nothing is
 * overdue yet. The core's clock moves to 2020-08-19, past the deadline: the dashboard lists the
 * hand-over as overdue and links to the register, where a disposal is recorded. An inspector
 * sees counts only and hands over the problem list; the administrator edits the receivers and
 * lets administrators read clues.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn } from './support/flows';
import { CLUE_OFFICER, INSPECTOR, ROUND_LABEL, api, choose, closeNotifications, seedRound8, signInFirstTime, signOutNow, tinyPdf, typeDate } from './support/findings';

/** Today as the page sees it (the tests run in Asia/Shanghai). */
function pageToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** 2020-08-09 → 2020年8月9日, as the UI writes dates. */
function zhDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

async function openFindings(page: Page, tab: string) {
  await go(page, '问题与线索');
  await expect(page.getByTestId('findings-round')).toHaveValue(ROUND_LABEL);
  await page.getByRole('tab', { name: tab }).click();
}

test('a clue officer hands over two clues with the proposed deadline and files the receipt; past the deadline the dashboard shows it overdue; a disposal is recorded; staff see counts; the administrator edits receivers and opens clues to administrators', async ({
  app,
}) => {
  test.skip(app.clock === null, 'the core’s clock can be set only where the test runs the core (bridge host)');
  const { page, shot } = app;
  const clock = app.clock!;
  clock.set('2020-07-10T09:00:00+08:00');
  await setUpVault(page);
  const { round } = await seedRound8(page);
  await signOutNow(page);

  // ---- 2020-07-10, 线索管理员: two clues, handed over together ----------------------------------
  await signInFirstTime(page, CLUE_OFFICER);
  await api(page, 'clues.create', { roundId: round.id, summary: '反映市审计局副局长张某某收受礼金问题', source: '信访举报', receivedOn: '2020-04-20' });
  await api(page, 'clues.create', { roundId: round.id, summary: '反映巴彦街道会计挪用集体资金问题', source: '个别谈话', receivedOn: '2020-04-22' });
  await openFindings(page, '问题线索');
  for (const code of ['八轮-线索-001', '八轮-线索-002']) await page.getByTestId('clue-row').filter({ hasText: code }).getByTestId('clue-select').check();
  await page.getByTestId('clue-handover-selected').click();
  const form = page.getByTestId('handover-form');
  // The office's default (30 days) proposes the deadline from the page's today, and follows the date.
  await expect(form.getByTestId('handover-due')).toHaveValue(zhDate(addDays(pageToday(), 30)));
  await expect(form.getByTestId('handover-due-hint')).toHaveText('默认为移交日期后 30 天，可修改或清空');
  await typeDate(form.getByTestId('handover-date'), '2020-07-10');
  await expect(form.getByTestId('handover-due')).toHaveValue('2020年8月9日');
  await choose(page, form.getByTestId('handover-receiver'), '市纪委监委');
  await form.getByTestId('handover-person').fill('李主任');
  await shot('handover-proposed-deadline');
  await form.getByTestId('handover-submit').click();
  await expect(form).toBeHidden();
  await closeNotifications(page);

  // ---- 移交台账: numbers, deadline, not overdue yet ----------------------------------------------
  await page.getByRole('tab', { name: '移交台账' }).click();
  const row = page.getByTestId('handover-row').filter({ hasText: '市纪委监委' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('handover-content')).toContainText('八轮-线索-001');
  await expect(row.getByTestId('handover-content')).toContainText('八轮-线索-002');
  await expect(row).toContainText('接收人：李主任');
  await expect(row).toContainText('2020年8月9日');
  await expect(row).toHaveAttribute('data-overdue', '');
  await expect(row.getByTestId('handover-progress')).toHaveText('已处置 0/2');
  await expect(row.getByTestId('handover-receipt')).toContainText('回执未返回');

  // ---- 回执: the scan (a PDF), the day it came back; a Word file is refused ---------------------
  await row.getByTestId('handover-receipt-open').click();
  const dialog = page.getByTestId('receipt-dialog');
  await expect(dialog.getByTestId('receipt-none')).toBeVisible();
  const fileInput = dialog.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: '回执.docx', mimeType: 'application/msword', buffer: Buffer.from('PK') });
  await expect(dialog.getByTestId('receipt-problem')).toContainText('“回执.docx”不是 PDF 或图片');
  await fileInput.setInputFiles({ name: '移交回执.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Receipt signed by Li, 2020-07-13') });
  await expect(dialog.getByTestId('receipt-file')).toHaveAttribute('data-file-name', '移交回执.pdf');
  await typeDate(dialog.getByTestId('receipt-returned'), '2020-07-13');
  await dialog.getByTestId('receipt-returned-save').click();
  await expect(page.getByText('已登记回执于 2020年7月13日 返回')).toBeVisible();
  await closeNotifications(page);
  await shot('receipt-dialog');
  await dialog.getByTestId('receipt-view').click();
  const viewer = page.getByTestId('file-viewer');
  await expect(viewer).toHaveAttribute('data-state', 'pdf');
  await expect(viewer.getByTestId('file-verified')).toBeVisible();
  await expect(viewer.locator('canvas').first()).toBeVisible();
  await shot('receipt-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('receipt-close').click();
  await expect(row.getByTestId('handover-receipt')).toContainText('2020年7月13日 返回');
  await expect(row.getByTestId('handover-receipt')).toContainText('已存扫描件');

  // Nothing is overdue on the day of the hand-over.
  await go(page, '首页');
  await expect(page.getByTestId('dashboard-overdue')).toContainText('没有超过反馈期限的移交');
  await signOutNow(page);

  // ---- 2020-08-19: ten days past the deadline, both clues still open ------------------------------
  clock.set('2020-08-19T09:00:00+08:00');
  await signIn(page, CLUE_OFFICER.username, CLUE_OFFICER.newPassword);
  const card = page.getByTestId('dashboard-overdue');
  await expect(card).toContainText('逾期未反馈的移交（1 批）');
  const overdueRow = card.getByTestId('dashboard-overdue-row');
  await expect(overdueRow).toHaveCount(1);
  await expect(overdueRow).toHaveAttribute('data-receiver', '市纪委监委');
  await expect(overdueRow).toContainText(ROUND_LABEL);
  await expect(overdueRow).toContainText('2020年8月9日');
  await expect(overdueRow).toContainText('逾期 10 天');
  await expect(overdueRow).toContainText('2 条线索');
  await expect(card).not.toContainText('线索-00');
  await shot('dashboard-overdue');
  await overdueRow.getByRole('button', { name: `在移交台账中查看${ROUND_LABEL}移交市纪委监委的记录` }).click();
  await expect(page.getByTestId('handovers-panel')).toBeVisible();
  await expect(page.getByRole('tab', { name: '移交台账' })).toHaveAttribute('aria-selected', 'true');
  await expect(row.getByTestId('handover-overdue-days')).toHaveText('逾期 10 天');

  // ---- 处置: 初步核实 for one clue; the register counts 1 of 2, still overdue ---------------------
  await page.getByRole('tab', { name: '问题线索' }).click();
  await page.getByTestId('clue-row').filter({ hasText: '八轮-线索-001' }).getByTestId('clue-open').click();
  const drawer = page.getByTestId('clue-drawer');
  await drawer.getByTestId('clue-disposal').click();
  const disposal = page.getByTestId('disposal-form');
  await choose(page, disposal.getByTestId('disposal-type'), '初步核实');
  await typeDate(disposal.getByTestId('disposal-date'), '2020-08-15');
  await disposal.getByTestId('disposal-submit').click();
  await expect(disposal).toBeHidden();
  await expect(drawer.getByTestId('clue-status')).toHaveText('已处置');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await closeNotifications(page);
  await page.getByRole('tab', { name: '移交台账' }).click();
  await expect(row.getByTestId('handover-progress')).toHaveText('已处置 1/2');
  await expect(row.getByTestId('handover-overdue-days')).toHaveText('逾期 10 天');
  await shot('register-clue-officer');
  await go(page, '首页');
  await expect(overdueRow).toContainText('1 条线索');
  await signOutNow(page);

  // ---- 巡察干部: counts, no numbers, no receipt; hands over the problem list --------------------
  await signInFirstTime(page, INSPECTOR);
  await openFindings(page, '移交台账');
  const staffRow = page.getByTestId('handover-row').filter({ hasText: '市纪委监委' });
  await expect(staffRow.getByTestId('handover-content')).toHaveText('2 条线索');
  await expect(staffRow.getByTestId('handover-receipt-open')).toHaveCount(0);
  await expect(page.getByTestId('handovers-table')).not.toContainText('线索-00');
  await page.getByTestId('handover-list-open').click();
  const listForm = page.getByTestId('handover-form');
  await choose(page, listForm.getByTestId('handover-list-kind'), '问题清单');
  await page.getByTestId('handover-list-kind').click();
  await expect(page.getByRole('option', { name: '问题线索清单' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  // The date first: Tab moves on to the deadline, and choosing the receiver closes its calendar.
  await typeDate(listForm.getByTestId('handover-date'), '2020-07-12');
  await expect(listForm.getByTestId('handover-due')).toHaveValue('2020年8月11日');
  await choose(page, listForm.getByTestId('handover-receiver'), '市委组织部');
  await listForm.getByTestId('handover-submit').click();
  await expect(listForm).toBeHidden();
  const listRow = page.getByTestId('handover-row').filter({ hasText: '市委组织部' });
  await expect(listRow.getByTestId('handover-content')).toHaveText('问题清单');
  await expect(listRow.getByTestId('handover-receipt-open')).toBeVisible();
  await closeNotifications(page);
  await shot('register-staff');
  await signOutNow(page);

  // ---- 系统管理员: receivers and the clue switch --------------------------------------------------
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('home-page')).toBeVisible();
  await go(page, '设置');
  await page.getByTestId('tab-handover-catalog').click();
  const receivers = page.getByTestId('handover-catalog-receivers');
  const entry = (name: string) => receivers.getByTestId('catalog-entry').filter({ hasText: name });
  await entry('市委宣传部').getByTestId('catalog-entry-rename').click();
  await receivers.getByTestId('catalog-entry-rename-input').fill('市委宣传部（市网信办）');
  await receivers.getByTestId('catalog-entry-rename-input').press('Enter');
  await expect(entry('市委宣传部（市网信办）')).toBeVisible();
  // A used receiver is retired, never deleted; retiring by keyboard.
  await expect(entry('市纪委监委')).toContainText('已用 1 次');
  await expect(entry('市纪委监委').getByTestId('catalog-entry-delete')).toHaveCount(0);
  await entry('市委政法委').getByTestId('catalog-entry-retire').focus();
  await page.keyboard.press('Enter');
  await expect(entry('市委政法委')).toHaveAttribute('data-retired', 'true');
  await entry('市委直属机关工委').getByTestId('catalog-entry-up').click();
  await expect(receivers.getByTestId('catalog-entry').nth(1)).toHaveAttribute('data-name', '市委直属机关工委');
  expect((await api(page, 'handover.lists', {})).receivers.map((r) => r.name)).toEqual(['市纪委监委', '市委直属机关工委', '市委组织部', '市委宣传部（市网信办）']);
  await closeNotifications(page);
  await shot('settings-receivers');

  await page.getByRole('tab', { name: '常规' }).click();
  const days = page.getByTestId('answer-days');
  await expect(days).toHaveValue('30');
  await days.fill('60');
  await page.getByTestId('answer-days-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  const clueSwitch = page.getByRole('switch', { name: '允许系统管理员查阅问题线索' });
  await expect(clueSwitch).not.toBeChecked();
  await clueSwitch.focus();
  await page.keyboard.press('Space');
  const confirm = page.getByTestId('admins-read-clues-confirm');
  await expect(confirm).toContainText('此项修改将记入审计日志');
  await confirm.getByTestId('confirm-submit').click();
  await expect(clueSwitch).toBeChecked();
  await closeNotifications(page);
  await shot('settings-general');
  await openFindings(page, '问题线索');
  await expect(page.getByTestId('clue-row')).toHaveCount(2);
  const log = await api(page, 'audit.list', { page: 1, pageSize: 20, action: 'settings.update' });
  expect(log.items.map((e) => e.detail.after)).toEqual(
    expect.arrayContaining([expect.objectContaining({ handoverAnswerDays: 60 }), expect.objectContaining({ adminsMayReadClues: true })]),
  );
  const actions = (await api(page, 'audit.list', { page: 1, pageSize: 200 })).items.map((e) => e.action);
  for (const action of ['clue.handOver', 'handover.attachReceipt', 'handover.viewReceipt', 'handover.receiptReturned', 'handover.handOverList', 'catalog.change'] as const) {
    expect(actions, action).toContain(action);
  }
});
