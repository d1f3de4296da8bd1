import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function roundWithGroup() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const registry = await buildRegistry(env.app);
  const round = await env.app.call('rounds.create', { termId: registry.term.id, number: 8, year: 2020 });
  const group = await env.app.call('groups.create', { roundId: round.id });
  return { ...env, ...registry, round, group };
}

describe('groups and 回避', () => {
  it('numbers groups within the round', async () => {
    const { app, round, group } = await roundWithGroup();
    expect(group.number).toBe(1);
    expect((await app.call('groups.create', { roundId: round.id })).number).toBe(2);
    expect((await app.fail('groups.create', { roundId: round.id, number: 1 })).code).toBe('DUPLICATE');
  });

  it('flags a person who works in the inspected unit, above it or below it; an override needs a reason and is audited', async () => {
    const { app, round, group, units, people } = await roundWithGroup();
    await app.call('inspections.create', { roundId: round.id, unitId: units.audit.id, groupId: group.id, mode: 'routine' });
    await app.call('inspections.create', { roundId: round.id, unitId: units.village.id, groupId: group.id, mode: 'routine' });

    const refused = await app.fail('groups.addMember', { groupId: group.id, personId: people.auditor.id, role: 'member' });
    expect(refused.code).toBe('CONFLICT_OF_INTEREST');
    expect(refused.message).toContain('张伟任职于被巡察单位“市审计局”');
    const above = await app.call('groups.checkConflicts', { groupId: group.id, personId: people.townOfficial.id });
    expect(above.map((c) => c.kind)).toEqual(['worksAboveUnit']);

    const fine = await app.call('groups.addMember', { groupId: group.id, personId: people.neutral.id, role: 'leader' });
    expect(fine.members).toEqual([expect.objectContaining({ name: '刘洋', role: 'leader', conflicts: [] })]);
    expect((await app.fail('groups.addMember', { groupId: group.id, personId: people.townOfficial.id, role: 'leader', overrideReason: '确有需要' })).code).toBe(
      'DUPLICATE',
    );

    const overridden = await app.call('groups.addMember', {
      groupId: group.id,
      personId: people.townOfficial.id,
      role: 'member',
      overrideReason: '熟悉基层情况，经领导小组同意，不参与金河村谈话',
    });
    const member = overridden.members.find((m) => m.name === '李娜')!;
    expect(member.overrideReason).toBe('熟悉基层情况，经领导小组同意，不参与金河村谈话');
    expect(member.conflicts).toHaveLength(1);
    const page = await app.call('rounds.get', { id: round.id });
    expect(page.counts.conflictsOpen).toBe(0);
    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'group.addMember' });
    expect(log.items[0]!.detail).toMatchObject({ person: '李娜', overrideReason: '熟悉基层情况，经领导小组同意，不参与金河村谈话' });
  });

  it('in cross inspections flags a person from the same county; a later assignment shows as an open conflict', async () => {
    const { app, round, group, units, people } = await roundWithGroup();
    await app.call('groups.addMember', { groupId: group.id, personId: people.saihanCadre.id, role: 'member' });
    await app.call('inspections.create', { roundId: round.id, unitId: units.policeA.id, groupId: group.id, mode: 'elevated_cross' });
    const page = await app.call('rounds.get', { id: round.id });
    const member = page.groups[0]!.members[0]!;
    expect(member.conflicts.map((c) => c.kind)).toEqual(['sameRegion']);
    expect(member.conflicts[0]!.message).toContain('赛罕区');
    expect(page.counts.conflictsOpen).toBe(1);
    // A routine inspection of the same county is no conflict for them.
    await app.call('inspections.update', { id: page.groups[0]!.inspections[0]!.id, groupId: group.id, mode: 'routine' });
    expect((await app.call('groups.checkConflicts', { groupId: group.id, personId: people.saihanCadre.id })).length).toBe(0);
  });

  it('refuses to delete a group that still has members', async () => {
    const { app, group, people } = await roundWithGroup();
    await app.call('groups.addMember', { groupId: group.id, personId: people.neutral.id, role: 'member' });
    expect((await app.fail('groups.delete', { id: group.id })).code).toBe('IN_USE');
    await app.call('groups.removeMember', { groupId: group.id, personId: people.neutral.id });
    await app.call('groups.delete', { id: group.id });
  });
});
