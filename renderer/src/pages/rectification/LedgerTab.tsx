import { Anchor, Badge, Card, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RectificationInspection } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT, type Translate } from '../../i18n';
import { groupText } from '../findings/labels';
import { InspectionLedger } from './InspectionLedger';
import type { RectificationRights } from './labels';

const PAGE_SIZE = 20;

function inspectionText(t: Translate, row: RectificationInspection): string {
  return t('findings.inspection.label', { unit: row.unitName, group: groupText(t, row.groupNumber) });
}

/** 整改台账: choose an inspection of the round (from the overview or the picker), then its ledger. */
export function LedgerTab({
  roundId,
  inspectionId,
  onInspection,
  rights,
}: {
  roundId: number | null;
  inspectionId: number | null;
  onInspection: (id: number | null) => void;
  rights: RectificationRights;
}) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const { data, error } = useChannel('rectification.inspections', roundId !== null ? { roundId } : null, version);
  const rows = data ?? [];
  const chosen = rows.find((row) => row.inspectionId === inspectionId) ?? null;

  if (roundId === null) {
    return (
      <Text c="dimmed" size="sm">
        {t('findings.needsRound')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="rectification-ledger-tab">
      <ErrorAlert error={error} />
      <Select
        label={t('rectification.inspection.label')}
        placeholder={t('rectification.inspection.choose')}
        data={rows.map((row) => ({ value: String(row.inspectionId), label: inspectionText(t, row) }))}
        value={chosen ? String(chosen.inspectionId) : null}
        onChange={(value) => onInspection(value ? Number(value) : null)}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        nothingFoundMessage={t('findings.inspection.none')}
        maw={520}
        data-testid="rectification-inspection"
      />
      {chosen ? (
        <InspectionLedger key={chosen.inspectionId} inspection={chosen} rights={rights} onChanged={() => setVersion((v) => v + 1)} />
      ) : (
        data && <RoundOverview rows={rows} onChoose={onInspection} />
      )}
    </Stack>
  );
}

/** The round's inspections with their ledgers in numbers; a unit's name opens its ledger. */
function RoundOverview({ rows, onChoose }: { rows: RectificationInspection[]; onChoose: (id: number) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" data-testid="rectification-overview">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th miw={200}>{t('rectification.col.unit')}</Table.Th>
              <Table.Th>{t('findings.col.group')}</Table.Th>
              <Table.Th ta="right">{t('rectification.col.problems')}</Table.Th>
              <Table.Th ta="right">{t('rectification.col.items')}</Table.Th>
              <Table.Th ta="right">{t('rectification.status.closed')}</Table.Th>
              <Table.Th ta="right">{t('rectification.col.overdue')}</Table.Th>
              <Table.Th miw={220}>{t('rectification.col.report')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.inspectionId} data-testid="rectification-overview-row" data-unit-name={row.unitName}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" onClick={() => onChoose(row.inspectionId)}>
                    {row.unitName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {groupText(t, row.groupNumber)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{row.problems}</Table.Td>
                <Table.Td ta="right">{row.items}</Table.Td>
                <Table.Td ta="right">{row.byStatus.closed}</Table.Td>
                <Table.Td ta="right">
                  {row.overdueItems > 0 ? (
                    <Badge color="red" variant="light" radius="sm">
                      {row.overdueItems}
                    </Badge>
                  ) : (
                    '0'
                  )}
                </Table.Td>
                <Table.Td>
                  <ReportState report={row.report} formatDate={formatDate} />
                </Table.Td>
              </Table.Tr>
            ))}
            {rows.length === 0 && <EmptyRow colSpan={7}>{t('rectification.overview.empty')}</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" p="md">
        <Text size="sm" c="dimmed">
          {t('rectification.overview.total', { total: rows.length })}
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
  );
}

/** 已报送 2020年8月31日 · 应于 2020年8月29日前报送 · 逾期 3 天未报送 · 尚未反馈. */
export function ReportState({ report, formatDate }: { report: RectificationInspection['report']; formatDate: ReturnType<typeof useFormatDate> }) {
  const t = useT();
  if (report.receivedOn) {
    return (
      <Text size="sm" c="teal.8">
        {t('rectification.report.receivedOn', { date: formatDate(report.receivedOn, 'date') })}
      </Text>
    );
  }
  if (!report.dueOn) {
    return (
      <Text size="sm" c="dimmed">
        {t('rectification.report.noFeedback')}
      </Text>
    );
  }
  if (report.daysOverdue !== null) {
    return (
      <Text size="sm" c="red" fw={600} data-testid="report-overdue">
        {t('rectification.report.overdue', { date: formatDate(report.dueOn, 'date'), days: report.daysOverdue })}
      </Text>
    );
  }
  return <Text size="sm">{t('rectification.report.dueBy', { date: formatDate(report.dueOn, 'date') })}</Text>;
}
