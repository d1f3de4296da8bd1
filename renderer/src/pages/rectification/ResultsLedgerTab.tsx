import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ResultEntry, ResultKind } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import type { RectificationRights } from './labels';
import { ByInspectionTable } from './results/ByInspectionTable';
import { EntriesTable } from './results/EntriesTable';
import { EntryDialog } from './results/EntryDialog';
import { ExportButtons } from './results/ExportButtons';
import { isKind, kindOptions } from './results/labels';
import { SummaryCards } from './results/SummaryCards';

type Dialog = { kind: 'add' } | { kind: 'edit'; entry: ResultEntry } | { kind: 'delete'; entry: ResultEntry } | null;

/** 巡察成果运用台账: the round's sums by kind and by unit, the clue counts from findings, the entries and the report. */
export function ResultsLedgerTab({ roundId, rights }: { roundId: number | null; rights: RectificationRights }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const [unit, setUnit] = useState<string | null>(null);
  const [kind, setKind] = useState<ResultKind | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog>(null);
  const summary = useChannel('resultsLedger.summary', roundId !== null ? { roundId } : null, version);
  const list = useChannel(
    'resultsLedger.list',
    roundId !== null ? { roundId, ...(unit ? { inspectionId: Number(unit) } : {}), ...(kind ? { kind } : {}), page, pageSize } : null,
    version,
  );
  const unitOptions = useMemo(
    () => (summary.data?.byInspection ?? []).flatMap((row) => (row.inspectionId === null ? [] : [{ value: String(row.inspectionId), label: row.unitName ?? '' }])),
    [summary.data],
  );
  const changed = (message: string) => {
    setDialog(null);
    setVersion((v) => v + 1);
    notifySuccess(t, message);
  };

  if (roundId === null) {
    return (
      <Text c="dimmed" data-testid="results-choose-round">
        {t('results.chooseRound')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="results-ledger-tab">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t('results.intro')}
        </Text>
        <ExportButtons roundId={roundId} />
      </Group>
      <ErrorAlert error={summary.error ?? list.error} />
      {summary.data && <SummaryCards summary={summary.data} />}
      {summary.data && <ByInspectionTable summary={summary.data} />}
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-end">
          <Group gap="md" align="flex-end">
            <Title order={4} fz="sm" pb={8}>
              {t('results.entries.title')}
            </Title>
            <Select
              label={t('results.filter.unit')}
              placeholder={t('common.all')}
              data={unitOptions}
              value={unit}
              onChange={(value) => {
                setUnit(value);
                setPage(1);
              }}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={260}
              data-testid="results-filter-unit"
            />
            <Select
              label={t('results.filter.kind')}
              placeholder={t('common.all')}
              data={kindOptions(t)}
              value={kind}
              onChange={(value) => {
                setKind(isKind(value) ? value : null);
                setPage(1);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={180}
              data-testid="results-filter-kind"
            />
          </Group>
          {rights.write && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'add' })} disabled={!summary.data} data-testid="results-add">
              {t('results.entries.add')}
            </Button>
          )}
        </Group>
      </Card>
      {!rights.write && (
        <Alert variant="light" color="gray">
          {t('permission.none.results')}
        </Alert>
      )}
      <EntriesTable
        entries={list.data?.items ?? []}
        offset={(page - 1) * pageSize}
        loaded={list.data !== null}
        canWrite={rights.write}
        onEdit={(entry) => setDialog({ kind: 'edit', entry })}
        onDelete={(entry) => setDialog({ kind: 'delete', entry })}
        pager={{
          page,
          pageSize,
          total: list.data?.total,
          totalLabel: (total) => t('results.entries.total', { total }),
          loading: list.loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'results-entries',
        }}
      />
      {summary.data && (dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <EntryDialog
          roundId={roundId}
          summary={summary.data}
          entry={dialog.kind === 'edit' ? dialog.entry : null}
          defaultInspectionId={unit ? Number(unit) : null}
          onClose={() => setDialog(null)}
          onSaved={() => changed(t('results.saved'))}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('results.delete.title')}
          body={t('results.delete.body', { subject: dialog.entry.subject, kind: t(`results.kind.${dialog.entry.kind}`) })}
          confirmLabel={t('results.delete')}
          coreDetail
          onConfirm={() => invoke('resultsLedger.delete', { id: dialog.entry.id })}
          onClose={() => setDialog(null)}
          onDone={() => changed(t('results.deleted'))}
        />
      )}
    </Stack>
  );
}
