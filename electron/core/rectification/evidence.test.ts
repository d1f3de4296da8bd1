import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const VOUCHER = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n市审计局追缴津贴补贴收款凭证 王会计经办\n%%EOF\n');

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const built = await buildFindings(env.app);
  await env.app.call('problems.create', { inspectionId: built.auditInspection.id, focus: 'corruption', description: '违规发放津贴补贴3.6万元', source: 'documents' });
  await env.app.call('rectification.createItems', {
    inspectionId: built.auditInspection.id,
    measures: '全额追缴',
    responsiblePerson: '张伟',
    responsibleUnit: '市审计局办公室',
    deadline: '2020-09-30',
  });
  const item = (await env.app.call('rectification.ledger', { inspectionId: built.auditInspection.id, page: 1, pageSize: 10 })).items[0]!;
  return { ...env, ...built, item };
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('evidence (佐证材料)', () => {
  it('stores evidence encrypted, shows the verified bytes, and keeps it in the history and the audit log', async () => {
    const { app, dir, item } = await setUp();
    const withFile = await app.call('rectification.attachEvidence', { itemId: item.id, fileName: '收款凭证.pdf', mime: 'application/pdf', base64: VOUCHER.toString('base64') });
    expect(withFile.files).toHaveLength(1);
    expect(withFile.files[0]).toMatchObject({ fileName: '收款凭证.pdf', mime: 'application/pdf', size: VOUCHER.length });
    expect(withFile.evidenceCount).toBe(1);
    expect(withFile.history.at(-1)).toMatchObject({ event: 'evidence', note: '收款凭证.pdf' });
    const viewed = await app.call('rectification.viewEvidence', { itemId: item.id, fileId: withFile.files[0]!.id });
    expect(Buffer.from(viewed.base64, 'base64').equals(VOUCHER)).toBe(true);
    // Another item's id does not open the file.
    expect((await app.fail('rectification.viewEvidence', { itemId: item.id + 1, fileId: withFile.files[0]!.id })).code).toBe('NOT_FOUND');
    expect((await app.fail('rectification.attachEvidence', { itemId: item.id, fileName: 'a.exe', mime: 'application/x-msdownload', base64: 'AAAA' })).code).toBe('INVALID_INPUT');

    const actions = (await app.call('audit.list', { page: 1, pageSize: 50 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['rectification.attachEvidence', 'rectification.viewEvidence']));

    // Once submitted for review the evidence is fixed.
    await app.call('rectification.advance', { id: item.id, to: 'inProgress' });
    await app.call('rectification.advance', { id: item.id, to: 'awaitingReview' });
    const late = await app.fail('rectification.attachEvidence', { itemId: item.id, fileName: '补充.png', mime: 'image/png', base64: Buffer.alloc(100, 1).toString('base64') });
    expect(late.code).toBe('RECTIFICATION_LOCKED');

    app.close();
    const bytes = Buffer.concat(filesUnder(dir).map((path) => readFileSync(path)));
    for (const secret of ['收款凭证', '王会计', '全额追缴']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });

  it('reports a changed evidence file as tampered, never shows it, and audits the failed view', async () => {
    const { app, dir, item } = await setUp();
    const withFile = await app.call('rectification.attachEvidence', { itemId: item.id, fileName: 'photo.png', mime: 'image/png', base64: Buffer.alloc(6000, 7).toString('base64') });
    const [path] = filesUnder(join(dir, 'files'));
    const stored = readFileSync(path!);
    stored[300]! ^= 1;
    writeFileSync(path!, stored);
    // Any reader sees the refusal: a leader opening the evidence at review.
    await signInAs(app, 'auditor');
    const error = await app.fail('rectification.viewEvidence', { itemId: item.id, fileId: withFile.files[0]!.id });
    expect(error.code).toBe('FILE_TAMPERED');
    expect(error.message).toContain('已拒绝显示');
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const entry = (await app.call('audit.list', { page: 1, pageSize: 10, action: 'rectification.viewEvidence' })).items[0];
    expect(entry).toMatchObject({ outcome: 'failed', targetType: 'rectification', detail: { tampered: true } });
  });
});
