import { Badge, Button, DataList, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconGavel, IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { Clue } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useFormatDate, useT } from '../../i18n';
import { ClueFiles } from './ClueFiles';
import { DisposalDialog } from './DisposalDialog';
import type { FindingsRights } from './FindingsModule';
import { HandOverDialog } from './HandOverDialog';
import { statusColors } from './labels';
import { useChannel } from '../../components/useChannel';

type Dialog = { kind: 'handover' } | { kind: 'disposal' } | null;

/** One clue (mounted while open, so it is read afresh each time): persons reflected on, its files (ClueFiles), hand-overs and disposals. */
export function ClueDrawer({
  clueId,
  rights,
  onClose,
  onChanged,
}: {
  clueId: number;
  rights: FindingsRights;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  // The clue as a change returned it (attachFile, recordDisposal answer with the whole clue).
  const [fresh, setFresh] = useState<Clue | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // A dialog of the files section (viewer, save warning, busy notice) is on top.
  const [filesDialog, setFilesDialog] = useState(false);
  const loaded = useChannel('clues.get', { id: clueId }, version);
  const clue = fresh ?? loaded.data;

  const person = (p: Clue['persons'][number]) => [p.unit, p.position, p.rank].filter(Boolean).join(' · ');

  return (
    <>
      <Drawer
        opened
        onClose={onClose}
        position="right"
        size="xl"
        // Escape closes the dialog on top (viewer, hand-over, disposal), not the drawer under it.
        closeOnEscape={dialog === null && !filesDialog}
        title={
          <Group gap={8}>
            <IconLock size={18} />
            <Title order={3} fz="lg">
              {clue ? t('findings.clue.drawerTitle', { code: clue.code }) : t('findings.clue.drawerLoading')}
            </Title>
          </Group>
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        data-testid="clue-drawer"
      >
        <ErrorAlert error={loaded.error} />
        {!clue && loaded.loading && <Loader size="sm" />}
        {clue && (
          <Stack gap="lg" data-testid="clue-detail" data-status={clue.status}>
            <Group justify="space-between" align="center">
              <Group gap="xs">
                <Badge color={statusColors[clue.status]} variant="light" radius="sm" data-testid="clue-status">
                  {t(`findings.clueStatus.${clue.status}`)}
                </Badge>
                <Badge variant="outline" color="gray" radius="sm">
                  {clue.roundLabel}
                </Badge>
              </Group>
              {rights.writeClues && (
                <Group gap="xs">
                  <Button size="xs" variant="default" leftSection={<IconSend size={14} />} onClick={() => setDialog({ kind: 'handover' })} data-testid="clue-handover">
                    {t('findings.handover.open')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconGavel size={14} />}
                    onClick={() => setDialog({ kind: 'disposal' })}
                    disabled={clue.status === 'registered'}
                    title={clue.status === 'registered' ? t('findings.disposal.needsHandover') : undefined}
                    data-testid="clue-disposal"
                  >
                    {t('findings.disposal.open')}
                  </Button>
                </Group>
              )}
            </Group>

            <DataList labelWidth={110}>
              <DataList.Item>
                <DataList.ItemLabel>{t('findings.col.unit')}</DataList.ItemLabel>
                <DataList.ItemValue>{clue.unitName ?? t('findings.clue.noInspection')}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('findings.clue.source')}</DataList.ItemLabel>
                <DataList.ItemValue>{clue.source}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('findings.clue.receivedOn')}</DataList.ItemLabel>
                <DataList.ItemValue>{formatDate(clue.receivedOn, 'date')}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('findings.clue.summary')}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }} data-testid="clue-summary">
                  {clue.summary}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>

            <Stack gap="xs">
              <Title order={4} fz="sm">
                {t('findings.clue.persons')}
              </Title>
              {clue.persons.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('findings.clue.noPersons')}
                </Text>
              ) : (
                <Table withTableBorder verticalSpacing={4} data-testid="clue-persons">
                  <Table.Tbody>
                    {clue.persons.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td w={120}>
                          <Text size="sm" fw={500}>
                            {p.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {person(p) || '—'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>

            <ClueFiles clue={clue} mayWrite={rights.writeClues} onChanged={setFresh} onDialog={setFilesDialog} />

            <Stack gap="xs">
              <Title order={4} fz="sm">
                {t('findings.clue.handovers')}
              </Title>
              {clue.handovers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('findings.clue.noHandovers')}
                </Text>
              ) : (
                clue.handovers.map((handover) => (
                  <Text size="sm" key={handover.id} data-testid="clue-handover-row">
                    {handover.answerDueOn
                      ? t('findings.clue.handoverLine', {
                          receiver: handover.receiverName,
                          date: formatDate(handover.handedOn, 'date'),
                          due: formatDate(handover.answerDueOn, 'date'),
                        })
                      : t('findings.clue.handoverLineNoDue', { receiver: handover.receiverName, date: formatDate(handover.handedOn, 'date') })}
                  </Text>
                ))
              )}
            </Stack>

            <Stack gap="xs">
              <Title order={4} fz="sm">
                {t('findings.clue.disposals')}
              </Title>
              {clue.disposals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('findings.clue.noDisposals')}
                </Text>
              ) : (
                clue.disposals.map((disposal) => (
                  <Stack gap={0} key={disposal.id} data-testid="clue-disposal-row">
                    <Text size="sm">{t('findings.clue.disposalLine', { type: disposal.typeName, date: formatDate(disposal.decidedOn, 'date') })}</Text>
                    {disposal.note && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {disposal.note}
                      </Text>
                    )}
                  </Stack>
                ))
              )}
            </Stack>
          </Stack>
        )}
      </Drawer>

      {clue && dialog?.kind === 'handover' && (
        <HandOverDialog
          clues={[clue]}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setFresh(null);
            setVersion((current) => current + 1);
            notifySuccess(t, t('findings.handover.done', { count: 1 }));
            onChanged();
          }}
        />
      )}
      {clue && dialog?.kind === 'disposal' && (
        <DisposalDialog
          clue={clue}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            setFresh(next);
            notifySuccess(t, t('findings.disposal.done', { code: next.code }));
            onChanged();
          }}
        />
      )}
    </>
  );
}
