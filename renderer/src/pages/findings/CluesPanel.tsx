import { Anchor, Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconLock, IconPlus, IconSearch, IconSend, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ChannelOutput, RoundSummary } from '../../../../shared/contract';
import type { ClueStatus } from '../../../../shared/domain';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { notifySuccess } from '../../components/notify';
import { TablePager } from '../../components/TablePager';
import { useFormatDate, useT } from '../../i18n';
import { ClueDialog } from './ClueDialog';
import { ClueDrawer } from './ClueDrawer';
import { ExportButton } from './ExportButton';
import type { FindingsRights } from './FindingsModule';
import { HandOverDialog } from './HandOverDialog';
import { isClueStatus, statusColors, statusOptions } from './labels';
import { OverdueHandovers } from './OverdueHandovers';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';

type ClueRow = ChannelOutput<'clues.list'>['items'][number];

interface Filters {
  status: ClueStatus | null;
  text: string;
}
const emptyFilters: Filters = { status: null, text: '' };

/** The clue officer's register: every clue of the round, its persons, status, hand-over. */
export function CluesPanel({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const formatDate = useFormatDate();
  const roundId = round?.id ?? null;
  const list = useListQuery(emptyFilters);
  const { draft, setDraft, applied, page, pageSize } = list;
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<ReadonlyMap<number, ClueRow>>(new Map());
  const [openClue, setOpenClue] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'create' | 'handover' | null>(null);

  const input = useMemo(
    () => ({
      ...(roundId !== null ? { roundId } : {}),
      ...(applied.status ? { status: applied.status } : {}),
      ...(applied.text.trim() ? { text: applied.text.trim().slice(0, 100) } : {}),
      page,
      pageSize,
    }),
    [roundId, applied, page, pageSize],
  );
  const { data, error, loading } = useChannel('clues.list', input, version);
  const items = data?.items ?? [];
  const selectedRounds = new Set([...selected.values()].map((clue) => clue.roundId));
  const cols = 7 + (rights.writeClues ? 1 : 0);

  const reload = () => setVersion((current) => current + 1);
  const toggle = (clue: ClueRow, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(clue.id, clue);
      else next.delete(clue.id);
      return next;
    });

  const personsText = (clue: ClueRow) => clue.persons.map((p) => (p.position ? `${p.name}（${p.position}）` : p.name)).join('、');

  return (
    <Stack gap="md" data-testid="clues-panel">
      <Group gap="xs" c="dimmed">
        <IconLock size={16} />
        <Text size="sm" c="dimmed">
          {t('findings.clues.confidential')}
        </Text>
      </Group>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {rights.writeClues && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog('create')} data-testid="clue-create">
              {t('findings.clue.create')}
            </Button>
          )}
        </Group>
        <ExportButton kind="clues" roundId={roundId} />
      </Group>
      <OverdueHandovers />

      <Card withBorder radius="md" padding="md">
        <form onSubmit={list.submit} data-testid="clue-filters">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('findings.clues.filter.text')}
              placeholder={t('findings.clues.filter.text.placeholder')}
              value={draft.text}
              maxLength={100}
              onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
              leftSection={<IconSearch size={16} />}
              data-testid="clue-filter-text"
            />
            <Select
              label={t('findings.col.status')}
              placeholder={t('common.all')}
              data={statusOptions(t)}
              value={draft.status}
              onChange={(value) => list.choose({ ...draft, status: isClueStatus(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="clue-filter-status"
            />
          </SimpleGrid>
          <FilterActions onReset={list.reset} submitTestId="clue-filter-submit" />
        </form>
      </Card>

      <ErrorAlert error={error} />

      {rights.writeClues && selected.size > 0 && (
        <Card withBorder radius="md" padding="sm" bg="var(--mantine-primary-color-light)" data-testid="clue-selection">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={500}>
              {t('findings.clues.selection', { count: selected.size, codes: [...selected.values()].map((clue) => clue.code).join('、') })}
            </Text>
            <Group gap="sm">
              {selectedRounds.size > 1 && (
                <Text size="xs" c="red">
                  {t('findings.handover.oneRound')}
                </Text>
              )}
              <Button
                size="xs"
                leftSection={<IconSend size={16} />}
                disabled={selectedRounds.size !== 1}
                onClick={() => setDialog('handover')}
                data-testid="clue-handover-selected"
              >
                {t('findings.handover.open')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconX size={16} />} onClick={() => setSelected(new Map())}>
                {t('findings.selection.clear')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={1040}>
          <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" data-testid="clues-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                {rights.writeClues && <Table.Th w={40} />}
                <Table.Th>{t('findings.col.code')}</Table.Th>
                <Table.Th>{t('findings.col.unit')}</Table.Th>
                <Table.Th>{t('findings.col.persons')}</Table.Th>
                <Table.Th miw={280}>{t('findings.col.summary')}</Table.Th>
                <Table.Th>{t('findings.col.clueSource')}</Table.Th>
                <Table.Th>{t('findings.col.receivedOn')}</Table.Th>
                <Table.Th>{t('findings.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((clue) => (
                <Table.Tr key={clue.id} data-testid="clue-row" data-code={clue.code} data-status={clue.status}>
                  {rights.writeClues && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('findings.clues.select', { code: clue.code })}
                        checked={selected.has(clue.id)}
                        onChange={(event) => toggle(clue, event.currentTarget.checked)}
                        data-testid="clue-select"
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} onClick={() => setOpenClue(clue.id)} data-testid="clue-open">
                      {clue.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={clue.unitName ? undefined : 'dimmed'}>
                      {clue.unitName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{personsText(clue) || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={clue.summary} multiline w={460} openDelay={300} events={{ hover: true, focus: true, touch: false }}>
                      <Text size="sm" lineClamp={2} tabIndex={0}>
                        {clue.summary}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {clue.source}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(clue.receivedOn, 'date')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[clue.status]} variant="light" radius="sm">
                      {t(`findings.clueStatus.${clue.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && items.length === 0 && (
                <EmptyRow colSpan={cols}>{applied.status || applied.text.trim() ? t('findings.clues.emptyFiltered') : t('findings.clues.empty')}</EmptyRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePager
          page={list.page}
          pageSize={list.pageSize}
          total={data?.total ?? 0}
          totalLabel={(total) => t('findings.clues.total', { total })}
          loading={loading}
          onChange={list.turn}
          testId="clues"
        />
      </Card>

      {dialog === 'create' && (
        <ClueDialog
          roundId={roundId}
          onClose={() => setDialog(null)}
          onDone={(clue) => {
            setDialog(null);
            notifySuccess(t, t('findings.clue.created', { code: clue.code }));
            reload();
            setOpenClue(clue.id);
          }}
        />
      )}
      {dialog === 'handover' && (
        <HandOverDialog
          clues={[...selected.values()]}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('findings.handover.done', { count: selected.size }));
            setSelected(new Map());
            reload();
          }}
        />
      )}
      {openClue !== null && <ClueDrawer key={openClue} clueId={openClue} rights={rights} onClose={() => setOpenClue(null)} onChanged={reload} />}
    </Stack>
  );
}
