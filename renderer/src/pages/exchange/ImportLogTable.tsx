import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeLogEntry } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { PagedTable } from '../../components/PagedTable';
import { useFormatDate, useT } from '../../i18n';
import { pageOf } from './fingerprint';

/** 导入记录: every package taken in, newest first, with what it added and changed. */
export function ImportLogTable({ entries, loading }: { entries: ExchangeLogEntry[]; loading: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  return (
    <PagedTable
      minWidth={820}
      testId="exchange-log"
      head={
        <>
          <Table.Th>{t('exchange.log.importedAt')}</Table.Th>
          <Table.Th>{t('exchange.log.sender')}</Table.Th>
          <Table.Th>{t('exchange.log.round')}</Table.Th>
          <Table.Th>{t('exchange.log.sequence')}</Table.Th>
          <Table.Th>{t('exchange.log.by')}</Table.Th>
          <Table.Th>{t('exchange.log.summary')}</Table.Th>
        </>
      }
      pager={{ ...paging, total: entries.length, loading, totalLabel: (total) => t('exchange.log.total', { total }), onChange: (page, pageSize) => setPaging({ page, pageSize }), testId: 'exchange-log-pager' }}
    >
      {entries.length === 0 && <EmptyRow colSpan={6}>{t('exchange.log.empty')}</EmptyRow>}
      {pageOf(entries, paging.page, paging.pageSize).map((entry) => {
        const sum = (key: 'new' | 'changed') => entry.diff.reduce((n, d) => n + d[key], 0);
        return (
          <Table.Tr key={entry.id} data-testid="exchange-log-row">
            <Table.Td>{formatDate(entry.importedAt)}</Table.Td>
            <Table.Td>{entry.senderName}</Table.Td>
            <Table.Td>{entry.roundLabel}</Table.Td>
            <Table.Td>{entry.sequence}</Table.Td>
            <Table.Td>{entry.importedBy}</Table.Td>
            <Table.Td>
              <Text size="sm">{t('exchange.log.summaryText', { new: sum('new'), changed: sum('changed') })}</Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </PagedTable>
  );
}
