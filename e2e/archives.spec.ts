/**
 * 档案, end to end against the real core on a real encrypted vault, as an archivist would: the
 * round's finalised feedback letter and its problem list are offered and filed (rendered to PDF,
 * fields prefilled); three outside PDFs come in through the "OS dialog", a scanned image through
 * the window's file chooser (flagged 无文字) and a folder of meeting records; the per-stage
 * checklist shows what is missing; the dossier is closed with a reason (items read-only, a
 * correction filed as a new item); the catalogue is printed; a two-character word is found with
 * the hit highlighted; the index is rebuilt; one changed byte in a stored file shows in the
 * fixity report.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { go, OFFICE, setUpVault } from './support/flows';
import { ROUND_LABEL, api, choose, closeNotifications, flipByte, seedRound8, storedFiles, tinyPdf, tinyPng } from './support/findings';
import { chineseLetterPdf, unembeddedChinesePdf } from './support/pdfs';

const FONDS = OFFICE.fondsCode;

async function importFromDisk(page: Page, answer: (path: string) => Promise<void>, path: string, kind: string): Promise<void> {
  const panel = page.getByTestId('archives-import');
  await choose(page, panel.getByTestId('archives-import-kind'), kind);
  await answer(path);
  await panel.getByTestId('archives-import-disk').click();
  await expect(page.getByTestId('archives-items').getByTestId('archives-item-row').filter({ hasText: kind })).toHaveCount(1);
}

test('an archivist files a round: a finalised letter and outside PDFs, sees what is missing, closes the dossier, finds a word, and a changed byte shows in the fixity report', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page, shot, dialogs } = app;
  const desk = mkdtempSync(join(tmpdir(), 'xuncha-archive-files-'));
  try {
    await setUpVault(page);
    const { inspections } = await seedRound8(page);
    // The feedback letter drafted and finalised through the documents channels (documents.spec drives its screens).
    const letter = await api(page, 'documents.create', { kind: 'feedbackLetter', inspectionId: inspections.audit.id });
    await api(page, 'documents.finalise', { id: letter.id, version: 1 });
    // A problem, so that the round's 问题清单 has a row and is offered too.
    await api(page, 'problems.create', { inspectionId: inspections.audit.id, focus: 'corruption', description: '违规发放津贴补贴12.6万元。', source: 'interview', categoryId: null });
    // Its rectification item, so that the inspection's 整改台账 is offered as well.
    await api(page, 'rectification.createItems', { inspectionId: inspections.audit.id, measures: '全额追缴违规发放的津贴补贴', responsiblePerson: '张伟', responsibleUnit: '市审计局办公室', deadline: '2020-09-30' });

    await go(page, '档案');
    await expect(page.getByTestId('archives-round')).toHaveValue(ROUND_LABEL);
    // Never checked yet: the reminder says so.
    await expect(page.getByTestId('archives-fixity-due')).toContainText('尚未校验过');
    const checklist = page.getByTestId('archives-checklist');
    await expect(checklist).toHaveAttribute('data-missing', '13');

    // ---- 归档系统生成的文书 ------------------------------------------------------------------
    const offered = page.getByTestId('archives-offered').getByTestId('archives-offered-row');
    await expect(offered).toHaveCount(3);
    await expect(offered.first()).toContainText(letter.content.title);
    await expect(offered.nth(1)).toContainText('问题清单');
    // The inspection's rectification ledger: its form prefilled with the kind and the inspected unit.
    await expect(offered.nth(2)).toContainText('巡察整改台账');
    await offered.nth(2).getByRole('button', { name: '归档' }).click();
    const ledgerForm = page.getByTestId('archive-item-form');
    await expect(ledgerForm.getByLabel('类别', { exact: true })).toHaveValue('整改报告及台账');
    await expect(ledgerForm.getByTestId('archive-item-unit')).not.toHaveValue('');
    await shot('file-ledger');
    await page.keyboard.press('Escape');
    await expect(ledgerForm).toBeHidden();
    await offered.first().getByRole('button', { name: '归档' }).click();
    const form = page.getByTestId('archive-item-form');
    await expect(form.getByRole('textbox', { name: '题名' })).toHaveValue(letter.content.title);
    await expect(form.getByRole('textbox', { name: '责任者' })).toHaveValue(letter.content.issuerMark);
    await expect(form.getByLabel('类别', { exact: true })).toHaveValue('反馈意见');
    await expect(form.getByLabel('密级', { exact: true })).toHaveValue('秘密');
    await shot('file-letter');
    await page.getByTestId('archive-item-submit').click();
    await expect(offered.first().getByText(`已归档 ${FONDS}-WS·2020-D30-XCB-0001`)).toBeVisible({ timeout: 30_000 });
    await expect(checklist.getByTestId('checklist-feedback')).toHaveAttribute('data-filed', '1');
    // The problem list, as its landscape table, filed as hand-over material.
    await offered.nth(1).getByRole('button', { name: '归档' }).click();
    await expect(form.getByLabel('类别', { exact: true })).toHaveValue('移交材料');
    await page.getByTestId('archive-item-submit').click();
    await expect(offered.nth(1).getByText(`已归档 ${FONDS}-WS·2020-D30-XCB-0002`)).toBeVisible({ timeout: 30_000 });
    await expect(checklist.getByTestId('checklist-handover')).toHaveAttribute('data-filed', '1');
    await closeNotifications(page);

    // ---- 导入外部文件: three PDFs through the OS dialog, one scan through the window ---------------
    const petition = join(desk, '信访举报材料.pdf');
    writeFileSync(petition, await chineseLetterPdf());
    const interview = join(desk, '个别谈话笔录（市审计局）.pdf');
    writeFileSync(interview, unembeddedChinesePdf(['个别谈话笔录', '谈话对象：市审计局干部']));
    const notice = join(desk, '市巡办〔2020〕3号进驻通知20200413.pdf');
    writeFileSync(notice, tinyPdf('Entry notice of the first inspection group'));
    const answer = (path: string) => dialogs.answerNextOpen({ path });
    await importFromDisk(page, answer, petition, '信访记录');
    await importFromDisk(page, answer, interview, '个别谈话笔录');
    await importFromDisk(page, answer, notice, '进驻通知');
    // 页数 read from each PDF as it came in (the column after 单位): the tip-off letter has two pages.
    await expect(page.getByTestId('archives-item-row').filter({ hasText: '信访举报材料' }).getByRole('cell').nth(5)).toHaveText('2');
    const noticeRow = page.getByTestId('archives-item-row').filter({ hasText: '进驻通知' });
    await expect(noticeRow).toContainText('市巡办〔2020〕3号');
    await expect(noticeRow).toContainText('2020年4月13日');
    await expect(noticeRow).toContainText('[市巡办〔2020〕3号进驻通知20200413]');

    const panel = page.getByTestId('archives-import');
    await choose(page, panel.getByTestId('archives-import-kind'), '查阅资料清单');
    await page.getByTestId('archives-file-input').setInputFiles([
      { name: '调阅资料清单扫描件.png', mimeType: 'image/png', buffer: tinyPng() },
      { name: '说明.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    const progress = page.getByTestId('archives-import-progress');
    await expect(progress).toHaveAttribute('data-finished', '2');
    await expect(progress).toContainText('“说明.exe”的类型不能归档');
    const scanRow = page.getByTestId('archives-item-row').filter({ hasText: '调阅资料清单扫描件' });
    await expect(scanRow.getByTestId('archive-no-text')).toBeVisible();
    await expect(page.getByTestId('archives-item-row')).toHaveCount(6);
    await expect(checklist).toHaveAttribute('data-missing', '7');

    // A folder of meeting records, every file in it.
    const folder = join(desk, '汇报座谈');
    mkdirSync(folder);
    writeFileSync(join(folder, '01 进驻汇报会记录.txt'), '巡察组听取市审计局党组工作汇报的记录');
    writeFileSync(join(folder, '02 干部职工座谈会记录.txt'), '座谈会记录：干部职工反映的主要问题');
    const signInSheet = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
    writeFileSync(join(folder, '03 座谈会签到表.doc'), signInSheet);
    await choose(page, panel.getByTestId('archives-import-kind'), '汇报座谈记录');
    await page.getByTestId('archives-folder-input').setInputFiles(folder);
    await expect(progress).toHaveAttribute('data-total', '3');
    await expect(progress).toHaveAttribute('data-finished', '3');
    await expect(page.getByTestId('archives-item-row')).toHaveCount(9);
    await expect(page.getByTestId('archives-item-row').filter({ hasText: '干部职工座谈会记录' })).toHaveAttribute('data-code', `${FONDS}-WS·2020-D30-XCB-0008`);
    await expect(checklist).toHaveAttribute('data-missing', '6');
    // A Word file is not drawn inside the app: a verified copy is saved where chosen, byte for byte, audited as an export.
    const sheetRow = page.getByTestId('archives-item-row').filter({ hasText: '座谈会签到表' });
    await sheetRow.getByTestId('archive-item-files').click();
    const savedCopy = join(desk, '签到表副本.doc');
    await dialogs.answerNextSave({ path: savedCopy });
    await sheetRow.getByTestId('archive-file-save').click();
    await expect(page.getByText('已另存 03 座谈会签到表.doc 的副本')).toBeVisible();
    expect(readFileSync(savedCopy)).toEqual(signInSheet);
    expect((await api(page, 'audit.list', { action: 'archive.saveFileCopy' })).items).toHaveLength(1);
    await closeNotifications(page);
    await shot('dossier-filed');

    // The letter as filed, drawn by pdf.js inside the app.
    await page.getByTestId('archives-item-row').filter({ hasText: `${FONDS}-WS·2020-D30-XCB-0001` }).getByTestId('archive-item-files').click();
    const viewer = page.getByTestId('file-viewer');
    await expect(viewer).toHaveAttribute('data-state', 'pdf');
    await expect(viewer.locator('[data-testid="pdf-page"][data-page-number="1"]')).toHaveAttribute('data-state', 'rendered');
    await shot('letter-viewer');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // ---- 封卷 -----------------------------------------------------------------------------------
    await page.getByTestId('archives-close').click();
    const missing = page.getByTestId('archives-close-missing');
    await expect(missing.getByRole('listitem')).toHaveCount(6);
    await expect(missing).toContainText('巡察工作方案');
    await page.getByTestId('archives-close-submit').click();
    await expect(page.getByTestId('archives-close-form')).toContainText('尚有应归档的材料未归档');
    await page.getByTestId('archives-close-reason').fill('工作方案和动员部署材料由办公室文书档案统一归档');
    await shot('close-dossier');
    await page.getByTestId('archives-close-submit').click();
    await expect(page.getByTestId('archives-dossier-status')).toHaveText('已封卷');
    await expect(page.getByTestId('archives-closed-notice')).toBeVisible();
    await expect(page.getByTestId('archive-item-edit')).toHaveCount(0);
    await expect(page.getByTestId('archives-import')).toHaveCount(0);

    // A correction is a new item naming the one it corrects; the sealed item stays as filed.
    await page.getByTestId('archives-item-row').filter({ hasText: '个别谈话笔录（市审计局）' }).getByTestId('archive-item-correct').click();
    const correction = page.getByTestId('archive-item-form');
    await correction.getByRole('textbox', { name: '题名' }).fill('市审计局干部个别谈话笔录');
    await page.getByTestId('archive-correct-reason').fill('题名不规范');
    await page.getByTestId('archive-item-submit').click();
    await expect(page.getByTestId('archives-item-row')).toHaveCount(10);
    await expect(page.getByTestId('archives-item-row').filter({ hasText: '个别谈话笔录（市审计局）' })).toHaveCount(1);
    await closeNotifications(page);
    await shot('dossier-closed');

    // ---- 打印归档文件目录 ------------------------------------------------------------------------------
    const cataloguePrint = page.getByTestId('archives-catalogue-print');
    // The system print dialog is not opened: window.print records how many pages the print container holds.
    await page.evaluate(() => {
      const w = window as unknown as { printedPages: number[] };
      w.printedPages = [];
      window.print = () => void w.printedPages.push(document.querySelectorAll('#xuncha-print img').length);
    });
    await cataloguePrint.first().click();
    const catalogue = page.getByTestId('catalogue-dialog');
    await expect(catalogue.getByTestId('catalogue-volume')).toHaveValue(/10 件/);
    await catalogue.getByTestId('catalogue-generate').click();
    await expect(catalogue.getByTestId('catalogue-summary')).toContainText('10 件', { timeout: 30_000 });
    await expect(catalogue.locator('[data-testid="pdf-page"][data-page-number="1"]')).toHaveAttribute('data-state', 'rendered');
    await shot('catalogue-print');
    await catalogue.getByTestId('catalogue-print-now').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printedPages: number[] }).printedPages), { timeout: 60_000 }).toEqual([expect.any(Number)]);
    expect((await page.evaluate(() => (window as unknown as { printedPages: number[] }).printedPages))[0]).toBeGreaterThan(0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.keyboard.press('Escape');
    await expect(catalogue).toBeHidden();

    // ---- 全文检索: a two-character word, the hit highlighted ----------------------------------------
    await page.getByTestId('archives-tab-search').click();
    await page.getByTestId('archives-search-query').fill('礼金');
    await page.getByTestId('archives-search-query').press('Enter');
    const results = page.getByTestId('archives-result');
    await expect(results).toHaveCount(1);
    await expect(results).toContainText('信访举报材料');
    await expect(results).toContainText(`${FONDS}-WS·2020-D30-XCB-0003`);
    await expect(results.getByTestId('archive-hit').first()).toHaveText('礼金');
    await expect(page.getByTestId('archives-search-summary')).toContainText('共找到 1 件');
    await shot('search');
    // The found item's file opens from the result, pages counted when it came in.
    await results.getByTestId('archive-item-files').click();
    await expect(page.getByTestId('file-viewer')).toHaveAttribute('data-state', 'pdf');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('file-viewer')).toBeHidden();

    // ---- 文件校验: one changed byte in a stored file -------------------------------------------------
    flipByte(storedFiles(app.vaultDir)[0]!);
    await page.getByTestId('archives-tab-maintenance').click();
    // The index rebuilt, every file's text read again, with its progress.
    await page.getByLabel('重新读取全部文件的文字').check();
    await page.getByTestId('archives-rebuild').click();
    await expect(page.getByTestId('archives-job')).toHaveAttribute('data-kind', 'rebuildIndex');
    await expect(page.getByTestId('archives-job')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('archives-job')).toContainText('检索索引已重建');
    await page.getByTestId('archives-fixity-run').click();
    await expect(page.getByTestId('archives-job')).toHaveAttribute('data-kind', 'fixity');
    await expect(page.getByTestId('archives-job')).toHaveAttribute('data-state', 'done');
    const finding = page.getByTestId('archives-fixity-finding');
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveAttribute('data-result', 'tampered');
    await expect(finding).toContainText(`${FONDS}-WS·2020-D30-XCB-0001`);
    await expect(page.getByTestId('archives-fixity-counts')).toContainText('被改动 1');
    await expect(page.getByTestId('archives-fixity-due')).toHaveCount(0);
    await shot('fixity-report');

    // The same dossier in English.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('archives-tab-dossier').click();
    await expect(page.getByTestId('archives-dossier-status')).toHaveText('Closed');
    await expect(page.getByTestId('archives-checklist-summary')).toHaveText('6 missing');
    await shot('dossier-english');
  } finally {
    rmSync(desk, { recursive: true, force: true });
  }
});
