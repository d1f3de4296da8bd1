import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CommonList, CommonProblem } from '../../../../../shared/contract';
import { invoke } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyRow } from '../../../components/EmptyRow';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PagedTable } from '../../../components/PagedTable';
import { useChannel } from '../../../components/useChannel';
import { useT } from '../../../i18n';
import { focusColors } from '../../findings/labels';
import { EditItemDialog } from './EditItemDialog';

/** The items of a list in order, each with the rounds and problems it was merged from. */
export function CommonItemsTable({ list, mayEdit, version, onChanged }: { list: CommonList; mayEdit: boolean; version: number; onChanged: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [removing, setRemoving] = useState<CommonProblem | null>(null);
  const [editing, setEditing] = useState<CommonProblem | null>(null);
  const { data, error, loading } = useChannel('commonLists.items', { listId: list.id, page, pageSize }, version);
  const columns = mayEdit ? 5 : 4;

  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <PagedTable
        minWidth={860}
        testId="common-items"
        head={
          <>
            <Table.Th w={60}>{t('commonList.items.sequence')}</Table.Th>
            <Table.Th w={150}>{t('commonList.items.focus')}</Table.Th>
            <Table.Th>{t('commonList.items.wording')}</Table.Th>
            <Table.Th w={320}>{t('commonList.items.sources')}</Table.Th>
            {mayEdit && <Table.Th w={150} />}
          </>
        }
        pager={{
          page,
          pageSize,
          total: data?.total,
          totalLabel: (total) => t('commonList.items.total', { total }),
          loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'common-items',
        }}
      >
        {data && data.items.length === 0 && <EmptyRow colSpan={columns}>{t('commonList.items.empty')}</EmptyRow>}
        {data?.items.map((item) => (
          <Table.Tr key={item.id} data-testid="common-item-row">
            <Table.Td>{item.sequence}</Table.Td>
            <Table.Td>
              <Text size="xs" fw={600} c={`${focusColors[item.focus]}.8`}>
                {t(`findings.focus.${item.focus}`)}
              </Text>
            </Table.Td>
            <Table.Td data-testid="common-item-wording">{item.wording}</Table.Td>
            <Table.Td>
              <Text size="xs" fw={600} data-testid="common-item-rounds">
                {t('commonList.items.rounds', { rounds: item.rounds, count: item.sources.length })}
              </Text>
              {item.sources.map((source, index) => (
                <Text size="xs" c="dimmed" key={index} lineClamp={2}>
                  {source.roundLabel} · {source.unitName}：{source.description}
                  {source.problemId === null ? t('commonList.items.deletedSource') : ''}
                </Text>
              ))}
            </Table.Td>
            {mayEdit && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(item)} data-testid="common-item-edit">
                    {t('commonList.items.editShort')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(item)} data-testid="common-item-delete">
                    {t('commonList.items.delete')}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </PagedTable>
      {editing && (
        <EditItemDialog
          item={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('commonList.items.delete')}
          body={t('commonList.items.deleteConfirm', { sequence: removing.sequence })}
          quote={removing.wording}
          coreDetail
          confirmLabel={t('commonList.items.delete')}
          onConfirm={() => invoke('commonProblems.delete', { id: removing.id })}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
