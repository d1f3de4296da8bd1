import { Anchor, Button, Card, EmptyState, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconFlag, IconListCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { RoundSummary, Term } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { RoundFormDialog } from './RoundFormDialog';
import { StageBadge } from './StageBadge';
import { TermDialog } from './TermDialog';
import { useRemote } from './useRemote';

type Dialog = { kind: 'term' } | { kind: 'round'; round: RoundSummary | null } | null;

interface RoundsListPageProps {
  termId: number | null;
  onTermChange: (termId: number) => void;
  onOpenRound: (roundId: number) => void;
  /** Null when the user may not edit the procedure template. */
  onOpenProcedure: (() => void) | null;
}

/** The rounds of one term (届): label, year, stage, dates on site, people drawn, groups and inspections. */
export function RoundsListPage({ termId, onTermChange, onOpenRound, onOpenProcedure }: RoundsListPageProps) {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayWrite = roleMay(user.role, 'records.write');
  const [dialog, setDialog] = useState<Dialog>(null);

  const terms = useRemote(useCallback(() => invoke('terms.list', {}), []));
  const term: Term | null = terms.data?.find((candidate) => candidate.id === termId) ?? terms.data?.[0] ?? null;
  const activeTermId = term?.id ?? null;
  const rounds = useRemote(
    useCallback(() => invoke('rounds.list', activeTermId ? { termId: activeTermId } : {}), [activeTermId]),
  );
  const reloadTerms = terms.reload;
  const reloadRounds = rounds.reload;
  const roundList = activeTermId ? (rounds.data ?? []) : [];

  const date = (value: string | null) => (value ? formatDate(value, 'date') : '');

  return (
    <Stack gap="lg" data-testid="rounds-page">
      <PageHeader
        title={t('rounds.title')}
        subtitle={t('rounds.subtitle')}
        actions={
          <>
            {onOpenProcedure && (
              <Button variant="default" leftSection={<IconListCheck size={18} />} onClick={onOpenProcedure} data-testid="open-procedure">
                {t('rounds.procedure.open')}
              </Button>
            )}
            {mayWrite && (
              <Button variant="default" leftSection={<IconCalendarPlus size={18} />} onClick={() => setDialog({ kind: 'term' })} data-testid="term-create">
                {t('rounds.term.create')}
              </Button>
            )}
            {mayWrite && term && (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'round', round: null })} data-testid="round-create">
                {t('rounds.round.create')}
              </Button>
            )}
          </>
        }
      />

      <CoreErrorAlert error={terms.error} />
      {terms.data && terms.data.length === 0 && (
        <Card withBorder radius="md" py={56} data-testid="rounds-no-terms">
          <EmptyState
            icon={<IconFlag size={30} stroke={1.5} />}
            variant="light"
            color="xuncha"
            title={t('rounds.term.none')}
            description={t('rounds.term.none.body')}
            size="md"
          />
          {mayWrite && (
            <Group justify="center" mt="lg">
              <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setDialog({ kind: 'term' })}>
                {t('rounds.term.create')}
              </Button>
            </Group>
          )}
        </Card>
      )}

      {term && (
        <Card withBorder radius="md" padding="md">
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Select
              label={t('rounds.term')}
              w={260}
              data={(terms.data ?? []).map((candidate) => ({ value: String(candidate.id), label: candidate.name }))}
              value={String(term.id)}
              onChange={(value) => value && onTermChange(Number(value))}
              allowDeselect={false}
              data-testid="term-select"
            />
            <Text size="sm" c="dimmed" pb={8} data-testid="term-summary">
              {t('rounds.term.summary', {
                from: date(term.startsOn),
                to: term.endsOn ? date(term.endsOn) : t('rounds.term.open'),
                count: term.roundCount,
              })}
            </Text>
          </Group>
        </Card>
      )}

      <CoreErrorAlert error={rounds.error} />

      {term && (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={1040}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="rounds-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rounds.col.round')}</Table.Th>
                  <Table.Th w={70}>{t('rounds.col.year')}</Table.Th>
                  <Table.Th w={100}>{t('rounds.col.stage')}</Table.Th>
                  <Table.Th w={130}>{t('rounds.col.start')}</Table.Th>
                  <Table.Th w={130}>{t('rounds.col.end')}</Table.Th>
                  <Table.Th w={80} ta="right">{t('rounds.col.days')}</Table.Th>
                  <Table.Th w={90} ta="right">{t('rounds.col.people')}</Table.Th>
                  <Table.Th w={80} ta="right">{t('rounds.col.groups')}</Table.Th>
                  <Table.Th w={90} ta="right">{t('rounds.col.inspections')}</Table.Th>
                  {mayWrite && <Table.Th w={90} ta="right">{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roundList.map((round) => (
                  <Table.Tr key={round.id} data-round={round.number} data-testid="round-row">
                    <Table.Td>
                      <Anchor component="button" type="button" fw={600} size="sm" onClick={() => onOpenRound(round.id)} ta="left">
                        {round.label}
                      </Anchor>
                      {round.title && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {round.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{round.year}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StageBadge stage={round.stage} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <PlannedOrActual actual={round.actualStart} planned={round.plannedStart} format={date} />
                    </Table.Td>
                    <Table.Td>
                      <PlannedOrActual actual={round.actualEnd} planned={round.plannedEnd} format={date} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{round.daysOnSite !== null ? t('rounds.days', { days: round.daysOnSite }) : '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{round.peopleDrawn ? t('rounds.people', { count: round.peopleDrawn }) : '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{round.groupCount}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{round.inspectionCount}</Text>
                    </Table.Td>
                    {mayWrite && (
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setDialog({ kind: 'round', round })}
                          aria-label={t('rounds.round.editNamed', { label: round.label })}
                        >
                          {t('rounds.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                {rounds.data && roundList.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={mayWrite ? 10 : 9}>
                      <Text ta="center" c="dimmed" py="xl">
                        {t('rounds.round.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group p="md" gap="sm">
            <Text size="sm" c="dimmed" data-testid="rounds-total">
              {t('rounds.round.total', { total: roundList.length })}
            </Text>
            {(rounds.loading || terms.loading) && <Loader size="xs" />}
          </Group>
        </Card>
      )}

      {dialog?.kind === 'term' && (
        <TermDialog
          onClose={() => setDialog(null)}
          onDone={(created) => {
            setDialog(null);
            notifySuccess(t, t('rounds.term.created', { name: created.name }));
            onTermChange(created.id);
            reloadTerms();
          }}
        />
      )}
      {dialog?.kind === 'round' && term && (
        <RoundFormDialog
          terms={terms.data ?? []}
          termId={term.id}
          round={dialog.round}
          existing={roundList}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            notifySuccess(t, t(dialog.round ? 'rounds.round.updated' : 'rounds.round.created', { label: saved.label }));
            onTermChange(saved.termId);
            reloadTerms();
            reloadRounds();
          }}
        />
      )}
    </Stack>
  );
}

/** The actual date when known, else the planned one marked as such. */
function PlannedOrActual({ actual, planned, format }: { actual: string | null; planned: string | null; format: (value: string | null) => string }) {
  const t = useT();
  if (actual) return <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{format(actual)}</Text>;
  if (planned)
    return (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('rounds.planned', { date: format(planned) })}
      </Text>
    );
  return <Text size="sm" c="dimmed">—</Text>;
}
