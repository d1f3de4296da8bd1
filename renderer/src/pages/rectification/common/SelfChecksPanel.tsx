import { Badge, Button, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { CommonList, CommonListUnit } from '../../../../../shared/contract';
import { EmptyRow } from '../../../components/EmptyRow';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PagedTable } from '../../../components/PagedTable';
import { useChannel } from '../../../components/useChannel';
import { useT } from '../../../i18n';
import { UnitSelfCheck } from './UnitSelfCheck';

/** 单位自查情况: the units the list went to, how far each has got, and one unit's items to fill in. */
export function SelfChecksPanel({ list, mayWrite, onChanged }: { list: CommonList; mayWrite: boolean; onChanged: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [unit, setUnit] = useState<CommonListUnit | null>(null);
  const units = useChannel('commonLists.units', { listId: list.id, ...(query ? { text: query } : {}), page, pageSize }, version);

  return (
    <Stack gap="sm" data-testid="common-checks">
      <Title order={4}>{t('commonList.checks.title')}</Title>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('commonList.checks.pickUnit')}
        aria-label={t('commonList.checks.unit')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setPage(1);
        }}
        w={360}
        data-testid="common-checks-search"
      />
      <ErrorAlert error={units.error} />
      <PagedTable
        minWidth={720}
        testId="common-units"
        head={
          <>
            <Table.Th>{t('scorecard.unit')}</Table.Th>
            <Table.Th w={120}>{t('scorecard.region')}</Table.Th>
            <Table.Th w={140}>{t('scorecard.kind')}</Table.Th>
            <Table.Th w={260}>{t('commonList.checks.state')}</Table.Th>
            <Table.Th w={110} />
          </>
        }
        pager={{
          page,
          pageSize,
          total: units.data?.total,
          totalLabel: (total) => t('scorecard.total', { total }),
          loading: units.loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'common-units',
        }}
      >
        {units.data && units.data.items.length === 0 && <EmptyRow colSpan={5}>{t('common.none')}</EmptyRow>}
        {units.data?.items.map((row) => (
          <Table.Tr key={row.unitId} data-testid="common-unit-row" bg={unit?.unitId === row.unitId ? 'var(--mantine-color-blue-light)' : undefined}>
            <Table.Td>{row.unitName}</Table.Td>
            <Table.Td>{row.regionName ?? t('scorecard.cityLevel')}</Table.Td>
            <Table.Td>{row.kindName}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={row.checked === list.items ? 'teal' : row.checked > 0 ? 'blue' : 'gray'} data-testid="common-unit-progress">
                {t('commonList.checks.progress', { checked: `${row.checked}/${list.items}`, found: row.found, fixed: row.fixed })}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => setUnit(row)} data-testid="common-unit-open">
                {t('commonList.checks.title')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      {unit && (
        <UnitSelfCheck
          key={unit.unitId}
          list={list}
          unit={unit}
          mayWrite={mayWrite}
          onChanged={() => {
            setVersion((v) => v + 1);
            onChanged();
          }}
        />
      )}
      {!unit && (
        <Text size="sm" c="dimmed">
          {t('commonList.checks.pickUnit')}
        </Text>
      )}
    </Stack>
  );
}
