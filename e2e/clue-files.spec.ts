/**
 * 线索材料, end to end against the real core on a real encrypted vault: a clue officer attaches
 * a two-page Chinese tip-off letter and reads it inside the app (pdf.js drawing into canvases,
 * page by page, by keyboard and zoom); a file that is not a PDF gets a plain Chinese message;
 * a large scan and a note whose Chinese font is not embedded (read through the bundled CMaps)
 * come in from disk through the "OS dialog"; a decrypted copy is saved after a warning, equals
 * the original byte for byte and shows in the audit log by clue number; a stored file with one
 * flipped bit is refused, neither shown nor saved; an inspector can open none of it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn } from './support/flows';
import { CLUE_OFFICER, INSPECTOR, ROUND_LABEL, api, choose, closeNotifications, flipByte, seedRound8, signInFirstTime, signOutNow, storedFiles, typeDate } from './support/findings';
import { brokenPdf, chineseLetterPdf, longReportPdf, unembeddedChinesePdf } from './support/pdfs';

async function openClues(page: Page) {
  await go(page, '问题与线索');
  await expect(page.getByTestId('findings-page')).toBeVisible();
  await expect(page.getByTestId('findings-round')).toHaveValue(ROUND_LABEL);
  await page.getByRole('tab', { name: '问题线索' }).click();
}

/** Dark pixels on a drawn page's canvas: proof that pdf.js really drew text there. */
async function inkOn(viewer: Locator, pageNumber: number): Promise<number> {
  const slot = viewer.locator(`[data-testid="pdf-page"][data-page-number="${pageNumber}"]`);
  await expect(slot).toHaveAttribute('data-state', 'rendered');
  return slot.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (data[index]! < 120 && data[index + 1]! < 120 && data[index + 2]! < 120) dark += 1;
    }
    return dark;
  });
}

function fileRow(page: Page, name: string) {
  return page.getByTestId('clue-drawer').getByTestId('clue-file').filter({ hasText: name });
}

test('a clue officer reads a Chinese PDF inside the app, adds large files from disk, saves an audited copy; a damaged file is refused; an inspector opens nothing', async ({
  app,
}) => {
  const { page, shot, dialogs } = app;
  // Where the "OS dialogs" pick files from and save copies to.
  const desk = mkdtempSync(join(tmpdir(), 'xuncha-desk-files-'));
  try {
    await setUpVault(page);
    await seedRound8(page);
    await signOutNow(page);
    await signInFirstTime(page, CLUE_OFFICER);
    await openClues(page);

    // ---- 登记线索 ---------------------------------------------------------------------------------
    await page.getByTestId('clue-create').click();
    const form = page.getByTestId('clue-form');
    await choose(page, form.getByTestId('clue-form-inspection'), '市审计局（第一巡察组）');
    await form.getByTestId('clue-form-source').fill('信访举报');
    await typeDate(form.getByTestId('clue-form-received'), '2020-04-20');
    await form.getByTestId('clue-form-summary').fill('反映市审计局副局长张某某收受礼金问题');
    await form.getByTestId('clue-form-submit').click();
    await expect(form).toBeHidden();
    const drawer = page.getByTestId('clue-drawer');
    await expect(drawer).toContainText('线索 八轮-线索-001');
    const clueId = (await api(page, 'clues.list', { page: 1, pageSize: 10 })).items[0]!.id;

    // ---- the two-page letter, uploaded, read inside the app ----------------------------------
    const letter = await chineseLetterPdf();
    const fileInput = drawer.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: '举报信.pdf', mimeType: 'application/pdf', buffer: letter });
    await expect(fileRow(page, '举报信.pdf')).toContainText('PDF 文件');
    await closeNotifications(page);

    await fileRow(page, '举报信.pdf').getByTestId('clue-file-view').click();
    const viewer = page.getByTestId('file-viewer');
    await expect(viewer).toHaveAttribute('data-state', 'pdf');
    const pdf = viewer.getByTestId('pdf-viewer');
    await expect(pdf).toHaveAttribute('data-state', 'ready');
    await expect(pdf).toHaveAttribute('data-pages', '2');
    await expect(pdf).toHaveAttribute('data-page', '1');
    await expect(pdf.getByTestId('pdf-page-input')).toHaveValue('1');
    await expect(pdf.getByTestId('pdf-page-count')).toHaveText('/ 2');
    await expect(pdf.getByTestId('pdf-zoom')).toHaveText(/^\d+%$/);
    expect(await inkOn(pdf, 1), 'page 1 is drawn, not blank').toBeGreaterThan(2000);
    // Drawn by the app itself: no frame, no plugin, no URL the PDF could be fetched from again.
    await expect(viewer.locator('iframe, object, embed')).toHaveCount(0);
    await expect(viewer.getByTestId('file-verified')).toHaveText('完整性校验通过');
    await shot('pdf-letter-page-1');

    // Pages by keyboard (the pages have the focus once the PDF is open).
    await expect(pdf.getByTestId('pdf-pages')).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(pdf).toHaveAttribute('data-page', '2');
    await expect(pdf.getByTestId('pdf-page-input')).toHaveValue('2');
    expect(await inkOn(pdf, 2), 'page 2 is drawn, not blank').toBeGreaterThan(1000);
    await expect(pdf.getByTestId('pdf-next')).toBeDisabled();
    await shot('pdf-letter-page-2');
    await page.keyboard.press('PageUp');
    await expect(pdf).toHaveAttribute('data-page', '1');
    await page.keyboard.press('ArrowRight');
    await expect(pdf).toHaveAttribute('data-page', '2');
    await page.keyboard.press('Home');
    await expect(pdf).toHaveAttribute('data-page', '1');
    // The page box: a page that exists is shown; one that does not is put back.
    await pdf.getByTestId('pdf-page-input').fill('2');
    await pdf.getByTestId('pdf-page-input').press('Enter');
    await expect(pdf).toHaveAttribute('data-page', '2');
    await pdf.getByTestId('pdf-page-input').fill('9');
    await pdf.getByTestId('pdf-page-input').press('Enter');
    await expect(pdf.getByTestId('pdf-page-input')).toHaveValue('2');

    // Zoom: 100%, then + and - by keyboard, then back to the width of the viewer.
    await pdf.getByTestId('pdf-actual-size').click();
    await expect(pdf.getByTestId('pdf-zoom')).toHaveText('100%');
    const actualWidth = await pdf.locator('[data-testid="pdf-page"][data-page-number="2"]').evaluate((element) => element.getBoundingClientRect().width);
    expect(Math.round(actualWidth)).toBe(793); // A4 at 96 dpi
    await pdf.getByTestId('pdf-pages').focus();
    await page.keyboard.press('+');
    await expect(pdf.getByTestId('pdf-zoom')).toHaveText('110%');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(pdf.getByTestId('pdf-zoom')).toHaveText('90%');
    await expect(pdf).toHaveAttribute('data-page', '2');
    expect(await inkOn(pdf, 2)).toBeGreaterThan(1000);
    await pdf.getByTestId('pdf-fit-width').click();
    await expect(pdf.getByTestId('pdf-fit-width')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    // Escape closed the viewer only: the clue stays open under it.
    await expect(drawer.getByTestId('clue-detail')).toBeVisible();

    // ---- a 60-page report: only the pages near the view are drawn --------------------------------
    await fileInput.setInputFiles({ name: '巡察报告.pdf', mimeType: 'application/pdf', buffer: await longReportPdf(60) });
    await expect(fileRow(page, '巡察报告.pdf')).toBeVisible();
    await closeNotifications(page);
    await fileRow(page, '巡察报告.pdf').getByTestId('clue-file-view').click();
    await expect(pdf).toHaveAttribute('data-pages', '60');
    await expect(pdf.getByTestId('pdf-page')).toHaveCount(60);
    expect(await inkOn(pdf, 1)).toBeGreaterThan(500);
    const drawn = () => pdf.locator('[data-testid="pdf-page"] canvas').count();
    expect(await drawn()).toBeLessThanOrEqual(4);
    await page.keyboard.press('End');
    await expect(pdf).toHaveAttribute('data-page', '60');
    expect(await inkOn(pdf, 60)).toBeGreaterThan(500);
    // The first pages gave their canvases back.
    await expect(pdf.locator('[data-testid="pdf-page"][data-page-number="1"]')).toHaveAttribute('data-state', 'idle');
    expect(await drawn()).toBeLessThanOrEqual(4);
    await shot('pdf-long-report-last-page');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // ---- a file that only claims to be a PDF: a plain Chinese message, nothing drawn -----------
    await fileInput.setInputFiles({ name: '残缺文件.pdf', mimeType: 'application/pdf', buffer: brokenPdf() });
    await expect(fileRow(page, '残缺文件.pdf')).toBeVisible();
    await closeNotifications(page);
    await fileRow(page, '残缺文件.pdf').getByTestId('clue-file-view').click();
    await expect(pdf).toHaveAttribute('data-state', 'error');
    await expect(pdf).toContainText('无法在程序内显示此 PDF');
    await expect(pdf).toContainText('PDF 阅读器无法解析此文件');
    await expect(viewer.locator('canvas')).toHaveCount(0);
    await shot('pdf-broken');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // ---- 从磁盘添加: a 12.5 MB scan (over the 10 MB upload limit), the user taking a moment ------
    const scan = randomBytes(12.5 * 1024 * 1024);
    writeFileSync(join(desk, '现场照片扫描.tif'), scan);
    await dialogs.answerNextOpen({ path: join(desk, '现场照片扫描.tif'), delayMs: 3000 });
    await drawer.getByTestId('clue-file-from-disk').click();
    const busy = page.getByTestId('clue-file-busy');
    await expect(busy).toContainText('正在读取所选文件并加密保存');
    await expect(busy).toContainText('请稍候');
    await shot('from-disk-busy');
    await expect(busy).toBeHidden();
    await expect(fileRow(page, '现场照片扫描.tif')).toHaveAttribute('data-size', String(scan.length));
    await expect(fileRow(page, '现场照片扫描.tif')).toContainText('图片 · 12.5 MB');
    await expect(page.locator('.mantine-Notification-root').filter({ hasText: '“现场照片扫描.tif”已加密保存' })).toBeVisible();
    await closeNotifications(page);

    // A note whose Chinese font is not embedded: pdf.js reads it through the bundled CMap.
    writeFileSync(join(desk, '情况说明.pdf'), unembeddedChinesePdf(['关于张某某问题的情况说明', '巡察组 二〇二〇年四月']));
    await dialogs.answerNextOpen({ path: join(desk, '情况说明.pdf') });
    await drawer.getByTestId('clue-file-from-disk').click();
    await expect(fileRow(page, '情况说明.pdf')).toBeVisible();
    await closeNotifications(page);
    const dataFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pdfjs/')) dataFiles.push(new URL(request.url()).pathname);
    });
    await fileRow(page, '情况说明.pdf').getByTestId('clue-file-view').click();
    await expect(pdf).toHaveAttribute('data-pages', '1');
    expect(await inkOn(pdf, 1), 'the note is drawn with a system CJK font').toBeGreaterThan(1500);
    expect(dataFiles).toContain('/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    await shot('pdf-unembedded-font');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // Closing the dialog without choosing is not an error, and adds nothing.
    await dialogs.answerNextOpen({ path: null });
    await drawer.getByTestId('clue-file-from-disk').click();
    await expect(drawer.getByTestId('clue-file-from-disk')).toBeEnabled();
    await expect(drawer.getByTestId('error-alert')).toHaveCount(0);
    await expect(drawer.getByTestId('clue-file')).toHaveCount(5);
    await shot('clue-files-listed');

    // ---- 另存副本: a warning first, then the copy equals the original ---------------------------
    mkdirSync(join(desk, '导出'));
    const copyPath = join(desk, '导出', '举报信-副本.pdf');
    await dialogs.answerNextSave({ path: copyPath });
    await fileRow(page, '举报信.pdf').getByTestId('clue-file-save-copy').click();
    const confirm = page.getByTestId('save-copy-confirm');
    await expect(confirm).toContainText('未加密');
    await expect(confirm).toContainText('审计日志');
    await expect(confirm).toContainText('举报信.pdf');
    await shot('save-copy-confirm');
    await confirm.getByTestId('save-copy-submit').click();
    await expect(page.getByText('“举报信.pdf”的副本已保存')).toBeVisible();
    expect(readFileSync(copyPath).equals(letter), 'the saved copy equals the original').toBe(true);
    await closeNotifications(page);

    // ---- one flipped bit in the stored letter: refused, neither shown nor saved -----------------
    const stored = storedFiles(app.vaultDir);
    expect(stored).toHaveLength(5);
    flipByte(stored[0]!);
    await fileRow(page, '举报信.pdf').getByTestId('clue-file-view').click();
    await expect(viewer).toHaveAttribute('data-state', 'tampered');
    await expect(viewer.getByTestId('file-tampered')).toContainText('文件已被改动');
    await expect(viewer.getByTestId('pdf-viewer')).toHaveCount(0);
    await expect(viewer.locator('canvas')).toHaveCount(0);
    await shot('tampered-not-shown');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    const refusedPath = join(desk, '导出', '被改动的副本.pdf');
    await dialogs.answerNextSave({ path: refusedPath });
    await fileRow(page, '举报信.pdf').getByTestId('clue-file-save-copy').click();
    await confirm.getByTestId('save-copy-submit').click();
    await expect(drawer.getByTestId('error-alert')).toHaveAttribute('data-error-code', 'FILE_TAMPERED');
    await expect(drawer.getByTestId('error-alert')).toContainText('未能另存副本');
    expect(existsSync(refusedPath)).toBe(false);
    // Nothing half-written is left behind either (the copy goes to a temp name first).
    expect(readdirSync(join(desk, '导出'))).toEqual(['举报信-副本.pdf']);
    await shot('tampered-not-saved');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // ---- an inspector: no file of any clue, not even by calling the core -----------------------
    const dialogsBefore = dialogs.titles.length;
    await signOutNow(page);
    await signInFirstTime(page, INSPECTOR);
    await openClues(page);
    await expect(page.getByTestId('clues-locked')).toBeVisible();
    await expect(page.getByTestId('clue-file')).toHaveCount(0);
    const refusals = await page.evaluate(async (id) => {
      const calls = [
        window.api.invoke('clues.viewFile', { clueId: id, fileId: 1 }),
        window.api.invoke('clues.saveFileCopy', { clueId: id, fileId: 1 }),
        window.api.invoke('clues.attachFromDisk', { clueId: id }),
      ];
      return (await Promise.all(calls)).map((result) => (result.ok ? 'ok' : result.error.code));
    }, clueId);
    expect(refusals).toEqual(['PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED']);
    // The refusal came before any dialog opened (bridge host: the test dialogs count them).
    expect(dialogs.titles.length).toBe(dialogsBefore);
    await shot('inspector-locked');

    // ---- 审计: the copy saved, by clue number and folder only ---------------------------------
    await signOutNow(page);
    await signIn(page, ADMIN.username, ADMIN.password);
    await go(page, '审计');
    const audit = page.getByTestId('audit-table');
    await choose(page, page.getByTestId('audit-filter-action'), '另存线索材料副本');
    const saved = audit.locator('tr[data-action="clue.saveFileCopy"]');
    await expect(saved).toHaveCount(1);
    await expect(saved).toContainText('八轮-线索-001');
    await expect(saved).toContainText(CLUE_OFFICER.displayName);
    // The file's name often names the person the clue is about: the log keeps it out.
    await expect(saved).not.toContainText('举报信');
    await shot('audit-save-copy');
    await choose(page, page.getByTestId('audit-filter-action'), '上传线索材料');
    await expect(audit.locator('tr[data-action="clue.attachFile"]')).toHaveCount(5);
    await choose(page, page.getByTestId('audit-filter-action'), '查看线索材料');
    await expect(audit.locator('tr[data-action="clue.viewFile"][data-outcome="failed"]')).toHaveCount(1);
  } finally {
    rmSync(desk, { recursive: true, force: true });
  }
});
