/**
 * 借阅登记 and the printed 归档文件目录, end to end against the real core on a real encrypted
 * vault: an inspector asks by its 档号 to view a 机密 report of the eighth round she cannot
 * list; until a leader approves, the register hides its title and the core refuses the file;
 * approved, she reads it inside the app, then ends the viewing and the file is closed to her
 * again. The administrator prints the round's catalogue and sees it in the viewer.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn } from './support/flows';
import { INSPECTOR, LEADER, api, closeNotifications, seedRound8, signInFirstTime, signOutNow, typeDate } from './support/findings';

const REPORT = '关于市审计局党组的巡察情况报告';
const REPORT_TEXT = '巡察情况报告正文：发现问题十二个';

/** Today as the page sees it (the tests run in Asia/Shanghai), plus some days. */
function pageDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function openBorrowing(page: Page) {
  await go(page, '档案');
  await page.getByTestId('archives-tab-borrowing').click();
  await expect(page.getByTestId('borrowing-tab')).toBeVisible();
}

test('an inspector asks to view a 机密 item, is refused until a leader approves, reads it, ends the viewing; the administrator prints the catalogue', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  const { round } = await seedRound8(page);
  const filed = { year: 2020, retention: 'D30' as const, orgCode: 'XCB', responsible: '市委第一巡察组', docNumber: '', docDate: '2020-06-20', pages: 12, roundId: round.id, note: '' };
  const report = await api(page, 'archives.create', { ...filed, title: REPORT, classification: 'confidential', kind: 'report' });
  const withFile = await api(page, 'archives.attachFile', { itemId: report.id, fileName: '巡察情况报告.txt', mime: 'text/plain', base64: Buffer.from(REPORT_TEXT, 'utf8').toString('base64') });
  const fileId = withFile.files[0]!.id;
  const speech = await api(page, 'archives.create', { ...filed, title: '巡察工作动员会讲话', classification: 'public', kind: 'mobilisation', pages: 4 });
  await signOutNow(page);

  // ---- 刘洋 (staff): the 机密 item is asked for by its 档号 --------------------------------------
  await signInFirstTime(page, INSPECTOR);
  await openBorrowing(page);
  await page.getByTestId('borrowing-new').click();
  const form = page.getByTestId('borrowing-form');
  await form.getByTestId('borrowing-search').fill('巡察情况报告');
  await form.getByTestId('borrowing-search').press('Enter');
  await expect(form.getByText('没有找到符合条件的档案')).toBeVisible();
  // Sending with nothing chosen loses nothing and says why.
  await form.getByTestId('borrowing-submit').click();
  await expect(form.getByText('请至少选择一件档案')).toBeVisible();
  await form.getByTestId('borrowing-search').fill(report.archiveCode);
  await form.getByTestId('borrowing-add-code').click();
  await expect(form.getByTestId('borrowing-chosen')).toContainText(report.archiveCode);
  await form.getByTestId('borrowing-mode-view').check();
  await form.getByTestId('borrowing-purpose').fill('撰写整改督查报告，核对反馈问题');
  await typeDate(form.getByTestId('borrowing-due'), pageDay(7));
  await form.getByTestId('borrowing-purpose').click();
  await expect(form.getByText('请填写借阅用途')).toBeHidden();
  await shot('borrowing-request');
  await form.getByTestId('borrowing-submit').click();
  await expect(form).toBeHidden();
  const row = page.getByTestId('borrowing-row').filter({ hasText: report.archiveCode });
  await expect(row.getByTestId('borrowing-status')).toHaveText('待审批');
  await expect(row.getByTestId('borrowing-item-title')).toHaveText('（密件，批准后可见）');
  await expect(row.getByTestId('borrowing-open-file')).toHaveCount(0);
  const refused = await page.evaluate(([itemId, fileId]) => window.api.invoke('archives.viewFile', { itemId, fileId }), [report.id, fileId] as const);
  expect(refused.ok ? null : refused.error.code).toBe('BORROW_REQUIRED');
  await shot('borrowing-pending');
  const loan = await api(page, 'archives.borrow', { archiveCodes: [speech.archiveCode], mode: 'loan', purpose: '复印原件', dueDate: pageDay(3) });
  await signOutNow(page);

  // ---- 孙立 (leader): approves --------------------------------------------------------------------
  await signInFirstTime(page, LEADER);
  await openBorrowing(page);
  const pending = page.getByTestId('borrowing-row').filter({ hasText: report.archiveCode });
  await expect(pending).toContainText(REPORT);
  await expect(pending).toContainText(INSPECTOR.displayName);
  await pending.getByTestId('borrowing-approve').click();
  const decide = page.getByTestId('borrowing-decide');
  await decide.getByTestId('borrowing-decision-note').fill('同意查阅，限本人');
  await decide.getByTestId('borrowing-decide-submit').click();
  await expect(decide).toBeHidden();
  await api(page, 'archives.decideBorrowing', { id: loan.id, approve: true });
  await closeNotifications(page);
  await page.getByTestId('borrowing-view').getByText('全部').click();
  await expect(page.getByTestId('borrowing-row').filter({ hasText: report.archiveCode }).getByTestId('borrowing-status')).toHaveText('已批准');
  await signOutNow(page);

  // ---- 刘洋: reads the report inside the app, then ends the viewing -------------------------------
  await signIn(page, INSPECTOR.username, INSPECTOR.newPassword);
  await openBorrowing(page);
  const approved = page.getByTestId('borrowing-row').filter({ hasText: report.archiveCode });
  await expect(approved.getByTestId('borrowing-item-title')).toHaveText(REPORT);
  await expect(approved).toContainText('同意查阅，限本人');
  await approved.getByTestId('borrowing-open-file').click();
  const viewer = page.getByTestId('file-viewer');
  await expect(viewer.getByTestId('file-text')).toHaveText(REPORT_TEXT);
  await shot('borrowing-reading');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await approved.getByTestId('borrowing-return').click();
  await expect(approved.getByTestId('borrowing-status')).toHaveText('已归还');
  await expect(approved.getByTestId('borrowing-open-file')).toHaveCount(0);
  const after = await page.evaluate(([itemId, fileId]) => window.api.invoke('archives.viewFile', { itemId, fileId }), [report.id, fileId] as const);
  expect(after.ok ? null : after.error.code).toBe('BORROW_REQUIRED');
  await shot('borrowing-returned');
  await signOutNow(page);

  // ---- 王建国 (administrator), ten days on: the paper loan is overdue and comes back ------------
  if (app.clock) {
    app.clock.set(`${pageDay(10)}T09:00:00+08:00`);
    await signIn(page, ADMIN.username, ADMIN.password);
    await openBorrowing(page);
    await page.getByTestId('borrowing-view').getByText('已逾期').click();
    const overdue = page.getByTestId('borrowing-row');
    await expect(overdue).toHaveCount(1);
    await expect(overdue).toContainText(speech.archiveCode);
    await expect(overdue.getByTestId('borrowing-overdue')).toHaveText('逾期');
    await shot('borrowing-overdue');
    await overdue.getByTestId('borrowing-return').click();
    await expect(page.getByTestId('borrowing-row')).toHaveCount(0);
    await closeNotifications(page);
  } else {
    await signIn(page, ADMIN.username, ADMIN.password);
  }

  // ---- the round's 归档文件目录 -------------------------------------------------------------------
  await go(page, '档案');
  await page.getByTestId('archives-tab-dossier').click();
  await page.getByTestId('archives-catalogue-print').click();
  const dialog = page.getByTestId('catalogue-dialog');
  await expect(dialog.getByTestId('catalogue-volume')).toHaveValue('2020年度 · 定期30年 · XCB（2 件）');
  await dialog.getByTestId('catalogue-generate').click();
  await expect(dialog.getByTestId('catalogue-summary')).toHaveText('归档文件目录-2020-D30-XCB.pdf · 2 件，1 页');
  await expect(dialog.getByTestId('pdf-viewer')).toHaveAttribute('data-state', 'ready');
  await expect(dialog.getByTestId('pdf-viewer')).toHaveAttribute('data-pages', '1');
  await shot('catalogue-preview');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // ---- 归档章 labels for the chosen 件号: a typo is explained, nothing is lost ---------------------
  await page.getByTestId('archives-labels-print').click();
  const labels = page.getByTestId('catalogue-dialog');
  await labels.getByTestId('catalogue-item-numbers').fill('1到2');
  await labels.getByTestId('catalogue-generate').click();
  await expect(labels.getByText('件号格式不正确，请写成 1-5, 8 的形式')).toBeVisible();
  await labels.getByTestId('catalogue-item-numbers').fill('1-2');
  await labels.getByTestId('catalogue-generate').click();
  await expect(labels.getByTestId('catalogue-summary')).toHaveText('归档章-2020-D30-XCB.pdf · 2 件，1 页');
  await expect(labels.getByTestId('pdf-viewer')).toHaveAttribute('data-state', 'ready');
  await shot('stamp-labels-preview');
  const audit = await api(page, 'audit.list', { action: 'archive.printCatalogue' });
  expect(audit.items[0]?.detail).toMatchObject({ volume: '2020-D30-XCB', rows: 2 });
});
