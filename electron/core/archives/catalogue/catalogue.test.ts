/**
 * The 归档文件目录 and the 归档章 labels through the real router, read back from the PDFs with
 * pdf.js: landscape A4 with the DA/T 22 header on every page and every item in 件号 order; a
 * grid of boxed stamps with the six fields; both audited; clue material masked for those who
 * may not read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, toMm, type PdfRead } from '../../documents/engine/pdf-reader';
import { signedInApp, type TestApp } from '../../testing/harness';
import { createRoleAccounts, itemInput, signInAs } from '../archives-fixture';
import { RESTRICTED_TITLE } from './catalogue-table';
import { STAMPS_PER_PAGE } from './stamp-labels';

const ITEMS = 40;
let app: TestApp;
let remove: () => void;
const codes: string[] = [];

const compact = (text: string) => text.replace(/\s/g, '');
const pageText = (read: PdfRead) => read.pages.map((page) => compact(page.lines.map((line) => line.text).join('')));

beforeAll(async () => {
  const env = await signedInApp();
  app = env.app;
  remove = env.remove;
  await createRoleAccounts(app);
  for (let n = 1; n <= ITEMS; n += 1) {
    const item = await app.call(
      'archives.create',
      itemInput({
        retention: 'Y',
        title: `市委第${n}巡察组关于巡察某单位党组织的反馈意见`,
        docNumber: `市巡办〔2020〕${n}号`,
        pages: n,
        classification: n === 7 ? 'confidential' : 'internal',
        titleSupplied: n === 3,
      }),
    );
    codes.push(item.archiveCode);
  }
  await app.call('archives.create', itemInput({ retention: 'D10', title: '另一卷的文件' }));
  await signInAs(app, 'clueOfficer');
  codes.push((await app.call('archives.create', itemInput({ retention: 'Y', title: '问题线索台账（内部）', clueMaterial: true, pages: 3 }))).archiveCode);
  await signInAs(app, 'archivist');
}, 60_000);
afterAll(() => remove());

describe('归档文件目录', () => {
  let read: PdfRead;
  let rows: number;
  beforeAll(async () => {
    const printed = await app.call('archives.catalogue', { year: 2020, retention: 'Y', orgCode: 'xcb' });
    rows = printed.rows;
    expect(printed.fileName).toBe('归档文件目录-2020-Y-XCB.pdf');
    read = await readPdf(Buffer.from(printed.base64, 'base64'));
    expect(read.pages).toHaveLength(printed.pages);
  }, 60_000);

  it('is landscape A4 over several pages, titled, marked with its most secret item’s classification', () => {
    expect(read.pages.length).toBeGreaterThan(2);
    for (const page of read.pages) {
      expect(toMm(page.width)).toBeCloseTo(297, 1);
      expect(toMm(page.height)).toBeCloseTo(210, 1);
    }
    const first = read.pages[0]!.lines.map((line) => compact(line.text));
    expect(first.slice(0, 2)).toEqual(['机密', '归档文件目录']);
    expect(first).toContain(compact('全宗号 0123　2020年度　永久　机构（问题）XCB'));
  });

  it('repeats the DA/T 22 header on every page and numbers the pages', () => {
    for (const page of read.pages) {
      expect(page.lines.some((line) => compact(line.text) === '序号档号文号责任者题名日期密级页数备注'), `page ${page.number}`).toBe(true);
      expect(page.lines.some((line) => compact(line.text) === `—${page.number}—`)).toBe(true);
    }
  });

  it('lists every item of the volume once, in 件号 order, and masks the clue material', () => {
    expect(rows).toBe(ITEMS + 1);
    const text = pageText(read).join('');
    const positions = codes.map((code) => text.indexOf(code));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const code of codes) expect(text.split(code)).toHaveLength(2);
    expect(text).not.toContain('另一卷的文件');
    // The archivist's own title in [ ] (wrapped over lines in its cell).
    expect(text).toContain('[市委第3巡察组关于');
    expect(text).toContain('反馈意见]');
    expect(text).toContain('20201015');
    expect(text).toContain(compact(RESTRICTED_TITLE));
    expect(text).not.toContain('问题线索台账');
  });

  it('is audited with the volume, rows and pages', async () => {
    await signInAs(app, 'auditor');
    const [entry] = (await app.call('audit.list', { action: 'archive.printCatalogue' })).items;
    expect(entry!.detail).toMatchObject({ volume: '2020-Y-XCB', rows: ITEMS + 1, pages: read.pages.length, classification: 'confidential' });
    expect(entry!.targetId).toBe('2020-Y-XCB');
    await signInAs(app, 'archivist');
  });
});

describe('归档章 labels', () => {
  it('prints a grid of boxed stamps, 2 × 3 boxes each, for the whole volume or the chosen items', async () => {
    const all = await app.call('archives.stampLabels', { year: 2020, retention: 'Y', orgCode: 'XCB' });
    expect(all.rows).toBe(ITEMS + 1);
    expect(all.pages).toBe(Math.ceil((ITEMS + 1) / STAMPS_PER_PAGE));
    const read = await readPdf(Buffer.from(all.base64, 'base64'));
    expect(toMm(read.pages[0]!.width)).toBeCloseTo(210, 1);
    const first = read.pages[0]!;
    const texts = first.lines.map((line) => compact(line.text));
    // Each row of stamps reads caption by caption across the page.
    expect(texts.filter((text) => text === '全宗号年度件号'.repeat(3))).toHaveLength(STAMPS_PER_PAGE / 3);
    expect(texts).toContain(compact('0123 2020 0001 0123 2020 0002 0123 2020 0003'));
    expect(texts).toContain(compact('XCB 永久 1 XCB 永久 2 XCB 永久 3'));
    // Boxes: every stamp has three rows of horizontal rules and four columns of vertical ones.
    const horizontal = first.rules.filter((rule) => Math.abs(rule.y1 - rule.y2) < 0.1);
    const vertical = first.rules.filter((rule) => Math.abs(rule.x1 - rule.x2) < 0.1);
    expect(horizontal.length).toBeGreaterThanOrEqual(STAMPS_PER_PAGE * 3);
    expect(vertical.length).toBeGreaterThanOrEqual(STAMPS_PER_PAGE * 4);

    const chosen = await app.call('archives.stampLabels', { year: 2020, retention: 'Y', orgCode: 'XCB', itemNumbers: [2, 40] });
    expect(chosen).toMatchObject({ rows: 2, pages: 1 });
    const chosenText = pageText(await readPdf(Buffer.from(chosen.base64, 'base64'))).join('');
    expect(chosenText).toContain('012320200002012320200040');
    expect(chosenText).not.toContain('0001');
    await signInAs(app, 'auditor');
    const printed = (await app.call('audit.list', { action: 'archive.printLabels' })).items;
    expect(printed.map((entry) => (entry.detail.itemNumbers as number[]).length)).toEqual([2, ITEMS + 1]);
    expect(printed[0]!.detail.itemNumbers).toEqual([2, 40]);
    await signInAs(app, 'archivist');
  });

  it('lists the volumes of a year and is refused to staff', async () => {
    expect(await app.call('archives.catalogueVolumes', { year: 2020 })).toEqual([
      { year: 2020, retention: 'Y', orgCode: 'XCB', items: ITEMS + 1 },
      { year: 2020, retention: 'D10', orgCode: 'XCB', items: 1 },
    ]);
    await signInAs(app, 'staff');
    expect((await app.fail('archives.catalogue', { year: 2020, retention: 'Y', orgCode: 'XCB' })).code).toBe('PERMISSION_DENIED');
    await signInAs(app, 'archivist');
  });
});
