import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Catalogs, InspectionGroup, RoundPage } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { AddMemberDialog } from './AddMemberDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ExplainConflictDialog } from './ExplainConflictDialog';
import { GroupCard } from './GroupCard';

type Member = InspectionGroup['members'][number];
type Dialog =
  | { kind: 'addMember'; group: InspectionGroup }
  | { kind: 'removeMember'; group: InspectionGroup; member: Member }
  | { kind: 'explain'; group: InspectionGroup; member: Member }
  | { kind: 'deleteGroup'; group: InspectionGroup }
  | null;

/** 巡察组: one card per group, new groups numbered on (第一巡察组, 第二巡察组 …). */
export function GroupsTab({
  page,
  catalogs,
  mayWrite,
  onChanged,
}: {
  page: RoundPage;
  catalogs: Catalogs | null;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const roundId = page.round.id;

  const createGroup = async () => {
    setCreating(true);
    setError(null);
    const result = await invoke('groups.create', { roundId });
    setCreating(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(t, t('rounds.group.created', { group: groupLabel(result.value.number) }));
    onChanged();
  };

  const finish = (message: string) => {
    setDialog(null);
    notifySuccess(t, message);
    onChanged();
  };

  return (
    <Stack gap="md" data-testid="groups-tab">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={720}>
          {t('rounds.group.intro')}
        </Text>
        {mayWrite && (
          <Button leftSection={<IconUsersPlus size={18} />} onClick={() => void createGroup()} loading={creating} data-testid="group-create">
            {t('rounds.group.create')}
          </Button>
        )}
      </Group>
      <CoreErrorAlert error={error} />

      {page.unassigned.length > 0 && (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} data-testid="unassigned-note">
          {t('rounds.group.unassigned', {
            count: page.unassigned.length,
            units: page.unassigned
              .slice(0, 5)
              .map((inspection) => inspection.unitName)
              .join('、'),
          })}
        </Alert>
      )}

      {page.groups.length === 0 ? (
        <Card withBorder radius="md" py="xl">
          <Text ta="center" c="dimmed">
            {t('rounds.group.none')}
          </Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          {page.groups.map((group) => (
            <GroupCard
              key={group.id}
              group={group}
              mayWrite={mayWrite}
              onAddMember={() => setDialog({ kind: 'addMember', group })}
              onRemoveMember={(member) => setDialog({ kind: 'removeMember', group, member })}
              onExplain={(member) => setDialog({ kind: 'explain', group, member })}
              onDelete={() => setDialog({ kind: 'deleteGroup', group })}
            />
          ))}
        </SimpleGrid>
      )}

      {dialog?.kind === 'addMember' && (
        <AddMemberDialog
          group={dialog.group}
          catalogs={catalogs}
          onClose={() => setDialog(null)}
          onDone={(group, person) =>
            finish(t('rounds.member.added', { name: person.name, group: groupLabel(group.number) }))
          }
        />
      )}
      {dialog?.kind === 'removeMember' && (
        <ConfirmDialog
          title={t('rounds.member.remove')}
          body={t('rounds.member.removeBody', { name: dialog.member.name, group: groupLabel(dialog.group.number) })}
          confirmLabel={t('rounds.member.remove')}
          coreDetail
          onConfirm={() => invoke('groups.removeMember', { groupId: dialog.group.id, personId: dialog.member.personId })}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('rounds.member.removed', { name: dialog.member.name }))}
        />
      )}
      {dialog?.kind === 'explain' && (
        <ExplainConflictDialog
          group={dialog.group}
          member={dialog.member}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('rounds.conflict.explained', { name: dialog.member.name }))}
        />
      )}
      {dialog?.kind === 'deleteGroup' && (
        <ConfirmDialog
          title={t('rounds.group.delete')}
          body={t('rounds.group.deleteBody', { group: groupLabel(dialog.group.number) })}
          confirmLabel={t('rounds.group.delete')}
          coreDetail
          onConfirm={() => invoke('groups.delete', { id: dialog.group.id })}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('rounds.group.deleted', { group: groupLabel(dialog.group.number) }))}
        />
      )}
    </Stack>
  );
}
