/**
 * A round's dossier through the real router on a real encrypted vault: a finalised letter
 * offered and filed as a rendered PDF (once), an outside file imported through the file
 * dialog, the per-stage checklist, closing (refused while stages are missing unless a reason is
 * given), sealed items refusing changes and files, corrections as new items, and the fixity
 * reminder following the core's clock.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../../files/file-port';
import { buildFindings, signInAs } from '../../testing/findings-fixture';
import { ADMIN, manualClock, signedInApp, tempDir } from '../../testing/harness';
import { waitForJob } from '../archives-fixture';
import { fieldsFromFileName } from './filing-service';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const answers: { open: string | null } = { open: null };
  const files: FilePort = { chooseFileToOpen: async () => answers.open, chooseFileToSave: async () => null };
  const clock = manualClock();
  const env = await signedInApp({ files, now: clock.now });
  const outside = tempDir();
  cleanups.push(env.remove, () => rmSync(outside, { recursive: true, force: true }));
  const fixture = await buildFindings(env.app);
  return { ...env, ...fixture, answers, outside, clock };
}

describe('round dossier', () => {
  it('files a finalised letter once, imports an outside file, and shows what each stage still misses', async () => {
    const { app, round, auditInspection, answers, outside } = await setUp();
    const draft = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    expect(await app.call('archives.offered', { roundId: round.id })).toEqual([]);
    await app.call('documents.finalise', { id: draft.id, version: 1 });
    const [offer] = await app.call('archives.offered', { roundId: round.id });
    expect(offer).toMatchObject({ documentId: draft.id, version: 1, title: draft.content.title, kind: 'feedback', classification: 'secret', filedItemId: null });

    const filed = await app.call('archives.fileDocument', { ...offer!, documentId: draft.id, note: '' });
    expect(filed).toMatchObject({ roundId: round.id, kind: 'feedback', year: 2020, retention: 'D30', orgCode: 'XCB', archiveCode: '0123-WS·2020-D30-XCB-0001' });
    expect(filed.pages).toBeGreaterThan(0);
    expect(filed.files).toMatchObject([{ mime: 'application/pdf', role: 'original', textStatus: 'text' }]);
    expect((await app.fail('archives.fileDocument', { ...offer!, documentId: draft.id, note: '' })).message).toContain('已归档');
    expect((await app.call('archives.offered', { roundId: round.id }))[0]).toMatchObject({ filedItemId: filed.id, filedArchiveCode: filed.archiveCode });
    // The filed PDF is searchable by the letter's own words.
    const found = await app.call('archives.search', { query: '反馈', roundId: round.id });
    expect(found.items.map((hit) => hit.item.id)).toContain(filed.id);

    const path = join(outside, '市巡办〔2020〕3号 进驻通知 2020-04-08.txt');
    writeFileSync(path, '市委第一巡察组进驻市审计局开展常规巡察的通知');
    answers.open = path;
    const imported = await app.call('archives.importFromDisk', { roundId: round.id, kind: 'entryNotice' });
    expect(imported).toMatchObject({ title: '市巡办〔2020〕3号 进驻通知 2020-04-08', titleSupplied: true, docNumber: '市巡办〔2020〕3号', docDate: '2020-04-08', itemNumber: 2 });
    expect(imported.files).toHaveLength(1);
    // A PDF's pages are counted as it comes in: the filed letter itself, from disk.
    const letterPdf = join(outside, '反馈意见.pdf');
    writeFileSync(letterPdf, Buffer.from((await app.call('archives.viewFile', { itemId: filed.id, fileId: filed.files[0]!.id })).base64, 'base64'));
    answers.open = letterPdf;
    expect((await app.call('archives.importFromDisk', { roundId: round.id, kind: 'report' })).pages).toBe(filed.pages);
    answers.open = null;
    expect((await app.fail('archives.importFromDisk', { roundId: round.id })).code).toBe('CANCELLED');

    const dossier = await app.call('archives.dossier', { roundId: round.id });
    expect(dossier).toMatchObject({ status: 'open', itemCount: 3 });
    const onSite = dossier.checklist.find((stage) => stage.stage === 'onSite')!;
    expect(onSite.kinds.find((k) => k.kind === 'entryNotice')!.filed).toBe(1);
    expect(dossier.missing).not.toContain('feedback');
    expect(dossier.missing).toContain('plan');
    expect(dossier.missing).toHaveLength(10);

    // An inspector sees the dossier without the 秘密 letter, not even counted, and files nothing.
    await signInAs(app, 'staff');
    const seen = await app.call('archives.dossier', { roundId: round.id });
    expect(seen.itemCount).toBe(2);
    expect(seen.checklist.find((stage) => stage.stage === 'feedback')!.kinds[0]!.filed).toBe(0);
    expect(seen.missing).toContain('feedback');
    expect((await app.fail('archives.fileDocument', { ...offer!, documentId: draft.id, note: '' })).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('archives.closeDossier', { roundId: round.id, reason: '不全' })).code).toBe('PERMISSION_DENIED');
  });

  it('offers the four lists that have rows, files one as its PDF table once', async () => {
    const { app, round, auditInspection } = await setUp();
    await app.call('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: '违规发放津贴补贴12.6万元。', source: 'interview' });
    const lists = (await app.call('archives.offered', { roundId: round.id })).filter((o) => o.listKind);
    expect(lists).toEqual([expect.objectContaining({ listKind: 'problems', kind: 'handover', classification: 'secret', responsible: '呼和浩特市委巡察办', filedItemId: null })]);
    const list = lists[0]!;
    const filed = await app.call('archives.fileFourList', { ...list, roundId: round.id, listKind: 'problems', note: '' });
    expect(filed).toMatchObject({ kind: 'handover', roundId: round.id, clueMaterial: false, files: [{ mime: 'application/pdf', textStatus: 'text' }] });
    expect(filed.title).toContain('问题清单');
    expect((await app.fail('archives.fileFourList', { ...list, roundId: round.id, listKind: 'problems', note: '' })).message).toContain('已归档');
    expect((await app.call('archives.search', { query: '津贴', roundId: round.id })).items.map((hit) => hit.item.id)).toEqual([filed.id]);
  });

  it('closes only with a reason while stages are missing; sealed items refuse changes; a correction is a new item', async () => {
    const env = await setUp();
    const { app, round } = env;
    const base = { title: '巡察工作方案', responsible: '市委巡察办', classification: 'internal', roundId: round.id, kind: 'plan' } as const;
    const plan = await app.call('archives.create', { year: 2020, retention: 'D30', orgCode: 'XCB', ...base });
    await app.call('archives.dossierDefaults', { roundId: round.id, year: 2020, retention: 'Y', orgCode: 'xcb' });
    expect((await app.fail('archives.closeDossier', { roundId: round.id, reason: '  ' })).code).toBe('ARCHIVE_DOSSIER_INCOMPLETE');
    const closed = await app.call('archives.closeDossier', { roundId: round.id, reason: '信访记录由信访室另行归档' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: '信访记录由信访室另行归档', closedBy: '王建国', retention: 'Y' });
    const audit = await app.call('audit.list', { action: 'archive.dossierClose' });
    expect(audit.items[0]!.detail).toMatchObject({ items: 1, reason: '信访记录由信访室另行归档' });

    expect((await app.fail('archives.update', { id: plan.id, ...base, title: '改过的方案' })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    const file = { itemId: plan.id, fileName: '方案.txt', mime: 'text/plain', base64: Buffer.from('方案').toString('base64') };
    expect((await app.fail('archives.attachFile', file)).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    expect((await app.fail('archives.create', { year: 2020, retention: 'D30', orgCode: 'XCB', ...base })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    expect((await app.fail('archives.closeDossier', { roundId: round.id, reason: '' })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    expect((await app.call('archives.get', { id: plan.id }))).toMatchObject({ title: '巡察工作方案' });

    const correction = await app.call('archives.correct', { id: plan.id, reason: '题名有误', ...base, title: '第八轮巡察工作方案' });
    expect(correction).toMatchObject({ title: '第八轮巡察工作方案', retention: 'D30', itemNumber: 2, roundId: round.id });
    expect(correction.note).toContain(`更正${plan.archiveCode}：题名有误`);
    // Once filed, a correction is sealed like the rest: no later file, no change.
    expect(correction.files).toHaveLength(0);
    expect((await app.fail('archives.attachFile', { ...file, itemId: correction.id })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    expect((await app.fail('archives.update', { id: correction.id, ...base, title: '再改' })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    // A correction with its file is filed in one step (the dialog first: cancelling files nothing).
    const { answers, outside } = env;
    answers.open = null;
    expect((await app.fail('archives.correct', { id: plan.id, reason: '附件有误', fromDisk: true, ...base })).code).toBe('CANCELLED');
    const corrected = join(outside, '巡察工作方案（更正）.txt');
    writeFileSync(corrected, '第八轮巡察工作方案（更正稿）');
    answers.open = corrected;
    const withFile = await app.call('archives.correct', { id: plan.id, reason: '附件有误', fromDisk: true, ...base });
    expect(withFile).toMatchObject({ itemNumber: 3, files: [{ fileName: '巡察工作方案（更正）.txt', textStatus: 'text' }] });
    expect((await app.fail('archives.attachFile', { ...file, itemId: withFile.id })).code).toBe('ARCHIVE_DOSSIER_CLOSED');
    const corrections = await app.call('audit.list', { action: 'archive.correct' });
    expect(corrections.items.map((entry) => entry.detail)).toEqual([
      expect.objectContaining({ corrects: plan.archiveCode, reason: '附件有误' }),
      expect.objectContaining({ corrects: plan.archiveCode, reason: '题名有误' }),
    ]);
  });

  it('reminds of fixity runs by the days set, following the core clock', async () => {
    const { app, clock } = await setUp();
    expect(await app.call('archives.fixitySchedule', {})).toMatchObject({ intervalDays: 90, lastRunAt: null, due: true });
    await app.call('archives.setFixityInterval', { days: 30 });
    await app.call('archives.fixityRun', {});
    await waitForJob(app);
    const after = await app.call('archives.fixitySchedule', {});
    expect(after).toMatchObject({ intervalDays: 30, due: false, nextDueOn: '2026-12-26' });
    // Days pass: the idle session locks at the first call, and the archivist unlocks.
    const afterDays = async (days: number) => {
      clock.advance(days * 86_400_000);
      expect((await app.fail('archives.fixitySchedule', {})).code).toBe('LOCKED');
      await app.call('session.unlock', { password: ADMIN.password });
      return app.call('archives.fixitySchedule', {});
    };
    expect((await afterDays(29)).due).toBe(false);
    expect((await afterDays(1)).due).toBe(true);
  });
});

describe('fields from a file name', () => {
  it('takes the 文号 and the date when the name carries them', () => {
    expect(fieldsFromFileName('谈话笔录（张某）.pdf')).toEqual({ title: '谈话笔录（张某）', docNumber: '', docDate: null });
    expect(fieldsFromFileName('呼巡办〔2020〕12号关于进驻的通知20200408.pdf')).toEqual({ title: '呼巡办〔2020〕12号关于进驻的通知20200408', docNumber: '呼巡办〔2020〕12号', docDate: '2020-04-08' });
    expect(fieldsFromFileName('扫描件2020-13-40.jpg').docDate).toBeNull();
  });
});
