import { Alert, Box, Button, Card, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconFileReport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { base64ToBytes, saveBase64File } from '../../api/files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfViewer } from '../../components/PdfViewer';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import type { PairingRights } from './labels';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/** 通报: completion by county for the year or a month of it, then the PDF to preview and save. */
export function ReportTab({ year, rights }: { year: number; rights: PairingRights }) {
  const t = useT();
  const [month, setMonth] = useState<number | null>(null);
  const [pdf, setPdf] = useState<ChannelOutput<'pairing.printReport'> | null>(null);
  const period = month === null ? { year } : { year, month };
  const rows = useChannel('pairing.report', period);
  const { busy, error, run } = useSubmit();
  const bytes = useMemo(() => (pdf ? base64ToBytes(pdf.base64) : null), [pdf]);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Box w={160}>
          <Select
            label={t('pairing.report.period')}
            data={[{ value: '', label: t('pairing.report.wholeYear') }, ...months.map((m) => ({ value: String(m), label: t('pairing.report.month', { month: String(m) }) }))]}
            value={month === null ? '' : String(month)}
            onChange={(next) => {
              setMonth(next ? Number(next) : null);
              setPdf(null);
            }}
            allowDeselect={false}
            data-testid="pairing-report-month"
          />
        </Box>
        {rights.print && (
          <Button leftSection={<IconFileReport size={16} />} loading={busy} onClick={() => void run(() => invoke('pairing.printReport', period), setPdf)} data-testid="pairing-report-print">
            {t('pairing.report.print')}
          </Button>
        )}
        {pdf && (
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => saveBase64File(pdf, 'application/pdf')} data-testid="pairing-report-save">
            {t('pairing.report.save')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={rows.error ?? error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="pairing-report">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
            <Table.Th>{t('pairing.report.number')}</Table.Th>
            <Table.Th>{t('pairing.report.county')}</Table.Th>
            <Table.Th>{t('pairing.report.leader')}</Table.Th>
            <Table.Th ta="right">{t('pairing.report.items')}</Table.Th>
            <Table.Th ta="right">{t('pairing.report.closed')}</Table.Th>
            <Table.Th ta="right">{t('pairing.report.rate')}</Table.Th>
            <Table.Th ta="right">{t('pairing.report.overdue')}</Table.Th>
            <Table.Th ta="right">{t('pairing.report.visits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
        {rows.data?.map((row, i) => (
          <Table.Tr key={row.regionId} data-testid="pairing-report-row" data-county={row.countyName}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td>{row.countyName}</Table.Td>
            <Table.Td c={row.leaderName ? undefined : 'dimmed'}>{row.leaderName ?? t('pairing.report.noLeader')}</Table.Td>
            <Table.Td ta="right">{row.items}</Table.Td>
            <Table.Td ta="right">{row.closed}</Table.Td>
            <Table.Td ta="right">{row.rate === null ? '—' : `${row.rate}%`}</Table.Td>
            <Table.Td ta="right" c={row.overdue ? 'red' : undefined}>
              {row.overdue}
            </Table.Td>
            <Table.Td ta="right">{row.visits}</Table.Td>
          </Table.Tr>
        ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {busy && (
        <Group gap="xs" data-testid="pairing-report-progress">
          <Loader size="sm" />
          <Text size="sm">{t('pairing.report.printing')}</Text>
        </Group>
      )}
      {pdf && bytes && (
        <Stack gap="xs" data-testid="pairing-report-preview">
          {pdf.substitutes && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('pairing.report.substitutes')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {pdf.fileName} · {t('pairing.report.pages', { pages: String(pdf.pages) })}
          </Text>
          <PdfViewer data={bytes} height="70vh" title={pdf.fileName} autoFocus={false} />
        </Stack>
      )}
    </Stack>
  );
}
