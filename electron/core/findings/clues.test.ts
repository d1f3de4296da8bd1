import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n反映市审计局副局长张某某收受礼金的举报信原件\n%%EOF\n');

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return { ...env, ...(await buildFindings(env.app)) };
}

function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else parts.push(readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

describe('confidential clues', () => {
  it('a clue officer registers a clue with a PDF, views it, hands it over and records the disposal; each step is audited', async () => {
    const { app, dir, round, auditInspection } = await setUp();
    await signInAs(app, 'clueOfficer');
    const clue = await app.call('clues.create', {
      roundId: round.id,
      inspectionId: auditInspection.id,
      summary: '反映市审计局副局长张某某收受礼金问题',
      source: '信访举报',
      receivedOn: '2020-04-20',
      persons: [{ name: '张某某', unit: '市审计局', position: '副局长', rank: '副处级' }],
    });
    expect(clue).toMatchObject({ code: '八轮-线索-001', status: 'registered', unitName: '市审计局' });
    const withFile = await app.call('clues.attachFile', { clueId: clue.id, fileName: '举报信.pdf', mime: 'application/pdf', base64: PDF.toString('base64') });
    const file = withFile.files[0]!;
    const viewed = await app.call('clues.viewFile', { clueId: clue.id, fileId: file.id });
    expect(Buffer.from(viewed.base64, 'base64').equals(PDF)).toBe(true);

    const { receivers, disposalTypes } = await app.call('handover.lists', {});
    const discipline = receivers.find((r) => r.name === '市纪委监委')!;
    expect((await app.fail('clues.recordDisposal', { clueId: clue.id, disposalTypeId: disposalTypes[0]!.id, decidedOn: '2020-05-01' })).code).toBe('INVALID_INPUT');
    await app.call('clues.handOver', { clueIds: [clue.id], receiverId: discipline.id, handedOn: '2020-05-10', receivingPerson: '李主任', answerDueOn: '2020-11-10' });
    // Past its deadline and not yet disposed: overdue (a count, no clue content).
    expect(await app.call('handover.overdue', {})).toEqual([
      expect.objectContaining({ receiverName: '市纪委监委', answerDueOn: '2020-11-10', openClues: 1, roundLabel: '十二届市委第八轮巡察' }),
    ]);
    const disposed = await app.call('clues.recordDisposal', { clueId: clue.id, disposalTypeId: disposalTypes[1]!.id, decidedOn: '2020-06-15', note: '已初步核实' });
    expect(await app.call('handover.overdue', {})).toEqual([]);
    expect(disposed).toMatchObject({ status: 'disposed', handovers: [{ receiverName: '市纪委监委', handedOn: '2020-05-10' }], disposals: [{ typeName: '初步核实' }] });

    await app.call('clues.list', { page: 1, pageSize: 10 });
    await signInAs(app, 'auditor');
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const log = await app.call('audit.list', { page: 1, pageSize: 50 });
    const actions = log.items.map((e) => e.action);
    for (const action of ['clue.create', 'clue.attachFile', 'clue.viewFile', 'clue.handOver', 'clue.disposal', 'clue.list'] as const) expect(actions, action).toContain(action);
    expect(log.items.find((e) => e.action === 'clue.list')!.detail.codes).toEqual(['八轮-线索-001']);
    expect(log.items.find((e) => e.action === 'clue.viewFile')!.detail).toMatchObject({ clueCode: '八轮-线索-001', fileId: file.id });
    // The audit log, readable by administrators and leaders, holds clue numbers, never clue text or file names.
    expect(JSON.stringify(log.items)).not.toMatch(/张某某|收受礼金|举报信/);

    // Nowhere in the vault folder is the clue's text or file readable.
    app.close();
    const bytes = allBytes(dir);
    for (const secret of ['张某某', '收受礼金', '举报信', '八轮-线索']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });

  it('others see counts only; administrators only where the office allows it', async () => {
    const { app, round } = await setUp();
    await signInAs(app, 'clueOfficer');
    await app.call('clues.create', { roundId: round.id, summary: '反映某村会计挪用资金', source: '巡察谈话', receivedOn: '2020-04-22' });
    await app.call('clues.create', { roundId: round.id, summary: '反映某所长违规经商', source: '信访举报', receivedOn: '2020-04-23' });
    for (const role of ['staff', 'auditor'] as const) {
      await signInAs(app, role);
      expect(await app.call('clues.counts', { roundId: round.id })).toEqual({ total: 2, byStatus: { registered: 2 } });
      expect((await app.fail('clues.list', { page: 1, pageSize: 10 })).code).toBe('PERMISSION_DENIED');
      expect((await app.fail('clues.get', { id: 1 })).code).toBe('PERMISSION_DENIED');
    }
    await app.call('session.signOut', {});
    await app.signInAdmin();
    expect((await app.fail('clues.list', { page: 1, pageSize: 10 })).code).toBe('PERMISSION_DENIED');
    await app.call('settings.update', { adminsMayReadClues: true });
    expect((await app.call('clues.list', { page: 1, pageSize: 10, text: '挪用' })).items.map((c) => c.code)).toEqual(['八轮-线索-001']);
  });

  it('a flipped byte in a stored clue file is reported as tampered and never shown', async () => {
    const { app, dir, round } = await setUp();
    await signInAs(app, 'clueOfficer');
    const clue = await app.call('clues.create', { roundId: round.id, summary: '线索', source: '信访举报', receivedOn: '2020-04-22' });
    const { files } = await app.call('clues.attachFile', { clueId: clue.id, fileName: 'scan.png', mime: 'image/png', base64: Buffer.alloc(5000, 7).toString('base64') });
    const filesDir = join(dir, 'files');
    expect(existsSync(filesDir)).toBe(true);
    const sub = readdirSync(filesDir)[0]!;
    const path = join(filesDir, sub, readdirSync(join(filesDir, sub))[0]!);
    const bytes = readFileSync(path);
    bytes[100]! ^= 1;
    writeFileSync(path, bytes);
    const error = await app.fail('clues.viewFile', { clueId: clue.id, fileId: files[0]!.id });
    expect(error.code).toBe('FILE_TAMPERED');
    expect(error.message).toContain('已拒绝显示');
    expect((await app.fail('clues.attachFile', { clueId: clue.id, fileName: 'x.exe', mime: 'application/x-msdownload', base64: 'AAAA' })).code).toBe('INVALID_INPUT');
  });
});
