import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import { ADMIN, signedInApp, TestApp } from '../testing/harness';
import { readPdf } from './engine/pdf-reader';

/**
 * Printing through the real router, engine and encrypted vault: consecutive 份号 in the register
 * and on the pages, never reused (across prints, a vault reopen and prints queued together),
 * who may print what, and the four lists as PDF tables.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function letterApp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const { app } = env;
  const fixture = await buildFindings(app);
  for (const [focus, description] of [
    ['corruption', '违规发放津贴补贴12.6万元。'],
    ['grassroots', '“三会一课”制度落实不到位。'],
    ['rectification', '上轮巡察反馈问题整改不到位。'],
    ['corruption', '公务接待<b>超标准</b>&amp;未附清单。'],
  ] as const) {
    await app.call('problems.create', { inspectionId: fixture.auditInspection.id, focus, description, source: 'documents' });
  }
  const letter = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: fixture.auditInspection.id });
  return { app, dir: env.dir, letter, ...fixture };
}

/**
 * The 份号 of every copy in the file, read where it is printed: alone on the first line of the
 * copy's first page. Copies follow one another (a letter of an odd number of pages gets a blank
 * page after each copy), so each copy's first page is the one that starts again at — 1 —.
 */
async function copyNumbersOnPages(printed: { base64: string; pages: number; totalPages: number }): Promise<string[]> {
  const read = await readPdf(new Uint8Array(Buffer.from(printed.base64, 'base64')));
  expect(read.pages).toHaveLength(printed.totalPages);
  const stride = printed.pages + (printed.pages % 2);
  const firsts = read.pages.filter((_, i) => i % stride === 0);
  // Between copies, the padding page is blank.
  read.pages.filter((_, i) => i % stride === printed.pages).forEach((blank) => expect(blank.lines).toEqual([]));
  return firsts.map((page) => page.lines[0]!.text.trim());
}

describe('copy numbers (份号)', () => {
  it('3 copies of a 秘密 letter get 000001–000003, the next print 000004 on, each copy its own number on its first page', async () => {
    const { app, letter } = await letterApp();
    const first = await app.call('documents.print', { id: letter.id, copies: 3, purpose: 'pdf' });
    expect(first.copyNumbers).toEqual(['000001', '000002', '000003']);
    expect(await copyNumbersOnPages(first)).toEqual(['000001', '000002', '000003']);
    expect(first.fileName).toMatch(/（份号000001-000003）\.pdf$/);

    const second = await app.call('documents.print', { id: letter.id, copies: 2, purpose: 'print' });
    expect(second.copyNumbers).toEqual(['000004', '000005']);
    expect(await copyNumbersOnPages(second)).toEqual(['000004', '000005']);

    const register = await app.call('printRegister.list', { documentId: letter.id });
    expect(register.items.map((r) => [r.firstCopy, r.lastCopy, r.copies, r.purpose, r.outcome, r.version])).toEqual([
      ['000004', '000005', 2, 'print', 'done', 1],
      ['000001', '000003', 3, 'pdf', 'done', 1],
    ]);
    expect(register.items[0]!.printedBy).toBe('王建国（admin）');
    const audit = await app.call('audit.list', { page: 1, pageSize: 10, action: 'document.print' });
    expect(audit.items.map((e) => [e.detail?.firstCopy, e.detail?.lastCopy])).toEqual([
      ['000004', '000005'],
      ['000001', '000003'],
    ]);
    expect(audit.items[0]).toMatchObject({ targetType: 'document', targetId: String(letter.id) });
  });

  it('carries on after the vault is closed and opened again', async () => {
    const { app, dir, letter } = await letterApp();
    await app.call('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' });
    app.close();
    const reopened = new TestApp(dir);
    cleanups.push(() => reopened.close());
    await reopened.signInAdmin();
    const next = await reopened.call('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' });
    expect(next.copyNumbers).toEqual(['000002']);
  });

  it('prints asked for at the same time never share a number', async () => {
    const { app, letter } = await letterApp();
    const runs = await Promise.all([3, 1, 2, 4].map((copies) => app.call('documents.print', { id: letter.id, copies, purpose: 'pdf' })));
    const all = runs.flatMap((r) => r.copyNumbers).sort();
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(6, '0')));
  });

  it('two other processes taking numbers on the same vault at the same time never get one already given', async () => {
    const { app, dir, letter } = await letterApp();
    const script = fileURLToPath(new URL('./testing/take-copy-numbers.ts', import.meta.url));
    const racer = () =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, dir, ADMIN.username, ADMIN.password, '150'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`racer exited ${code}`))));
      });
    const [a, b, ours] = await Promise.all([racer(), racer(), Promise.all([1, 2, 3].map(() => app.call('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' })))]);
    const mine = ours.map((r) => Number(r.copyNumbers[0]));
    const all = [...a, ...b, ...mine].sort((x, y) => x - y);
    expect(a.length + b.length).toBe(600);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  }, 60_000);

  it('公开 and 内部 documents print without 份号; the register still records the copies', async () => {
    const { app, letter } = await letterApp();
    const internal = await app.call('documents.saveVersion', { id: letter.id, baseVersion: 1, content: { ...letter.content, classification: 'internal', classificationPeriod: '' }, note: '' });
    const printed = await app.call('documents.print', { id: internal.id, copies: 20, purpose: 'print' });
    expect(printed.copyNumbers).toEqual([]);
    const read = await readPdf(new Uint8Array(Buffer.from(printed.base64, 'base64')));
    expect(read.pages).toHaveLength(printed.pages);
    expect(read.pages[0]!.lines[0]!.text).not.toMatch(/^\d{6}$/);
    const [row] = (await app.call('printRegister.list', { classification: 'internal' })).items;
    expect(row).toMatchObject({ copies: 20, firstCopy: null, lastCopy: null, version: 2 });
  });

  it('stamps user and time on every page when the office turns the watermark on', async () => {
    const { app, letter } = await letterApp();
    await app.call('settings.update', { documentsWatermark: true });
    const printed = await app.call('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' });
    expect(printed.watermark).toMatch(/^王建国 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const read = await readPdf(new Uint8Array(Buffer.from(printed.base64, 'base64')));
    for (const page of read.pages) expect(page.slanted.join('')).toContain('王建国');
    expect((await app.call('printRegister.list', {})).items[0]!.watermark).toBe(true);
  });
});

describe('who may print', () => {
  it('staff print 内部 documents but not 秘密 ones (refusal audited); the auditor (leader) prints 秘密; the archivist prints nothing', async () => {
    const { app, letter } = await letterApp();
    await app.call('accounts.create', { username: 'archivist', displayName: '档案员', role: 'archivist', password: 'Role2020ab' });
    await signInAs(app, 'staff');
    const refused = await app.fail('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' });
    expect(refused.code).toBe('CLASSIFIED_PRINT_DENIED');
    expect(refused.message).toContain('秘密、机密文书');
    const internal = await app.call('documents.saveVersion', { id: letter.id, baseVersion: 1, content: { ...letter.content, classification: 'internal' }, note: '' });
    expect((await app.call('documents.print', { id: internal.id, version: 2, copies: 1, purpose: 'pdf' })).copyNumbers).toEqual([]);

    await signInAs(app, 'auditor');
    expect((await app.call('documents.print', { id: letter.id, version: 1, copies: 1, purpose: 'print' })).copyNumbers).toEqual(['000001']);
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: 'archivist', password: 'Role2020ab' });
    expect((await app.fail('documents.print', { id: letter.id, copies: 1, purpose: 'pdf' })).code).toBe('PERMISSION_DENIED');

    await app.call('session.signOut', {});
    await app.signInAdmin();
    const denied = await app.call('audit.list', { page: 1, pageSize: 10, action: 'permission.denied', actorName: '（staff）' });
    expect(denied.items[0]!.detail).toMatchObject({ what: 'classifiedPrint', classification: 'secret' });
    // The refusal took no number: the auditor's copy was the first.
    expect((await app.call('printRegister.list', {})).items.filter((r) => r.firstCopy !== null)).toHaveLength(1);
  });
});

describe('the four lists as PDF tables', () => {
  it('prints the problem list for everyone allowed to print, the clue list only for clue officers, with the clue numbers in the audit', async () => {
    const { app, round } = await letterApp();
    const problems = await app.call('documents.printFourList', { kind: 'problems', roundId: round.id, copies: 2, purpose: 'pdf' });
    expect(problems.copyNumbers).toEqual(['000001', '000002']);
    const read = await readPdf(new Uint8Array(Buffer.from(problems.base64, 'base64')));
    const page = read.pages[0]!;
    expect(page.width).toBeGreaterThan(page.height);
    const text = page.lines.map((l) => l.text).join('\n');
    expect(text).toContain('十二届市委第八轮巡察问题清单');
    expect(text).toContain('违规发放津贴补贴12.6万元。');

    expect((await app.fail('documents.printFourList', { kind: 'clues', roundId: round.id, copies: 1, purpose: 'pdf' })).code).toBe('PERMISSION_DENIED');
    await signInAs(app, 'clueOfficer');
    await app.call('clues.create', { roundId: round.id, summary: '反映李某违规发放津贴', source: '巡察谈话', receivedOn: '2020-04-22', persons: [{ name: '李某', position: '局长' }] });
    const clues = await app.call('documents.printFourList', { kind: 'clues', roundId: round.id, copies: 1, purpose: 'print' });
    expect(clues.copyNumbers).toEqual(['000003']);
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const audit = await app.call('audit.list', { page: 1, pageSize: 10, action: 'fourLists.print' });
    expect(audit.items[0]!.detail).toMatchObject({ kind: 'clues', codes: ['八轮-线索-001'], firstCopy: '000003' });
    const register = await app.call('printRegister.list', { roundId: round.id });
    expect(register.items.map((r) => r.listKind)).toEqual(['clues', 'problems']);
  });
});

describe('preview and fonts', () => {
  it('previews a draft without a number or a register row, marked as a preview; reports the fonts', async () => {
    const { app, letter } = await letterApp();
    const preview = await app.call('documents.preview', { content: letter.content });
    const read = await readPdf(new Uint8Array(Buffer.from(preview.base64, 'base64')));
    expect(read.pages).toHaveLength(preview.pages);
    expect(read.pages[0]!.slanted.join('')).toContain('预览稿');
    // Markup in a problem is printed as the characters typed.
    expect(read.pages.flatMap((p) => p.lines.map((l) => l.text.trim())).join('')).toContain('公务接待<b>超标准</b>&amp;未附清单。');
    expect(read.pages[0]!.lines[0]!.text).not.toMatch(/^\d{6}$/);
    expect((await app.call('printRegister.list', {})).total).toBe(0);

    const fonts = await app.call('documents.fonts', {});
    expect(fonts.fonts.map((f) => f.role).sort()).toEqual(['fangsong', 'heiti', 'kaiti', 'songti', 'xiaobiaosong']);
    expect(fonts.substitutes).toBe(fonts.fonts.some((f) => f.substitute));
    expect(preview.substitutes).toBe(preview.fonts.some((f) => f.substitute));
  });
});
