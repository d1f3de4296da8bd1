/**
 * Archive items through the real router on a real encrypted vault: 件号 numbering and 档号,
 * files with their text, the permission rules, the fixity audit (a changed byte, a missing
 * file, a run resumed after an interruption).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, signedInApp } from '../testing/harness';
import { Vault } from '../vault/vault';
import { createRoleAccounts, itemInput, signInAs, waitForJob } from './archives-fixture';
import { runFixity } from './fixity';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  await createRoleAccounts(env.app);
  return env;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function storedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xcf')) out.push(full);
    }
  };
  walk(join(dir, 'files'));
  return out;
}

describe('archive items', () => {
  it('numbers items within year + retention + organisation without gaps or reuse, and composes the 档号', async () => {
    const { app } = await setUp();
    const groups = [
      { year: 2020, retention: 'Y', orgCode: 'XCB' },
      { year: 2020, retention: 'D30', orgCode: 'XCB' },
      { year: 2021, retention: 'Y', orgCode: 'xcz' },
    ] as const;
    const numbers = new Map<string, number[]>();
    for (let n = 0; n < 24; n += 1) {
      const group = groups[(n * 7) % groups.length]!;
      const item = await app.call('archives.create', itemInput(group));
      const key = `${group.year}-${group.retention}-${group.orgCode.toUpperCase()}`;
      numbers.set(key, [...(numbers.get(key) ?? []), item.itemNumber]);
      expect(item.archiveCode).toBe(`0123-WS·${group.year}-${group.retention}-${group.orgCode.toUpperCase()}-${String(item.itemNumber).padStart(4, '0')}`);
      // A filing that fails (unknown round) takes no number: the next one follows without a gap.
      if (n % 5 === 0) expect((await app.fail('archives.create', itemInput({ ...group, roundId: 999 }))).code).toBe('INVALID_REFERENCE');
    }
    for (const list of numbers.values()) expect(list).toEqual(list.map((_, i) => i + 1));
    const catalogue = (await app.call('archives.list', { year: 2020, retention: 'Y', pageSize: 10 })).items;
    // Newest first: 件号 8 down to 1.
    expect(catalogue.map((item) => item.itemNumber)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    const first = catalogue.at(-1)!;
    expect(first.archiveCode).toBe('0123-WS·2020-Y-XCB-0001');
    // Changing an item keeps its number; the next item still gets a new one.
    const changed = await app.call('archives.update', { id: first.id, ...itemInput({ title: '巡察工作方案', titleSupplied: true, classification: 'public' }) });
    expect(changed.itemNumber).toBe(1);
    expect(changed.displayTitle).toBe('[巡察工作方案]');
    const next = await app.call('archives.create', itemInput(groups[0]));
    expect(next.itemNumber).toBe(numbers.get('2020-Y-XCB')!.length + 1);
  });

  it('stores files encrypted with their SHA-256, reads their text, flags scans as no text, and views a verified copy', async () => {
    const { app, dir } = await setUp();
    const item = await app.call('archives.create', itemInput());
    const text = '巡察组进驻期间共受理来信来访12件，个别谈话86人次。<b>不是标记</b>';
    const withText = await app.call('archives.attachFile', { itemId: item.id, fileName: '进驻情况.txt', mime: 'text/plain', base64: base64(text), role: 'text' });
    expect(withText.files).toMatchObject([{ role: 'text', textStatus: 'text', textChars: text.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(withText.noText).toBe(false);
    expect(storedFiles(dir).some((path) => readFileSync(path).includes(Buffer.from('来信来访')))).toBe(false);
    const viewed = await app.call('archives.viewFile', { itemId: item.id, fileId: withText.files[0]!.id });
    expect(Buffer.from(viewed.base64, 'base64').toString('utf8')).toBe(text);

    const scan = await app.call('archives.create', itemInput({ title: '签字页扫描件' }));
    const scanned = await app.call('archives.attachFile', { itemId: scan.id, fileName: '签字页.png', mime: 'image/png', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64') });
    expect(scanned.files[0]!.textStatus).toBe('none');
    expect(scanned.noText).toBe(true);
    // Found by its fields even without text.
    expect((await app.call('archives.search', { query: '签字页' })).items.map((hit) => hit.item.id)).toEqual([scan.id]);

    expect((await app.fail('archives.attachFile', { itemId: item.id, fileName: 'a.exe', mime: 'application/x-msdownload', base64: base64('MZ') })).code).toBe('INVALID_INPUT');
  });

  it('hides classified items from staff and clue material from all but clue officers; only they may mark it', async () => {
    const { app } = await setUp();
    const open = await app.call('archives.create', itemInput({ title: '巡察工作动员会讲话', classification: 'public' }));
    const secret = await app.call('archives.create', itemInput({ title: '巡察报告（秘密）', classification: 'secret' }));
    expect((await app.fail('archives.create', itemInput({ title: '线索台账', clueMaterial: true }))).code).toBe('ARCHIVE_CLUE_MARK');

    await signInAs(app, 'clueOfficer');
    const clue = await app.call('archives.create', itemInput({ title: '巡察报告附件：问题线索台账', clueMaterial: true, kind: 'clueLedger' }));
    expect((await app.call('archives.search', { query: '巡察报告' })).items.map((h) => h.item.id).sort()).toEqual([secret.id, clue.id].sort());

    await signInAs(app, 'archivist');
    expect((await app.call('archives.list', {})).items.map((i) => i.id).sort()).toEqual([open.id, secret.id].sort());
    expect((await app.call('archives.search', { query: '巡察报告' })).items.map((h) => h.item.id)).toEqual([secret.id]);
    expect((await app.fail('archives.get', { id: clue.id })).code).toBe('NOT_FOUND');
    expect((await app.fail('archives.update', { id: clue.id, ...itemInput() })).code).toBe('NOT_FOUND');

    await signInAs(app, 'staff');
    expect((await app.call('archives.list', {})).items.map((i) => i.id)).toEqual([open.id]);
    expect((await app.call('archives.search', { query: '报' })).items).toEqual([]);
    expect((await app.call('archives.search', { query: '巡察' })).items.map((h) => h.item.id)).toEqual([open.id]);
    expect((await app.fail('archives.get', { id: secret.id })).code).toBe('NOT_FOUND');
    expect((await app.fail('archives.create', itemInput())).code).toBe('PERMISSION_DENIED');

    // Reads of confidential items are audited by 档号.
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
    await app.call('archives.get', { id: secret.id });
    const views = await app.call('audit.list', { action: 'archive.view' });
    expect(views.items.some((entry) => JSON.stringify(entry).includes(secret.archiveCode))).toBe(true);
  });
});

describe('fixity audit', () => {
  it('reports a changed byte and a missing file, and is audited', async () => {
    const { app, dir } = await setUp();
    const item = await app.call('archives.create', itemInput());
    for (const name of ['一', '二', '三']) {
      await app.call('archives.attachFile', { itemId: item.id, fileName: `材料${name}.txt`, mime: 'text/plain', base64: base64(`第${name}份材料的正文，`.repeat(200)) });
    }
    await app.call('archives.fixityRun', {});
    expect(await waitForJob(app)).toMatchObject({ state: 'done', done: 3, total: 3 });
    expect(await app.call('archives.fixityStatus', {})).toMatchObject({ checked: 3, ok: 3, missing: 0, tampered: 0, findings: [] });

    const [changed, removed] = storedFiles(dir).sort();
    const bytes = readFileSync(changed!);
    bytes[bytes.length - 40]! ^= 0x01;
    writeFileSync(changed!, bytes);
    rmSync(removed!);
    await app.call('archives.fixityRun', {});
    expect((await waitForJob(app)).state).toBe('done');
    const report = (await app.call('archives.fixityStatus', {}))!;
    expect(report).toMatchObject({ checked: 3, ok: 1, missing: 1, tampered: 1 });
    expect(report.findings.map((f) => f.result).sort()).toEqual(['missing', 'tampered']);
    expect(report.findings.every((f) => f.archiveCode === item.archiveCode)).toBe(true);
    const audited = await app.call('audit.list', { action: 'archive.fixity' });
    expect(audited.items[0]).toMatchObject({ outcome: 'failed' });
  });

  it('resumes an interrupted run after the last file it checked', async () => {
    const { app, dir } = await setUp();
    const item = await app.call('archives.create', itemInput());
    for (let n = 0; n < 4; n += 1) await app.call('archives.attachFile', { itemId: item.id, fileName: `${n}.txt`, mime: 'text/plain', base64: base64(`材料${n}`) });
    app.close();
    const vault = (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
    try {
      let checked = 0;
      const first = await runFixity(vault, { startedBy: null, now: () => new Date(), shouldStop: () => checked >= 1, onProgress: (done) => (checked = done) });
      expect(first.finished).toBe(false);
      expect(checked).toBe(1);
      const progress: number[] = [];
      const second = await runFixity(vault, { startedBy: null, now: () => new Date(), onProgress: (done) => progress.push(done) });
      expect(second).toEqual({ runId: first.runId, finished: true });
      // It starts where the first stopped (1 checked) and checks the other three only.
      expect(progress).toEqual([1, 2, 3, 4]);
      const run = vault.db.prepare('SELECT checked, ok, finished_at FROM archive_fixity_runs WHERE id = ?').get(first.runId) as { checked: number; ok: number; finished_at: string | null };
      expect(run).toMatchObject({ checked: 4, ok: 4 });
      expect(run.finished_at).not.toBeNull();
    } finally {
      vault.close();
    }
  });
});
