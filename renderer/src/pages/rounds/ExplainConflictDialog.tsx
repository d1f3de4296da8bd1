import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { InspectionGroup } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (reason: string) => {
    setBusy(true);
    setError(null);
    const result = await invoke('groups.addMember', { groupId: group.id, personId: member.personId, role: member.role, overrideReason: reason });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('rounds.override.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <ConflictOverrideForm person={member.name} conflicts={member.conflicts} busy={busy} error={error} onCancel={onClose} onSubmit={(reason) => void submit(reason)} />
    </Modal>
  );
}
