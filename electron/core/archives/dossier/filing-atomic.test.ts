/**
 * Filing is all or nothing, through the real router on a real encrypted vault: a file whose
 * text cannot be read is still filed; a file that cannot be stored (reading it fails mid-import)
 * or an item the transaction refuses leaves no item, no stored file and no gap in the 件号.
 * A copy of a Word file saved to disk is audited as an export.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../../files/file-port';
import { buildFindings, PASSWORD } from '../../testing/findings-fixture';
import { signedInApp, tempDir } from '../../testing/harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Every file under the vault's file store, temp files included. */
function storeContents(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (existsSync(join(dir, 'files'))) walk(join(dir, 'files'));
  return out;
}

async function setUp() {
  const answers: { open: string | null; save: string | null } = { open: null, save: null };
  const files: FilePort = { chooseFileToOpen: async () => answers.open, chooseFileToSave: async () => answers.save };
  const env = await signedInApp({ files });
  const outside = tempDir();
  cleanups.push(env.remove, () => rmSync(outside, { recursive: true, force: true }));
  const fixture = await buildFindings(env.app);
  const importFile = (name: string, body: string | Buffer) => {
    const path = join(outside, name);
    writeFileSync(path, body);
    answers.open = path;
    return env.app.call('archives.importFromDisk', { roundId: fixture.round.id, kind: 'petition' });
  };
  return { ...env, ...fixture, answers, outside, importFile };
}

describe('filing is all or nothing', () => {
  it('files a file whose text cannot be read; a file that cannot be stored files nothing and takes no 件号', async () => {
    const { app, dir, round, answers, outside, importFile } = await setUp();
    const first = await importFile('信访件一.txt', '反映某局违规发放津贴');
    expect(first.itemNumber).toBe(1);

    // A broken PDF: no text, no page count, but filed with its file.
    const broken = await importFile('扫描件.pdf', Buffer.from('%PDF-1.7 这不是一个完整的 PDF'));
    expect(broken).toMatchObject({ itemNumber: 2, pages: null, noText: true, files: [{ mime: 'application/pdf', textStatus: 'failed' }] });

    // Reading the chosen file fails while it is being stored (a folder where a file was expected).
    const storedBefore = storeContents(dir);
    const unreadable = join(outside, '无法读取.txt');
    mkdirSync(unreadable);
    answers.open = unreadable;
    expect((await app.fail('archives.importFromDisk', { roundId: round.id, kind: 'petition' })).message).toContain('无法读取文件“无法读取.txt”');
    expect(storeContents(dir)).toEqual(storedBefore);
    const listed = await app.call('archives.list', { roundId: round.id, page: 1, pageSize: 20 });
    expect(listed.total).toBe(2);
    for (const item of listed.items) expect((await app.call('archives.get', { id: item.id })).files).toHaveLength(1);
    const attached = await app.call('audit.list', { action: 'archive.attachFile' });
    expect(attached.items).toHaveLength(2);

    // The next item takes the next 件号: none was used up by the failure.
    expect((await importFile('信访件二.txt', '第二件')).itemNumber).toBe(3);
  });

  it('files a file uploaded through the window in one call; a refused one takes no 件号', async () => {
    const { app, dir, round } = await setUp();
    const upload = (fileName: string, mime: string, body: string) =>
      ({ roundId: round.id, kind: 'briefing' as const, fileName, mime, base64: Buffer.from(body).toString('base64') });
    const first = await app.call('archives.importUpload', upload('市巡办〔2020〕5号 汇报会记录20200415.txt', 'text/plain', '进驻汇报会记录'));
    expect(first).toMatchObject({ itemNumber: 1, titleSupplied: true, docNumber: '市巡办〔2020〕5号', docDate: '2020-04-15', kind: 'briefing', files: [{ textStatus: 'text' }] });
    const storedBefore = storeContents(dir);
    expect((await app.fail('archives.importUpload', upload('程序.exe', 'application/x-msdownload', 'MZ'))).message).toContain('只接受');
    expect(storeContents(dir)).toEqual(storedBefore);
    expect((await app.call('archives.importUpload', upload('座谈会记录.txt', 'text/plain', '座谈'))).itemNumber).toBe(2);
  });

  it('removes the stored PDF when the transaction refuses the item', async () => {
    const { app, dir, round, auditInspection } = await setUp();
    const draft = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    await app.call('documents.finalise', { id: draft.id, version: 1 });
    const [offer] = await app.call('archives.offered', { roundId: round.id });
    // An archivist may file but not mark clue material: refused inside the filing transaction, after the PDF was stored.
    await app.call('accounts.create', { username: 'archivist', displayName: '档案员', role: 'archivist', password: PASSWORD });
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: 'archivist', password: PASSWORD });
    const storedBefore = storeContents(dir);
    expect((await app.fail('archives.fileDocument', { ...offer!, documentId: draft.id, note: '', clueMaterial: true })).code).toBe('ARCHIVE_CLUE_MARK');
    expect(storeContents(dir)).toEqual(storedBefore);
    expect((await app.call('archives.list', { roundId: round.id, page: 1, pageSize: 20 })).total).toBe(0);
    const filed = await app.call('archives.fileDocument', { ...offer!, documentId: draft.id, note: '' });
    expect(filed).toMatchObject({ itemNumber: 1, files: [{ mime: 'application/pdf' }] });
    expect(storeContents(dir)).toHaveLength(storedBefore.length + 1);
  });
});

describe('saving a copy of an archive file', () => {
  it('writes the verified file where chosen and audits it as an export, not a view', async () => {
    const { app, answers, outside, importFile } = await setUp();
    const item = await importFile('会议纪要.docx', Buffer.from('not really a docx'));
    const target = join(outside, 'copies', '纪要副本.docx');
    mkdirSync(join(outside, 'copies'));
    answers.save = null;
    expect(await app.call('archives.saveFileCopy', { itemId: item.id, fileId: item.files[0]!.id })).toEqual({ saved: false });
    answers.save = target;
    expect(await app.call('archives.saveFileCopy', { itemId: item.id, fileId: item.files[0]!.id })).toEqual({ saved: true });
    expect(readdirSync(join(outside, 'copies'))).toEqual(['纪要副本.docx']);
    const exports = await app.call('audit.list', { action: 'archive.saveFileCopy' });
    expect(exports.items).toHaveLength(1);
    expect(exports.items[0]!.detail).toMatchObject({ archiveCode: item.archiveCode, fileId: item.files[0]!.id, savedToFolder: join(outside, 'copies') });
    expect((await app.call('audit.list', { action: 'archive.viewFile' })).items).toHaveLength(0);
    expect((await app.fail('archives.saveFileCopy', { itemId: item.id, fileId: 999 })).code).toBe('NOT_FOUND');
  });
});
