import { Alert, Card, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { openRectificationStatuses, type RectificationStatus } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TablePager } from '../../components/TablePager';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { ItemDrawer } from './ItemDrawer';
import { ItemsTable } from './ItemsTable';
import { isStatus, statusOptions, type RectificationRights } from './labels';

/** 逾期清单: reports not in by their due date, and items past their deadline and not closed (longest overdue first). */
export function OverdueTab({ roundId, rights }: { roundId: number | null; rights: RectificationRights }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [status, setStatus] = useState<Exclude<RectificationStatus, 'closed'> | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const inspections = useChannel('rectification.inspections', roundId !== null ? { roundId } : null, version);
  const counts = useChannel('rectification.counts', roundId !== null ? { roundId } : {}, version);
  const { data, error, loading } = useChannel(
    'rectification.overdue',
    { ...(roundId !== null ? { roundId } : {}), ...(unitId ? { unitId: Number(unitId) } : {}), ...(status ? { status } : {}), page, pageSize },
    version,
  );
  const unitOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const row of inspections.data ?? []) seen.set(row.unitId, row.unitName);
    return [...seen].map(([id, name]) => ({ value: String(id), label: name }));
  }, [inspections.data]);
  const lateReports = (inspections.data ?? []).filter((row) => row.report.daysOverdue !== null);

  return (
    <Stack gap="md" data-testid="rectification-overdue-tab">
      <ErrorAlert error={error ?? counts.error ?? inspections.error} />
      {counts.data && counts.data.overdueReports > 0 && (
        <Alert color="red" variant="light" icon={<IconClockExclamation size={18} />} title={t('rectification.overdueReports.title', { count: counts.data.overdueReports })} data-testid="overdue-reports">
          {lateReports.length > 0 ? (
            <List size="sm" spacing={2}>
              {lateReports.map((row) => (
                <List.Item key={row.inspectionId}>
                  {t('rectification.overdueReports.line', { unit: row.unitName, date: formatDate(row.report.dueOn, 'date'), days: row.report.daysOverdue ?? 0 })}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('rectification.overdueReports.chooseRound')}</Text>
          )}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Group gap="md" align="flex-end">
          <Select
            label={t('rectification.col.unit')}
            placeholder={roundId === null ? t('findings.filter.needsRound') : t('common.all')}
            data={unitOptions}
            value={unitId}
            onChange={(value) => {
              setUnitId(value);
              setPage(1);
            }}
            disabled={roundId === null}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            nothingFoundMessage={t('findings.inspection.none')}
            w={280}
            data-testid="overdue-filter-unit"
          />
          <Select
            label={t('rectification.col.status')}
            placeholder={t('common.all')}
            data={statusOptions(t, openRectificationStatuses)}
            value={status}
            onChange={(value) => {
              setStatus(isStatus(value) && value !== 'closed' ? value : null);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={200}
            data-testid="overdue-filter-status"
          />
          <Text size="sm" c="dimmed" pb={8}>
            {t('rectification.overdue.intro')}
          </Text>
        </Group>
      </Card>
      <Card withBorder radius="md" padding={0}>
        <ItemsTable
          items={data?.items ?? []}
          offset={(page - 1) * pageSize}
          showUnit
          loaded={data !== null}
          empty={t('rectification.overdue.empty')}
          onOpen={(item) => setOpenId(item.id)}
          testId="rectification-overdue"
        />
        <TablePager
          page={page}
          pageSize={pageSize}
          total={data?.total}
          totalLabel={(total) => t('rectification.overdue.total', { total })}
          loading={loading}
          onChange={(nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          }}
          testId="rectification-overdue"
        />
      </Card>
      {openId !== null && <ItemDrawer itemId={openId} rights={rights} onClose={() => setOpenId(null)} onChanged={() => setVersion((v) => v + 1)} />}
    </Stack>
  );
}
