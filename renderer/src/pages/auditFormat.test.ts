import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../../shared/audit';
import { format, type Locale } from '../i18n/messages';
import type { Translate } from '../i18n';
import { detailLines, targetText } from './auditFormat';

const translate =
  (locale: Locale): Translate =>
  (key, vars) =>
    format(locale, key, vars);
const zh = translate('zh-CN');
const en = translate('en');

/** The detail as the audit page shows it, one string per line. */
function shown(action: AuditAction, detail: Record<string, unknown>, t: Translate = zh): string[] {
  return detailLines(t, { action, detail }).map((line) => line.text);
}

describe('audit entry details', () => {
  it('shows stages, modes and statuses by their names, not their codes', () => {
    expect(shown('round.advanceStage', { from: 'onSite', to: 'report', on: '2020-11-09' })).toEqual([
      '原阶段：进驻',
      '进入阶段：报告',
      '日期：2020年11月9日',
    ]);
    expect(shown('round.tickStep', { step: '召开动员会', stage: 'mobilise', done: true, note: '' })).toEqual([
      '工作环节：召开动员会',
      '阶段：动员部署',
      '已完成：是',
    ]);
    expect(shown('inspection.createBatch', { mode: 'elevated_cross', created: 2, skipped: 0, units: ['后井村', '沙湾村'] })).toEqual([
      '巡察方式：提级交叉巡察',
      '新建：2',
      '跳过：0',
      '单位：后井村、沙湾村',
    ]);
    expect(shown('unit.setStatus', { name: '市旅游发展委员会', from: 'active', to: 'merged', on: '2019-01-22' })).toContain('新状态：已合并');
    expect(shown('problem.create', { inspectionId: 408, focus: 'grassroots', source: 'interview' })).toEqual([
      '巡察任务编号：408',
      '聚焦方向：基层党组织软弱涣散、组织力欠缺',
      '来源：个别谈话',
    ]);
    expect(shown('group.addMember', { person: '曹庆宇', role: 'member', conflicts: ['任职于上级单位', '曾在该单位工作'] })).toEqual([
      '人员：曹庆宇',
      '角色：组员',
      '回避情形：任职于上级单位、曾在该单位工作',
    ]);
    expect(shown('checklist.answer', { item: '是否按期办结', answer: 'na' })).toContain('回答：不适用');
    expect(shown('unit.import', { mode: 'goodRows', imported: 3 })).toContain('导入方式：仅导入无误的行');
  });

  it('keeps the account roles and the lock reasons it already knew', () => {
    expect(shown('account.update', { before: { role: 'archivist' }, after: { role: 'clueOfficer' } })).toEqual(['角色：档案管理员 → 线索管理员']);
    expect(shown('session.lock', { reason: 'idle' })).toEqual(['原因：闲置自动锁定']);
  });

  it('shows the fields of an edit that records only the new values, one a line', () => {
    const lines = shown('inspection.update', {
      unit: '大台村',
      after: { groupId: 3, mode: 'lookback', topicId: null, linkage: false, startsOn: '2020-08-03', endsOn: null, note: '' },
    });
    expect(lines).toEqual(['单位：大台村', '巡察组编号：3', '巡察方式：回头看', '联动：否', '开始日期：2020年8月3日']);
    expect(lines.join('')).not.toMatch(/[{}[\]"]/);
  });

  it('reads nested records and lists as text, never as JSON', () => {
    expect(shown('problem.bulkUpdate', { ids: [1514, 1527], changes: { isCommon: true, focus: 'corruption' }, updated: 2 })).toEqual([
      '问题编号：1514、1527',
      '变更：共性问题：是；聚焦方向：群众身边腐败问题和不正之风',
      '修改条数：2',
    ]);
    expect(shown('unit.export', { filter: { status: 'abolished', text: '派出所' }, count: 4 })).toEqual([
      '检索条件：状态：已撤销；关键词：派出所',
      '条数：4',
    ]);
    expect(shown('clue.list', { roundId: 9, status: 'handedOver', searched: false, codes: [] })).toEqual([
      '轮次编号：9',
      '状态：已移交',
      '按关键词检索：否',
      '线索编号：—',
    ]);
  });

  it('shortens a long list but keeps the whole of it on the line', () => {
    const ids = Array.from({ length: 86 }, (_, index) => 1500 + index);
    const [line] = detailLines(zh, { action: 'problem.bulkUpdate', detail: { ids } });
    expect(line!.text).toBe(`问题编号：${ids.slice(0, 20).join('、')} 等 86 项`);
    expect(line!.full).toBe(`问题编号：${ids.join('、')}`);
  });

  it('words everything in English too', () => {
    expect(shown('round.advanceStage', { from: 'onSite', to: 'report', on: '2020-11-09' }, en)).toEqual([
      'Previous stage: On site',
      'New stage: Report',
      'Date: 9 Nov 2020',
    ]);
    expect(shown('inspection.createBatch', { mode: 'routine', units: ['A', 'B'] }, en)).toEqual(['Mode: Routine', 'Units: A, B']);
  });

  it('shows unknown keys and codes as they are stored', () => {
    expect(shown('settings.update', { somethingNew: 'onSite2', mode: 'teleport' })).toEqual(['somethingNew：onSite2', '巡察方式：teleport']);
  });

  it('names targets, the registry catalogues included', () => {
    expect(targetText(zh, { targetType: 'unit', targetId: '12' })).toBe('单位 #12');
    expect(targetText(zh, { targetType: 'unitKinds', targetId: '3' })).toBe('单位类别 #3');
    expect(targetText(zh, { targetType: null, targetId: null })).toBe('—');
  });
});
