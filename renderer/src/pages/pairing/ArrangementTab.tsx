import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { PairingOverview } from '../../../../shared/contract';
import { PAIRING_MAX_COUNTIES } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import type { PairingRights } from './labels';

/** 包联安排: leaders × counties for the year; a ticked cell is a pairing. */
export function ArrangementTab({ overview, rights, onChanged }: { overview: PairingOverview; rights: PairingRights; onChanged: () => void }) {
  const t = useT();
  const [busyCell, setBusyCell] = useState<string | null>(null);
  const leaderOf = new Map(overview.pairings.map((p) => [p.regionId, p.leaderId]));
  const unpaired = overview.counties.filter((c) => !leaderOf.has(c.regionId));

  const toggle = async (leaderId: number, regionId: number, paired: boolean) => {
    setBusyCell(`${leaderId}-${regionId}`);
    const result = paired
      ? await invoke('pairing.unpair', { year: overview.year, regionId })
      : await invoke('pairing.pair', { year: overview.year, leaderId, regionId });
    setBusyCell(null);
    if (!result.ok) notifyError(t, result.error);
    else onChanged();
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('pairing.arrangement.hint')}
      </Text>
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover withColumnBorders data-testid="pairing-matrix">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('pairing.arrangement.leader')}</Table.Th>
                {overview.counties.map((county) => (
                  <Table.Th key={county.regionId} ta="center">
                    {county.name}
                  </Table.Th>
                ))}
                <Table.Th ta="center">{t('pairing.arrangement.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.leaders.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={overview.counties.length + 2}>
                    <Text ta="center" c="dimmed" py="lg">
                      {t('pairing.arrangement.noLeaders')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {overview.leaders.map((leader) => {
                const count = overview.pairings.filter((p) => p.leaderId === leader.id).length;
                return (
                  <Table.Tr key={leader.id} data-testid="pairing-leader-row" data-leader={leader.name}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {leader.name}
                      </Text>
                      {leader.position && (
                        <Text size="xs" c="dimmed">
                          {leader.position}
                        </Text>
                      )}
                    </Table.Td>
                    {overview.counties.map((county) => {
                      const paired = leaderOf.get(county.regionId) === leader.id;
                      return (
                        <Table.Td key={county.regionId} ta="center">
                          <Checkbox
                            checked={paired}
                            disabled={!rights.write || busyCell !== null}
                            onChange={() => void toggle(leader.id, county.regionId, paired)}
                            aria-label={t('pairing.arrangement.cell', { leader: leader.name, county: county.name })}
                            styles={{ body: { justifyContent: 'center' } }}
                            data-testid="pairing-cell"
                            data-county={county.name}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="center">
                      <Badge color={count >= 2 && count <= PAIRING_MAX_COUNTIES ? 'teal' : 'gray'} variant="light" data-testid="pairing-leader-count">
                        {count}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Text size="sm" c={unpaired.length ? 'orange' : 'teal'} data-testid="pairing-unpaired">
        {unpaired.length
          ? t('pairing.arrangement.unpaired', { counties: unpaired.map((c) => c.name).join('、') })
          : t('pairing.arrangement.allPaired', { total: String(overview.counties.length) })}
      </Text>
      {rights.write && <AddLeaderForm onAdded={onChanged} />}
    </Stack>
  );
}

function AddLeaderForm({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    void run(
      () => invoke('pairing.saveLeader', { name, position }),
      (leader) => {
        notifySuccess(t, t('pairing.leader.added', { name: leader.name }));
        setName('');
        setPosition('');
        onAdded();
      },
    );
  };
  return (
    <Card withBorder radius="md">
      <form onSubmit={submit} noValidate data-testid="pairing-leader-form">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <TextInput label={t('pairing.leader.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={20} required w={180} data-testid="pairing-leader-name" />
            <TextInput label={t('pairing.leader.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} maxLength={40} w={220} data-testid="pairing-leader-position" />
            <Button type="submit" leftSection={<IconUserPlus size={16} />} loading={busy} data-testid="pairing-leader-add">
              {t('pairing.leader.add')}
            </Button>
          </Group>
          <ErrorAlert error={error} coreDetail />
        </Stack>
      </form>
    </Card>
  );
}
