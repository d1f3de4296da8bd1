import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconArrowBack, IconCheck, IconFileText, IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { borrowingViews, type Borrowing } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { FileViewer } from '../findings/FileViewer';
import { DecideDialog } from './borrowing/DecideDialog';
import { RequestDialog } from './borrowing/RequestDialog';
import { StatusBadge } from './borrowing/StatusBadge';

type View = (typeof borrowingViews)[number];
type OpenFile = { item: Borrowing['items'][number]; file: Borrowing['items'][number]['files'][number] };

/**
 * 借阅登记: the requests (one's own; every request for those who approve), a new request, the
 * decision (never on one's own request), the return, and the files of items one may read now
 * through an approved request. The core decides every rule; the buttons only follow it.
 */
export function BorrowingTab() {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const approver = roleMay(user.role, 'archives.approve');
  const [view, setView] = useState<View>(approver ? 'pending' : 'all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'decide'; borrowing: Borrowing; approve: boolean } | null>(null);
  const [open, setOpen] = useState<OpenFile | null>(null);
  const list = useChannel('archives.borrowings', { view, page, pageSize }, version);
  const refresh = () => setVersion((v) => v + 1);
  const load = useCallback(() => invoke('archives.viewFile', { itemId: open?.item.itemId ?? 0, fileId: open?.file.id ?? 0 }), [open]);

  const giveBack = async (borrowing: Borrowing) => {
    const result = await invoke('archives.returnBorrowing', { id: borrowing.id });
    if (!result.ok) return notifyError(t, result.error);
    notifySuccess(t, t('borrowing.returned'));
    refresh();
  };

  const rows = list.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="borrowing-tab">
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('borrowing.viewLabel')}
          value={view}
          onChange={(value) => {
            setView(value as View);
            setPage(1);
          }}
          data={borrowingViews.map((value) => ({ value, label: t(`borrowing.view.${value}`) }))}
          data-testid="borrowing-view"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'new' })} data-testid="borrowing-new">
          {t('borrowing.new')}
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      <PagedTable
        minWidth={1000}
        testId="borrowing-table"
        head={
          <>
            <Table.Th>{t('borrowing.col.items')}</Table.Th>
            <Table.Th>{t('borrowing.col.requester')}</Table.Th>
            <Table.Th>{t('borrowing.col.mode')}</Table.Th>
            <Table.Th>{t('borrowing.col.purpose')}</Table.Th>
            <Table.Th>{t('borrowing.col.due')}</Table.Th>
            <Table.Th>{t('borrowing.col.status')}</Table.Th>
            <Table.Th>{t('borrowing.col.decision')}</Table.Th>
            <Table.Th>{t('borrowing.col.actions')}</Table.Th>
          </>
        }
        pager={{
          page,
          pageSize,
          total: list.data?.total,
          loading: list.loading,
          totalLabel: (total) => t('borrowing.total', { total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'borrowing-pager',
        }}
      >
        {rows.length === 0 && !list.loading && <EmptyRow colSpan={8}>{t('borrowing.empty')}</EmptyRow>}
        {rows.map((borrowing) => {
          const own = borrowing.requesterId === user.id;
          return (
            <Table.Tr key={borrowing.id} data-testid="borrowing-row" data-status={borrowing.status}>
              <Table.Td>
                <Stack gap={4}>
                  {borrowing.items.map((item) => (
                    <Stack key={item.itemId} gap={0}>
                      <Text size="sm" ff="monospace">
                        {item.archiveCode}
                      </Text>
                      <Text size="sm" c={item.title === null ? 'dimmed' : undefined} data-testid="borrowing-item-title">
                        {item.title ?? t('borrowing.hiddenTitle')}
                      </Text>
                      {borrowing.active && (
                        <Group gap={4}>
                          {item.files.map((file) => (
                            <Button key={file.id} size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />} onClick={() => setOpen({ item, file })} data-testid="borrowing-open-file">
                              {file.fileName}
                            </Button>
                          ))}
                        </Group>
                      )}
                    </Stack>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>{borrowing.requesterName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`borrowing.mode.${borrowing.mode}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {borrowing.purpose}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(borrowing.dueDate, 'date')}
                {borrowing.overdue && (
                  <Badge ml={6} color="red" variant="filled" size="sm" data-testid="borrowing-overdue">
                    {t('borrowing.overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={borrowing.status} />
              </Table.Td>
              <Table.Td>
                {borrowing.decidedByName && (
                  <Text size="xs">{t('borrowing.decidedBy', { name: borrowing.decidedByName, date: formatDate(borrowing.decidedAt, 'date') })}</Text>
                )}
                {borrowing.decisionNote && <Text size="xs" c="dimmed">{borrowing.decisionNote}</Text>}
                {borrowing.returnedAt && <Text size="xs">{t('borrowing.returnedOn', { date: formatDate(borrowing.returnedAt, 'date') })}</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {approver && !own && borrowing.status === 'pending' && (
                    <>
                      <Button size="compact-sm" leftSection={<IconCheck size={14} />} onClick={() => setDialog({ kind: 'decide', borrowing, approve: true })} data-testid="borrowing-approve">
                        {t('borrowing.approve')}
                      </Button>
                      <Button size="compact-sm" variant="default" leftSection={<IconX size={14} />} onClick={() => setDialog({ kind: 'decide', borrowing, approve: false })} data-testid="borrowing-refuse">
                        {t('borrowing.refuse')}
                      </Button>
                    </>
                  )}
                  {borrowing.status === 'approved' && (approver || (own && borrowing.mode === 'view')) && (
                    <Button size="compact-sm" variant="light" leftSection={<IconArrowBack size={14} />} onClick={() => void giveBack(borrowing)} data-testid="borrowing-return">
                      {t(approver ? 'borrowing.return' : 'borrowing.endView')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </PagedTable>
      {dialog?.kind === 'new' && (
        <RequestDialog
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('borrowing.requested'));
            setView('all');
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'decide' && (
        <DecideDialog
          borrowing={dialog.borrowing}
          approve={dialog.approve}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t(dialog.approve ? 'borrowing.approved' : 'borrowing.refused'));
            refresh();
          }}
        />
      )}
      {open && <FileViewer file={open.file} load={load} title={`${open.item.archiveCode}：${open.file.fileName}`} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
