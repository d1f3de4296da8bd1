/**
 * 问题与线索, end to end against the real core on a real encrypted vault, as the users work:
 * an inspector answers a 是否 checklist and turns a 否 into a problem, and sees nothing of the
 * confidential clues but their counts; a clue officer registers a clue with its tip-off letter,
 * views it inside the app, hands it over and records the disposal; a damaged stored file is
 * reported and never shown; the audit log shows every clue step; a leader reads without
 * changing anything; an administrator edits a checklist template into a new version.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn } from './support/flows';
import {
  CLUE_OFFICER,
  INSPECTOR,
  LEADER,
  ROUND_LABEL,
  api,
  choose,
  closeNotifications,
  flipByte,
  readDownload,
  seedRound8,
  signInFirstTime,
  signOutNow,
  storedFiles,
  tinyPdf,
  tinyPng,
  typeDate,
} from './support/findings';

const SECRET = { summary: '反映市审计局副局长张某某收受礼金问题', person: '张某某' };

async function openFindings(page: Page, tab?: string) {
  await go(page, '问题与线索');
  await expect(page.getByTestId('findings-page')).toBeVisible();
  await expect(page.getByTestId('findings-round')).toHaveValue(ROUND_LABEL);
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

function itemRow(page: Page, index: number) {
  return page.getByTestId('checklist-item').nth(index);
}

/** Clicks 是 / 否 / 不适用 of an item as a user does (the segment's label). */
async function answer(row: ReturnType<typeof itemRow>, label: string) {
  await row.getByTestId('checklist-answer').getByText(label, { exact: true }).click();
}

function problemRow(page: Page, text: string) {
  return page.getByTestId('problem-row').filter({ hasText: text });
}

test('an inspector answers the checklist, turns a 否 into a linked problem, keeps the problem list, and sees clue counts only', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  const { round } = await seedRound8(page);
  await signOutNow(page);

  // A clue officer has two clues on file already (one handed over).
  await signInFirstTime(page, CLUE_OFFICER);
  const secret = await api(page, 'clues.create', {
    roundId: round.id,
    summary: SECRET.summary,
    source: '信访举报',
    receivedOn: '2020-04-20',
    persons: [{ name: SECRET.person, unit: '市审计局', position: '副局长', rank: '副处级' }],
  });
  const other = await api(page, 'clues.create', { roundId: round.id, summary: '反映某街道会计挪用集体资金', source: '个别谈话', receivedOn: '2020-04-22' });
  const { receivers } = await api(page, 'handover.lists', {});
  await api(page, 'clues.handOver', { clueIds: [other.id], receiverId: receivers[0]!.id, handedOn: '2020-05-10' });
  expect(secret.code).toBe('八轮-线索-001');
  await signOutNow(page);

  await signInFirstTime(page, INSPECTOR);
  await openFindings(page);
  await expect(page.getByTestId('problems-total')).toHaveText('共 0 条问题');
  await shot('problems-empty');

  // ---- 是否清单: choose the inspection, use the routine checklist -----------------------------
  await page.getByRole('tab', { name: '“是否”清单' }).click();
  await expect(page.getByTestId('checklist-tab')).toContainText('选择被巡察单位');
  await choose(page, page.getByTestId('checklist-inspection'), '市审计局（第一巡察组）');
  await expect(page.getByTestId('checklist-empty')).toBeVisible();
  // The routine template is suggested for a routine inspection.
  await expect(page.getByTestId('checklist-template')).toHaveValue('常规巡察“是否”清单');
  await page.getByTestId('checklist-attach').click();
  const card = page.getByTestId('checklist-card');
  await expect(card).toHaveAttribute('data-template', '常规巡察“是否”清单');
  await expect(card).toContainText('第 1 版');
  await expect(page.getByTestId('checklist-item')).toHaveCount(7);
  await expect(card.getByTestId('sample-badge')).toHaveCount(7);
  await expect(card).toContainText('聚焦基层党组织软弱涣散、组织力欠缺问题');

  // 是 by mouse, 不适用 by keyboard (Space on the radio).
  await answer(itemRow(page, 0), '是');
  await expect(itemRow(page, 0)).toHaveAttribute('data-answer', 'yes');
  await itemRow(page, 2).getByRole('radio', { name: '不适用', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(itemRow(page, 2)).toHaveAttribute('data-answer', 'na');

  // 否 with a note, then 生成问题: the dialog comes prefilled from the item.
  const second = itemRow(page, 1);
  await second.getByTestId('checklist-note').fill('2019年以加班补贴名义违规发放12.6万元');
  await answer(second, '否');
  await expect(second).toHaveAttribute('data-answer', 'no');
  await expect(card.getByTestId('checklist-progress')).toHaveText('已填 3/7 项 · 否 1 项');
  await second.getByTestId('checklist-make-problem').click();
  const form = page.getByTestId('problem-form');
  await expect(form.getByTestId('problem-form-item')).toContainText('是否严格执行津贴补贴和福利发放规定');
  await expect(form.getByTestId('problem-form-description')).toHaveValue('是否严格执行津贴补贴和福利发放规定');
  await expect(form.getByTestId('problem-form-evidence')).toHaveValue('2019年以加班补贴名义违规发放12.6万元');
  await expect(form.getByTestId('problem-form-focus')).toHaveValue('群众身边腐败问题和不正之风');
  await expect(form.getByTestId('problem-form-inspection')).toHaveValue('市审计局（第一巡察组）');
  await expect(form.getByTestId('problem-form-inspection')).toBeDisabled();
  // Categories are those of the chosen focus only.
  await form.getByTestId('problem-form-category').click();
  await expect(page.getByRole('option', { name: '违反中央八项规定精神' })).toBeVisible();
  await expect(page.getByRole('option', { name: '基层党组织建设' })).toHaveCount(0);
  await page.getByRole('option', { name: '违反中央八项规定精神' }).click();
  // Saving without a source: an inline message, and nothing typed is lost.
  await form.getByTestId('problem-form-description').fill('违规发放津贴补贴12.6万元');
  await form.getByTestId('problem-form-submit').click();
  await expect(form.getByText('请选择')).toBeVisible();
  await expect(form.getByTestId('problem-form-description')).toHaveValue('违规发放津贴补贴12.6万元');
  await shot('problem-from-checklist');
  await choose(page, form.getByTestId('problem-form-source'), '查阅资料');
  await form.getByTestId('problem-form-submit').click();
  await expect(form).toBeHidden();
  // The item now shows the problem it produced.
  await expect(second.getByTestId('item-linked-problem')).toContainText('违规发放津贴补贴12.6万元');
  await shot('checklist-answered');

  // ---- 问题: more problems, one with markup in it ------------------------------------------
  await page.getByRole('tab', { name: '问题', exact: true }).click();
  const table = page.getByTestId('problems-table');
  await expect(problemRow(page, '违规发放津贴补贴12.6万元')).toContainText('市审计局');
  await expect(problemRow(page, '违规发放津贴补贴12.6万元')).toContainText('第一巡察组');
  await expect(problemRow(page, '违规发放津贴补贴12.6万元')).toContainText('违反中央八项规定精神');
  await expect(problemRow(page, '违规发放津贴补贴12.6万元')).toContainText('查阅资料');

  const markup = '<img src=x onerror=alert(1)>差旅费报销无审批单据';
  await page.getByTestId('problem-create').press('Enter');
  await expect(form).toBeVisible();
  await choose(page, form.getByTestId('problem-form-inspection'), '市财政局（第一巡察组）');
  await choose(page, form.getByTestId('problem-form-focus'), '群众身边腐败问题和不正之风');
  await form.getByTestId('problem-form-description').fill(markup);
  await choose(page, form.getByTestId('problem-form-source'), '信访举报');
  await form.getByTestId('problem-form-submit').click();
  await expect(form).toBeHidden();

  await page.getByTestId('problem-create').click();
  await choose(page, form.getByTestId('problem-form-inspection'), '赛罕区巴彦街道（第二巡察组）');
  await choose(page, form.getByTestId('problem-form-focus'), '基层党组织软弱涣散、组织力欠缺');
  await choose(page, form.getByTestId('problem-form-category'), '组织生活制度落实');
  await form.getByTestId('problem-form-description').fill('街道党工委“三会一课”制度落实不到位，2019年仅召开党员大会1次');
  await choose(page, form.getByTestId('problem-form-source'), '个别谈话');
  await form.getByTestId('problem-form-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('problems-total')).toHaveText('共 3 条问题');

  // Markup is text: shown as typed, no element made from it.
  await expect(problemRow(page, '差旅费报销无审批单据').getByTestId('problem-description')).toHaveText(markup);
  await expect(table.locator('img')).toHaveCount(0);
  await shot('problems');

  // Filters: focus, group, full text.
  await choose(page, page.getByTestId('problem-filter-focus'), '基层党组织软弱涣散、组织力欠缺');
  await expect(page.getByTestId('problems-total')).toHaveText('共 1 条问题');
  await page.getByRole('button', { name: '重置' }).click();
  await choose(page, page.getByTestId('problem-filter-group'), '第一巡察组');
  await expect(page.getByTestId('problems-total')).toHaveText('共 2 条问题');
  await page.getByRole('button', { name: '重置' }).click();
  await page.getByTestId('problem-filter-text').fill('三会一课');
  await page.getByTestId('problem-filter-text').press('Enter');
  await expect(page.getByTestId('problems-total')).toHaveText('共 1 条问题');
  await expect(page.getByTestId('problem-row')).toHaveCount(1);
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByTestId('problems-total')).toHaveText('共 3 条问题');

  // 批量修改: the two corruption problems become 共性问题.
  await problemRow(page, '违规发放津贴补贴12.6万元').getByTestId('problem-select').check();
  await problemRow(page, '差旅费报销无审批单据').getByTestId('problem-select').check();
  await expect(page.getByTestId('problem-selection')).toContainText('已选 2 条');
  await page.getByTestId('problem-bulk').click();
  const bulk = page.getByTestId('bulk-form');
  await bulk.getByTestId('bulk-submit').click();
  await expect(bulk).toContainText('请至少勾选一项要修改的内容');
  await bulk.getByTestId('bulk-change-common').check();
  await shot('bulk-edit');
  await bulk.getByTestId('bulk-submit').click();
  await expect(bulk).toBeHidden();
  await expect(page.getByText('已修改 2 条问题')).toBeVisible();
  await choose(page, page.getByTestId('problem-filter-common'), '仅共性问题');
  await expect(page.getByTestId('problems-total')).toHaveText('共 2 条问题');
  await expect(page.getByTestId('problem-common')).toHaveCount(2);
  await page.getByRole('button', { name: '重置' }).click();

  // Delete, after a confirmation that quotes the problem as text.
  await problemRow(page, '差旅费报销无审批单据').getByTestId('problem-delete').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(markup);
  await shot('problem-delete-confirm');
  await confirm.getByTestId('confirm-submit').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('problems-total')).toHaveText('共 2 条问题');

  // 问题清单 of the round as .xlsx.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-problems').click()]);
  expect(download.suggestedFilename()).toBe(`${ROUND_LABEL}问题清单.xlsx`);
  const rows = await readDownload(download);
  expect(rows[0]![0]).toBe(`${ROUND_LABEL}问题清单`);
  expect(rows.map((row) => row[5])).toContain('违规发放津贴补贴12.6万元');

  // ---- 追责问责 and 点人点事, linked to the problem ---------------------------------------------
  await page.getByRole('tab', { name: '追责问责' }).click();
  await page.getByTestId('accountability-tab-create').click();
  const accountability = page.getByTestId('accountability-form');
  await accountability.getByTestId('accountability-subject').fill('李某');
  await accountability.getByTestId('accountability-matter').fill('对违规发放津贴补贴负有领导责任');
  await accountability.getByTestId('accountability-handling').fill('建议诫勉谈话');
  await accountability.getByTestId('list-form-problem').fill('津贴');
  await page.getByRole('option', { name: /违规发放津贴补贴12\.6万元/ }).click();
  await choose(page, accountability.getByTestId('list-form-receiver'), '市纪委监委');
  await accountability.getByTestId('accountability-submit').click();
  await expect(accountability).toBeHidden();
  const accountabilityRow = page.getByTestId('accountability-row');
  await expect(accountabilityRow).toHaveCount(1);
  await expect(accountabilityRow).toContainText('李某');
  await expect(accountabilityRow).toContainText('建议诫勉谈话');
  await expect(accountabilityRow).toContainText('市纪委监委');
  await expect(accountabilityRow.getByTestId('linked-problem')).toContainText('市审计局：违规发放津贴补贴12.6万元');
  await shot('accountability');
  const [accountabilityList] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-accountability').click()]);
  expect(accountabilityList.suggestedFilename()).toBe(`${ROUND_LABEL}追责问责清单.xlsx`);
  expect((await readDownload(accountabilityList))[2]).toEqual(['1', '个人', '李某', '对违规发放津贴补贴负有领导责任', '建议诫勉谈话', '市纪委监委']);

  await page.getByRole('tab', { name: '点人点事' }).click();
  await page.getByTestId('person-matters-tab-create').click();
  const matter = page.getByTestId('person-matter-form');
  await matter.getByTestId('person-matter-name').fill('王某');
  await matter.getByTestId('person-matter-unit').fill('市审计局');
  await matter.getByTestId('person-matter-position').fill('办公室主任');
  await matter.getByTestId('person-matter-matter').fill('经办违规发放津贴补贴');
  await choose(page, matter.getByTestId('list-form-receiver'), '市委组织部');
  await matter.getByTestId('person-matter-submit').click();
  await expect(matter).toBeHidden();
  await expect(page.getByTestId('person-matter-row')).toContainText('王某');
  await expect(page.getByTestId('person-matter-row')).toContainText('市委组织部');
  await shot('person-matters');

  // ---- 问题线索: counts only ----------------------------------------------------------------
  await page.getByRole('tab', { name: '问题线索' }).click();
  const locked = page.getByTestId('clues-locked');
  await expect(locked).toContainText('问题线索的内容仅限线索管理员查阅');
  await expect(page.getByTestId('clue-count-total')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('clue-count-registered')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('clue-count-handedOver')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('clue-count-disposed')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('clues-table')).toHaveCount(0);
  await expect(page.getByTestId('export-clues')).toHaveCount(0);
  // Nothing of any clue anywhere in the page, visible or not.
  const html = await page.content();
  for (const text of [SECRET.summary, SECRET.person, '收受礼金', '挪用集体资金', '八轮-线索']) expect(html, text).not.toContain(text);
  await shot('clues-counts-only');

  // The core was never asked for clue content on the inspector's behalf.
  await signOutNow(page);
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('home-page')).toBeVisible();
  const denied = await api(page, 'audit.list', { page: 1, pageSize: 10, action: 'permission.denied' });
  expect(denied.total).toBe(0);
  const listed = await api(page, 'audit.list', { page: 1, pageSize: 10, action: 'clue.list', actorName: INSPECTOR.displayName });
  expect(listed.total).toBe(0);
});

test('a clue officer registers a clue with its letter, views it in the app, hands it over and records the disposal; a damaged file is refused; the audit log shows every step', async ({
  app,
}) => {
  const { page, shot } = app;
  await setUpVault(page);
  await seedRound8(page);
  await signOutNow(page);
  await signInFirstTime(page, CLUE_OFFICER);
  await openFindings(page, '问题线索');
  const panel = page.getByTestId('clues-panel');
  await expect(panel).toContainText('保密内容');
  await expect(page.getByTestId('clues-total')).toHaveText('共 0 条线索');

  // ---- 登记线索 ---------------------------------------------------------------------------------
  await page.getByTestId('clue-create').click();
  const form = page.getByTestId('clue-form');
  await expect(form.getByTestId('clue-form-round')).toHaveValue(ROUND_LABEL);
  await choose(page, form.getByTestId('clue-form-inspection'), '市审计局（第一巡察组）');
  await form.getByTestId('clue-form-source').fill('信访举报');
  await typeDate(form.getByTestId('clue-form-received'), '2020-04-20');
  const persons = form.getByTestId('clue-form-person');
  await persons.nth(0).getByTestId('clue-form-person-name').fill(SECRET.person);
  await persons.nth(0).getByTestId('clue-form-person-unit').fill('市审计局');
  await persons.nth(0).getByTestId('clue-form-person-position').fill('副局长');
  await persons.nth(0).getByTestId('clue-form-person-rank').fill('副处级');
  await form.getByTestId('clue-form-person-add').click();
  await persons.nth(1).getByTestId('clue-form-person-unit').fill('市审计局');
  // No summary, and a person row without a name: refused in place, nothing typed is lost.
  await form.getByTestId('clue-form-submit').click();
  await expect(form.getByText('请填写此项')).toHaveCount(2);
  await expect(form.getByTestId('clue-form-source')).toHaveValue('信访举报');
  await expect(persons.nth(0).getByTestId('clue-form-person-name')).toHaveValue(SECRET.person);
  await persons.nth(1).getByTestId('clue-form-person-name').fill('王某');
  await persons.nth(1).getByTestId('clue-form-person-position').fill('办公室主任');
  await form.getByTestId('clue-form-summary').fill(SECRET.summary);
  await shot('clue-register');
  await form.getByTestId('clue-form-submit').click();
  await expect(form).toBeHidden();

  // The new clue opens at once, numbered within the round.
  const drawer = page.getByTestId('clue-drawer');
  await expect(drawer).toContainText('线索 八轮-线索-001');
  await expect(drawer.getByTestId('clue-status')).toHaveText('已登记');
  await expect(drawer.getByTestId('clue-persons')).toContainText('张某某');
  await expect(drawer.getByTestId('clue-persons')).toContainText('市审计局 · 副局长 · 副处级');
  await expect(drawer).toContainText('2020年4月20日');

  // ---- 线索材料: the tip-off letter (PDF) and a photo (PNG); an .exe is refused ----------------
  const fileInput = drawer.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: '举报信.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Tip-off letter, 2020-04-20') });
  await expect(drawer.getByTestId('clue-file').filter({ hasText: '举报信.pdf' })).toContainText('PDF 文件');
  await fileInput.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(drawer.getByTestId('clue-file').filter({ hasText: '现场照片.png' })).toContainText('图片');
  await fileInput.setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(drawer.getByTestId('clue-file-problem')).toContainText('“tool.exe”的类型不能作为线索材料');
  await expect(drawer.getByTestId('clue-file')).toHaveCount(2);
  await closeNotifications(page);
  await shot('clue-drawer-files');

  // 查看 the PDF inside the app: verified, drawn by pdf.js into canvases (no frames or plugins).
  await drawer.getByTestId('clue-file').filter({ hasText: '举报信.pdf' }).getByTestId('clue-file-view').click();
  const viewer = page.getByTestId('file-viewer');
  await expect(viewer).toHaveAttribute('data-state', 'pdf');
  await expect(viewer.getByTestId('file-verified')).toHaveText('完整性校验通过');
  await expect(viewer.getByTestId('pdf-viewer')).toHaveAttribute('data-state', 'ready');
  await expect(viewer.getByTestId('file-details')).toContainText('举报信.pdf');
  await expect(viewer.locator('iframe, object, embed')).toHaveCount(0);
  await shot('clue-view-pdf');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // The photo is shown from a blob: URL that is revoked when the viewer closes.
  await drawer.getByTestId('clue-file').filter({ hasText: '现场照片.png' }).getByTestId('clue-file-view').click();
  await expect(viewer).toHaveAttribute('data-state', 'image');
  const image = viewer.getByTestId('file-image');
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(160);
  const blobUrl = (await image.getAttribute('src'))!;
  await shot('clue-view-image');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  app.allowConsoleError(/ERR_FILE_NOT_FOUND|Failed to load resource/);
  const stillThere = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const probe = new Image();
        probe.onload = () => resolve(true);
        probe.onerror = () => resolve(false);
        probe.src = url;
      }),
    blobUrl,
  );
  expect(stillThere, 'the blob URL is revoked on close').toBe(false);

  // ---- 移交 to 市纪委监委, then 处置: 初步核实 ------------------------------------------------------
  await expect(drawer.getByTestId('clue-disposal')).toBeDisabled();
  await drawer.getByTestId('clue-handover').click();
  const handover = page.getByTestId('handover-form');
  await choose(page, handover.getByTestId('handover-receiver'), '市纪委监委');
  await handover.getByTestId('handover-person').fill('李主任');
  await typeDate(handover.getByTestId('handover-date'), '2020-05-10');
  await typeDate(handover.getByTestId('handover-due'), '2020-11-10');
  await shot('clue-handover');
  await handover.getByTestId('handover-submit').click();
  await expect(handover).toBeHidden();
  await expect(drawer.getByTestId('clue-status')).toHaveText('已移交');
  await expect(drawer.getByTestId('clue-handover-row')).toHaveText('2020年5月10日 移交市纪委监委，反馈期限 2020年11月10日');

  await drawer.getByTestId('clue-disposal').click();
  const disposal = page.getByTestId('disposal-form');
  await choose(page, disposal.getByTestId('disposal-type'), '初步核实');
  await typeDate(disposal.getByTestId('disposal-date'), '2020-06-15');
  await disposal.getByTestId('disposal-note').fill('经初步核实，反映问题部分属实，已转立案审查');
  await disposal.getByTestId('disposal-submit').click();
  await expect(disposal).toBeHidden();
  await expect(drawer.getByTestId('clue-status')).toHaveText('已处置');
  await expect(drawer.getByTestId('clue-disposal-row')).toContainText('初步核实（2020年6月15日）');
  await closeNotifications(page);
  await shot('clue-disposed');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The register: one row per clue, in Chinese dates; a second clue handed over from the table.
  const row = page.getByTestId('clue-row').filter({ hasText: '八轮-线索-001' });
  await expect(row).toHaveAttribute('data-status', 'disposed');
  await expect(row).toContainText('张某某（副局长）、王某（办公室主任）');
  await expect(row).toContainText('2020年4月20日');
  await page.getByTestId('clue-create').click();
  await form.getByTestId('clue-form-summary').fill('反映赛罕区巴彦街道会计挪用集体资金');
  await form.getByTestId('clue-form-source').fill('个别谈话');
  await typeDate(form.getByTestId('clue-form-received'), '2020-04-22');
  await form.getByTestId('clue-form-submit').click();
  await expect(form).toBeHidden();
  await expect(drawer).toContainText('八轮-线索-002');
  await page.keyboard.press('Escape');
  await page.getByTestId('clue-row').filter({ hasText: '八轮-线索-002' }).getByTestId('clue-select').check();
  await page.getByTestId('clue-handover-selected').click();
  await choose(page, handover.getByTestId('handover-receiver'), '市委组织部');
  await typeDate(handover.getByTestId('handover-date'), '2020-05-12');
  await handover.getByTestId('handover-person').fill('张科长');
  await handover.getByTestId('handover-submit').click();
  await expect(handover).toBeHidden();
  await expect(page.getByTestId('clue-row').filter({ hasText: '八轮-线索-002' })).toHaveAttribute('data-status', 'handedOver');
  await closeNotifications(page);
  await shot('clue-register-table');

  // 问题线索清单 of the round.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-clues').click()]);
  expect(download.suggestedFilename()).toBe(`${ROUND_LABEL}问题线索清单.xlsx`);
  const rows = await readDownload(download);
  expect(rows[2]).toEqual(['1', '八轮-线索-001', '市审计局', '张某某（副局长）、王某（办公室主任）', SECRET.summary, '信访举报', '2020-04-20', '已处置']);

  // ---- a stored file damaged on disk: refused, never shown ----------------------------------
  const files = storedFiles(app.vaultDir);
  expect(files).toHaveLength(2);
  flipByte(files[0]!);
  await page.getByTestId('clue-row').filter({ hasText: '八轮-线索-001' }).getByTestId('clue-open').click();
  await drawer.getByTestId('clue-file').filter({ hasText: '举报信.pdf' }).getByTestId('clue-file-view').click();
  await expect(viewer).toHaveAttribute('data-state', 'tampered');
  const tampered = viewer.getByTestId('file-tampered');
  await expect(tampered).toContainText('文件已被改动');
  await expect(tampered).toContainText('已拒绝显示');
  await expect(viewer.getByTestId('file-verified')).toHaveCount(0);
  await expect(viewer.getByTestId('pdf-pending')).toHaveCount(0);
  await expect(viewer.locator('img')).toHaveCount(0);
  await shot('clue-file-tampered');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // ---- 审计 (as the administrator): every step of the clue is there -----------------------------
  await signOutNow(page);
  await signIn(page, ADMIN.username, ADMIN.password);
  await go(page, '审计');
  const audit = page.getByTestId('audit-table');
  const steps: [string, string][] = [
    ['clue.create', '登记问题线索'],
    ['clue.attachFile', '上传线索材料'],
    ['clue.viewFile', '查看线索材料'],
    ['clue.handOver', '移交问题线索'],
    ['clue.disposal', '登记线索处置结果'],
  ];
  for (const [action, label] of steps) {
    await choose(page, page.getByTestId('audit-filter-action'), label);
    await expect(audit.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
    await expect(audit.locator(`tbody tr[data-action]:not([data-action="${action}"])`)).toHaveCount(0);
    await expect(audit.locator(`tr[data-action="${action}"]`).first()).toContainText('八轮-线索-00');
    await expect(audit.locator(`tr[data-action="${action}"]`).first()).toContainText(CLUE_OFFICER.displayName);
  }
  // The file views: two good, and the refused one marked as failed.
  await choose(page, page.getByTestId('audit-filter-action'), '查看线索材料');
  await expect(audit.locator('tr[data-action="clue.viewFile"]')).toHaveCount(3);
  const refused = audit.locator('tr[data-action="clue.viewFile"][data-outcome="failed"]');
  await expect(refused).toContainText('八轮-线索-001');
  // The log names clues by number only: file names often name the person a clue is about.
  await expect(refused).not.toContainText('举报信');
  await shot('audit-clue-view-file');
  await choose(page, page.getByTestId('audit-filter-action'), '移交问题线索');
  await expect(audit.locator('tr[data-action="clue.handOver"]')).toHaveCount(2);
  await expect(audit.locator('tr[data-action="clue.handOver"]').filter({ hasText: '市纪委监委' })).toContainText('八轮-线索-001');
  await shot('audit-clue-handover');
});

test('a leader reads everything but changes nothing; an administrator edits a checklist template into a new version', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  const { round, inspections } = await seedRound8(page);
  // The inspection work already on file (made by an inspector in practice).
  const [routine] = await api(page, 'checklists.templates', {});
  const sheet = await api(page, 'checklists.attach', { inspectionId: inspections.audit.id, templateId: routine!.id });
  const item = sheet.templates[0]!.items[1]!;
  await api(page, 'checklists.answer', { inspectionId: inspections.audit.id, itemId: item.id, answer: 'no', note: '违规发放加班补贴' });
  await api(page, 'problems.create', {
    inspectionId: inspections.audit.id,
    focus: 'corruption',
    description: '违规发放津贴补贴12.6万元',
    evidence: '财务凭证第35号',
    source: 'documents',
    checklistItemIds: [item.id],
  });
  await api(page, 'accountability.create', { roundId: round.id, subjectKind: 'person', subjectName: '李某', matter: '负有领导责任' });

  // ---- 系统管理员: the template editor; clues stay locked unless the office allows it ------------
  await openFindings(page, '“是否”清单');
  await choose(page, page.getByTestId('checklist-inspection'), '市审计局（第一巡察组）');
  await expect(page.getByTestId('checklist-card')).toContainText('第 1 版');
  await page.getByTestId('template-editor-open').click();
  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('template-choose')).toHaveValue('常规巡察“是否”清单');
  await expect(editor.getByTestId('template-version-note')).toContainText('当前为第 1 版。保存后生成第 2 版');
  await expect(editor.getByTestId('template-section')).toHaveCount(3);
  await expect(editor.getByTestId('template-item')).toHaveCount(7);
  // The office's own wording replaces a sample item, and adds one.
  const firstItem = editor.getByTestId('template-item').first();
  await firstItem.getByTestId('template-item-text').fill('是否存在虚报冒领、截留挪用惠民惠农资金问题（含低保、危房改造资金）');
  await firstItem.getByRole('checkbox').uncheck();
  await editor.getByTestId('template-section').first().getByTestId('template-item-add').click();
  await editor.getByTestId('template-item-text').nth(3).fill('是否存在优亲厚友、吃拿卡要问题');
  await shot('template-editor');
  await editor.getByTestId('template-save').click();
  await expect(page.getByText('“常规巡察“是否”清单”已保存为第 2 版')).toBeVisible();
  await expect(editor.getByTestId('template-version-note')).toContainText('当前为第 2 版');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  // The inspection already answering keeps version 1; a new attachment gets version 2.
  await expect(page.getByTestId('checklist-card')).toContainText('第 1 版');
  await expect(page.getByTestId('checklist-item')).toHaveCount(7);
  await choose(page, page.getByTestId('checklist-inspection'), '市财政局（第一巡察组）');
  await page.getByTestId('checklist-attach').click();
  await expect(page.getByTestId('checklist-card')).toContainText('第 2 版');
  await expect(page.getByTestId('checklist-item')).toHaveCount(8);
  await expect(page.getByTestId('checklist-item').first()).toContainText('含低保、危房改造资金');
  await expect(page.getByTestId('checklist-item').first().getByTestId('sample-badge')).toHaveCount(0);
  await closeNotifications(page);
  await shot('checklist-version-2');
  await page.getByRole('tab', { name: '问题线索' }).click();
  await expect(page.getByTestId('clues-locked')).toBeVisible();
  // Where the office allows administrators to read clues: the register, read-only.
  await api(page, 'settings.update', { adminsMayReadClues: true });
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('clues-panel')).toBeVisible();
  await expect(page.getByTestId('clues-table')).toContainText('尚未登记问题线索');
  await expect(page.getByTestId('clue-create')).toHaveCount(0);
  await api(page, 'settings.update', { adminsMayReadClues: false });

  // ---- 领导/审计: read-only ---------------------------------------------------------------------
  await signOutNow(page);
  await signInFirstTime(page, LEADER);
  await openFindings(page);
  await expect(problemRow(page, '违规发放津贴补贴12.6万元')).toBeVisible();
  for (const id of ['problem-create', 'problem-select', 'problem-select-page', 'problem-edit', 'problem-delete']) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.getByTestId('export-problems')).toBeEnabled();
  // The full problem, evidence included, opens from its description.
  await problemRow(page, '违规发放津贴补贴12.6万元').getByTestId('problem-description').click();
  const detail = page.getByTestId('problem-detail');
  await expect(detail).toContainText('财务凭证第35号');
  await expect(detail).toContainText('由 1 个清单条目生成');
  await expect(detail.getByRole('button', { name: '修改' })).toHaveCount(0);
  await shot('leader-problem-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await shot('leader-problems');

  await page.getByRole('tab', { name: '“是否”清单' }).click();
  await choose(page, page.getByTestId('checklist-inspection'), '市审计局（第一巡察组）');
  const answered = itemRow(page, 1);
  await expect(answered).toHaveAttribute('data-answer', 'no');
  await expect(answered.getByTestId('item-linked-problem')).toContainText('违规发放津贴补贴12.6万元');
  await expect(answered.getByTestId('checklist-note-text')).toHaveText('备注：违规发放加班补贴');
  await expect(page.getByTestId('checklist-note')).toHaveCount(0);
  await answer(itemRow(page, 0), '是');
  await expect(itemRow(page, 0)).toHaveAttribute('data-answer', '');
  for (const id of ['checklist-make-problem', 'checklist-attach', 'checklist-attach-more', 'template-editor-open']) await expect(page.getByTestId(id)).toHaveCount(0);
  await shot('leader-checklist');

  await page.getByRole('tab', { name: '问题线索' }).click();
  await expect(page.getByTestId('clues-locked')).toBeVisible();
  await page.getByRole('tab', { name: '追责问责' }).click();
  await expect(page.getByTestId('accountability-row')).toContainText('李某');
  await expect(page.getByTestId('accountability-tab-create')).toHaveCount(0);
  await expect(page.getByTestId('export-accountability')).toBeEnabled();
  await page.getByRole('tab', { name: '点人点事' }).click();
  await expect(page.getByTestId('person-matters-tab-create')).toHaveCount(0);
  await shot('leader-person-matters');
});
