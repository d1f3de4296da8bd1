import { Badge, Card, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatDate, useT } from '../../i18n';
import { useChannel } from '../../components/useChannel';

const PAGE_SIZE = 20;

/** 回头看 candidates: inspected earlier in the term, not yet followed up, oldest first. */
export function LookbackList({ termId }: { termId: number }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { data, error } = useChannel('coverage.lookbackCandidates', { termId });
  const [page, setPage] = useState(1);
  const rows = data ?? [];
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Stack gap="md" data-testid="lookback-list">
      <Text size="sm" c="dimmed" maw={760}>
        {t('coverage.lookback.intro')}
      </Text>
      <ErrorAlert error={error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="lookback-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry.col.name')}</Table.Th>
                <Table.Th w={110}>{t('registry.col.kind')}</Table.Th>
                <Table.Th w={220}>{t('coverage.lookback.round')}</Table.Th>
                <Table.Th w={140}>{t('coverage.lookback.ended')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('coverage.lookback.age')}
                </Table.Th>
                <Table.Th>{t('coverage.lookback.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.inspectionId} data-unit-name={row.unitName}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.unitName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.kindName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.roundLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={row.endedOn ? undefined : 'dimmed'}>
                      {row.endedOn ? formatDate(row.endedOn, 'date') : t('coverage.lookback.notEnded')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.ageDays !== null ? (
                      <Badge variant="light" color={row.ageDays > 365 ? 'red' : row.ageDays > 180 ? 'orange' : 'gray'} radius="sm">
                        {t('coverage.lookback.days', { days: row.ageDays })}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`coverage.lookback.reason.${row.reason}`, { days: row.ageDays ?? 0, open: row.openRectificationItems, overdue: row.overdueRectificationItems })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" c="dimmed" py="xl">
                      {t('coverage.lookback.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" p="md">
          <Text size="sm" c="dimmed" data-testid="lookback-total">
            {t('registry.total', { total: rows.length })}
          </Text>
          <Pagination
            total={Math.max(1, Math.ceil(rows.length / PAGE_SIZE))}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          />
        </Group>
      </Card>
    </Stack>
  );
}
