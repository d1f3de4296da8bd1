import { afterEach, describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../../shared/documents';
import { buildFindings, signInAs } from '../testing/findings-fixture';
import { ADMIN, signedInApp, type TestApp } from '../testing/harness';
import { Vault } from '../vault/vault';

/**
 * Documents through the real router on a real encrypted vault: the templates fill a letter from
 * the findings, every save keeps the earlier versions, finalising locks, the feedback meeting and
 * the on-site figures are stored and audited, and the roles decide who drafts.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function findingsApp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const { app } = env;
  const fixture = await buildFindings(app);
  await app.call('groups.addMember', { groupId: fixture.group.id, personId: fixture.people.neutral.id, role: 'leader' });
  const categories = await app.call('problems.categories', {});
  const category = (focus: string) => categories.find((c) => c.focus === focus)!.id;
  const problem = (focus: 'corruption' | 'grassroots' | 'rectification', description: string, withCategory = true) =>
    app.call('problems.create', { inspectionId: fixture.auditInspection.id, focus, description, source: 'interview', categoryId: withCategory ? category(focus) : null });
  await problem('corruption', '违规发放津贴补贴12.6万元。');
  await problem('grassroots', '“三会一课”制度落实不到位，2019年支部委员会仅召开4次。');
  await problem('corruption', '公务接待超标准，<b>未</b>附接待清单。');
  await problem('rectification', '上轮巡察反馈的3个问题整改不到位。', false);
  await app.call('onSiteFigures.update', {
    inspectionId: fixture.auditInspection.id,
    interviews: 126,
    petitions: 31,
    documentsReviewed: 1520,
    volumesReviewed: 86,
    visits: 12,
    questionnaires: 300,
    forums: 3,
  });
  return { app, dir: env.dir, ...fixture };
}

const text = (doc: LetterDocument) => doc.body.map((b) => (b.kind === 'list' ? b.items.join('') : b.text)).join('\n');

describe('document templates', () => {
  it('fills the feedback letter from the inspection: figures, problems grouped by focus, markup kept as text', async () => {
    const { app, auditInspection } = await findingsApp();
    const doc = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    expect(doc).toMatchObject({ kind: 'feedbackLetter', status: 'draft', latestVersion: 1, version: 1, editable: true, unitName: '市审计局', classification: 'secret' });
    const letter = doc.content;
    expect(letter.issuerMark).toBe('呼和浩特市委巡察办');
    expect(letter.title).toBe('呼和浩特市委第一巡察组关于对市审计局党组开展常规巡察的反馈意见');
    expect(letter.addressee).toBe('市审计局党组');
    expect(letter.classificationPeriod).toBe('1年');
    expect(letter.copiedTo).toEqual(['呼和浩特市纪委监委', '呼和浩特市委组织部']);
    const body = text(letter);
    expect(body).toContain('个别谈话126人次');
    expect(body).toContain('受理信访举报31件');
    expect(body).toContain('调阅资料1520件、86卷');
    expect(body).toContain('共发现问题4个');

    // Level-2 headings are the focuses, in the order of the three focuses, each followed by its own problems.
    const headings = letter.body.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings.slice(0, 3)).toEqual(['群众身边腐败问题和不正之风方面', '基层党组织软弱涣散、组织力欠缺方面', '巡视巡察整改不落实、不到位方面']);
    const at = (needle: string) => letter.body.findIndex((b) => b.kind !== 'list' && b.text.includes(needle));
    expect(at('群众身边腐败')).toBeLessThan(at('违规发放津贴'));
    expect(at('违规发放津贴')).toBeLessThan(at('基层党组织软弱涣散'));
    expect(at('公务接待超标准')).toBeLessThan(at('基层党组织软弱涣散'));
    expect(at('基层党组织软弱涣散')).toBeLessThan(at('三会一课'));
    expect(at('巡视巡察整改不落实')).toBeLessThan(at('上轮巡察反馈'));
    // Markup is stored as the user typed it; the engine prints it literally.
    expect(body).toContain('公务接待超标准，<b>未</b>附接待清单。');
  });

  it('makes the report to the leading group (signed by the group leader) and the rectification notice dated by the feedback meeting', async () => {
    const { app, auditInspection } = await findingsApp();
    const report = await app.call('documents.create', { kind: 'inspectionReport', inspectionId: auditInspection.id });
    expect(report.content.signer).toBe('刘洋');
    expect(report.content.addressee).toBe('呼和浩特市委巡察工作领导小组');
    expect(text(report.content)).toContain('问题线索0件');

    await app.call('feedbackMeetings.save', {
      inspectionId: auditInspection.id,
      heldOn: '2020-06-30',
      place: '市审计局三楼会议室',
      attendees: [
        { name: '赵刚', capacity: 'leadingGroup', position: '市委巡察工作领导小组副组长' },
        { name: '孙丽', capacity: 'discipline', position: '市纪委监委副主任' },
        { name: '周平', capacity: 'organisation', position: '市委组织部副部长' },
      ],
    });
    const notice = await app.call('documents.create', { kind: 'rectificationNotice', inspectionId: auditInspection.id });
    expect(text(notice.content)).toContain('2020年6月30日');
    // Two months after 30 June is 30 August.
    expect(text(notice.content)).toContain('于2020年8月30日前');
  });
});

describe('versions and finalising', () => {
  it('keeps every version, refuses a stale save and locks a final document', async () => {
    const { app, auditInspection } = await findingsApp();
    const doc = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    const edited = { ...doc.content, title: '关于市审计局党组巡察情况的反馈意见（修改稿）' };
    const v2 = await app.call('documents.saveVersion', { id: doc.id, baseVersion: 1, content: edited, note: '改标题' });
    expect(v2).toMatchObject({ latestVersion: 2, version: 2, title: edited.title });
    expect(v2.versions.map((v) => [v.version, v.note, v.createdBy])).toEqual([
      [1, '', '王建国'],
      [2, '改标题', '王建国'],
    ]);
    // Version 1 is still there, word for word.
    expect((await app.call('documents.get', { id: doc.id, version: 1 })).content.title).toBe(doc.content.title);

    // Someone editing from version 1 cannot overwrite version 2.
    const stale = await app.fail('documents.saveVersion', { id: doc.id, baseVersion: 1, content: doc.content });
    expect(stale.code).toBe('DOCUMENT_STALE');
    expect(stale.message).toContain('第2版');

    const final = await app.call('documents.finalise', { id: doc.id, version: 2 });
    expect(final).toMatchObject({ status: 'final', finalVersion: 2, editable: false, finalisedBy: '王建国' });
    const refused = await app.fail('documents.saveVersion', { id: doc.id, baseVersion: 2, content: edited });
    expect(refused.code).toBe('DOCUMENT_FINAL');
    expect(refused.message).toMatch(/已于第2版定稿/);
    expect((await app.fail('documents.finalise', { id: doc.id, version: 1 })).code).toBe('DOCUMENT_FINAL');
    // Opening it shows the final version even after more drafts were impossible.
    expect((await app.call('documents.get', { id: doc.id })).version).toBe(2);

    const actions = (await app.call('audit.list', { page: 1, pageSize: 50 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['document.create', 'document.saveVersion', 'document.finalise', 'document.view']));
    const list = await app.call('documents.list', { inspectionId: auditInspection.id });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ status: 'final', finalVersion: 2, latestVersion: 2 });
  });

  it('the database itself refuses to change a saved version or a final document', async () => {
    const { app, dir, auditInspection } = await findingsApp();
    const doc = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    await app.call('documents.finalise', { id: doc.id, version: 1 });
    await app.call('session.signOut', {});
    // As someone holding the key would: straight at the database, past the services.
    const vault = (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
    try {
      expect(() => vault.db.prepare("UPDATE document_versions SET content = '{}'").run()).toThrow(/never changed/);
      expect(() => vault.db.prepare('DELETE FROM document_versions').run()).toThrow(/never removed/);
      expect(() => vault.db.prepare("UPDATE documents SET status = 'draft', final_version = NULL").run()).toThrow(/locked/);
    } finally {
      vault.close();
    }
  });
});

describe('feedback meeting and on-site figures', () => {
  it('stores the meeting with its attendees in order, corrects it, and audits both saves', async () => {
    const { app, auditInspection } = await findingsApp();
    expect(await app.call('feedbackMeetings.get', { inspectionId: auditInspection.id })).toBeNull();
    const attendees = [
      { name: '赵刚', capacity: 'leadingGroup' as const, position: '市委常委、市纪委书记' },
      { name: '孙丽', capacity: 'discipline' as const, position: '市纪委监委副主任' },
      { name: '周平', capacity: 'organisation' as const, position: '市委组织部副部长' },
      { name: '刘洋', capacity: 'inspectionGroup' as const, position: '第一巡察组组长' },
    ];
    await app.call('feedbackMeetings.save', { inspectionId: auditInspection.id, heldOn: '2020-06-30', place: '市审计局三楼会议室', attendees });
    const corrected = await app.call('feedbackMeetings.save', { inspectionId: auditInspection.id, heldOn: '2020-07-01', place: '市审计局三楼会议室', attendees: attendees.slice(0, 3) });
    expect(corrected).toMatchObject({ heldOn: '2020-07-01', updatedBy: '王建国' });
    expect(corrected.attendees.map((a) => a.name)).toEqual(['赵刚', '孙丽', '周平']);
    const saves = await app.call('audit.list', { page: 1, pageSize: 10, action: 'feedbackMeeting.save' });
    expect(saves.items.map((e) => e.detail)).toEqual([expect.objectContaining({ corrected: true, attendees: 3 }), expect.objectContaining({ corrected: false, attendees: 4 })]);
    // Bad input gets a Chinese message and changes nothing.
    const bad = await app.fail('feedbackMeetings.save', { inspectionId: auditInspection.id, heldOn: '2020/07/01', place: '会议室', attendees });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('日期格式应为 YYYY-MM-DD');
    expect((await app.call('feedbackMeetings.get', { inspectionId: auditInspection.id }))!.heldOn).toBe('2020-07-01');
  });

  it('reads zero figures until entered, and audits the change with before and after', async () => {
    const { app, townInspection, auditInspection } = await findingsApp();
    expect(await app.call('onSiteFigures.get', { inspectionId: townInspection.id })).toMatchObject({ recorded: false, interviews: 0 });
    const figures = await app.call('onSiteFigures.get', { inspectionId: auditInspection.id });
    expect(figures).toMatchObject({ recorded: true, interviews: 126, volumesReviewed: 86, updatedBy: '王建国' });
    await app.call('onSiteFigures.update', { ...figures, interviews: 130 });
    const entries = await app.call('audit.list', { page: 1, pageSize: 10, action: 'onSiteFigures.update' });
    expect(entries.items[0]!.detail).toMatchObject({ before: { interviews: 126 }, after: { interviews: 130 } });
    expect((await app.fail('onSiteFigures.update', { ...figures, petitions: -1 })).code).toBe('INVALID_INPUT');
  });
});

describe('who may draft', () => {
  async function asRole(app: TestApp, role: 'staff' | 'clueOfficer' | 'auditor') {
    await signInAs(app, role);
  }

  it('staff draft and finalise; clue officers and auditors read but cannot draft', async () => {
    const { app, auditInspection } = await findingsApp();
    const doc = await app.call('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id });
    await asRole(app, 'staff');
    const staffDoc = await app.call('documents.create', { kind: 'rectificationNotice', inspectionId: auditInspection.id });
    expect(staffDoc.createdBy).toBe('staff用户');
    expect((await app.call('documents.get', { id: doc.id })).editable).toBe(true);
    for (const role of ['clueOfficer', 'auditor'] as const) {
      await asRole(app, role);
      const read = await app.call('documents.get', { id: doc.id });
      expect(read.editable).toBe(false);
      expect((await app.fail('documents.saveVersion', { id: doc.id, baseVersion: 1, content: read.content })).code).toBe('PERMISSION_DENIED');
      expect((await app.fail('documents.finalise', { id: doc.id, version: 1 })).code).toBe('PERMISSION_DENIED');
      expect((await app.fail('documents.create', { kind: 'feedbackLetter', inspectionId: auditInspection.id })).code).toBe('PERMISSION_DENIED');
    }
  });
});
