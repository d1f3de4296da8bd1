import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from '../archives/text-extract';
import { ADMIN, manualClock, signedInApp, type TestApp } from '../testing/harness';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Lets days pass: the session idle-locks on the next call, as it would in the app, and is unlocked. */
async function passDays(app: TestApp, clock: ReturnType<typeof manualClock>, days: number) {
  clock.advance(days * 86_400_000);
  expect((await app.fail('pairing.template', {})).code).toBe('LOCKED');
  await app.call('session.unlock', { password: ADMIN.password });
}

async function setUp(clock = manualClock(new Date('2020-08-03T01:00:00Z'))) {
  const made = await signedInApp({ now: clock.now });
  cleanup = made.remove;
  const { app } = made;
  const overview = await app.call('pairing.overview', { year: 2020 });
  const county = (name: string) => overview.counties.find((c) => c.name === name)!.regionId;
  return { app, clock, county, counties: overview.counties };
}

describe('pairing supervision (四包联)', () => {
  it('starts with the 30 items in 4 aspects and the 9 counties', async () => {
    const { app, counties } = await setUp();
    const items = await app.call('pairing.template', {});
    expect(items).toHaveLength(30);
    expect(new Set(items.map((i) => i.aspect))).toEqual(new Set(['responsibility', 'quality', 'rectification', 'team']));
    expect(counties.map((c) => c.name)).toEqual(['新城区', '回民区', '玉泉区', '赛罕区', '土默特左旗', '托克托县', '和林格尔县', '清水河县', '武川县']);
  });

  it('pairs a leader with at most 3 counties a year and moves a county between leaders', async () => {
    const { app, county } = await setUp();
    const zhang = await app.call('pairing.saveLeader', { name: '张志刚', position: '副主任' });
    const li = await app.call('pairing.saveLeader', { name: '李文华', position: '副主任' });
    expect((await app.fail('pairing.saveLeader', { name: '张志刚' })).code).toBe('DUPLICATE');
    for (const name of ['新城区', '回民区', '玉泉区']) await app.call('pairing.pair', { year: 2020, leaderId: zhang.id, regionId: county(name) });
    const limit = await app.fail('pairing.pair', { year: 2020, leaderId: zhang.id, regionId: county('赛罕区') });
    expect(limit.code).toBe('PAIRING_LIMIT');
    expect(limit.message).toBe('张志刚在2020年已包联3个旗县区');
    // Another year is another arrangement.
    await app.call('pairing.pair', { year: 2021, leaderId: zhang.id, regionId: county('赛罕区') });
    const moved = await app.call('pairing.pair', { year: 2020, leaderId: li.id, regionId: county('玉泉区') });
    expect(moved.pairings.filter((p) => p.leaderId === zhang.id).map((p) => p.regionId)).toEqual([county('新城区'), county('回民区')]);
    expect(moved.pairings.find((p) => p.regionId === county('玉泉区'))!.leaderId).toBe(li.id);
    const unpaired = await app.call('pairing.unpair', { year: 2020, regionId: county('回民区') });
    expect(unpaired.pairings).toHaveLength(2);
    const log = (await app.call('audit.list', { page: 1, pageSize: 50 })).items.filter((e) => e.action.startsWith('pairing.'));
    expect(log.map((e) => e.action).reverse()).toEqual(['pairing.saveLeader', 'pairing.saveLeader', 'pairing.pair', 'pairing.pair', 'pairing.pair', 'pairing.pair', 'pairing.pair', 'pairing.unpair']);
  });

  it('keeps the wording a ledger was checked against when a used item is edited', async () => {
    const { app, county } = await setUp();
    const [first, second] = await app.call('pairing.template', {});
    // Unused: edited in place.
    const renamed = await app.call('pairing.saveItem', { id: second!.id, aspect: second!.aspect, text: '巡察工作规划制定并落实' });
    expect(renamed.id).toBe(second!.id);
    await app.call('pairing.recordCheck', { year: 2020, regionId: county('武川县'), itemId: first!.id, problem: '2019年仅听取汇报1次' });
    // Moving a used item keeps it; rewording it replaces it.
    expect((await app.call('pairing.saveItem', { id: first!.id, aspect: first!.aspect, text: first!.text, sortOrder: 5 })).id).toBe(first!.id);
    const replaced = await app.call('pairing.saveItem', { id: first!.id, aspect: first!.aspect, text: '旗县区委每年听取巡察工作汇报不少于3次' });
    expect(replaced.id).not.toBe(first!.id);
    const template = await app.call('pairing.template', {});
    expect(template).toHaveLength(30);
    expect(template[0]!.text).toBe('旗县区委每年听取巡察工作汇报不少于3次');
    // The county's ledger shows its row against the old wording, and the new item unchecked.
    const ledger = await app.call('pairing.ledger', { year: 2020, regionId: county('武川县') });
    expect(ledger.rows).toHaveLength(31);
    expect(ledger.rows.filter((r) => r.checkId !== null).map((r) => r.text)).toEqual([first!.text]);
    // Another county sees only the 30 in use.
    expect((await app.call('pairing.ledger', { year: 2020, regionId: county('新城区') })).rows).toHaveLength(30);
    await app.call('pairing.retireItem', { id: replaced.id });
    expect(await app.call('pairing.template', {})).toHaveLength(29);
  });

  it('records a self-check, closes it (销号), reopens it, all in its history; overdue by the clock', async () => {
    const { app, county, clock } = await setUp();
    const items = await app.call('pairing.template', {});
    const regionId = county('托克托县');
    const row = await app.call('pairing.recordCheck', {
      year: 2020,
      regionId,
      itemId: items[4]!.id,
      problem: '巡察办专职人员不足，仅配备3人',
      measures: '申请增加编制2名',
      deadline: '2020-08-31',
      responsiblePerson: '赵明',
    });
    expect(row).toMatchObject({ status: 'inProgress', deadline: '2020-08-31', daysOverdue: null });
    const empty = await app.fail('pairing.recordCheck', { year: 2020, regionId, itemId: items[5]!.id, problem: '  ' });
    expect(empty.code).toBe('INVALID_INPUT');
    await app.call('pairing.recordCheck', { year: 2020, regionId, itemId: items[5]!.id, problem: '经费未单列', deadline: '2020-09-30' });
    await app.call('pairing.recordCheck', { year: 2020, regionId, itemId: items[4]!.id, problem: '巡察办专职人员不足，仅配备3人', measures: '申请增加编制2名', deadline: '2020-09-15', responsiblePerson: '赵明' });

    await passDays(app, clock, 40); // 2020-09-12
    let ledger = await app.call('pairing.ledger', { year: 2020, regionId });
    expect(ledger.counts).toEqual({ notStarted: 28, inProgress: 2, closed: 0, overdue: 0 });
    await passDays(app, clock, 5); // 2020-09-17
    ledger = await app.call('pairing.ledger', { year: 2020, regionId });
    expect(ledger.counts.overdue).toBe(1);
    expect(ledger.rows[4]!.daysOverdue).toBe(2);

    expect((await app.fail('pairing.closeCheck', { checkId: row.checkId!, closedOn: '2020-09-18' })).message).toBe('销号日期不能晚于今天');
    const closed = await app.call('pairing.closeCheck', { checkId: row.checkId!, note: '新增编制已到位' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2020-09-17', closedBy: '王建国', daysOverdue: null });
    expect((await app.fail('pairing.recordCheck', { year: 2020, regionId, itemId: items[4]!.id, problem: '改' })).code).toBe('PAIRING_WRONG_STATUS');
    expect((await app.fail('pairing.closeCheck', { checkId: row.checkId! })).code).toBe('PAIRING_WRONG_STATUS');
    await app.call('pairing.reopenCheck', { checkId: row.checkId!, reason: '人员尚未实际到岗' });

    const history = await app.call('pairing.history', { checkId: row.checkId! });
    expect(history.map((h) => [h.event, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['recorded', 'notStarted', 'inProgress', '巡察办专职人员不足，仅配备3人'],
      ['edited', 'inProgress', 'inProgress', '整改时限：2020-08-31 → 2020-09-15'],
      ['closed', 'inProgress', 'closed', '新增编制已到位'],
      ['reopened', 'closed', 'inProgress', '人员尚未实际到岗'],
    ]);
    const log = (await app.call('audit.list', { page: 1, pageSize: 50 })).items.filter((e) => e.targetType === 'pairingCheck' && e.targetId === String(row.checkId));
    expect(log.map((e) => e.action).reverse()).toEqual(['pairing.recordCheck', 'pairing.recordCheck', 'pairing.closeCheck', 'pairing.reopenCheck']);
  });

  it('logs visits (paged, newest first) and refuses a visit in the future', async () => {
    const { app, county } = await setUp();
    const leader = await app.call('pairing.saveLeader', { name: '张志刚' });
    for (const day of ['2020-06-10', '2020-07-08', '2020-08-01']) {
      await app.call('pairing.logVisit', { visitedOn: day, leaderId: leader.id, regionId: county('新城区'), form: 'forum', findings: `走访发现：<b>${day}</b>` });
    }
    expect((await app.fail('pairing.logVisit', { visitedOn: '2020-08-04', leaderId: leader.id, regionId: county('新城区'), form: 'forum', findings: '未来' })).message).toBe('走访日期不能晚于今天');
    const page = await app.call('pairing.visits', { year: 2020, page: 1, pageSize: 10 });
    expect(page.total).toBe(3);
    expect(page.items.map((v) => v.visitedOn)).toEqual(['2020-08-01', '2020-07-08', '2020-06-10']);
    expect(page.items[0]).toMatchObject({ leaderName: '张志刚', countyName: '新城区', findings: '走访发现：<b>2020-08-01</b>' });
    expect((await app.call('pairing.visits', { year: 2019, page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('prints the 通报 of completion by county and reads it back', async () => {
    const { app, county } = await setUp();
    const leader = await app.call('pairing.saveLeader', { name: '张志刚' });
    await app.call('pairing.pair', { year: 2020, leaderId: leader.id, regionId: county('新城区') });
    const items = await app.call('pairing.template', {});
    const a = await app.call('pairing.recordCheck', { year: 2020, regionId: county('新城区'), itemId: items[0]!.id, problem: '问题一', deadline: '2020-07-31' });
    await app.call('pairing.recordCheck', { year: 2020, regionId: county('新城区'), itemId: items[1]!.id, problem: '问题二', deadline: '2020-12-31' });
    await app.call('pairing.recordCheck', { year: 2020, regionId: county('新城区'), itemId: items[2]!.id, problem: '问题三', deadline: '2020-07-01' });
    await app.call('pairing.closeCheck', { checkId: a.checkId! });
    await app.call('pairing.logVisit', { visitedOn: '2020-07-08', leaderId: leader.id, regionId: county('新城区'), form: 'records', findings: '查阅巡察档案' });
    await app.call('pairing.logVisit', { visitedOn: '2020-06-08', leaderId: leader.id, regionId: county('新城区'), form: 'forum', findings: '座谈' });

    const rows = await app.call('pairing.report', { year: 2020, month: 7 });
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({ regionId: county('新城区'), countyName: '新城区', leaderName: '张志刚', items: 3, closed: 1, rate: 33.3, overdue: 1, visits: 1 });
    expect(rows[1]).toMatchObject({ countyName: '回民区', leaderName: null, items: 0, rate: null, visits: 0 });

    const pdf = await app.call('pairing.printReport', { year: 2020, month: 7 });
    expect(pdf.fileName).toBe('关于2020年7月旗县区巡察机构包联督导事项整改完成情况的通报.pdf');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, '');
    expect(text).toContain('包联督导事项整改完成情况的通报');
    expect(text).toContain('新城区张志刚31');
    expect(text).toContain('33.3%');
    // The 合计 line: 3 problems, 1 closed, 33.3%, 1 overdue, 1 visit in July.
    expect(text).toContain('合计3133.3%11');
    const log = (await app.call('audit.list', { page: 1, pageSize: 10 })).items;
    expect(log[0]).toMatchObject({ action: 'pairing.printReport' });
  });

  it('lets every role read but only the office staff change; a refusal is audited', async () => {
    const { app, county } = await setUp();
    const leader = await app.call('pairing.saveLeader', { name: '张志刚' });
    await app.call('accounts.create', { username: 'sunli', displayName: '孙立', role: 'auditor', password: 'Lingdao2020ab' });
    await app.call('session.signOut', {});
    await app.call('session.signIn', { username: 'sunli', password: 'Lingdao2020ab' });
    expect((await app.call('pairing.overview', { year: 2020 })).leaders).toHaveLength(1);
    expect((await app.fail('pairing.pair', { year: 2020, leaderId: leader.id, regionId: county('新城区') })).code).toBe('PERMISSION_DENIED');
    expect((await app.call('pairing.overview', { year: 2020 })).pairings).toEqual([]);
    const denied = (await app.call('audit.list', { page: 1, pageSize: 10 })).items.find((e) => e.action === 'permission.denied');
    expect(denied?.detail).toMatchObject({ channel: 'pairing.pair', role: 'auditor' });
  });

});
