import { Card, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { TablePager } from '../../../components/TablePager';
import { groupLabel } from '../../../../../shared/format';
import { resultKinds, type ResultsSummary } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { figure, kindWithMeasure } from './labels';

/** The sums per inspected unit with the totals row: the report's table, on screen. */
export function ByInspectionTable({ summary }: { summary: ResultsSummary }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const handedOver = summary.byInspection.reduce((n, row) => n + row.cluesHandedOver, 0);
  const rows = summary.byInspection.slice((page - 1) * pageSize, page * pageSize);
  return (
    <Card withBorder radius="md" padding={0}>
      <Title order={4} fz="sm" p="sm" pb={0}>
        {t('results.byInspection.title')}
      </Title>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped verticalSpacing={6} horizontalSpacing="sm" data-testid="results-by-inspection">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={180}>{t('results.byInspection.unit')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('results.byInspection.group')}</Table.Th>
              <Table.Th ta="right">{t('results.byInspection.clues')}</Table.Th>
              {resultKinds.map((kind) => (
                <Table.Th key={kind} ta="right" fz="xs">
                  {kindWithMeasure(t, kind)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.inspectionId ?? 'round'} data-testid="results-by-inspection-row">
                <Table.Td>{row.unitName ?? t('results.roundLevel')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.groupNumber === null ? '' : groupLabel(row.groupNumber)}</Table.Td>
                <Table.Td ta="right">{row.cluesHandedOver}</Table.Td>
                {resultKinds.map((kind) => (
                  <Table.Td key={kind} ta="right" c={row.totals[kind] === 0 ? 'dimmed' : undefined}>
                    {figure(kind, row.totals[kind])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="results-by-inspection-sum">
              <Table.Td colSpan={2}>{t('results.byInspection.total')}</Table.Td>
              <Table.Td ta="right">{handedOver}</Table.Td>
              {resultKinds.map((kind) => (
                <Table.Td key={kind} ta="right">
                  {figure(kind, summary.totals[kind])}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <TablePager
        page={page}
        pageSize={pageSize}
        total={summary.byInspection.length}
        totalLabel={(total) => t('results.byInspection.count', { total })}
        loading={false}
        onChange={(nextPage, nextSize) => {
          setPage(nextPage);
          setPageSize(nextSize);
        }}
        testId="results-by-inspection"
      />
    </Card>
  );
}
