import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, manualClock, signedInApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import type { TestApp } from '../testing/harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const DAY = 86_400_000;
const DESCRIPTIONS = ['违规发放津贴补贴3.6万元', '“三会一课”制度落实不到位，会议记录不全', '上轮巡察反馈问题整改不到位'];

async function setUp(options: Parameters<typeof signedInApp>[0] = {}) {
  const env = await signedInApp(options);
  cleanups.push(env.remove);
  const built = await buildFindings(env.app);
  const problems = [];
  for (const [i, description] of DESCRIPTIONS.entries()) {
    problems.push(
      await env.app.call('problems.create', {
        inspectionId: built.auditInspection.id,
        focus: (['corruption', 'grassroots', 'rectification'] as const)[i]!,
        description,
        source: 'documents',
      }),
    );
  }
  return { ...env, ...built, problems };
}

/** Lets time pass: the session idle-locks on the next call, as it would in the app, and is unlocked. */
async function passTime(app: TestApp, clock: ReturnType<typeof manualClock>, ms: number) {
  clock.advance(ms);
  expect((await app.fail('rectification.counts', {})).code).toBe('LOCKED');
  await app.call('session.unlock', { password: ADMIN.password });
}

async function ledgerOf(app: TestApp, inspectionId: number) {
  return app.call('rectification.ledger', { inspectionId, page: 1, pageSize: 50 });
}

const FILLED = { measures: '已全额追缴违规发放的津贴补贴，修订财务管理制度', responsiblePerson: '张伟', responsibleUnit: '市审计局办公室', deadline: '2020-09-30' };

describe('the rectification ledger (整改台账)', () => {
  it('gives every problem of an inspection one item, once, and refuses problems of another inspection', async () => {
    const { app, auditInspection, townInspection, problems } = await setUp();
    const first = await app.call('rectification.createItems', { inspectionId: auditInspection.id, problemIds: [problems[0]!.id], responsibleUnit: '市审计局' });
    expect(first).toEqual({ created: 1, skipped: 0 });
    expect((await ledgerOf(app, auditInspection.id)).problemsWithoutItem).toBe(2);
    expect(await app.call('rectification.createItems', { inspectionId: auditInspection.id, deadline: '2020-09-30' })).toEqual({ created: 2, skipped: 1 });
    const ledger = await ledgerOf(app, auditInspection.id);
    expect(ledger.total).toBe(3);
    expect(ledger.problemsWithoutItem).toBe(0);
    expect(ledger.byStatus).toEqual({ notStarted: 3, inProgress: 0, awaitingReview: 0, closed: 0 });
    expect(ledger.items.map((i) => i.problemDescription)).toEqual(DESCRIPTIONS);
    expect(ledger.items[0]).toMatchObject({ responsibleUnit: '市审计局', deadline: null, unitName: '市审计局', roundLabel: '十二届市委第八轮巡察', status: 'notStarted' });
    expect(ledger.items[1]).toMatchObject({ deadline: '2020-09-30' });

    const wrong = await app.fail('rectification.createItems', { inspectionId: townInspection.id, problemIds: [problems[0]!.id] });
    expect(wrong.code).toBe('INVALID_REFERENCE');
    // A problem with a ledger item cannot be deleted out from under it.
    expect((await app.fail('problems.delete', { id: problems[0]!.id })).code).toBe('IN_USE');
  });

  it('moves an item 未启动 → 整改中 → 已完成待审核, sends it back with a reason, then closes it (销号), all in its history', async () => {
    const clock = manualClock(new Date('2020-08-03T01:00:00Z'));
    const { app, auditInspection } = await setUp({ now: clock.now });
    await app.call('rectification.createItems', { inspectionId: auditInspection.id });
    const item = (await ledgerOf(app, auditInspection.id)).items[0]!;

    // Not started cannot be submitted; an incomplete item cannot be submitted.
    expect((await app.fail('rectification.advance', { id: item.id, to: 'awaitingReview' })).code).toBe('RECTIFICATION_WRONG_STATUS');
    await app.call('rectification.advance', { id: item.id, to: 'inProgress' });
    expect((await app.fail('rectification.advance', { id: item.id, to: 'inProgress' })).code).toBe('RECTIFICATION_WRONG_STATUS');
    expect((await app.fail('rectification.advance', { id: item.id, to: 'awaitingReview' })).code).toBe('RECTIFICATION_INCOMPLETE');
    const edited = await app.call('rectification.update', { id: item.id, ...FILLED });
    expect(edited).toMatchObject({ ...FILLED, status: 'inProgress' });
    const submitted = await app.call('rectification.advance', { id: item.id, to: 'awaitingReview', note: '已追缴到位' });
    expect(submitted.status).toBe('awaitingReview');
    // Submitted: locked until reviewed.
    expect((await app.fail('rectification.update', { id: item.id, ...FILLED, deadline: '2020-10-31' })).code).toBe('RECTIFICATION_LOCKED');

    // Sent back needs a reason, in Chinese.
    const noReason = await app.fail('rectification.review', { id: item.id, decision: 'sentBack' });
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.message).toContain('退回整改须填写退回理由');
    const sentBack = await app.call('rectification.review', { id: item.id, decision: 'sentBack', reason: '佐证材料不全，缺少追缴凭证' });
    expect(sentBack.status).toBe('inProgress');
    expect(sentBack.lastReview).toMatchObject({ decision: 'sentBack', reason: '佐证材料不全，缺少追缴凭证', reviewerName: '王建国' });

    clock.advance(5 * 60_000);
    await app.call('rectification.update', { id: item.id, ...FILLED, deadline: '2020-10-31' });
    await app.call('rectification.advance', { id: item.id, to: 'awaitingReview' });
    expect((await app.fail('rectification.review', { id: item.id, decision: 'accepted', closedOn: '2020-08-04' })).message).toBe('销号日期不能晚于今天');
    const closed = await app.call('rectification.review', { id: item.id, decision: 'accepted', reason: '' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2020-08-03', daysOverdue: null, lastReview: { decision: 'accepted' } });
    expect((await app.fail('rectification.review', { id: item.id, decision: 'accepted' })).code).toBe('RECTIFICATION_WRONG_STATUS');
    expect((await app.fail('rectification.update', { id: item.id, ...FILLED })).code).toBe('RECTIFICATION_LOCKED');

    const history = (await app.call('rectification.get', { id: item.id })).history;
    expect(history.map((h) => [h.event, h.fromStatus, h.toStatus])).toEqual([
      ['created', null, 'notStarted'],
      ['started', 'notStarted', 'inProgress'],
      ['edited', 'inProgress', 'inProgress'],
      ['submitted', 'inProgress', 'awaitingReview'],
      ['sentBack', 'awaitingReview', 'inProgress'],
      ['edited', 'inProgress', 'inProgress'],
      ['submitted', 'inProgress', 'awaitingReview'],
      ['accepted', 'awaitingReview', 'closed'],
    ]);
    expect(history[3]!.note).toBe('已追缴到位');
    expect(history[4]!.note).toBe('佐证材料不全，缺少追缴凭证');
    expect(history[5]!.note).toBe('整改时限：2020-09-30 → 2020-10-31');
    expect(history.every((h) => h.actorName === '王建国')).toBe(true);

    // Every status change is in the audit log too, with the item as its target.
    const log = (await app.call('audit.list', { page: 1, pageSize: 200 })).items.filter((e) => e.targetType === 'rectification' && e.targetId === String(item.id));
    expect(log.map((e) => e.action).reverse()).toEqual([
      'rectification.start',
      'rectification.update',
      'rectification.submit',
      'rectification.sendBack',
      'rectification.update',
      'rectification.submit',
      'rectification.accept',
    ]);
    expect(log.find((e) => e.action === 'rectification.sendBack')!.detail).toMatchObject({ from: 'awaitingReview', to: 'inProgress', reason: '佐证材料不全，缺少追缴凭证' });
    expect((await app.call('audit.list', { page: 1, pageSize: 10, action: 'rectification.createItems' })).items[0]!.detail).toMatchObject({ created: 3 });
  });

  it('lets staff keep the ledger and leaders review it; other roles read only, and refusals are audited', async () => {
    const { app, auditInspection } = await setUp();
    await signInAs(app, 'staff');
    await app.call('rectification.createItems', { inspectionId: auditInspection.id, ...FILLED });
    const [a, b] = (await ledgerOf(app, auditInspection.id)).items;
    for (const item of [a!, b!]) {
      await app.call('rectification.advance', { id: item.id, to: 'inProgress' });
      await app.call('rectification.advance', { id: item.id, to: 'awaitingReview' });
    }
    expect((await app.fail('rectification.review', { id: a!.id, decision: 'accepted' })).code).toBe('PERMISSION_DENIED');

    await signInAs(app, 'auditor');
    // A review done on paper is entered later with its own date.
    expect(await app.call('rectification.review', { id: a!.id, decision: 'accepted', closedOn: '2020-09-15' })).toMatchObject({ status: 'closed', closedOn: '2020-09-15' });
    expect((await app.fail('rectification.review', { id: b!.id, decision: 'sentBack', reason: '不全', closedOn: '2020-09-15' })).code).toBe('INVALID_INPUT');
    expect((await app.fail('rectification.update', { id: b!.id, ...FILLED })).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('rectification.saveReport', { inspectionId: auditInspection.id, receivedOn: '2020-08-20' })).code).toBe('PERMISSION_DENIED');

    await signInAs(app, 'clueOfficer');
    expect((await ledgerOf(app, auditInspection.id)).total).toBe(3);
    expect((await app.fail('rectification.createItems', { inspectionId: auditInspection.id })).code).toBe('PERMISSION_DENIED');
    expect((await app.fail('rectification.advance', { id: b!.id, to: 'inProgress' })).code).toBe('PERMISSION_DENIED');

    await app.call('session.signOut', {});
    await app.signInAdmin();
    const denied = (await app.call('audit.list', { page: 1, pageSize: 50, action: 'permission.denied' })).items;
    expect(denied.map((e) => e.detail.channel)).toEqual(
      expect.arrayContaining(['rectification.review', 'rectification.update', 'rectification.saveReport', 'rectification.createItems', 'rectification.advance']),
    );
    // The administrator both keeps and reviews.
    expect((await app.call('rectification.review', { id: b!.id, decision: 'sentBack', reason: '措施不具体' })).status).toBe('inProgress');
  });
});

describe('a whole ledger at once', () => {
  it('takes each problem’s own measures from the unit’s plan, and moves or reviews many items in one transaction, all or none', async () => {
    const { app, auditInspection, problems } = await setUp();
    const plan = problems.map((p, i) => ({ problemId: p.id, measures: `措施${i + 1}`, responsiblePerson: `责任人${i + 1}`, responsibleUnit: '市审计局', deadline: `2020-09-0${i + 1}` }));
    expect(await app.call('rectification.createItems', { inspectionId: auditInspection.id, perProblem: plan })).toEqual({ created: 3, skipped: 0 });
    const items = (await ledgerOf(app, auditInspection.id)).items;
    expect(items.map((i) => [i.measures, i.responsiblePerson, i.deadline])).toEqual(plan.map((p) => [p.measures, p.responsiblePerson, p.deadline]));
    const ids = items.map((i) => i.id);

    expect(await app.call('rectification.advanceMany', { ids, to: 'inProgress' })).toEqual({ updated: 3 });
    await app.call('rectification.advance', { id: ids[0]!, to: 'awaitingReview' });
    // One item is already submitted: the batch is refused and nothing moves.
    const refused = await app.fail('rectification.advanceMany', { ids, to: 'awaitingReview' });
    expect(refused).toMatchObject({ code: 'RECTIFICATION_WRONG_STATUS', details: { itemId: ids[0] } });
    expect((await ledgerOf(app, auditInspection.id)).byStatus).toMatchObject({ inProgress: 2, awaitingReview: 1 });
    await app.call('rectification.advanceMany', { ids: ids.slice(1), to: 'awaitingReview', note: '整改完毕' });

    expect((await app.fail('rectification.reviewMany', { ids, decision: 'sentBack' })).code).toBe('INVALID_INPUT');
    expect(await app.call('rectification.reviewMany', { ids: ids.slice(0, 2), decision: 'accepted', closedOn: '2020-08-31' })).toEqual({ updated: 2 });
    expect(await app.call('rectification.reviewMany', { ids: [ids[2]!], decision: 'sentBack', reason: '措施不具体' })).toEqual({ updated: 1 });
    const after = (await ledgerOf(app, auditInspection.id)).items;
    expect(after.map((i) => [i.status, i.closedOn])).toEqual([
      ['closed', '2020-08-31'],
      ['closed', '2020-08-31'],
      ['inProgress', null],
    ]);
    // Each item has its own history lines and audit entries.
    expect((await app.call('rectification.get', { id: ids[1]! })).history.map((h) => h.event)).toEqual(['created', 'started', 'submitted', 'accepted']);
    const accepts = (await app.call('audit.list', { page: 1, pageSize: 20, action: 'rectification.accept' })).items;
    expect(accepts.map((e) => e.targetId).sort()).toEqual([String(ids[0]), String(ids[1])].sort());
  });
});

describe('overdue items and reports, by the core clock', () => {
  it('counts an item overdue once its deadline has passed and until it is closed, and lists the longest overdue first', async () => {
    const clock = manualClock(new Date('2020-08-01T02:00:00Z'));
    const { app, auditInspection, townInspection, round, problems } = await setUp({ now: clock.now });
    const townProblem = await app.call('problems.create', { inspectionId: townInspection.id, focus: 'grassroots', description: '村务公开不及时', source: 'visit' });
    await app.call('rectification.createItems', { inspectionId: auditInspection.id, problemIds: [problems[0]!.id], ...FILLED, deadline: '2020-08-15' });
    await app.call('rectification.createItems', { inspectionId: auditInspection.id, problemIds: [problems[1]!.id], ...FILLED, deadline: '2020-09-30' });
    await app.call('rectification.createItems', { inspectionId: auditInspection.id, problemIds: [problems[2]!.id], ...FILLED, deadline: null });
    await app.call('rectification.createItems', { inspectionId: townInspection.id, problemIds: [townProblem.id], ...FILLED, deadline: '2020-08-10' });

    expect((await app.call('rectification.overdue', { page: 1, pageSize: 20 })).total).toBe(0);
    expect(await app.call('rectification.counts', {})).toMatchObject({ items: 4, overdueItems: 0, byStatus: { notStarted: 4 } });

    // The deadline day itself is not overdue; the day after is.
    await passTime(app, clock, 14 * DAY);
    expect((await app.call('rectification.overdue', { page: 1, pageSize: 20 })).items.map((i) => i.deadline)).toEqual(['2020-08-10']);
    await passTime(app, clock, 6 * DAY);
    const overdue = await app.call('rectification.overdue', { page: 1, pageSize: 20 });
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((i) => [i.unitName, i.deadline, i.daysOverdue])).toEqual([
      ['金河镇', '2020-08-10', 11],
      ['市审计局', '2020-08-15', 6],
    ]);
    expect((await app.call('rectification.overdue', { roundId: round.id, unitId: townInspection.unitId, page: 1, pageSize: 20 })).total).toBe(1);
    expect((await app.call('rectification.overdue', { status: 'inProgress', page: 1, pageSize: 20 })).total).toBe(0);
    expect((await app.call('rectification.counts', { roundId: round.id })).overdueItems).toBe(2);
    const summary = await app.call('rectification.inspections', { roundId: round.id });
    expect(summary.find((s) => s.inspectionId === auditInspection.id)).toMatchObject({ problems: 3, items: 3, overdueItems: 1 });

    // Submitted but not yet reviewed still counts; closed does not.
    const first = overdue.items[1]!;
    await app.call('rectification.advance', { id: first.id, to: 'inProgress' });
    await app.call('rectification.advance', { id: first.id, to: 'awaitingReview' });
    expect((await app.call('rectification.overdue', { status: 'awaitingReview', page: 1, pageSize: 20 })).total).toBe(1);
    await app.call('rectification.review', { id: first.id, decision: 'accepted' });
    expect((await app.call('rectification.overdue', { page: 1, pageSize: 20 })).items.map((i) => i.unitName)).toEqual(['金河镇']);
    expect((await app.call('rectification.get', { id: first.id })).daysOverdue).toBeNull();
  });

  it('makes the report due N months after feedback (meeting, else the round’s 反馈 stage), overdue until it is received', async () => {
    const clock = manualClock(new Date('2020-03-01T02:00:00Z'));
    const { app, auditInspection, townInspection, round } = await setUp({ now: clock.now });
    expect(await app.call('rectification.report', { inspectionId: auditInspection.id })).toMatchObject({ feedbackOn: null, dueOn: null, daysOverdue: null, dueMonths: 2 });

    const reason = '测试中跳过工作环节';
    for (const [stage, on] of [['mobilise', '2020-04-01'], ['onSite', '2020-04-08'], ['report', '2020-05-20'], ['feedback', '2020-06-29']] as const) {
      expect((await app.call('rounds.advanceStage', { id: round.id, on, skipReason: reason })).stage).toBe(stage);
    }
    // The office's own feedback meeting for one inspection comes first.
    await app.call('feedbackMeetings.save', { inspectionId: townInspection.id, heldOn: '2020-12-31', place: '金河镇会议室', attendees: [{ name: '高志远', capacity: 'leadingGroup', position: '' }] });
    expect(await app.call('rectification.report', { inspectionId: auditInspection.id })).toMatchObject({ feedbackOn: '2020-06-29', feedbackSource: 'roundStage', dueOn: '2020-08-29' });
    expect(await app.call('rectification.report', { inspectionId: townInspection.id })).toMatchObject({ feedbackOn: '2020-12-31', feedbackSource: 'meeting', dueOn: '2021-02-28' });

    await passTime(app, clock, 182 * DAY); // 2020-08-30
    expect((await app.call('rectification.report', { inspectionId: auditInspection.id })).daysOverdue).toBe(1);
    expect((await app.call('rectification.counts', {})).overdueReports).toBe(1);

    // A longer period set by the office moves the due date.
    await app.call('settings.update', { rectificationReportMonths: 3 });
    expect(await app.call('rectification.report', { inspectionId: auditInspection.id })).toMatchObject({ dueOn: '2020-09-29', daysOverdue: null });
    await app.call('settings.update', { rectificationReportMonths: 2 });

    expect((await app.fail('rectification.saveReport', { inspectionId: auditInspection.id, receivedOn: '2020-06-01' })).code).toBe('INVALID_INPUT');
    const saved = await app.call('rectification.saveReport', {
      inspectionId: auditInspection.id,
      receivedOn: '2020-08-31',
      meetingOn: '2020-08-20',
      disciplineSupervisor: '市纪委监委第三监督检查室 李明',
      organisationSupervisor: '市委组织部干部一科 王芳',
    });
    expect(saved).toMatchObject({ receivedOn: '2020-08-31', daysOverdue: null, meetingOn: '2020-08-20', disciplineSupervisor: '市纪委监委第三监督检查室 李明', updatedBy: '王建国' });
    expect((await app.call('rectification.counts', {})).overdueReports).toBe(0);
    const summary = await app.call('rectification.inspections', { roundId: round.id });
    expect(summary.find((s) => s.inspectionId === auditInspection.id)!.report).toEqual({ feedbackOn: '2020-06-29', dueOn: '2020-08-29', receivedOn: '2020-08-31', daysOverdue: null });
    const entry = (await app.call('audit.list', { page: 1, pageSize: 10, action: 'rectification.saveReport' })).items[0]!;
    expect(entry).toMatchObject({ targetType: 'inspection', targetId: String(auditInspection.id), detail: { after: { receivedOn: '2020-08-31' }, dueOn: '2020-08-29' } });
  });
});

