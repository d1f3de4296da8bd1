import { Button, Card, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { rectificationStatuses, type RectificationInspection, type RectificationStatus } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { TablePager } from '../../components/TablePager';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { CreateItemsDialog } from './CreateItemsDialog';
import { ItemDrawer } from './ItemDrawer';
import { ItemsTable } from './ItemsTable';
import { isStatus, type RectificationRights } from './labels';
import { ReportCard } from './ReportCard';

/** One inspection: the unit's report, then its ledger (paged, by status), each item opening in a drawer. */
export function InspectionLedger({ inspection, rights, onChanged }: { inspection: RectificationInspection; rights: RectificationRights; onChanged: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<RectificationStatus | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, error, loading } = useChannel(
    'rectification.ledger',
    { inspectionId: inspection.inspectionId, ...(status ? { status } : {}), page, pageSize },
    version,
  );
  const counts = data?.byStatus;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const refresh = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  return (
    <Stack gap="md" data-testid="rectification-inspection-ledger" data-inspection-id={inspection.inspectionId}>
      <ReportCard inspectionId={inspection.inspectionId} unitName={inspection.unitName} rights={rights} onChanged={onChanged} />
      <ErrorAlert error={error} />
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          value={status ?? 'all'}
          onChange={(value) => {
            setStatus(isStatus(value) ? value : null);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('rectification.filter.all', { count: all }) },
            ...rectificationStatuses.map((s) => ({ value: s, label: t('rectification.filter.status', { status: t(`rectification.status.${s}`), count: counts?.[s] ?? 0 }) })),
          ]}
          aria-label={t('rectification.col.status')}
          data-testid="rectification-status-filter"
        />
        {rights.write && data && data.problemsWithoutItem > 0 && (
          <Button leftSection={<IconListDetails size={18} />} onClick={() => setCreating(true)} data-testid="rectification-create">
            {t('rectification.create.open', { count: data.problemsWithoutItem })}
          </Button>
        )}
      </Group>
      <Card withBorder radius="md" padding={0}>
        <ItemsTable
          items={data?.items ?? []}
          offset={(page - 1) * pageSize}
          loaded={data !== null}
          empty={all === 0 ? t('rectification.ledger.empty') : t('rectification.ledger.emptyStatus')}
          onOpen={(item) => setOpenId(item.id)}
          testId="rectification-ledger"
        />
        <TablePager
          page={page}
          pageSize={pageSize}
          total={data?.total}
          totalLabel={(total) => t('rectification.ledger.total', { total })}
          loading={loading}
          onChange={(nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          }}
          testId="rectification-ledger"
        />
      </Card>
      {creating && data && (
        <CreateItemsDialog
          inspection={inspection}
          count={data.problemsWithoutItem}
          onClose={() => setCreating(false)}
          onDone={(created) => {
            setCreating(false);
            notifySuccess(t, t('rectification.create.done', { count: created }));
            refresh();
          }}
        />
      )}
      {openId !== null && <ItemDrawer itemId={openId} rights={rights} onClose={() => setOpenId(null)} onChanged={refresh} />}
    </Stack>
  );
}
