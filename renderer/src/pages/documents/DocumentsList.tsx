import { Button, Group, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { documentKinds, documentStatuses, type DocumentKind, type DocumentStatus } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { groupText } from '../findings/labels';
import { InspectionSelect } from '../findings/pickers';
import { CreateDocumentDialog } from './CreateDocumentDialog';
import { ClassificationBadge, StatusBadge } from './labels';

interface Filters {
  inspectionId: number | null;
  kind: DocumentKind | null;
  status: DocumentStatus | null;
}
const noFilters: Filters = { inspectionId: null, kind: null, status: null };

/** The round's documents, newest first, filtered by inspection, kind and status; a title opens the editor. */
export function DocumentsList({ roundId, onOpen }: { roundId: number | null; onOpen: (id: number) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayWrite = roleMay(user.role, 'documents.write');
  const query = useListQuery<Filters>(noFilters);
  const [creating, setCreating] = useState(false);
  const inspections = useChannel('inspections.list', roundId !== null ? { roundId } : null);
  const { applied } = query;
  const list = useChannel('documents.list', {
    ...(roundId !== null ? { roundId } : {}),
    ...(applied.inspectionId !== null ? { inspectionId: applied.inspectionId } : {}),
    ...(applied.kind ? { kind: applied.kind } : {}),
    ...(applied.status ? { status: applied.status } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  const rows = list.data?.items ?? [];

  return (
    <Stack gap="md" data-testid="documents-list-tab">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <InspectionSelect
            inspections={inspections.data}
            value={query.draft.inspectionId}
            onChange={(inspection) => query.choose({ ...query.draft, inspectionId: inspection?.id ?? null })}
            label={t('documents.filter.inspection')}
            clearable
            disabled={roundId === null}
            testId="documents-filter-inspection"
          />
          <Select
            label={t('documents.filter.kind')}
            placeholder={t('documents.filter.all')}
            data={documentKinds.map((kind) => ({ value: kind, label: t(`documents.kind.${kind}`) }))}
            value={query.draft.kind}
            onChange={(value) => query.choose({ ...query.draft, kind: (value as DocumentKind | null) ?? null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={180}
            data-testid="documents-filter-kind"
          />
          <Select
            label={t('documents.filter.status')}
            placeholder={t('documents.filter.all')}
            data={documentStatuses.map((status) => ({ value: status, label: t(`documents.status.${status}`) }))}
            value={query.draft.status}
            onChange={(value) => query.choose({ ...query.draft, status: (value as DocumentStatus | null) ?? null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={140}
            data-testid="documents-filter-status"
          />
        </Group>
        {mayWrite && (
          <Button leftSection={<IconFilePlus size={18} />} onClick={() => setCreating(true)} disabled={roundId === null} data-testid="documents-create">
            {t('documents.create')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      <PagedTable
        minWidth={980}
        testId="documents-table"
        head={
          <>
            <Table.Th miw={260}>{t('documents.col.title')}</Table.Th>
            <Table.Th>{t('documents.col.kind')}</Table.Th>
            <Table.Th>{t('documents.col.unit')}</Table.Th>
            <Table.Th>{t('documents.col.classification')}</Table.Th>
            <Table.Th>{t('documents.col.status')}</Table.Th>
            <Table.Th>{t('documents.col.version')}</Table.Th>
            <Table.Th>{t('documents.col.updated')}</Table.Th>
            <Table.Th>{t('documents.col.prints')}</Table.Th>
          </>
        }
        pager={{
          page: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          totalLabel: (total) => t('documents.list.total', { total }),
          loading: list.loading,
          onChange: query.turn,
          testId: 'documents-pager',
        }}
      >
        {list.data && rows.length === 0 && <EmptyRow colSpan={8}>{t('documents.list.empty')}</EmptyRow>}
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="documents-row">
            <Table.Td>
              <UnstyledButton onClick={() => onOpen(row.id)} data-testid="documents-open" c="blue.8" fw={500} style={{ textAlign: 'left' }}>
                {row.title}
              </UnstyledButton>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`documents.kind.${row.kind}`)}</Table.Td>
            <Table.Td>
              <Text size="sm">{row.unitName ?? '—'}</Text>
              {row.groupNumber !== null && (
                <Text size="xs" c="dimmed">
                  {groupText(t, row.groupNumber)}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ClassificationBadge classification={row.classification} period={row.classificationPeriod} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge status={row.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('documents.versionNumber', { version: row.finalVersion ?? row.latestVersion })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.updatedAt)}</Table.Td>
            <Table.Td>{row.printCount}</Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      {creating && roundId !== null && (
        <CreateDocumentDialog
          inspections={inspections.data}
          initialInspection={applied.inspectionId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      )}
    </Stack>
  );
}
