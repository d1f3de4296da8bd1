import { afterEach, describe, expect, it } from 'vitest';
import { readPdf } from '../documents/engine/pdf-reader';
import { manualClock, signedInApp, type TestApp } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Problems in 第七轮 and 第八轮 of the same term, about the same kind of fault. */
async function setUp() {
  const clock = manualClock(new Date('2020-08-01T09:00:00+08:00'));
  const env = await signedInApp({ now: clock.now });
  cleanups.push(env.remove);
  const built = await buildFindings(env.app);
  const { app } = env;
  const round7 = await app.call('rounds.create', { termId: built.term.id, number: 7, year: 2019 });
  const inspection7 = await app.call('inspections.create', { roundId: round7.id, unitId: built.units.finance.id, mode: 'routine' });
  const problem = (inspectionId: number, description: string, focus: 'corruption' | 'grassroots' | 'rectification' = 'grassroots') =>
    app.call('problems.create', { inspectionId, focus, description, source: 'documents' });
  const old = await problem(inspection7.id, '“三会一课”记录不全，组织生活会流于形式');
  const recent = await problem(built.auditInspection.id, '“三会一课”制度落实不到位，会议记录不全');
  const funds = await problem(built.townInspection.id, '违规发放津贴补贴3.6万元', 'corruption');
  return { ...env, ...built, clock, round7, inspection7, problems: { old, recent, funds } };
}

async function auditOf(app: TestApp, action: string) {
  return (await app.call('audit.list', { page: 1, pageSize: 200 })).items.filter((e) => e.action === action);
}

describe('the common-problem list (共性问题清单)', () => {
  it('merges problems of two rounds into a common problem, keeps the links, and freezes the list once issued', async () => {
    const { app, problems, units, term } = await setUp();
    const list = await app.call('commonLists.create', { title: '市委巡察共性问题清单（第一批）', note: '' });
    expect(list).toMatchObject({ status: 'draft', items: 0, units: 0 });

    const item = await app.call('commonProblems.merge', {
      listId: list.id,
      problemIds: [problems.recent.id, problems.old.id, problems.old.id],
      wording: '“三会一课”制度落实不到位，组织生活不规范',
      focus: 'grassroots',
    });
    expect(item).toMatchObject({ sequence: 1, rounds: 2, focus: 'grassroots' });
    // Sources in round order, each with what it said and where it was found.
    expect(item.sources.map((s) => [s.roundLabel, s.unitName])).toEqual([
      ['十二届市委第七轮巡察', '市财政局'],
      ['十二届市委第八轮巡察', '市审计局'],
    ]);
    const second = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '违规发放津贴补贴', focus: 'corruption' });
    expect(second.sequence).toBe(2);
    expect((await app.fail('commonProblems.merge', { listId: list.id, problemIds: [999_999], wording: '不存在的问题', focus: 'corruption' })).code).toBe('INVALID_REFERENCE');

    // A deleted source problem leaves its link with the wording it had.
    await app.call('problems.delete', { id: problems.old.id });
    const page = await app.call('commonLists.items', { listId: list.id, page: 1, pageSize: 50 });
    expect(page.total).toBe(2);
    expect(page.items[0]!.sources[0]).toMatchObject({ problemId: null, description: '“三会一课”记录不全，组织生活会流于形式', roundLabel: '十二届市委第七轮巡察' });
    expect(page.items[0]!.rounds).toBe(2);

    // Deleting an item of a draft closes the gap in the numbering.
    const third = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.recent.id], wording: '临时条目', focus: 'grassroots' });
    await app.call('commonProblems.delete', { id: second.id });
    expect((await app.call('commonLists.items', { listId: list.id, page: 1, pageSize: 50 })).items.map((i) => [i.id, i.sequence])).toEqual([
      [item.id, 1],
      [third.id, 2],
    ]);

    const catalogs = await app.call('catalogs.get', {});
    const cityKind = catalogs.unitKinds.find((k) => k.name === '市直部门')!.id;
    const policeKind = catalogs.unitKinds.find((k) => k.name === '派出所')!.id;
    const saihan = catalogs.regions.find((r) => r.name === '赛罕区')!.id;
    expect((await app.fail('commonLists.issue', { id: list.id, issuedOn: '2020-07-01', deadline: '2020-06-30', units: { kindIds: [cityKind] } })).code).toBe('INVALID_INPUT');
    const issued = await app.call('commonLists.issue', {
      id: list.id,
      issuedOn: '2020-07-01',
      deadline: '2020-07-31',
      // 市直部门 anywhere, 派出所 only in 赛罕区 (not 武川县), and 金河镇 picked by hand.
      units: { kindIds: [cityKind, policeKind], regionIds: [0, saihan], unitIds: [units.township.id] },
    });
    expect(issued).toMatchObject({ status: 'issued', issuedOn: '2020-07-01', deadline: '2020-07-31', termId: term.id, termName: '十二届市委', items: 2, units: 5 });
    const recipients = await app.call('commonLists.units', { listId: list.id, page: 1, pageSize: 50 });
    expect(recipients.items.map((u) => u.unitName).sort()).toEqual(['市审计局', '市财政局', '赛罕区公安分局大学路派出所', '赛罕区公安分局昭乌达路派出所', '金河镇'].sort());

    // Frozen: no edits, no new items, no second issue.
    for (const error of [
      await app.fail('commonProblems.update', { id: item.id, wording: '改', focus: 'grassroots' }),
      await app.fail('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '晚到的', focus: 'corruption' }),
      await app.fail('commonProblems.delete', { id: item.id }),
      await app.fail('commonLists.update', { id: list.id, title: '改名', note: '' }),
      await app.fail('commonLists.issue', { id: list.id, issuedOn: '2020-07-01', deadline: '2020-07-31', units: { unitIds: [units.village.id] } }),
    ])
      expect(error.code).toBe('COMMON_LIST_ISSUED');

    const issue = (await auditOf(app, 'commonList.issue'))[0]!;
    expect(issue.detail).toMatchObject({ from: 'draft', to: 'issued', units: 5, items: 2 });
    expect(await auditOf(app, 'commonProblem.merge')).toHaveLength(3);
    expect(await auditOf(app, 'commonProblem.delete')).toHaveLength(1);
  });

  it('records units’ self-checks with evidence, counts them on the scorecard per term, and prints it', async () => {
    const { app, problems, units, term, clock } = await setUp();
    const list = await app.call('commonLists.create', { title: '共性问题清单', note: '' });
    const a = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.old.id, problems.recent.id], wording: '“三会一课”制度落实不到位', focus: 'grassroots' });
    const b = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '违规发放津贴补贴', focus: 'corruption' });
    expect((await app.fail('selfChecks.save', { commonProblemId: a.id, unitId: units.audit.id, found: false })).code).toBe('COMMON_LIST_NOT_ISSUED');
    await app.call('commonLists.issue', { id: list.id, issuedOn: '2020-07-01', deadline: '2020-07-20', units: { unitIds: [units.audit.id, units.finance.id, units.township.id] } });

    // 市审计局: found both, fixed one in time and one late; 市财政局: found neither; 金河镇 has not answered.
    const fixed = await app.call('selfChecks.save', { commonProblemId: a.id, unitId: units.audit.id, found: true, measures: '补齐会议记录，制定组织生活计划', fixedOn: '2020-07-15' });
    expect(fixed.check).toMatchObject({ found: true, onTime: true, fixedOn: '2020-07-15', updatedBy: '王建国' });
    await app.call('selfChecks.save', { commonProblemId: b.id, unitId: units.audit.id, found: true, measures: '', fixedOn: null });
    const late = await app.call('selfChecks.save', { commonProblemId: b.id, unitId: units.audit.id, found: true, measures: '全额清退', fixedOn: '2020-07-28' });
    expect(late.check).toMatchObject({ onTime: false });
    await app.call('selfChecks.save', { commonProblemId: a.id, unitId: units.finance.id, found: false, note: '对照检查，未发现' });
    await app.call('selfChecks.save', { commonProblemId: b.id, unitId: units.finance.id, found: false });

    // Bad input is refused in Chinese and changes nothing.
    const future = await app.fail('selfChecks.save', { commonProblemId: a.id, unitId: units.finance.id, found: true, measures: '整改', fixedOn: '2020-12-01' });
    expect(future).toMatchObject({ code: 'INVALID_INPUT', message: '整改完成日期不能晚于今天' });
    expect((await app.fail('selfChecks.save', { commonProblemId: a.id, unitId: units.village.id, found: false })).code).toBe('INVALID_REFERENCE');
    expect((await app.fail('selfChecks.save', { commonProblemId: a.id, unitId: units.finance.id, found: false, fixedOn: '2020-07-01' })).code).toBe('INVALID_INPUT');

    // Evidence into the encrypted store, read back verified.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const withFile = await app.call('selfChecks.attachEvidence', { selfCheckId: fixed.check!.id, fileName: '会议记录.png', mime: 'image/png', base64: png.toString('base64') });
    expect(withFile.check!.files).toHaveLength(1);
    const viewed = await app.call('selfChecks.viewEvidence', { selfCheckId: fixed.check!.id, fileId: withFile.check!.files[0]!.id });
    expect(Buffer.from(viewed.base64, 'base64').equals(png)).toBe(true);
    expect((await app.fail('selfChecks.attachEvidence', { selfCheckId: fixed.check!.id, fileName: 'x.exe', mime: 'application/x-msdownload', base64: png.toString('base64') })).code).toBe('INVALID_INPUT');

    const rows = await app.call('selfChecks.ofUnit', { listId: list.id, unitId: units.audit.id });
    expect(rows.map((r) => [r.sequence, r.check?.found, r.check?.onTime])).toEqual([
      [1, true, true],
      [2, true, false],
    ]);

    const card = await app.call('scorecard.get', { termId: term.id, page: 1, pageSize: 50 });
    expect(card.total).toBe(3);
    const byUnit = Object.fromEntries(card.rows.map((r) => [r.unitName, [r.issued, r.checked, r.found, r.fixed, r.onTime]]));
    expect(byUnit).toEqual({ 市审计局: [2, 2, 2, 2, 1], 市财政局: [2, 2, 0, 0, 0], 金河镇: [2, 0, 0, 0, 0] });
    expect(card.totals).toEqual({ issued: 6, checked: 4, found: 2, fixed: 2, onTime: 1 });
    expect((await app.call('scorecard.get', { listId: list.id, page: 1, pageSize: 50 })).totals).toEqual(card.totals);
    expect((await app.fail('scorecard.get', { page: 1, pageSize: 50 })).code).toBe('INVALID_INPUT');

    // Every status change is audited with where it came from.
    const saves = (await auditOf(app, 'selfCheck.save')).map((e) => [e.detail.from, e.detail.to]).reverse();
    expect(saves).toEqual([
      ['unchecked', 'fixed'],
      ['unchecked', 'found'],
      ['found', 'fixed'],
      ['unchecked', 'notFound'],
      ['unchecked', 'notFound'],
    ]);

    clock.advance(60_000);
    const pdf = await app.call('scorecard.pdf', { termId: term.id, purpose: 'pdf' });
    expect(pdf.fileName).toBe('前置整改成绩单（十二届市委）.pdf');
    const read = await readPdf(Buffer.from(pdf.base64, 'base64'));
    const text = read.pages.flatMap((p) => p.lines.map((l) => l.text.replace(/\s+/g, ''))).join('\n');
    expect(text).toContain('前置整改成绩单');
    expect(text).toMatch(/市审计局.*2.*2.*2.*2.*1.*100\.0%.*50\.0%/);
    expect(text).toMatch(/合计.*6.*4.*2.*2.*1/);
    expect((await auditOf(app, 'scorecard.print'))[0]!.detail).toMatchObject({ purpose: 'pdf', units: 3 });
  }, 60_000);

  it('takes a unit’s whole sheet in one transaction: all rows or none', async () => {
    const { app, problems, units, term } = await setUp();
    const list = await app.call('commonLists.create', { title: '共性问题清单', note: '' });
    const a = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.recent.id], wording: '“三会一课”制度落实不到位', focus: 'grassroots' });
    const b = await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '违规发放津贴补贴', focus: 'corruption' });
    await app.call('commonLists.issue', { id: list.id, issuedOn: '2020-07-01', deadline: '2020-07-20', units: { unitIds: [units.township.id] } });
    const bad = await app.fail('selfChecks.saveMany', {
      unitId: units.township.id,
      checks: [
        { commonProblemId: a.id, found: false },
        { commonProblemId: b.id, found: true, measures: '清退', fixedOn: '2021-01-01' },
      ],
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect((await app.call('scorecard.get', { termId: term.id, page: 1, pageSize: 50 })).totals.checked).toBe(0);
    expect(
      await app.call('selfChecks.saveMany', {
        unitId: units.township.id,
        checks: [
          { commonProblemId: a.id, found: false },
          { commonProblemId: b.id, found: true, measures: '清退', fixedOn: '2020-07-10' },
        ],
      }),
    ).toEqual({ saved: 2 });
    expect((await app.call('scorecard.get', { termId: term.id, page: 1, pageSize: 50 })).totals).toEqual({ issued: 2, checked: 2, found: 1, fixed: 1, onTime: 1 });
    expect(await auditOf(app, 'selfCheck.save')).toHaveLength(2);
  });

  it('lets leaders read but not write, and writes for inspection staff', async () => {
    const { app, problems } = await setUp();
    const list = await app.call('commonLists.create', { title: '共性问题清单', note: '' });
    await signInAs(app, 'auditor');
    expect((await app.call('commonLists.list', {})).map((l) => l.title)).toEqual(['共性问题清单']);
    expect((await app.fail('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '违规', focus: 'corruption' })).code).toBe('PERMISSION_DENIED');
    await signInAs(app, 'staff');
    expect((await app.call('commonProblems.merge', { listId: list.id, problemIds: [problems.funds.id], wording: '违规', focus: 'corruption' })).sequence).toBe(1);
  });
});
