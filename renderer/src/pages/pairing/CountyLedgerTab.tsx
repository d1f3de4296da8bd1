import { Anchor, Badge, Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { pairingCheckStatuses, type PairingCheckStatus, type PairingLedgerRow, type PairingOverview } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { CheckDrawer } from './CheckDrawer';
import { countyOptions, statusColors, type PairingRights } from './labels';

/** 县区自查台账: one county's row per supervision item for the year, 销号 item by item. */
export function CountyLedgerTab({
  year,
  overview,
  regionId,
  onRegion,
  rights,
}: {
  year: number;
  overview: PairingOverview;
  regionId: number | null;
  onRegion: (regionId: number | null) => void;
  rights: PairingRights;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<PairingCheckStatus | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [open, setOpen] = useState<number | null>(null);
  const ledger = useChannel('pairing.ledger', regionId === null ? null : { year, regionId }, version);
  const all = ledger.data?.rows ?? [];
  const numbered = all.map((row, i) => ({ row, number: i + 1 }));
  const shown = status ? numbered.filter(({ row }) => row.status === status) : numbered;
  const pageRows = shown.slice((page - 1) * pageSize, page * pageSize);
  const opened = open === null ? null : (all.find((row) => row.itemId === open) ?? null);
  const county = overview.counties.find((c) => c.regionId === regionId);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Box w={220}>
          <Select
            label={t('pairing.ledger.county')}
            placeholder={t('pairing.ledger.choose')}
            data={countyOptions(overview)}
            value={regionId === null ? null : String(regionId)}
            onChange={(next) => {
              onRegion(next ? Number(next) : null);
              setPage(1);
            }}
            searchable
            data-testid="pairing-ledger-county"
          />
        </Box>
        <Box w={160}>
          <Select
            label={t('pairing.ledger.filter')}
            placeholder={t('common.all')}
            data={pairingCheckStatuses.map((s) => ({ value: s, label: t(`pairing.status.${s}`) }))}
            value={status}
            onChange={(next) => {
              setStatus(next as PairingCheckStatus | null);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data-testid="pairing-ledger-status"
          />
        </Box>
        {ledger.data && (
          <Text size="sm" c="dimmed" pb={6} data-testid="pairing-ledger-counts">
            {t('pairing.ledger.counts', {
              notStarted: String(ledger.data.counts.notStarted),
              inProgress: String(ledger.data.counts.inProgress),
              closed: String(ledger.data.counts.closed),
              overdue: String(ledger.data.counts.overdue),
            })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={ledger.error} />
      {regionId === null ? (
        <Text c="dimmed">{t('pairing.ledger.choose')}</Text>
      ) : (
        <PagedTable
          minWidth={1000}
          testId="pairing-ledger"
          head={
            <>
              <Table.Th w={60}>{t('pairing.ledger.number')}</Table.Th>
              <Table.Th>{t('pairing.ledger.item')}</Table.Th>
              <Table.Th>{t('pairing.ledger.status')}</Table.Th>
              <Table.Th>{t('pairing.ledger.problem')}</Table.Th>
              <Table.Th>{t('pairing.ledger.deadline')}</Table.Th>
              <Table.Th>{t('pairing.ledger.responsible')}</Table.Th>
            </>
          }
          pager={{
            page,
            pageSize,
            total: ledger.data ? shown.length : undefined,
            totalLabel: (total) => t('pairing.template.total', { total }),
            loading: ledger.loading,
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
            },
            testId: 'pairing-ledger-pager',
          }}
        >
          {ledger.data && shown.length === 0 && <EmptyRow colSpan={6}>{t('common.none')}</EmptyRow>}
          {pageRows.map(({ row, number }) => (
            <LedgerRow key={row.itemId} row={row} number={number} onOpen={() => setOpen(row.itemId)} formatDate={formatDate} />
          ))}
        </PagedTable>
      )}
      {opened && regionId !== null && (
        <CheckDrawer
          year={year}
          regionId={regionId}
          countyName={county?.name ?? ''}
          row={opened}
          rights={rights}
          onClose={() => setOpen(null)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </Stack>
  );
}

function LedgerRow({ row, number, onOpen, formatDate }: { row: PairingLedgerRow; number: number; onOpen: () => void; formatDate: ReturnType<typeof useFormatDate> }) {
  const t = useT();
  return (
    <Table.Tr data-testid="pairing-ledger-row" data-status={row.status}>
      <Table.Td c="dimmed">{number}</Table.Td>
      <Table.Td maw={380}>
        <Anchor component="button" type="button" size="sm" ta="left" onClick={onOpen} data-testid="pairing-ledger-open">
          {row.text}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(`pairing.aspect.${row.aspect}`)}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge color={statusColors[row.status]} variant="light" data-testid="pairing-ledger-status-badge">
          {t(`pairing.status.${row.status}`)}
        </Badge>
        {row.closedOn && (
          <Text size="xs" c="dimmed">
            {formatDate(row.closedOn, 'date')}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" lineClamp={3}>
          {row.problem}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {row.deadline && formatDate(row.deadline, 'date')}
        {row.daysOverdue !== null && (
          <Badge color="red" variant="light" ml={6} data-testid="pairing-overdue">
            {t('pairing.ledger.overdue', { days: String(row.daysOverdue) })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.responsiblePerson}</Table.Td>
    </Table.Tr>
  );
}
