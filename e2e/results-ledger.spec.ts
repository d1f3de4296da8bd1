/**
 * 巡察成果运用台账, end to end against the real core on a real encrypted vault: after 第八轮 the
 * administrator enters results for two units — a Party sanction, funds recovered, a rule made —
 * by keyboard, corrects one and deletes a wrong one, sees the sums by kind and by unit, and
 * exports the report as .xlsx (read back with exceljs) and as a PDF previewed in the app's
 * viewer and saved (read back with pdf.js). Text with markup stays text.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './support/fixtures';
import { api, choose, closeNotifications, ROUND_LABEL, seedRound8 } from './support/findings';
import { go, setUpVault } from './support/flows';

const MARKUP = '张某某（<b>副局长</b>）';

async function pdfText(download: Download): Promise<string> {
  const data = new Uint8Array(readFileSync(await download.path()));
  const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, '');
}

async function workbook(download: Download): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** Opens the dialog, fills it and saves with Enter, as a keyboard user does. */
async function addEntry(page: Page, entry: { unit: string; kind: string; subject: string; figure: string; date?: string }) {
  await page.getByTestId('results-add').click();
  const form = page.getByTestId('results-entry-form');
  await choose(page, form.getByTestId('results-entry-inspection'), entry.unit);
  await choose(page, form.getByTestId('results-entry-kind'), entry.kind);
  await form.getByTestId('results-entry-subject').fill(entry.subject);
  await form.getByTestId('results-entry-figure').fill(entry.figure);
  if (entry.date) {
    await form.getByTestId('results-entry-date').fill(entry.date);
    await form.getByTestId('results-entry-date').press('Tab');
  }
  await form.getByTestId('results-entry-figure').press('Enter');
  await expect(form).toBeHidden();
  await closeNotifications(page);
}

test('results of two units are entered, summed, corrected and exported as .xlsx and PDF', async ({ app }) => {
  test.setTimeout(180_000);
  const { page, shot } = app;
  await setUpVault(page);
  await seedRound8(page);
  await go(page, '整改');
  await expect(page.getByTestId('rectification-round')).toHaveValue(ROUND_LABEL);
  await page.getByTestId('rectification-tab-results').click();
  const tab = page.getByTestId('results-ledger-tab');
  await expect(tab.getByTestId('results-entries')).toContainText('尚未登记成果运用情况');
  await expect(tab.getByTestId('results-by-inspection-row')).toHaveCount(3);

  const audit = '市审计局（第一巡察组）';
  const street = '赛罕区巴彦街道（第二巡察组）';
  await addEntry(page, { unit: audit, kind: '党纪处分', subject: MARKUP, figure: '1', date: '2020-09-10' });
  await addEntry(page, { unit: audit, kind: '追缴资金', subject: '违规发放的津贴补贴', figure: '36000' });
  await addEntry(page, { unit: street, kind: '追缴资金', subject: '挪用的集体资金', figure: '12,345.67' });
  await addEntry(page, { unit: street, kind: '建章立制', subject: '《村级财务管理办法》', figure: '1' });

  // A bad amount gets a clear message, and nothing typed is lost.
  await page.getByTestId('results-add').click();
  const form = page.getByTestId('results-entry-form');
  await choose(page, form.getByTestId('results-entry-kind'), '挽回经济损失');
  await form.getByTestId('results-entry-subject').fill('错登的一条');
  await form.getByTestId('results-entry-figure').fill('12.345');
  await form.getByTestId('results-entry-save').click();
  await expect(form).toContainText('最多两位小数');
  await expect(form.getByTestId('results-entry-subject')).toHaveValue('错登的一条');
  await form.getByTestId('results-entry-figure').fill('100');
  await form.getByTestId('results-entry-save').click();
  await expect(form).toBeHidden();
  await closeNotifications(page);

  const rows = tab.getByTestId('results-entry-row');
  await expect(rows).toHaveCount(5);
  // The wrong one is deleted, by keyboard from its row.
  const wrong = rows.filter({ hasText: '错登的一条' });
  await wrong.getByTestId('results-entry-delete').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-dialog').getByTestId('confirm-submit').click();
  await expect(rows).toHaveCount(4);
  await closeNotifications(page);

  // Two people were disciplined, not one: corrected.
  await rows.filter({ hasText: '党纪处分' }).getByTestId('results-entry-edit').click();
  await expect(form.getByTestId('results-entry-subject')).toHaveValue(MARKUP);
  await form.getByTestId('results-entry-figure').fill('2');
  await form.getByTestId('results-entry-figure').press('Enter');
  await expect(form).toBeHidden();
  await closeNotifications(page);

  // Markup is shown as the text typed.
  await expect(rows.filter({ hasText: '党纪处分' })).toContainText(MARKUP);
  await expect(tab.locator('b')).toHaveCount(0);
  await expect(rows.filter({ hasText: '党纪处分' })).toContainText('2020年9月10日');

  // Sums: 36,000.00 + 12,345.67 yuan = 4.83 万元; by unit 3.60 and 1.23.
  await expect(tab.getByTestId('results-total-fundsRecovered-value')).toHaveText('4.83');
  await expect(tab.getByTestId('results-total-partyDiscipline-value')).toHaveText('2');
  await expect(tab.getByTestId('results-total-rulesMade-value')).toHaveText('1');
  await expect(tab.getByTestId('results-total-lossRecovered-value')).toHaveText('0.00');
  await expect(tab.getByTestId('results-by-inspection-row').filter({ hasText: '市审计局' })).toContainText('3.60');
  await expect(tab.getByTestId('results-by-inspection-row').filter({ hasText: '赛罕区巴彦街道' })).toContainText('1.23');
  await expect(tab.getByTestId('results-by-inspection-sum')).toContainText('4.83');
  await expect(tab.getByTestId('results-clues-registered')).toHaveText('0');
  await shot('results-ledger');

  // The .xlsx: the summary with its totals row, the entries, the clue counts.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), tab.getByTestId('results-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('十二届市委第八轮巡察成果运用台账.xlsx');
  const sheets = await workbook(xlsx);
  const summary = sheets['汇总']!;
  const funds = summary[0]!.indexOf('追缴资金（万元）');
  const discipline = summary[0]!.indexOf('党纪处分（人）');
  expect(funds).toBeGreaterThan(0);
  expect(summary.find((r) => r[1] === '市审计局')![funds]).toBe(3.6);
  expect(summary.find((r) => r[1] === '市审计局')![discipline]).toBe(2);
  expect(summary.find((r) => r[0] === '合计')![funds]).toBe(4.83);
  expect(sheets['明细']!.slice(1).map((r) => r[4])).toEqual([MARKUP, '违规发放的津贴补贴', '挪用的集体资金', '《村级财务管理办法》']);
  expect(sheets['明细']!.find((r) => r[4] === '挪用的集体资金')![6]).toBe(12345.67);
  await closeNotifications(page);

  // The PDF: previewed in the viewer, then saved; its table read back.
  await tab.getByTestId('results-export-pdf').click();
  const preview = page.getByTestId('results-pdf-preview');
  await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await shot('results-pdf-preview');
  const [pdf] = await Promise.all([page.waitForEvent('download'), preview.getByTestId('results-pdf-save').click()]);
  expect(pdf.suggestedFilename()).toBe('十二届市委第八轮巡察成果运用台账.pdf');
  const text = await pdfText(pdf);
  for (const expected of ['十二届市委第八轮巡察成果运用台账', '市审计局', '赛罕区巴彦街道', '合计', '4.83', '3.60', '1.23', '问题线索：登记0件']) expect(text).toContain(expected);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // English is complete here too.
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(tab.getByTestId('results-total-fundsRecovered')).toContainText('Funds recovered');
  await expect(tab.getByTestId('results-by-inspection')).toContainText('Party discipline (persons)');
  await shot('results-ledger-english');
  await page.getByTestId('language-switch').getByText('中文').click();

  // Both exports and every change are in the audit log.
  const log = await api(page, 'audit.list', { page: 1, pageSize: 50 });
  const actions = log.items.map((e) => e.action).filter((a) => a.startsWith('resultsLedger.'));
  expect(actions.filter((a) => a === 'resultsLedger.export')).toHaveLength(2);
  expect(actions.filter((a) => a === 'resultsLedger.create')).toHaveLength(5);
  expect(actions).toContain('resultsLedger.update');
  expect(actions).toContain('resultsLedger.delete');
});
