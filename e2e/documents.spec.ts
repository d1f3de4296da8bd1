/**
 * 文书, end to end against the real core on a real encrypted vault, as the office works: after
 * the on-site work of 第八轮 the administrator drafts the feedback letter (巡察反馈意见) for 市审计局
 * from its problems, adds a heading and a paragraph to the body (the paragraph carries markup,
 * which must stay text everywhere), watches the live preview follow, saves a version, opens the
 * first version read-only, finalises the letter and prints three numbered copies of the 秘密
 * letter to PDF. The PDF is read back (pdfjs-dist) for its pages and its 份号, rendered with
 * pdftoppm to be looked at, and the print register shows 000001–000003, then 000004–000006.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SCREENSHOT_DIR } from './support/env';
import { expect, test } from './support/fixtures';
import { api, closeNotifications, seedRound8 } from './support/findings';
import { go, setUpVault } from './support/flows';

const MARKUP = '<img src=x onerror=alert(1)>';
const HEADING = '关于巡察反馈会议的补充说明';

/** Each page's text, the pieces joined (pdf.js splits lines into runs). */
async function pdfPages(download: Download): Promise<string[]> {
  const data = new Uint8Array(readFileSync(await download.path()));
  const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** The preview has caught up with the editor and shows a PDF of this many pages. */
async function previewSettled(page: Page): Promise<number> {
  const preview = page.getByTestId('live-preview');
  await expect(preview).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
  await expect(preview.getByTestId('pdf-viewer')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const pages = Number(await preview.getByTestId('live-preview-pages').getAttribute('data-pages'));
  await expect(preview.getByTestId('pdf-viewer')).toHaveAttribute('data-pages', String(pages));
  return pages;
}

async function print(page: Page, copies: number): Promise<Download> {
  await page.getByTestId('document-print').click();
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  // Only the open fonts are installed here: the dialog says so before anything is printed.
  await expect(dialog.getByTestId('print-font-notice')).toContainText('以下字体由开源字体代替');
  await dialog.getByTestId('print-copies').fill(String(copies));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByTestId('print-submit').click()]);
  return download;
}

test('a feedback letter is drafted, edited with a live preview, finalised and printed in three numbered copies', async ({ app }) => {
  test.setTimeout(240_000);
  const { page, shot } = app;
  // Markup typed into the body must never run: any dialog (alert) fails the story.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await setUpVault(page);
  const { inspections } = await seedRound8(page);
  for (const [focus, description] of [
    ['corruption', '违规发放津贴补贴3.6万元，未经集体研究决定'],
    ['grassroots', '“三会一课”制度落实不到位，会议记录不全'],
    ['rectification', '上轮巡察反馈问题整改不到位，整改台账更新不及时'],
  ] as const) {
    await api(page, 'problems.create', { inspectionId: inspections.audit.id, focus, description, source: 'documents' });
  }
  await closeNotifications(page);

  // ---- the list, and a draft from the inspection -------------------------------------------
  await go(page, '文书');
  await expect(page.getByTestId('documents-page')).toBeVisible();
  await expect(page.getByTestId('documents-table')).toContainText('尚无文书');
  await page.getByTestId('documents-create').click();
  const form = page.getByTestId('documents-create-form');
  await expect(form.getByTestId('documents-create-kind')).toHaveValue('巡察反馈意见');
  await form.getByTestId('documents-create-inspection').click();
  await page.getByRole('option').filter({ hasText: '市审计局' }).click();
  await shot('create-dialog');
  await form.getByTestId('documents-create-submit').click();

  const editor = page.getByTestId('document-editor');
  await expect(editor).toHaveAttribute('data-state', 'ready');
  await expect(editor.getByTestId('document-status')).toHaveAttribute('data-status', 'draft');
  await expect(editor.getByTestId('classification-badge').first()).toContainText('秘密');
  await expect(editor.getByTestId('document-title')).toContainText('市审计局');
  const pagesBefore = await previewSettled(page);
  const previewsBefore = Number(await page.getByTestId('live-preview').getAttribute('data-made'));
  expect(pagesBefore).toBeGreaterThanOrEqual(1);
  // The template's problems are in the body, grouped under numbered headings.
  await expect(editor.getByTestId('body-editor')).toContainText('一、');

  // ---- editing the body: a heading and a paragraph with markup, moved by keyboard ----------
  const blocks = editor.getByTestId('body-block');
  const before = await blocks.count();
  await editor.getByTestId('body-add-heading').click();
  await expect(blocks).toHaveCount(before + 1);
  const heading = blocks.nth(before);
  await expect(heading.getByTestId('body-block-text')).toBeFocused();
  await page.keyboard.type(HEADING);
  await heading.getByTestId('body-block-level').getByText('一、', { exact: true }).click();
  await expect(heading).toHaveAttribute('data-level', '1');
  const headingNumber = (await heading.getByTestId('body-block-number').textContent()) ?? '';
  expect(headingNumber).toMatch(/^[一二三四五六七八九十]+、$/);
  // Alt+Enter adds a paragraph after the heading and moves the cursor into it.
  await heading.getByTestId('body-block-text').press('Alt+Enter');
  await expect(blocks).toHaveCount(before + 2);
  const paragraph = blocks.nth(before + 1);
  await expect(paragraph.getByTestId('body-block-text')).toBeFocused();
  await page.keyboard.type(MARKUP);
  await expect(paragraph.getByTestId('body-block-text')).toHaveValue(MARKUP);
  // Alt+↑ moves the paragraph above the heading, Alt+↓ back; focus follows the block.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(blocks.nth(before)).toHaveAttribute('data-kind', 'paragraph');
  await expect(blocks.nth(before).getByTestId('body-block-text')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(blocks.nth(before + 1)).toHaveAttribute('data-kind', 'paragraph');
  await expect(blocks.nth(before + 1).getByTestId('body-block-text')).toHaveValue(MARKUP);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(editor.getByTestId('document-dirty')).toBeVisible();

  // The preview follows: it is made again after the pause and shows the new pages.
  const pagesAfter = await previewSettled(page);
  expect(Number(await page.getByTestId('live-preview').getAttribute('data-made'))).toBeGreaterThan(previewsBefore);
  expect(pagesAfter).toBeGreaterThanOrEqual(pagesBefore);
  await shot('editor-with-preview');

  // An empty block stops a save with a Chinese reason and loses nothing.
  await editor.getByTestId('body-add-paragraph').click();
  await editor.getByTestId('document-save').click();
  await expect(editor.getByTestId('draft-problems')).toContainText(`正文第 ${before + 3} 块是空的`);
  await blocks.nth(before + 2).getByTestId('body-block-remove').click();
  await expect(blocks).toHaveCount(before + 2);

  // ---- versions ----------------------------------------------------------------------------
  await page.keyboard.press('Control+s');
  const save = page.getByTestId('save-version-form');
  await expect(save).toBeVisible();
  await save.getByTestId('save-version-note').fill('补充反馈会议说明');
  await save.getByTestId('save-version-submit').click();
  await expect(save).toBeHidden();
  await expect(editor).toHaveAttribute('data-version', '2');
  await expect(editor.getByTestId('document-dirty')).toBeHidden();

  await editor.getByTestId('editor-tab-versions').click();
  const versions = editor.getByTestId('versions-row');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('补充反馈会议说明');
  await expect(versions.first()).toContainText('王建国');
  await versions.filter({ hasText: '第 1 版' }).getByTestId('versions-view').click();
  await expect(editor.getByTestId('document-viewing')).toContainText('正在查看第 1 版（只读）');
  await editor.getByTestId('editor-tab-body').click();
  await expect(editor.getByTestId('body-block-text').first()).toHaveAttribute('readonly', '');
  await expect(editor.getByTestId('body-editor')).not.toContainText(HEADING);
  await shot('older-version');
  await editor.getByTestId('versions-back').click();
  await expect(editor.getByTestId('document-viewing')).toBeHidden();

  // ---- the feedback meeting ----------------------------------------------------------------
  await editor.getByTestId('editor-tab-meeting').click();
  const meeting = editor.getByTestId('meeting-form');
  await meeting.getByTestId('meeting-heldOn').fill('2020-06-29');
  await meeting.getByTestId('meeting-heldOn').press('Tab');
  await meeting.getByTestId('meeting-place').fill('市审计局三楼会议室');
  await meeting.getByRole('textbox', { name: '第 1 位参会人姓名' }).fill('张文华');
  await meeting.getByRole('textbox', { name: '第 1 位参会人职务' }).fill('市委常委、组织部部长');
  await meeting.getByTestId('meeting-save').click();
  await expect(editor.getByTestId('meeting-form')).toContainText('王建国');
  await closeNotifications(page);

  // ---- finalise ----------------------------------------------------------------------------
  await editor.getByTestId('document-finalise').click();
  const confirm = page.getByTestId('finalise-dialog');
  await expect(confirm).toContainText('将第 2 版定稿');
  await confirm.getByTestId('confirm-submit').click();
  await expect(editor.getByTestId('document-status')).toHaveAttribute('data-status', 'final');
  await expect(editor.getByTestId('document-locked')).toBeVisible();
  await expect(editor.getByTestId('document-save')).toHaveCount(0);
  await editor.getByTestId('editor-tab-body').click();
  await expect(editor.getByTestId('body-add-heading')).toHaveCount(0);
  await closeNotifications(page);
  await shot('finalised');

  // ---- print 3 numbered copies to PDF -------------------------------------------------------
  const download = await print(page, 3);
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog.getByTestId('print-copy-numbers')).toHaveText('已分配份号 000001–000003');
  await shot('printed');
  const saved = join(SCREENSHOT_DIR, 'documents-printed.pdf');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  copyFileSync(await download.path(), saved);
  const pages = await pdfPages(download);
  // Each copy starts on a new sheet: an odd-paged letter gets a blank page between copies.
  const perCopy = pagesAfter % 2 === 0 ? pagesAfter : pagesAfter + 1;
  expect(pages).toHaveLength(2 * perCopy + pagesAfter);
  await expect(dialog).toContainText(`每份 ${pagesAfter} 页，文件共 ${pages.length} 页`);
  for (const [copy, number] of ['000001', '000002', '000003'].entries()) {
    const first = pages[copy * perCopy]!;
    expect(first).toContain(number);
    for (const other of ['000001', '000002', '000003'].filter((n) => n !== number)) expect(first).not.toContain(other);
  }
  // The markup is printed as the characters typed (pdf.js may drop the spaces between runs).
  expect(pages.join('').replace(/\s+/g, '')).toContain(MARKUP.replace(/\s+/g, ''));
  expect(pages.join('')).toContain(HEADING);
  expect(pages.join('')).not.toContain('预览稿');
  // The first page at 50 dpi, to be looked at.
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', String(perCopy + 1), saved, join(SCREENSHOT_DIR, 'documents-printed')]);
  await dialog.getByTestId('print-close').click();

  // The next print continues the numbers.
  const again = await print(page, 3);
  await expect(page.getByTestId('print-dialog').getByTestId('print-copy-numbers')).toHaveText('已分配份号 000004–000006');
  expect((await pdfPages(again)).join('')).toContain('000006');
  await page.getByTestId('print-close').click();

  // ---- the print register -------------------------------------------------------------------
  await closeNotifications(page);
  await editor.getByTestId('document-back').click();
  await expect(page.getByTestId('documents-row')).toHaveCount(1);
  await expect(page.getByTestId('documents-row')).toContainText('已定稿');
  await shot('documents-list');
  await page.getByTestId('documents-tab-register').click();
  const register = page.getByTestId('register-row');
  await expect(register).toHaveCount(2);
  await expect(register.nth(0).getByTestId('register-numbers')).toHaveText('000004–000006');
  await expect(register.nth(1).getByTestId('register-numbers')).toHaveText('000001–000003');
  await expect(register.nth(1)).toContainText('王建国');
  await shot('print-register');

  // The four lists print the same way: the problem list as a landscape 秘密 table, numbered on.
  await go(page, '问题与线索');
  await page.getByTestId('export-pdf-problems').click();
  const listDialog = page.getByTestId('print-dialog');
  await listDialog.getByTestId('print-copies').fill('1');
  const [listPdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), listDialog.getByTestId('print-submit').click()]);
  await expect(listDialog.getByTestId('print-copy-numbers')).toHaveText('已分配份号 000007');
  await shot('four-list-pdf');
  const listText = (await pdfPages(listPdf)).join('');
  expect(listText).toContain('000007');
  expect(listText).toContain('违规发放津贴补贴3.6万元');
  await listDialog.getByTestId('print-close').click();

  // The settings page names the font serving each role and marks the substitutes.
  await go(page, '设置');
  await expect(page.getByTestId('font-status-card')).toContainText('代用字体');
  await expect(page.getByTestId('font-status-row')).toHaveCount(5);
  // A folder of official fonts besides the system's: the engine looks there from now on.
  const fontFolder = mkdtempSync(join(tmpdir(), 'xuncha-fonts-'));
  await page.getByTestId('font-folder').fill(fontFolder);
  await page.getByTestId('font-folder-save').click();
  await expect(page.getByTestId('font-status-card')).toContainText(`另外查找的字体文件夹：${fontFolder}`);
  rmSync(fontFolder, { recursive: true, force: true });
  await page.getByTestId('font-status-card').scrollIntoViewIfNeeded();
  await shot('settings-fonts');
});
