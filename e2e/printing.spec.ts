/**
 * 打印, end to end against the real core on a real encrypted vault: the administrator prints two
 * numbered copies of the 秘密 feedback letter for 市审计局 through "打印…", then the problem list
 * (a landscape table). The pages are drawn by pdf.js into the print container and window.print()
 * is called; only the operating system's dialog is not opened: window.print is replaced by a
 * recorder that reads the container at the moment of the call. The print layout is checked under
 * print media (app hidden, one A4 image per sheet) and photographed, `afterprint` must remove
 * everything the print added, and the print register shows the copies as 打印.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { api, closeNotifications, seedRound8 } from './support/findings';
import { go, setUpVault } from './support/flows';

const CONTAINER = '#xuncha-print';
/** A4 in CSS pixels (96 per inch). */
const A4_SHORT = (210 / 25.4) * 96;
const A4_LONG = (297 / 25.4) * 96;

interface RecordedPrint {
  images: { width: number; height: number; complete: boolean }[];
}

/** Replaces window.print with a recorder of what the print container holds when it is called. */
async function recordPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const prints: RecordedPrint[] = [];
    (window as unknown as { recordedPrints: RecordedPrint[] }).recordedPrints = prints;
    window.print = () => {
      const images = [...document.querySelectorAll<HTMLImageElement>('#xuncha-print img')];
      prints.push({ images: images.map((image) => ({ width: image.naturalWidth, height: image.naturalHeight, complete: image.complete })) });
    };
  });
}

async function waitForPrint(page: Page, count: number): Promise<RecordedPrint> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { recordedPrints: RecordedPrint[] }).recordedPrints.length), { timeout: 60_000 }).toBe(count);
  return page.evaluate((index) => (window as unknown as { recordedPrints: RecordedPrint[] }).recordedPrints[index]!, count - 1);
}

/** Under print media: the app is gone, each image fills one A4 sheet. Returns the images' boxes. */
async function printLayout(page: Page): Promise<{ rootDisplay: string; boxes: { width: number; height: number }[] }> {
  return page.evaluate(() => ({
    rootDisplay: getComputedStyle(document.getElementById('root')!).display,
    boxes: [...document.querySelectorAll<HTMLImageElement>('#xuncha-print img')].map((image) => {
      const box = image.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  }));
}

async function finishPrint(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator(CONTAINER)).toHaveCount(0);
}

test('a letter and the problem list are printed through the system dialog and registered as 打印', async ({ app }) => {
  test.setTimeout(240_000);
  const { page, shot } = app;
  await setUpVault(page);
  const { inspections } = await seedRound8(page);
  for (const [focus, description] of [
    ['corruption', '违规发放津贴补贴3.6万元，未经集体研究决定'],
    ['grassroots', '“三会一课”制度落实不到位，会议记录不全'],
  ] as const) {
    await api(page, 'problems.create', { inspectionId: inspections.audit.id, focus, description, source: 'documents' });
  }
  await closeNotifications(page);

  await go(page, '文书');
  await page.getByTestId('documents-create').click();
  const form = page.getByTestId('documents-create-form');
  await form.getByTestId('documents-create-inspection').click();
  await page.getByRole('option').filter({ hasText: '市审计局' }).click();
  await form.getByTestId('documents-create-submit').click();
  const editor = page.getByTestId('document-editor');
  await expect(editor).toHaveAttribute('data-state', 'ready');

  // ---- two numbered copies through "打印…" -------------------------------------------------
  await recordPrints(page);
  await editor.getByTestId('document-print').click();
  const dialog = page.getByTestId('print-dialog');
  await dialog.getByTestId('print-copies').fill('2');
  await shot('print-dialog-choice');
  const started = Date.now();
  await dialog.getByTestId('print-system').click();
  await expect(dialog.getByTestId('print-progress')).toBeVisible({ timeout: 60_000 });
  const drawing = Date.now();
  const letter = await waitForPrint(page, 1);
  console.log(`letter: ${letter.images.length} pages; core ${drawing - started} ms, pages drawn and decoded ${Date.now() - drawing} ms`);
  await expect(dialog.getByTestId('print-copy-numbers')).toHaveText('已分配份号 000001–000002');
  await expect(dialog.getByTestId('print-result')).toHaveAttribute('data-phase', 'printing');
  await expect(dialog.getByTestId('print-again')).toHaveCount(0);
  const pagesText = (await dialog.getByTestId('print-result').textContent()) ?? '';
  const totalPages = Number(/文件共 (\d+) 页/.exec(pagesText)?.[1]);
  expect(totalPages).toBeGreaterThanOrEqual(2);
  // One image per page of the file (both copies), drawn at print resolution in A4 proportions.
  expect(letter.images).toHaveLength(totalPages);
  for (const image of letter.images) {
    expect(image.complete).toBe(true);
    expect(image.width).toBeGreaterThan(1500);
    expect(image.height / image.width).toBeCloseTo(297 / 210, 2);
  }

  await page.emulateMedia({ media: 'print' });
  const layout = await printLayout(page);
  expect(layout.rootDisplay).toBe('none');
  await expect(page.getByTestId('print-dialog')).toBeHidden();
  await expect(page.locator(CONTAINER)).toBeVisible();
  for (const box of layout.boxes) {
    expect(box.width).toBeCloseTo(A4_SHORT, 0);
    expect(box.height).toBeCloseTo(A4_LONG, 0);
  }
  await shot('print-layout-letter');
  await finishPrint(page);
  await expect(dialog.getByTestId('print-result')).toHaveAttribute('data-phase', 'printed');
  await expect(dialog.getByTestId('print-result')).toContainText('已送往打印');
  await shot('print-letter-done');
  await dialog.getByTestId('print-close').click();

  // ---- a long run cancelled while its pages are drawn: nothing is printed or left behind -----
  await editor.getByTestId('document-print').click();
  await dialog.getByTestId('print-copies').fill('20');
  await dialog.getByTestId('print-system').click();
  const progress = dialog.getByTestId('print-progress');
  await expect(progress).toContainText(/正在准备打印：第 \d+ \/ \d+ 页/, { timeout: 60_000 });
  await shot('print-progress');
  await progress.getByTestId('print-cancel').click();
  await expect(dialog.getByTestId('print-result')).toHaveAttribute('data-phase', 'cancelled');
  await expect(dialog.getByTestId('print-result')).toContainText('已取消打印');
  await expect(dialog.getByTestId('print-copy-numbers')).toHaveText('已分配份号 000003–000022');
  await expect(page.locator(CONTAINER)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { recordedPrints: RecordedPrint[] }).recordedPrints.length)).toBe(1);
  await dialog.getByTestId('print-close').click();
  await editor.getByTestId('document-back').click();

  // ---- the problem list, a landscape table -------------------------------------------------
  await go(page, '问题与线索');
  await page.getByTestId('export-pdf-problems').click();
  const listDialog = page.getByTestId('print-dialog');
  await listDialog.getByTestId('print-copies').fill('1');
  await listDialog.getByTestId('print-system').click();
  const list = await waitForPrint(page, 2);
  await expect(listDialog.getByTestId('print-copy-numbers')).toHaveText('已分配份号 000023');
  expect(list.images.length).toBeGreaterThanOrEqual(1);
  for (const image of list.images) expect(image.width / image.height).toBeCloseTo(297 / 210, 2);
  await page.emulateMedia({ media: 'print' });
  const listLayout = await printLayout(page);
  expect(listLayout.rootDisplay).toBe('none');
  for (const box of listLayout.boxes) {
    expect(box.width).toBeCloseTo(A4_LONG, 0);
    expect(box.height).toBeCloseTo(A4_SHORT, 0);
  }
  await shot('print-layout-four-list');
  await finishPrint(page);
  await expect(listDialog.getByTestId('print-result')).toHaveAttribute('data-phase', 'printed');
  await listDialog.getByTestId('print-close').click();

  // ---- the register says how the copies left the office -----------------------------------
  await go(page, '文书');
  await page.getByTestId('documents-tab-register').click();
  const register = page.getByTestId('register-row');
  await expect(register).toHaveCount(3);
  await expect(register.nth(0).getByTestId('register-numbers')).toHaveText('000023');
  await expect(register.nth(2).getByTestId('register-numbers')).toHaveText('000001–000002');
  for (const index of [0, 1, 2]) {
    await expect(register.nth(index)).toContainText('打印');
    await expect(register.nth(index)).not.toContainText('保存 PDF');
  }
  await shot('print-register-printed');
});
