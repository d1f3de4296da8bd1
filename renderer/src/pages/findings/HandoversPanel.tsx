import { Badge, Button, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLock, IconReceipt, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { HandoverRow, RoundSummary } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import type { FindingsRights } from './FindingsModule';
import { HandOverDialog } from './HandOverDialog';
import { ReceiptDialog } from './ReceiptDialog';

/** Clue numbers shown in a row before "等 N 条". */
const CODES_SHOWN = 4;

/** What a role may do with one hand-over; the core decides again on every call. */
function mayChange(row: HandoverRow, rights: FindingsRights): boolean {
  return row.concernsClues ? rights.writeClues : rights.write;
}
function mayView(row: HandoverRow, rights: FindingsRights): boolean {
  return row.concernsClues ? rights.readClues : true;
}

/**
 * 移交台账: every hand-over of the round, newest first: to whom, what (clue numbers for those who
 * may read clues, counts for everyone else), the answer deadline and how far past it, the
 * receipt, and how many of its clues have a disposal.
 */
export function HandoversPanel({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'list' } | { kind: 'receipt'; row: HandoverRow } | null>(null);
  const input = useMemo(() => ({ ...(round ? { roundId: round.id } : {}), page, pageSize }), [round, page, pageSize]);
  const { data, error, loading } = useChannel('handover.register', input, version);
  const items = data?.items ?? [];
  const reload = () => setVersion((current) => current + 1);
  const cols = round ? 8 : 9;

  const content = (row: HandoverRow) => (
    <Stack gap={4}>
      {row.clueCodes && row.clueCodes.length > 0 && (
        <Group gap={4}>
          {row.clueCodes.slice(0, CODES_SHOWN).map((code) => (
            <Badge key={code} variant="light" radius="sm" size="sm">
              {code}
            </Badge>
          ))}
          {row.clueCodes.length > CODES_SHOWN && (
            <Text size="xs" c="dimmed">
              {t('handover.register.moreCodes', { count: row.clueCodes.length })}
            </Text>
          )}
        </Group>
      )}
      {!row.clueCodes && row.clueCount > 0 && (
        <Group gap={4} wrap="nowrap">
          <IconLock size={14} aria-hidden />
          <Text size="sm">{t('handover.register.clueCount', { count: row.clueCount })}</Text>
        </Group>
      )}
      {row.lists.map((kind) => (
        <Text size="sm" key={kind}>
          {t(`handover.listKind.${kind}`)}
        </Text>
      ))}
    </Stack>
  );

  const progress = (row: HandoverRow) => {
    if (row.clueCount === 0) return <Text size="sm" c="dimmed">—</Text>;
    return (
      <Stack gap={2} miw={90}>
        <Text size="sm" data-testid="handover-progress">
          {t('handover.register.progress', { done: row.disposedCount, total: row.clueCount })}
        </Text>
        <Progress value={(row.disposedCount / row.clueCount) * 100} size="sm" color={row.disposedCount === row.clueCount ? 'teal' : 'orange'} aria-hidden />
      </Stack>
    );
  };

  const deadline = (row: HandoverRow) => {
    if (row.daysOverdue !== null)
      return (
        <Badge color="red" variant="light" radius="sm" data-testid="handover-overdue-days">
          {t('handover.register.overdue', { days: row.daysOverdue })}
        </Badge>
      );
    if (row.clueCount > 0 && row.disposedCount === row.clueCount)
      return (
        <Badge color="teal" variant="light" radius="sm">
          {t('handover.register.answered')}
        </Badge>
      );
    return <Text size="sm" c="dimmed">—</Text>;
  };

  return (
    <Stack gap="md" data-testid="handovers-panel">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={760}>
          {t('handover.register.intro')}
        </Text>
        {rights.write && (
          <Tooltip label={t('findings.needsRound')} disabled={round !== null}>
            <Button leftSection={<IconSend size={18} />} onClick={() => setDialog({ kind: 'list' })} disabled={!round} data-testid="handover-list-open">
              {t('handover.list.open')}
            </Button>
          </Tooltip>
        )}
      </Group>
      <ErrorAlert error={error} />
      <PagedTable
        minWidth={1000}
        testId="handovers-table"
        head={
          <>
            <Table.Th>{t('findings.handover.handedOn')}</Table.Th>
            {!round && <Table.Th>{t('findings.round.label')}</Table.Th>}
            <Table.Th>{t('findings.handover.receiver')}</Table.Th>
            <Table.Th miw={200}>{t('handover.register.content')}</Table.Th>
            <Table.Th>{t('findings.handover.answerDueOn')}</Table.Th>
            <Table.Th>{t('handover.register.status')}</Table.Th>
            <Table.Th>{t('handover.register.disposal')}</Table.Th>
            <Table.Th>{t('handover.register.receipt')}</Table.Th>
            <Table.Th w={110} />
          </>
        }
        pager={{
          page,
          pageSize,
          total: data?.total,
          totalLabel: (total) => t('handover.register.total', { total }),
          loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'handovers',
        }}
      >
        {items.map((row) => (
          <Table.Tr key={row.id} data-testid="handover-row" data-receiver={row.receiverName} data-overdue={row.daysOverdue ?? ''}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatDate(row.handedOn, 'date')}</Text>
            </Table.Td>
            {!round && (
              <Table.Td>
                <Text size="sm">{row.roundLabel}</Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm" fw={500}>
                {row.receiverName}
              </Text>
              {row.receivingPerson && (
                <Text size="xs" c="dimmed">
                  {t('handover.register.person', { person: row.receivingPerson })}
                </Text>
              )}
            </Table.Td>
            <Table.Td data-testid="handover-content">{content(row)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" c={row.answerDueOn ? undefined : 'dimmed'}>
                {row.answerDueOn ? formatDate(row.answerDueOn, 'date') : t('handover.register.noDue')}
              </Text>
            </Table.Td>
            <Table.Td>{deadline(row)}</Table.Td>
            <Table.Td>{progress(row)}</Table.Td>
            <Table.Td data-testid="handover-receipt">
              <Text size="sm" c={row.receiptReturnedOn ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                {row.receiptReturnedOn ? t('handover.register.returned', { date: formatDate(row.receiptReturnedOn, 'date') }) : t('handover.register.notReturned')}
              </Text>
              <Text size="xs" c="dimmed">
                {row.receipt ? t('handover.register.scanStored') : t('handover.register.noScan')}
              </Text>
            </Table.Td>
            <Table.Td>
              {mayChange(row, rights) || (mayView(row, rights) && row.receipt) ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconReceipt size={14} />}
                  onClick={() => setDialog({ kind: 'receipt', row })}
                  aria-label={t('handover.register.receiptFor', { receiver: row.receiverName, date: formatDate(row.handedOn, 'date') })}
                  data-testid="handover-receipt-open"
                >
                  {t('handover.register.receiptButton')}
                </Button>
              ) : (
                row.concernsClues && (
                  <Tooltip label={t('handover.register.clueOfficersOnly')}>
                    <Group gap={4} c="dimmed" tabIndex={0} aria-label={t('handover.register.clueOfficersOnly')}>
                      <IconLock size={14} aria-hidden />
                    </Group>
                  </Tooltip>
                )
              )}
            </Table.Td>
          </Table.Tr>
        ))}
        {data && items.length === 0 && <EmptyRow colSpan={cols}>{round ? t('handover.register.emptyRound') : t('handover.register.empty')}</EmptyRow>}
      </PagedTable>

      {dialog?.kind === 'list' && round && (
        <HandOverDialog
          list={{ roundId: round.id, roundLabel: round.label, mayHandClueList: rights.writeClues }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('handover.list.done'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'receipt' && (
        <ReceiptDialog row={dialog.row} canChange={mayChange(dialog.row, rights)} canView={mayView(dialog.row, rights)} onClose={() => setDialog(null)} onChanged={reload} />
      )}
    </Stack>
  );
}
