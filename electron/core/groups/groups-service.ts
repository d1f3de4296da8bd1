import type { ChannelInput, Conflict, InspectionGroup } from '../../../shared/contract';
import { groupLabel } from '../../../shared/format';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import { RoundsStore } from '../rounds/rounds-store';
import { findConflicts } from './conflicts';
import { GroupsStore } from './groups-store';

export function createGroup(ctx: CoreContext, input: ChannelInput<'groups.create'>): InspectionGroup {
  return change(ctx, ({ vault }, record) => {
    const groups = new GroupsStore(vault.db);
    if (!new RoundsStore(vault.db).byId(input.roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
    const number = input.number ?? groups.nextNumber(input.roundId);
    if (groups.numberTaken(input.roundId, number)) throw new AppError('DUPLICATE', `本轮已有${groupLabel(number)}`);
    const id = groups.insert(input.roundId, number, ctx.now().toISOString());
    record({ action: 'group.create', target: { type: 'group', id }, detail: { roundId: input.roundId, number } });
    return groups.byId(id)!;
  });
}

export function deleteGroup(ctx: CoreContext, input: ChannelInput<'groups.delete'>): null {
  return change(ctx, ({ vault }, record) => {
    const groups = new GroupsStore(vault.db);
    const group = groups.byId(input.id);
    if (!group) throw new AppError('NOT_FOUND');
    if (group.members.length > 0 || group.inspections.length > 0) {
      throw new AppError('IN_USE', `${groupLabel(group.number)}仍有成员或巡察任务，请先移除`);
    }
    groups.delete(group.id);
    record({ action: 'group.delete', target: { type: 'group', id: group.id }, detail: { roundId: group.roundId, number: group.number } });
    return null;
  });
}

export function checkConflicts(ctx: CoreContext, input: ChannelInput<'groups.checkConflicts'>): Conflict[] {
  return findConflicts(ctx.active().vault.db, input.groupId, input.personId);
}

/**
 * Puts a person in a group (or changes their role). A 回避 conflict with any of the group's
 * inspections refuses the change unless an override reason is given; the override, who gave
 * it and the conflicts it covered go to the audit log.
 */
export function addMember(ctx: CoreContext, input: ChannelInput<'groups.addMember'>): InspectionGroup {
  return change(ctx, ({ vault, user }, record) => {
    const groups = new GroupsStore(vault.db);
    const group = groups.byId(input.groupId);
    if (!group) throw new AppError('NOT_FOUND');
    const person = vault.db.prepare('SELECT id, name FROM people WHERE id = ?').get(input.personId) as { id: number; name: string } | undefined;
    if (!person) throw new AppError('INVALID_REFERENCE', '人员不存在');
    if (input.role === 'leader') {
      const leader = group.members.find((m) => m.role === 'leader' && m.personId !== person.id);
      if (leader) throw new AppError('DUPLICATE', `${groupLabel(group.number)}已有组长${leader.name}`);
    }
    const conflicts = findConflicts(vault.db, group.id, person.id);
    const reason = input.overrideReason?.trim();
    if (conflicts.length > 0 && !reason) {
      throw new AppError('CONFLICT_OF_INTEREST', conflicts.map((c) => c.message).join('；'), { conflicts });
    }
    const at = ctx.now().toISOString();
    groups.putMember(group.id, person.id, input.role, conflicts.length > 0 && reason ? { reason, accountId: user.id, at } : null);
    record({
      action: 'group.addMember',
      target: { type: 'group', id: group.id },
      detail: {
        person: person.name,
        personId: person.id,
        role: input.role,
        ...(conflicts.length > 0 ? { conflicts: conflicts.map((c) => c.message), overrideReason: reason } : {}),
      },
    });
    return groups.byId(group.id)!;
  });
}

export function removeMember(ctx: CoreContext, input: ChannelInput<'groups.removeMember'>): InspectionGroup {
  return change(ctx, ({ vault }, record) => {
    const groups = new GroupsStore(vault.db);
    const group = groups.byId(input.groupId);
    if (!group) throw new AppError('NOT_FOUND');
    const member = group.members.find((m) => m.personId === input.personId);
    if (!member) throw new AppError('NOT_FOUND', '该人员不在本组');
    groups.removeMember(group.id, input.personId);
    record({ action: 'group.removeMember', target: { type: 'group', id: group.id }, detail: { person: member.name, personId: member.personId } });
    return groups.byId(group.id)!;
  });
}
