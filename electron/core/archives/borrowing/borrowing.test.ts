/**
 * 借阅登记 through the real router on a real encrypted vault: a staff member reads a 机密 item
 * only during their own approved, unexpired, unreturned request; nobody decides their own
 * request; every step and every read is audited with the request's id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../context';
import { ADMIN, manualClock, signedInApp, type TestApp } from '../../testing/harness';
import { createRoleAccounts, itemInput, signInAs } from '../archives-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const DAY = 24 * 60 * 60 * 1000;

async function setUp() {
  const clock = manualClock();
  const env = await signedInApp({ now: clock.now });
  cleanups.push(env.remove);
  const { app } = env;
  await createRoleAccounts(app);
  const secret = await app.call('archives.create', itemInput({ title: '关于某局党组的巡察报告', classification: 'confidential' }));
  const withFile = await app.call('archives.attachFile', { itemId: secret.id, fileName: '巡察报告.txt', mime: 'text/plain', base64: Buffer.from('巡察报告正文', 'utf8').toString('base64') });
  const open = await app.call('archives.create', itemInput({ title: '巡察工作动员会讲话', classification: 'public' }));
  const dueIn = (days: number) => localDate(new Date(clock.now().getTime() + days * DAY));
  return { app, clock, secret: withFile, open, fileId: withFile.files[0]!.id, dueIn };
}

async function asAdmin(app: TestApp) {
  await app.call('session.signOut', {});
  await app.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
}

describe('borrowing archive items', () => {
  it('lets staff read a 机密 item only while their approved request runs, and audits each read with its id', async () => {
    const { app, clock, secret, fileId, dueIn } = await setUp();
    await signInAs(app, 'staff');
    expect((await app.fail('archives.get', { id: secret.id })).code).toBe('NOT_FOUND');
    const request = await app.call('archives.borrow', { archiveCodes: [secret.archiveCode], mode: 'view', purpose: '撰写整改督查报告', dueDate: dueIn(2) });
    expect(request).toMatchObject({ status: 'pending', active: false, overdue: false });
    // Before approval the title stays hidden and the file is refused, saying why.
    expect(request.items).toEqual([{ itemId: secret.id, archiveCode: secret.archiveCode, title: null, classification: 'confidential', files: [] }]);
    expect((await app.fail('archives.viewFile', { itemId: secret.id, fileId })).code).toBe('BORROW_REQUIRED');
    expect((await app.fail('archives.decideBorrowing', { id: request.id, approve: true })).code).toBe('PERMISSION_DENIED');

    await signInAs(app, 'auditor');
    const approved = await app.call('archives.decideBorrowing', { id: request.id, approve: true, note: '同意' });
    expect(approved).toMatchObject({ status: 'approved', decidedByName: 'auditor用户', decisionNote: '同意' });

    await signInAs(app, 'staff');
    const [mine] = (await app.call('archives.borrowings', { view: 'mine' })).items;
    expect(mine).toMatchObject({ active: true, items: [{ title: secret.title, files: [{ id: fileId, fileName: '巡察报告.txt' }] }] });
    const viewed = await app.call('archives.viewFile', { itemId: secret.id, fileId });
    expect(Buffer.from(viewed.base64, 'base64').toString('utf8')).toBe('巡察报告正文');
    expect((await app.call('archives.get', { id: secret.id })).title).toBe(secret.title);
    // Borrowing opens the item, not the lists: it is still not listed or found.
    expect((await app.call('archives.list', {})).items.map((item) => item.id)).not.toContain(secret.id);

    // The due date still counts; the day after, the request is overdue and reads are refused.
    // (Moving the clock locks the idle session: sign in again.)
    clock.advance(2 * DAY);
    await signInAs(app, 'staff');
    await app.call('archives.viewFile', { itemId: secret.id, fileId });
    clock.advance(DAY);
    await signInAs(app, 'staff');
    expect((await app.fail('archives.viewFile', { itemId: secret.id, fileId })).code).toBe('BORROW_REQUIRED');
    expect((await app.call('archives.borrowings', { view: 'overdue' })).items.map((b) => b.id)).toEqual([request.id]);
    expect((await app.call('archives.borrowings', { view: 'mine' })).items[0]).toMatchObject({ overdue: true, active: false, items: [{ title: null }] });

    await asAdmin(app);
    const reads = (await app.call('audit.list', { action: 'archive.viewFile' })).items.filter((entry) => entry.detail.borrowingId === request.id);
    expect(reads).toHaveLength(2);
    expect((await app.call('audit.list', { action: 'archive.view' })).items.some((entry) => entry.detail.borrowingId === request.id)).toBe(true);
    const refused = (await app.call('audit.list', { action: 'permission.denied', outcome: 'denied' })).items.filter((entry) => entry.detail.what === 'archiveBorrowing');
    expect(refused).toHaveLength(2);
    const steps = (await app.call('audit.list', { action: 'archive.borrowDecide' })).items;
    expect(steps.map((entry) => [entry.targetId, entry.detail.status, entry.detail.archiveCodes])).toEqual([[String(request.id), 'approved', [secret.archiveCode]]]);
  });

  it('ends reading when the item is returned; a paper loan comes back only through an approver', async () => {
    const { app, secret, open, fileId, dueIn } = await setUp();
    await signInAs(app, 'staff');
    const view = await app.call('archives.borrow', { archiveCodes: [secret.archiveCode], mode: 'view', purpose: '查阅报告', dueDate: dueIn(5) });
    const loan = await app.call('archives.borrow', { archiveCodes: [open.archiveCode, ` ${open.archiveCode} `], mode: 'loan', purpose: '复印原件', dueDate: dueIn(5) });
    expect(loan.items.map((item) => item.archiveCode)).toEqual([open.archiveCode]);
    await signInAs(app, 'archivist');
    await app.call('archives.decideBorrowing', { id: view.id, approve: true });
    await app.call('archives.decideBorrowing', { id: loan.id, approve: true });
    expect((await app.fail('archives.decideBorrowing', { id: loan.id, approve: false })).code).toBe('BORROW_WRONG_STATUS');

    await signInAs(app, 'staff');
    await app.call('archives.viewFile', { itemId: secret.id, fileId });
    expect((await app.call('archives.returnBorrowing', { id: view.id })).status).toBe('returned');
    expect((await app.fail('archives.viewFile', { itemId: secret.id, fileId })).code).toBe('BORROW_REQUIRED');
    expect((await app.fail('archives.returnBorrowing', { id: view.id })).code).toBe('BORROW_WRONG_STATUS');
    expect((await app.fail('archives.returnBorrowing', { id: loan.id })).code).toBe('PERMISSION_DENIED');
    expect((await app.call('archives.borrowings', { view: 'open' })).items.map((b) => b.id)).toEqual([loan.id]);

    await signInAs(app, 'archivist');
    expect((await app.call('archives.returnBorrowing', { id: loan.id })).returnedAt).not.toBeNull();
    expect((await app.call('archives.borrowings', { view: 'open' })).total).toBe(0);
  });

  it('refuses deciding one’s own request, refused requests open nothing, and clue material is not lent', async () => {
    const { app, secret, fileId, dueIn } = await setUp();
    await signInAs(app, 'auditor');
    const own = await app.call('archives.borrow', { archiveCodes: [secret.archiveCode], mode: 'view', purpose: '复核', dueDate: dueIn(1) });
    expect((await app.fail('archives.decideBorrowing', { id: own.id, approve: true })).code).toBe('BORROW_SELF_APPROVAL');

    await signInAs(app, 'clueOfficer');
    const clue = await app.call('archives.create', itemInput({ title: '问题线索台账', classification: 'secret', clueMaterial: true }));

    await signInAs(app, 'staff');
    expect((await app.fail('archives.borrow', { archiveCodes: [clue.archiveCode], mode: 'view', purpose: '查阅', dueDate: dueIn(1) })).code).toBe('INVALID_REFERENCE');
    expect((await app.fail('archives.borrow', { archiveCodes: ['0123-WS·2020-Y-XCB-9999'], mode: 'view', purpose: '查阅', dueDate: dueIn(1) })).code).toBe('INVALID_REFERENCE');
    expect((await app.fail('archives.borrow', { archiveCodes: [secret.archiveCode], mode: 'view', purpose: '查阅', dueDate: dueIn(-1) })).code).toBe('INVALID_INPUT');
    const mine = await app.call('archives.borrow', { archiveCodes: [secret.archiveCode], mode: 'view', purpose: '查阅', dueDate: dueIn(1) });
    // Staff see only their own requests; the auditor's is not theirs to see.
    expect((await app.call('archives.borrowings', {})).items.map((b) => b.id)).toEqual([mine.id]);
    expect((await app.fail('archives.returnBorrowing', { id: own.id })).code).toBe('NOT_FOUND');

    await signInAs(app, 'archivist');
    expect((await app.call('archives.borrowings', { view: 'pending' })).total).toBe(2);
    await app.call('archives.decideBorrowing', { id: mine.id, approve: false, note: '用途不明确' });
    await signInAs(app, 'staff');
    expect((await app.fail('archives.viewFile', { itemId: secret.id, fileId })).code).toBe('BORROW_REQUIRED');
    expect((await app.call('archives.borrowings', {})).items[0]).toMatchObject({ status: 'refused', decisionNote: '用途不明确' });

    await asAdmin(app);
    const denied = (await app.call('audit.list', { action: 'permission.denied' })).items.filter((entry) => entry.detail.what === 'selfApproval');
    expect(denied).toHaveLength(1);
  });
});
