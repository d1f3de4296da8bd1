import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconEdit, IconPencil, IconPlus, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ChannelInput, Problem, RoundSummary } from '../../../../shared/contract';
import type { Focus, ProblemSource } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { notifySuccess } from '../../components/notify';
import { TablePager } from '../../components/TablePager';
import { useT } from '../../i18n';
import { BulkEditDialog } from './BulkEditDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ExportButton } from './ExportButton';
import type { FindingsRights } from './FindingsModule';
import { focusColors, focusOptions, groupText, isFocus, isSource, sourceOptions } from './labels';
import { ProblemDetail } from './ProblemDetail';
import { ProblemDialog } from './ProblemDialog';
import { ProblemExportButton, ProblemImportButton } from './ProblemSheetButtons';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';

interface Filters {
  groupId: string | null;
  unitId: string | null;
  focus: Focus | null;
  source: ProblemSource | null;
  isCommon: 'yes' | 'no' | null;
  text: string;
}

const emptyFilters: Filters = { groupId: null, unitId: null, focus: null, source: null, isCommon: null, text: '' };

type Dialog =
  | { kind: 'create' }
  | { kind: 'view'; problem: Problem }
  | { kind: 'edit'; problem: Problem }
  | { kind: 'delete'; problem: Problem }
  | { kind: 'bulk' }
  | null;

function toFilter(roundId: number | null, filters: Filters): Omit<ChannelInput<'problems.list'>, 'page' | 'pageSize'> {
  return {
    ...(roundId !== null ? { roundId } : {}),
    ...(filters.groupId ? { groupId: Number(filters.groupId) } : {}),
    ...(filters.unitId ? { unitId: Number(filters.unitId) } : {}),
    ...(filters.focus ? { focus: filters.focus } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.isCommon ? { isCommon: filters.isCommon === 'yes' } : {}),
    ...(filters.text.trim() ? { text: filters.text.trim().slice(0, 100) } : {}),
  };
}

/** 问题: the problems of the round, server-paged and filtered, with bulk edit and the 问题清单 export. */
export function ProblemsTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // A selection is of rows on screen: new filters or another page drop it.
  const list = useListQuery(emptyFilters, () => setSelected(new Set()));
  const { draft, setDraft, applied, choose } = list;
  const [dialog, setDialog] = useState<Dialog>(null);

  const filter = useMemo(() => toFilter(roundId, applied), [roundId, applied]);
  const { data, error, loading } = useChannel('problems.list', { ...filter, page: list.page, pageSize: list.pageSize }, version);
  const inspections = useChannel('inspections.list', roundId !== null ? { roundId } : null);
  const items = data?.items ?? [];
  const selectedProblems = items.filter((problem) => selected.has(problem.id));
  const cols = 7 + (rights.write ? 2 : 0);

  // Groups and units of the round, from its inspections.
  const groupOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const inspection of inspections.data ?? []) {
      if (inspection.groupId !== null) seen.set(inspection.groupId, groupText(t, inspection.groupNumber));
    }
    return [...seen].map(([id, label]) => ({ value: String(id), label }));
  }, [inspections.data, t]);
  const unitOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const inspection of inspections.data ?? []) seen.set(inspection.unitId, inspection.unitName);
    return [...seen].map(([id, label]) => ({ value: String(id), label }));
  }, [inspections.data]);

  const changed = (message: string) => {
    setDialog(null);
    setSelected(new Set());
    notifySuccess(t, message);
    setVersion((current) => current + 1);
  };
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOnPage = items.length > 0 && items.every((problem) => selected.has(problem.id));
  const someOnPage = items.some((problem) => selected.has(problem.id));

  return (
    <Stack gap="md" data-testid="problems-tab">
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {rights.write && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'create' })} data-testid="problem-create">
              {t('findings.problem.create')}
            </Button>
          )}
          {rights.write && <ProblemImportButton roundId={roundId} onImported={() => setVersion((current) => current + 1)} />}
          <ProblemExportButton filter={filter} />
        </Group>
        <ExportButton kind="problems" roundId={roundId} />
      </Group>

      <Card withBorder radius="md" padding="md">
        <form onSubmit={list.submit} data-testid="problem-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <TextInput
              label={t('findings.filter.text')}
              placeholder={t('findings.filter.text.placeholder')}
              value={draft.text}
              maxLength={100}
              onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
              leftSection={<IconSearch size={16} />}
              data-testid="problem-filter-text"
            />
            <Select
              label={t('findings.col.group')}
              placeholder={roundId === null ? t('findings.filter.needsRound') : t('common.all')}
              data={groupOptions}
              value={draft.groupId}
              onChange={(value) => choose({ ...draft, groupId: value })}
              disabled={roundId === null}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="problem-filter-group"
            />
            <Select
              label={t('findings.col.unit')}
              placeholder={roundId === null ? t('findings.filter.needsRound') : t('common.all')}
              data={unitOptions}
              value={draft.unitId}
              onChange={(value) => choose({ ...draft, unitId: value })}
              disabled={roundId === null}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              nothingFoundMessage={t('findings.inspection.none')}
              data-testid="problem-filter-unit"
            />
            <Select
              label={t('findings.col.focus')}
              placeholder={t('common.all')}
              data={focusOptions(t)}
              value={draft.focus}
              onChange={(value) => choose({ ...draft, focus: isFocus(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="problem-filter-focus"
            />
            <Select
              label={t('findings.col.source')}
              placeholder={t('common.all')}
              data={sourceOptions(t)}
              value={draft.source}
              onChange={(value) => choose({ ...draft, source: isSource(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="problem-filter-source"
            />
            <Select
              label={t('findings.filter.common')}
              placeholder={t('common.all')}
              data={[
                { value: 'yes', label: t('findings.filter.common.yes') },
                { value: 'no', label: t('findings.filter.common.no') },
              ]}
              value={draft.isCommon}
              onChange={(value) => choose({ ...draft, isCommon: value === 'yes' || value === 'no' ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="problem-filter-common"
            />
          </SimpleGrid>
          <FilterActions onReset={list.reset} submitTestId="problem-filter-submit" />
        </form>
      </Card>

      <ErrorAlert error={error ?? inspections.error} />

      {rights.write && selected.size > 0 && (
        <Card withBorder radius="md" padding="sm" bg="var(--mantine-primary-color-light)" data-testid="problem-selection">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={500}>
              {t('findings.selection.count', { count: selected.size })}
            </Text>
            <Group gap="sm">
              <Button size="xs" leftSection={<IconEdit size={16} />} onClick={() => setDialog({ kind: 'bulk' })} data-testid="problem-bulk">
                {t('findings.bulk.open')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconX size={16} />} onClick={() => setSelected(new Set())}>
                {t('findings.selection.clear')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={1080}>
          <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" data-testid="problems-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                {rights.write && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('findings.selection.page')}
                      checked={allOnPage}
                      indeterminate={someOnPage && !allOnPage}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setSelected(on ? new Set(items.map((problem) => problem.id)) : new Set());
                      }}
                      data-testid="problem-select-page"
                    />
                  </Table.Th>
                )}
                <Table.Th miw={150}>{t('findings.col.unit')}</Table.Th>
                <Table.Th>{t('findings.col.group')}</Table.Th>
                <Table.Th miw={120}>{t('findings.col.focus')}</Table.Th>
                <Table.Th>{t('findings.col.category')}</Table.Th>
                <Table.Th miw={320}>{t('findings.col.description')}</Table.Th>
                <Table.Th>{t('findings.col.source')}</Table.Th>
                <Table.Th miw={90}>{t('findings.col.common')}</Table.Th>
                {rights.write && <Table.Th ta="right">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((problem) => (
                <Table.Tr
                  key={problem.id}
                  data-testid="problem-row"
                  data-problem-id={problem.id}
                  bg={selected.has(problem.id) ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  {rights.write && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('findings.selection.row', { text: problem.description.slice(0, 30) })}
                        checked={selected.has(problem.id)}
                        onChange={(event) => toggle(problem.id, event.currentTarget.checked)}
                        data-testid="problem-select"
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{problem.unitName}</Text>
                    {roundId === null && (
                      <Text size="xs" c="dimmed">
                        {problem.roundLabel}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {groupText(t, problem.groupNumber)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t(`findings.focus.${problem.focus}`)}>
                      <Badge variant="light" color={focusColors[problem.focus]} radius="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t(`findings.focusShort.${problem.focus}`)}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={problem.categoryName ? undefined : 'dimmed'}>
                      {problem.categoryName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip
                      label={problem.description}
                      multiline
                      w={460}
                      openDelay={300}
                      events={{ hover: true, focus: true, touch: false }}
                    >
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        c="var(--mantine-color-text)"
                        ta="left"
                        lineClamp={2}
                        onClick={() => setDialog({ kind: 'view', problem })}
                        data-testid="problem-description"
                      >
                        {problem.description}
                      </Anchor>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t(`findings.source.${problem.source}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {problem.isCommon ? (
                      <Badge variant="light" color="violet" radius="sm" data-testid="problem-common">
                        {t('findings.col.common')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  {rights.write && (
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('findings.problem.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('findings.problem.edit')}
                            onClick={() => setDialog({ kind: 'edit', problem })}
                            data-testid="problem-edit"
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('findings.problem.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('findings.problem.delete')}
                            onClick={() => setDialog({ kind: 'delete', problem })}
                            data-testid="problem-delete"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {data && items.length === 0 && (
                <EmptyRow colSpan={cols}>
                  {Object.keys(toFilter(null, applied)).length ? t('findings.problems.emptyFiltered') : t('findings.problems.empty')}
                </EmptyRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePager
          page={list.page}
          pageSize={list.pageSize}
          total={data?.total}
          totalIsLowerBound={data?.totalIsLowerBound}
          totalLabel={(total) => t('findings.problems.total', { total })}
          lowerBoundLabel={(total) => t('findings.problems.totalOver', { total })}
          loading={loading}
          onChange={list.turn}
          testId="problems"
        />
      </Card>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ProblemDialog
          problem={dialog.kind === 'edit' ? dialog.problem : null}
          roundId={roundId}
          onClose={() => setDialog(null)}
          onDone={() => changed(dialog.kind === 'edit' ? t('findings.problem.updated') : t('findings.problem.created'))}
        />
      )}
      {dialog?.kind === 'view' && (
        <ProblemDetail
          problem={dialog.problem}
          onClose={() => setDialog(null)}
          onEdit={rights.write ? () => setDialog({ kind: 'edit', problem: dialog.problem }) : null}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('findings.problem.deleteTitle')}
          body={t('findings.problem.deleteBody', { unit: dialog.problem.unitName })}
          quote={dialog.problem.description}
          confirmLabel={t('findings.problem.delete')}
          onConfirm={() => invoke('problems.delete', { id: dialog.problem.id })}
          onClose={() => setDialog(null)}
          onDone={() => changed(t('findings.problem.deleted'))}
        />
      )}
      {dialog?.kind === 'bulk' && (
        <BulkEditDialog
          problems={selectedProblems}
          onClose={() => setDialog(null)}
          onDone={(updated) => changed(t('findings.bulk.done', { count: updated }))}
        />
      )}
    </Stack>
  );
}
