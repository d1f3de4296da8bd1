import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import type { ResultEntry } from '../../../../../shared/contract';
import { EmptyRow } from '../../../components/EmptyRow';
import { PagedTable } from '../../../components/PagedTable';
import type { TablePager } from '../../../components/TablePager';
import { useFormatDate, useT } from '../../../i18n';
import { fenToYuanText, figure, isMoney, kindWithMeasure } from './labels';

/** One page of the round's entries; every cell is text (markup shows as typed). */
export function EntriesTable({
  entries,
  offset,
  loaded,
  canWrite,
  pager,
  onEdit,
  onDelete,
}: {
  entries: readonly ResultEntry[];
  offset: number;
  loaded: boolean;
  canWrite: boolean;
  pager: ComponentProps<typeof TablePager>;
  onEdit: (entry: ResultEntry) => void;
  onDelete: (entry: ResultEntry) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const columns = canWrite ? 9 : 8;
  return (
    <PagedTable
      minWidth={1000}
      testId="results-entries"
      pager={pager}
      head={
        <>
          <Table.Th w={50}>#</Table.Th>
          <Table.Th>{t('results.filter.unit')}</Table.Th>
          <Table.Th>{t('results.col.kind')}</Table.Th>
          <Table.Th>{t('results.col.subject')}</Table.Th>
          <Table.Th ta="right">{t('results.col.quantity')}</Table.Th>
          <Table.Th>{t('results.col.date')}</Table.Th>
          <Table.Th>{t('results.col.link')}</Table.Th>
          <Table.Th>{t('results.col.note')}</Table.Th>
          {canWrite && <Table.Th w={90}>{t('results.col.actions')}</Table.Th>}
        </>
      }
    >
      {loaded && entries.length === 0 && <EmptyRow colSpan={columns}>{t('results.entries.empty')}</EmptyRow>}
      {entries.map((entry, i) => (
        <Table.Tr key={entry.id} data-testid="results-entry-row">
          <Table.Td>{offset + i + 1}</Table.Td>
          <Table.Td>{entry.unitName ?? t('results.roundLevel')}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{kindWithMeasure(t, entry.kind)}</Table.Td>
          <Table.Td style={{ wordBreak: 'break-word' }}>{entry.subject}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} title={isMoney(entry.kind) ? t('results.yuan', { amount: fenToYuanText(entry.quantity) }) : undefined}>
            {figure(entry.kind, entry.quantity)}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.decidedOn ? formatDate(entry.decidedOn, 'date') : '—'}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {entry.problemDescription && (
                <Text size="xs" lineClamp={2} title={entry.problemDescription}>
                  {t('results.link.problem', { text: entry.problemDescription })}
                </Text>
              )}
              {entry.linkedClue && (
                <Badge size="sm" variant="light" color="grape">
                  {entry.clueCode ? t('results.link.clue', { code: entry.clueCode }) : t('results.link.clueHidden')}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm" lineClamp={2} title={entry.note}>
              {entry.note}
            </Text>
          </Table.Td>
          {canWrite && (
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('results.edit')}>
                  <ActionIcon variant="subtle" aria-label={`${t('results.edit')} ${entry.subject}`} onClick={() => onEdit(entry)} data-testid="results-entry-edit">
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('results.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={`${t('results.delete')} ${entry.subject}`} onClick={() => onDelete(entry)} data-testid="results-entry-delete">
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </PagedTable>
  );
}
