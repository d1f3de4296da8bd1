import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { ArchiveItem, ArchiveItemSummary, Dossier } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { ArchiveFileButtons, NoTextBadge } from './ArchiveFileButtons';
import { ItemFormDialog } from './ItemFormDialog';
import { editableOf, unitRefOf } from './labels';

/** The round's items with their files; edit while the dossier is open, correct once it is closed. */
export function DossierItems({ dossier, canWrite, version, onChanged }: { dossier: Dossier; canWrite: boolean; version: number; onChanged: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useChannel('archives.list', { roundId: dossier.roundId, ...page }, version);
  const [editing, setEditing] = useState<{ item: ArchiveItemSummary; mode: 'edit' | 'correct' } | null>(null);
  const closed = dossier.status === 'closed';
  const done = (item: ArchiveItem) => {
    setEditing(null);
    notifySuccess(t, item.archiveCode);
    onChanged();
  };
  return (
    <div>
      <Title order={3} fz="md" mb="sm">
        {t('archives.items.title')}
      </Title>
      <ErrorAlert error={list.error} />
      <PagedTable
        minWidth={980}
        testId="archives-items"
        head={
          <>
            <Table.Th>{t('archives.col.archiveCode')}</Table.Th>
            <Table.Th>{t('archives.col.title')}</Table.Th>
            <Table.Th>{t('archives.col.kind')}</Table.Th>
            <Table.Th>{t('archives.col.unit')}</Table.Th>
            <Table.Th>{t('archives.col.date')}</Table.Th>
            <Table.Th>{t('archives.col.pages')}</Table.Th>
            <Table.Th>{t('archives.col.classification')}</Table.Th>
            <Table.Th>{t('archives.col.files')}</Table.Th>
            {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
          </>
        }
        pager={{ ...page, total: list.data?.total, totalLabel: (total) => t('archives.dossier.items', { count: total }), loading: list.loading, onChange: (p, s) => setPage({ page: p, pageSize: s }), testId: 'archives-items' }}
      >
        {list.data?.items.length === 0 && <EmptyRow colSpan={canWrite ? 9 : 8}>{t('archives.items.empty')}</EmptyRow>}
        {list.data?.items.map((item) => (
          <Table.Tr key={item.id} data-testid="archives-item-row" data-code={item.archiveCode}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" ff="monospace">
                {item.archiveCode}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.displayTitle}</Text>
              {item.docNumber && (
                <Text size="xs" c="dimmed">
                  {item.docNumber}
                </Text>
              )}
              {item.note && (
                <Text size="xs" c="dimmed" data-testid="archives-item-note">
                  {item.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`archives.kind.${item.kind}`)}</Table.Td>
            <Table.Td data-testid="archives-item-unit">{item.unitName ?? ''}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.docDate, 'date')}</Table.Td>
            <Table.Td>{item.pages ?? ''}</Table.Td>
            <Table.Td>{t(`documents.classification.${item.classification}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ItemFiles key={`${item.id}-${version}`} item={item} />
            </Table.Td>
            {canWrite && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {closed ? (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => setEditing({ item, mode: 'correct' })} data-testid="archive-item-correct">
                      {t('archives.item.correct')}
                    </Button>
                  ) : (
                    <Button size="compact-xs" variant="light" onClick={() => setEditing({ item, mode: 'edit' })} data-testid="archive-item-edit">
                      {t('archives.item.edit')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </PagedTable>
      {editing && (
        <ItemFormDialog
          title={t(editing.mode === 'edit' ? 'archives.item.editTitle' : 'archives.item.correctTitle', { code: editing.item.archiveCode })}
          initial={editableOf(editing.item)}
          unit={unitRefOf(editing.item)}
          withReason={editing.mode === 'correct'}
          submitLabel={t(editing.mode === 'edit' ? 'common.save' : 'archives.item.correct')}
          onSubmit={(fields, reason, fromDisk) =>
            editing.mode === 'edit' ? invoke('archives.update', { id: editing.item.id, ...fields }) : invoke('archives.correct', { id: editing.item.id, reason, fromDisk, ...fields })
          }
          onClose={() => setEditing(null)}
          onDone={done}
        />
      )}
    </div>
  );
}

/** The list gives summaries; the files come with the item itself, read (and audited) when asked for. */
export function ItemFiles({ item }: { item: ArchiveItemSummary }) {
  const t = useT();
  const [full, setFull] = useState<ArchiveItem | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  if (full) return <ArchiveFileButtons item={full} autoOpen />;
  return (
    <Stack gap={2} align="flex-start">
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconFileText size={14} />}
        data-testid="archive-item-files"
        onClick={() => void invoke('archives.get', { id: item.id }).then((result) => (result.ok ? setFull(result.value) : setError(result.error)))}
      >
        {t('archives.item.view')}
      </Button>
      {item.noText && <NoTextBadge />}
      <ErrorAlert error={error} />
    </Stack>
  );
}
