/**
 * 市县联动, the city side, end to end: a county office's vault (a second real encrypted vault,
 * driven by the core in the test) exports its round as a package to the city office in the
 * page; the city administrator registers the county's card after comparing fingerprints,
 * previews the package (what is new), imports it, sees the round with its provenance badge,
 * is told a second import changes nothing, and is refused a copy with one flipped byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeVault } from '../electron/core/exchange/exchange-fixture';
import { expect, test } from './support/fixtures';
import { go, setUpVault } from './support/flows';
import { api, choose } from './support/rounds';

const COUNTY = { name: '土默特左旗委巡察办', fondsCode: '0201', level: 'county' } as const;

/** The county's round: 十四届旗委第三轮巡察, two townships, three problems, their ledger items. */
async function countyRound(county: Awaited<ReturnType<typeof officeVault>>) {
  const app = county.app;
  const catalogs = await app.call('catalogs.get', {});
  const kindId = catalogs.unitKinds.find((k) => k.name === '乡镇/街道')!.id;
  const regionId = catalogs.regions.find((r) => r.name === '土默特左旗')!.id;
  const term = await app.call('terms.create', { name: '十四届旗委', startsOn: '2021-10-01', endsOn: null });
  const round = await app.call('rounds.create', { termId: term.id, number: 3, year: 2022, title: '对乡镇党委开展常规巡察', peopleDrawn: 36 });
  const town1 = await app.call('units.create', { name: '察素齐镇', kindId, regionId, partyOrgType: '党委' });
  const town2 = await app.call('units.create', { name: '毕克齐镇', kindId, regionId, partyOrgType: '党委' });
  const first = await app.call('inspections.create', { roundId: round.id, unitId: town1.id, mode: 'routine' });
  const second = await app.call('inspections.create', { roundId: round.id, unitId: town2.id, mode: 'routine' });
  await app.call('problems.create', { inspectionId: first.id, focus: 'corruption', description: '村级集体经济收支管理不规范，白条入账', source: 'documents' });
  await app.call('problems.create', { inspectionId: first.id, focus: 'grassroots', description: '<b>“三会一课”</b>记录不全', source: 'interview' });
  await app.call('problems.create', { inspectionId: second.id, focus: 'rectification', description: '上轮巡察反馈的耕地保护问题整改不到位', source: 'visit' });
  await app.call('rectification.createItems', { inspectionId: first.id, measures: '规范财务报销，清理白条', responsiblePerson: '王海', responsibleUnit: '察素齐镇党委', deadline: '2022-12-31' });
  return round;
}

test('the city office registers a county card, previews and imports its package, and refuses a tampered copy', async ({ app }) => {
  const { page, shot, dialogs } = app;
  const disk = mkdtempSync(join(tmpdir(), 'xuncha-exchange-e2e-'));
  const county = await officeVault(COUNTY);
  try {
    await setUpVault(page);
    await go(page, '设置');
    await page.getByTestId('tab-exchange').click();
    const panel = page.getByTestId('exchange-panel');
    const cityCardText = await panel.getByTestId('exchange-card-text').inputValue();
    await expect(panel.getByTestId('exchange-own-fingerprint')).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    await shot('exchange-panel');

    // ---- the county: registers the city's card and exports its round ---------------------------
    const cityCard = await county.app.call('exchange.readCard', { cardText: cityCardText });
    await county.app.call('exchange.trust', { cardText: cityCardText, confirmFingerprint: cityCard!.fingerprint });
    const round = await countyRound(county);
    const packagePath = join(disk, '十四届旗委第三轮巡察.xpkg');
    county.answer(packagePath);
    await county.app.call('exchange.export', { roundId: round.id, to: { fingerprint: cityCard!.fingerprint }, includeClues: false });
    const countyCard = await county.app.call('exchange.card', {});

    // ---- the city: registers the county's card, after comparing fingerprints -------------------
    await panel.getByTestId('exchange-trust-open').click();
    const trustForm = page.getByTestId('exchange-trust-form');
    await trustForm.getByTestId('exchange-trust-card').fill(countyCard.cardText);
    await trustForm.getByTestId('exchange-trust-read').click();
    await expect(trustForm.getByTestId('exchange-trust-computed')).toContainText('土默特左旗委巡察办');
    // A fingerprint misheard on the phone is refused.
    await trustForm.getByTestId('exchange-trust-confirm').fill('0000 1111');
    await trustForm.getByTestId('exchange-trust-submit').click();
    await expect(trustForm.getByTestId('error-alert')).toContainText('核对的指纹与公钥卡不一致');
    await trustForm.getByTestId('exchange-trust-confirm').fill(countyCard.fingerprint.match(/.{4}/g)!.join(' ').toLowerCase());
    await shot('exchange-trust-dialog');
    await trustForm.getByTestId('exchange-trust-submit').click();
    await expect(trustForm).toBeHidden();
    await expect(panel.getByTestId('exchange-trusted-row')).toHaveCount(1);
    await expect(panel.getByTestId('exchange-trusted-row')).toContainText('土默特左旗委巡察办');

    // ---- preview, then import ----------------------------------------------------------------
    await dialogs.answerNextOpen({ path: packagePath });
    await panel.getByTestId('exchange-import-open').click();
    const preview = page.getByTestId('exchange-preview');
    await expect(preview).toContainText('十四届旗委第三轮巡察');
    await expect(preview).toContainText('土默特左旗委巡察办');
    await expect(preview.getByTestId('exchange-diff-problem')).toHaveAttribute('data-new', '3');
    await expect(preview.getByTestId('exchange-diff-unit')).toHaveAttribute('data-new', '2');
    await expect(preview.getByTestId('exchange-diff-rectification')).toHaveAttribute('data-new', '2');
    await shot('exchange-preview');
    await preview.getByTestId('exchange-import-confirm').click();
    await expect(preview).toBeHidden();
    await expect(panel.getByTestId('exchange-log-row')).toHaveCount(1);
    await expect(panel.getByTestId('exchange-log-row')).toContainText('新增 10 条，变更 0 条');
    await shot('exchange-imported');

    // ---- the same package again: nothing changes, and it is not an error ----------------------
    await dialogs.answerNextOpen({ path: packagePath });
    await panel.getByTestId('exchange-import-open').click();
    await expect(preview.getByTestId('exchange-preview-already')).toBeVisible();
    await expect(preview.getByTestId('exchange-diff-problem')).toHaveAttribute('data-unchanged', '3');
    await expect(preview.getByTestId('exchange-import-confirm')).toHaveCount(0);
    await preview.getByRole('button', { name: '关闭' }).click();
    await expect(panel.getByTestId('exchange-log-row')).toHaveCount(1);

    // ---- one flipped byte: refused, with a plain message ---------------------------------------
    const bytes = readFileSync(packagePath);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const tampered = join(disk, '被改动的数据包.xpkg');
    writeFileSync(tampered, bytes);
    await dialogs.answerNextOpen({ path: tampered });
    await panel.getByTestId('exchange-import-open').click();
    await expect(panel.getByRole('alert').filter({ hasText: '数据包签名校验失败' })).toBeVisible();
    await shot('exchange-tampered');

    // ---- the round, with where it came from ----------------------------------------------------
    await go(page, '轮次');
    await page.getByRole('button', { name: '十四届旗委第三轮巡察', exact: true }).click();
    await expect(page.locator('#page-title')).toHaveText('十四届旗委第三轮巡察');
    await expect(page.getByTestId('round-origin')).toContainText('来自土默特左旗委巡察办 · 导入于');
    await shot('exchange-round-origin');
  } finally {
    county.app.close();
    rmSync(county.dir, { recursive: true, force: true });
    rmSync(disk, { recursive: true, force: true });
  }
});

test('an office exports a round to a registered office, whose card it read from a file', async ({ app }) => {
  const { page, shot, dialogs } = app;
  const disk = mkdtempSync(join(tmpdir(), 'xuncha-exchange-e2e-'));
  const county = await officeVault(COUNTY);
  try {
    await setUpVault(page);
    // The page's office (the city) has a round of its own: one inspection, two problems.
    const catalogs = await api(page, 'catalogs.get', {});
    const term = await api(page, 'terms.create', { name: '十二届市委', startsOn: '2016-10-01', endsOn: '2021-09-30' });
    const round = await api(page, 'rounds.create', { termId: term.id, number: 8, year: 2020, title: '提级交叉巡察' });
    const unit = await api(page, 'units.create', { name: '察素齐镇', kindId: catalogs.unitKinds.find((k) => k.name === '乡镇/街道')!.id, regionId: catalogs.regions.find((r) => r.name === '土默特左旗')!.id, partyOrgType: '党委' });
    const inspection = await api(page, 'inspections.create', { roundId: round.id, unitId: unit.id, mode: 'elevated_cross' });
    await api(page, 'problems.create', { inspectionId: inspection.id, focus: 'corruption', description: '惠农补贴发放不规范', source: 'petition' });
    await api(page, 'problems.create', { inspectionId: inspection.id, focus: 'grassroots', description: '村“两委”换届后工作交接不清', source: 'interview' });

    const countyCard = await county.app.call('exchange.card', {});
    const cardFile = join(disk, '土默特左旗委巡察办-公钥卡.txt');
    writeFileSync(cardFile, countyCard.cardText);

    await go(page, '设置');
    await page.getByTestId('tab-exchange').click();
    const panel = page.getByTestId('exchange-panel');
    await panel.getByTestId('exchange-trust-open').click();
    const trustForm = page.getByTestId('exchange-trust-form');
    await dialogs.answerNextOpen({ path: cardFile });
    await trustForm.getByTestId('exchange-trust-file').click();
    await expect(trustForm.getByTestId('exchange-trust-card')).toHaveValue(/BEGIN XUNCHA OFFICE CARD/);
    await expect(trustForm.getByTestId('exchange-trust-computed')).toContainText(countyCard.fingerprint.slice(0, 4));
    await trustForm.getByTestId('exchange-trust-confirm').fill(countyCard.fingerprint);
    await trustForm.getByTestId('exchange-trust-submit').click();
    await expect(trustForm).toBeHidden();

    await panel.getByTestId('exchange-export-open').click();
    const exportForm = page.getByTestId('exchange-export-form');
    await choose(page, exportForm.getByTestId('exchange-export-round'), '十二届市委第八轮巡察');
    await expect(exportForm.getByTestId('exchange-export-recipient')).toHaveValue('土默特左旗委巡察办（0201）');
    // Clues are offered only to those who may read them: not to an administrator by default.
    await expect(exportForm.getByTestId('exchange-export-clues')).toHaveCount(0);
    await shot('exchange-export-dialog');
    const target = join(disk, '十二届市委第八轮巡察.xpkg');
    await dialogs.answerNextSave({ path: target });
    await exportForm.getByTestId('exchange-export-submit').click();
    await expect(panel.getByTestId('exchange-export-outcome')).toContainText(`数据包已保存：${target}`);
    await expect(panel.getByTestId('exchange-export-outcome')).toContainText('序号：1');
    await shot('exchange-exported');

    // The county takes it in: the page office's card, compared, then the package.
    const cityCardText = await panel.getByTestId('exchange-card-text').inputValue();
    const cityCard = await county.app.call('exchange.readCard', { cardText: cityCardText });
    await county.app.call('exchange.trust', { cardText: cityCardText, confirmFingerprint: cityCard!.fingerprint });
    county.answer(target);
    const shown = await county.app.call('exchange.preview', { reuseChosenFile: false });
    expect(shown!.roundLabel).toBe('十二届市委第八轮巡察');
    expect(shown!.diff.find((d) => d.kind === 'problem')).toEqual({ kind: 'problem', new: 2, changed: 0, unchanged: 0 });
  } finally {
    county.app.close();
    rmSync(county.dir, { recursive: true, force: true });
    rmSync(disk, { recursive: true, force: true });
  }
});
