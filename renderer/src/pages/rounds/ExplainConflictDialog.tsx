import { Modal } from '@mantine/core';
import type { InspectionGroup } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { ConflictOverrideForm } from './ConflictOverrideForm';

type Member = InspectionGroup['members'][number];

/**
 * A member whose conflict arose later (an inspection given to the group after they joined):
 * the reason is recorded by putting them in the group again with the same role.
 */
export function ExplainConflictDialog({
  group,
  member,
  onClose,
  onDone,
}: {
  group: InspectionGroup;
  member: Member;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { busy, error, run } = useSubmit();

  const submit = (reason: string) =>
    run(() => invoke('groups.addMember', { groupId: group.id, personId: member.personId, role: member.role, overrideReason: reason }), onDone);

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('rounds.override.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <ConflictOverrideForm person={member.name} conflicts={member.conflicts} busy={busy} error={error} onCancel={onClose} onSubmit={(reason) => void submit(reason)} />
    </Modal>
  );
}
