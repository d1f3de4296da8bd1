import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, signedInApp } from '../testing/harness';
import { buildFindings, PASSWORD, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n市纪委监委案件监督管理室签收回执 接收人李主任\n%%EOF\n');
const DAY = 86_400_000;

async function setUp(options: Parameters<typeof signedInApp>[0] = {}) {
  const env = await signedInApp(options);
  cleanups.push(env.remove);
  const built = await buildFindings(env.app);
  const { app, round } = { ...env, ...built };
  await signInAs(app, 'clueOfficer');
  const first = await app.call('clues.create', { roundId: round.id, summary: '反映市审计局副局长张某某收受礼金问题', source: '信访举报', receivedOn: '2020-04-20' });
  const second = await app.call('clues.create', { roundId: round.id, summary: '反映金河镇会计挪用集体资金问题', source: '巡察谈话', receivedOn: '2020-04-22' });
  const lists = await app.call('handover.lists', {});
  const receiver = (name: string) => lists.receivers.find((r) => r.name === name)!.id;
  return { ...env, ...built, clues: [first, second], receiver, disposalTypes: lists.disposalTypes };
}

function storedFiles(dir: string): string[] {
  const root = join(dir, 'files');
  return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)).map((name) => join(root, sub, name)));
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

describe('hand-over receipts (回执)', () => {
  it('a clue officer attaches the scanned receipt, views the verified bytes and records the day it came back; all audited', async () => {
    const { app, dir, clues, receiver } = await setUp();
    const { handoverId } = await app.call('clues.handOver', {
      clueIds: clues.map((c) => c.id),
      receiverId: receiver('市纪委监委'),
      handedOn: '2020-07-10',
      receivingPerson: '李主任',
      answerDueOn: '2021-01-10',
    });
    const row = await app.call('handover.attachReceipt', { handoverId, fileName: '回执.pdf', mime: 'application/pdf', base64: RECEIPT.toString('base64') });
    expect(row.receipt).toMatchObject({ fileName: '回执.pdf', mime: 'application/pdf', size: RECEIPT.length, earlier: 0 });
    const viewed = await app.call('handover.viewReceipt', { handoverId });
    expect(viewed.mime).toBe('application/pdf');
    expect(Buffer.from(viewed.base64, 'base64').equals(RECEIPT)).toBe(true);

    expect((await app.fail('handover.setReceiptReturned', { handoverId, returnedOn: '2020-07-01' })).code).toBe('INVALID_INPUT');
    expect((await app.call('handover.setReceiptReturned', { handoverId, returnedOn: '2020-07-13' })).receiptReturnedOn).toBe('2020-07-13');
    // A second scan replaces the first as the receipt; the first stays in the store.
    const again = await app.call('handover.attachReceipt', { handoverId, fileName: '回执（盖章）.png', mime: 'image/png', base64: Buffer.alloc(3000, 9).toString('base64') });
    expect(again.receipt).toMatchObject({ fileName: '回执（盖章）.png', earlier: 1 });
    expect((await app.fail('handover.attachReceipt', { handoverId, fileName: '回执.docx', mime: 'application/msword', base64: 'AAAA' })).code).toBe('INVALID_INPUT');

    await app.call('session.signOut', {});
    await app.signInAdmin();
    const log = (await app.call('audit.list', { page: 1, pageSize: 100 })).items;
    const actions = log.map((e) => e.action);
    for (const action of ['handover.attachReceipt', 'handover.viewReceipt', 'handover.receiptReturned'] as const) expect(actions, action).toContain(action);
    expect(log.find((e) => e.action === 'handover.receiptReturned')).toMatchObject({ targetType: 'handover', targetId: String(handoverId), detail: { returnedOn: '2020-07-13' } });

    app.close();
    const bytes = allBytes(dir);
    for (const secret of ['签收回执', '李主任', '回执.pdf']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });

  it('a flipped byte in a stored receipt is reported as tampered, never shown, and audited as failed', async () => {
    const { app, dir, clues, receiver } = await setUp();
    const { handoverId } = await app.call('clues.handOver', { clueIds: [clues[0]!.id], receiverId: receiver('市纪委监委'), handedOn: '2020-07-10' });
    await app.call('handover.attachReceipt', { handoverId, fileName: 'scan.png', mime: 'image/png', base64: Buffer.alloc(5000, 7).toString('base64') });
    const [path] = storedFiles(dir);
    const bytes = readFileSync(path!);
    bytes[200]! ^= 1;
    writeFileSync(path!, bytes);
    const error = await app.fail('handover.viewReceipt', { handoverId });
    expect(error.code).toBe('FILE_TAMPERED');
    expect(error.message).toContain('已拒绝显示');
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const entry = (await app.call('audit.list', { page: 1, pageSize: 50, action: 'handover.viewReceipt' })).items[0];
    expect(entry).toMatchObject({ outcome: 'failed', detail: { tampered: true } });
  });

  it('a clue hand-over receipt is for clue officers: others may neither attach nor view it', async () => {
    const { app, clues, receiver } = await setUp();
    const { handoverId } = await app.call('clues.handOver', { clueIds: [clues[0]!.id], receiverId: receiver('市纪委监委'), handedOn: '2020-07-10' });
    await app.call('handover.attachReceipt', { handoverId, fileName: 'scan.png', mime: 'image/png', base64: Buffer.alloc(100, 1).toString('base64') });
    await signInAs(app, 'staff');
    const png = { handoverId, fileName: 'x.png', mime: 'image/png', base64: Buffer.alloc(10, 1).toString('base64') };
    expect((await app.fail('handover.attachReceipt', png)).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('handover.viewReceipt', { handoverId })).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('handover.setReceiptReturned', { handoverId, returnedOn: '2020-07-12' })).code).toBe('PERMISSION_DENIED');
  });
});

describe('the hand-over register (移交台账)', () => {
  it('shows clue numbers to clue officers (audited) and only counts to everyone else; lists are handed over by staff', async () => {
    const { app, round, clues, receiver, disposalTypes } = await setUp();
    const clueHandover = await app.call('clues.handOver', {
      clueIds: clues.map((c) => c.id),
      receiverId: receiver('市纪委监委'),
      handedOn: '2020-07-10',
      receivingPerson: '李主任',
      answerDueOn: '2021-01-10',
      note: '张某某一案请优先办理',
    });
    await app.call('handover.attachReceipt', { handoverId: clueHandover.handoverId, fileName: '张某某案回执.pdf', mime: 'application/pdf', base64: RECEIPT.toString('base64') });
    await app.call('clues.recordDisposal', { clueId: clues[0]!.id, disposalTypeId: disposalTypes.find((d) => d.name === '初步核实')!.id, decidedOn: '2020-09-01' });

    const officerView = await app.call('handover.register', { roundId: round.id, page: 1, pageSize: 20 });
    expect(officerView.total).toBe(1);
    expect(officerView.items[0]).toMatchObject({
      receiverName: '市纪委监委',
      receivingPerson: '李主任',
      roundLabel: '十二届市委第八轮巡察',
      concernsClues: true,
      clueCount: 2,
      disposedCount: 1,
      clueCodes: ['八轮-线索-001', '八轮-线索-002'],
      note: '张某某一案请优先办理',
      receipt: { fileName: '张某某案回执.pdf' },
      lists: [],
    });
    // 2021-01-10 passed long ago and one clue is still open.
    expect(officerView.items[0]!.daysOverdue).toBeGreaterThan(0);

    await signInAs(app, 'staff');
    const listHandover = await app.call('handover.handOverList', { roundId: round.id, kind: 'problems', receiverId: receiver('市委组织部'), handedOn: '2020-07-12', answerDueOn: '2020-09-12' });
    expect((await app.fail('handover.handOverList', { roundId: round.id, kind: 'clues', receiverId: receiver('市纪委监委'), handedOn: '2020-07-12' })).code).toBe('PERMISSION_DENIED');
    await app.call('handover.attachReceipt', { handoverId: listHandover.handoverId, fileName: '组织部回执.png', mime: 'image/png', base64: Buffer.alloc(200, 3).toString('base64') });
    expect((await app.call('handover.viewReceipt', { handoverId: listHandover.handoverId })).fileName).toBe('组织部回执.png');

    const staffView = await app.call('handover.register', { roundId: round.id, page: 1, pageSize: 20 });
    expect(staffView.items.map((h) => h.receiverName)).toEqual(['市委组织部', '市纪委监委']);
    const [list, clue] = staffView.items;
    expect(list).toMatchObject({ concernsClues: false, lists: ['problems'], clueCount: 0, daysOverdue: null, receipt: { fileName: '组织部回执.png' } });
    expect(clue).toMatchObject({ concernsClues: true, clueCount: 2, disposedCount: 1, clueCodes: null, note: null, receipt: { fileName: null } });
    expect(JSON.stringify(staffView)).not.toMatch(/线索-00|张某某|优先办理/);

    await app.call('session.signOut', {});
    await app.signInAdmin();
    const log = (await app.call('audit.list', { page: 1, pageSize: 100 })).items;
    expect(log.find((e) => e.action === 'handover.register')!.detail).toMatchObject({ codes: ['八轮-线索-001', '八轮-线索-002'] });
    expect(log.find((e) => e.action === 'handover.handOverList')!.detail).toMatchObject({ list: '问题清单', receiver: '市委组织部' });
    // Staff reading the register saw no numbers: no entry for them.
    expect(log.filter((e) => e.action === 'handover.register').every((e) => e.actorName.includes('clueOfficer'))).toBe(true);
  });

  it('counts days overdue from the answer deadline by the core clock, and stops once every clue is disposed', async () => {
    const clock = manualClock(new Date('2026-11-26T12:00:00Z'));
    const { app, round, clues, receiver, disposalTypes } = await setUp({ now: clock.now });
    await app.call('clues.handOver', { clueIds: clues.map((c) => c.id), receiverId: receiver('市纪委监委'), handedOn: '2026-11-20', answerDueOn: '2026-12-20' });
    const row = async () => (await app.call('handover.register', { roundId: round.id, page: 1, pageSize: 20 })).items[0]!;
    expect((await row()).daysOverdue).toBeNull();
    expect(await app.call('handover.overdue', {})).toEqual([]);
    clock.advance(40 * DAY);
    // Forty idle days lock the workbench first.
    expect((await app.fail('handover.overdue', {})).code).toBe('LOCKED');
    await app.call('session.unlock', { password: PASSWORD });
    expect((await row()).daysOverdue).toBe(16);
    expect(await app.call('handover.overdue', {})).toEqual([expect.objectContaining({ roundId: round.id, daysOverdue: 16, openClues: 2, receiverName: '市纪委监委' })]);
    for (const clue of clues) await app.call('clues.recordDisposal', { clueId: clue.id, disposalTypeId: disposalTypes[0]!.id, decidedOn: '2027-01-02' });
    expect(await row()).toMatchObject({ daysOverdue: null, disposedCount: 2 });
    expect(await app.call('handover.overdue', {})).toEqual([]);
  });
});

describe('receivers and disposal types', () => {
  it('are added, renamed, reordered and retired by administrators; a used entry is retired, never deleted', async () => {
    const { app, round, clues, receiver, disposalTypes } = await setUp();
    const used = await app.call('clues.handOver', { clueIds: [clues[0]!.id], receiverId: receiver('市委政法委'), handedOn: '2020-07-10' });
    expect((await app.fail('handoverCatalog.add', { catalog: 'receivers', name: '市委统战部' })).code).toBe('PERMISSION_DENIED');

    await app.call('session.signOut', {});
    await app.signInAdmin();
    let catalog = await app.call('handoverCatalog.add', { catalog: 'receivers', name: '市委统战部' });
    expect(catalog.receivers.map((r) => r.name)).toEqual(['市纪委监委', '市委组织部', '市委直属机关工委', '市委宣传部', '市委政法委', '市委统战部']);
    expect((await app.fail('handoverCatalog.add', { catalog: 'receivers', name: '市委组织部' })).code).toBe('DUPLICATE');
    const added = catalog.receivers.at(-1)!;
    catalog = await app.call('handoverCatalog.rename', { catalog: 'receivers', id: added.id, name: '市委统一战线工作部' });
    expect(catalog.receivers.at(-1)!.name).toBe('市委统一战线工作部');
    // The last one first.
    const order = [added.id, ...catalog.receivers.slice(0, -1).map((r) => r.id)];
    catalog = await app.call('handoverCatalog.reorder', { catalog: 'receivers', ids: order });
    expect(catalog.receivers[0]!.name).toBe('市委统一战线工作部');
    expect((await app.fail('handoverCatalog.reorder', { catalog: 'receivers', ids: order.slice(1) })).code).toBe('INVALID_INPUT');

    const politics = catalog.receivers.find((r) => r.name === '市委政法委')!;
    expect(politics.uses).toBe(1);
    const refused = await app.fail('handoverCatalog.delete', { catalog: 'receivers', id: politics.id });
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toContain('只能停用');
    catalog = await app.call('handoverCatalog.setRetired', { catalog: 'receivers', id: politics.id, retired: true });
    expect(catalog.receivers.find((r) => r.id === politics.id)!.retired).toBe(true);
    catalog = await app.call('handoverCatalog.delete', { catalog: 'receivers', id: added.id });
    expect(catalog.receivers.some((r) => r.id === added.id)).toBe(false);

    // Retired: gone from the choices, refused for new hand-overs, still named on the old one.
    expect((await app.call('handover.lists', {})).receivers.map((r) => r.name)).not.toContain('市委政法委');
    await signInAs(app, 'clueOfficer');
    const retiredUse = await app.fail('clues.handOver', { clueIds: [clues[1]!.id], receiverId: politics.id, handedOn: '2020-07-11' });
    expect(retiredUse).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect(retiredUse.message).toContain('已停用');
    const register = await app.call('handover.register', { roundId: round.id, page: 1, pageSize: 20 });
    expect(register.items.find((h) => h.id === used.handoverId)!.receiverName).toBe('市委政法委');

    // Disposal types: a retired one is refused for new disposals; the last one in use stays.
    await app.call('session.signOut', {});
    await app.signInAdmin();
    const shelve = disposalTypes.find((d) => d.name === '暂存待查')!;
    await app.call('handoverCatalog.setRetired', { catalog: 'disposalTypes', id: shelve.id, retired: true });
    await signInAs(app, 'clueOfficer');
    expect((await app.fail('clues.recordDisposal', { clueId: clues[0]!.id, disposalTypeId: shelve.id, decidedOn: '2020-08-01' })).code).toBe('INVALID_REFERENCE');
    await app.call('session.signOut', {});
    await app.signInAdmin();
    for (const type of disposalTypes.filter((d) => d.id !== shelve.id).slice(0, -1)) {
      await app.call('handoverCatalog.setRetired', { catalog: 'disposalTypes', id: type.id, retired: true });
    }
    const last = disposalTypes.at(-1)!;
    expect((await app.fail('handoverCatalog.setRetired', { catalog: 'disposalTypes', id: last.id, retired: true })).message).toContain('至少要保留一个');
    catalog = await app.call('handoverCatalog.setRetired', { catalog: 'disposalTypes', id: shelve.id, retired: false });
    expect(catalog.disposalTypes.find((d) => d.id === shelve.id)!.retired).toBe(false);

    const log = (await app.call('audit.list', { page: 1, pageSize: 100, action: 'catalog.change' })).items;
    const details = log.map((e) => e.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        { added: '市委统战部' },
        { from: '市委统战部', to: '市委统一战线工作部' },
        { retired: '市委政法委' },
        { deleted: '市委统一战线工作部' },
        { restored: '暂存待查' },
        expect.objectContaining({ catalog: 'receivers', reordered: order }),
      ]),
    );
  });
});

describe('hand-over settings', () => {
  it('holds the default answer deadline in days (30 unless changed) and the clue switch for administrators; both changes audited', async () => {
    const { app } = await setUp();
    await app.call('session.signOut', {});
    await app.signInAdmin();
    expect(await app.call('settings.get', {})).toMatchObject({ handoverAnswerDays: 30, adminsMayReadClues: false });
    expect((await app.call('settings.update', { handoverAnswerDays: 60 })).handoverAnswerDays).toBe(60);
    expect((await app.fail('settings.update', { handoverAnswerDays: -1 })).code).toBe('INVALID_INPUT');
    expect((await app.fail('settings.update', { handoverAnswerDays: 1000 })).code).toBe('INVALID_INPUT');
    await app.call('settings.update', { adminsMayReadClues: true });
    const status = await app.call('app.status', {});
    expect(status).toMatchObject({ state: 'active', settings: { handoverAnswerDays: 60, adminsMayReadClues: true } });
    const log = (await app.call('audit.list', { page: 1, pageSize: 20, action: 'settings.update' })).items;
    expect(log.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { before: expect.objectContaining({ handoverAnswerDays: 30 }), after: expect.objectContaining({ handoverAnswerDays: 60 }) },
        { before: expect.objectContaining({ adminsMayReadClues: false }), after: expect.objectContaining({ adminsMayReadClues: true }) },
      ]),
    );
    await signInAs(app, 'staff');
    expect((await app.fail('settings.update', { handoverAnswerDays: 10 })).code).toBe('PERMISSION_DENIED');
  });
});
