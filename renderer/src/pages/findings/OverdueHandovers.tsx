import { Alert, Anchor, Badge, List, Table, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { ChannelOutput } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { useFormatDate, useT } from '../../i18n';
import { useChannel } from '../../components/useChannel';

type OverdueRow = ChannelOutput<'handover.overdue'>[number];

/** Hand-overs past their answer deadline with clues not yet disposed: counts, never clue content. */
export function OverdueHandovers() {
  const t = useT();
  const formatDate = useFormatDate();
  const { data } = useChannel('handover.overdue', {});
  if (!data || data.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} title={t('findings.overdue.title', { count: data.length })} data-testid="handover-overdue">
      <List size="sm" spacing={2}>
        {data.map((row) => (
          <List.Item key={row.handoverId}>
            <Text size="sm">
              {t('findings.overdue.line', {
                round: row.roundLabel,
                receiver: row.receiverName,
                handed: formatDate(row.handedOn, 'date'),
                due: formatDate(row.answerDueOn, 'date'),
                days: row.daysOverdue,
                open: row.openClues,
              })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The dashboard's table of the same: receiver, round, days overdue, open clues; each row opens the register at its round. */
export function OverdueHandoversTable({ rows, onOpen }: { rows: OverdueRow[]; onOpen: (row: OverdueRow) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="dashboard-overdue-table">
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
          <Table.Tr>
            <Table.Th>{t('findings.handover.receiver')}</Table.Th>
            <Table.Th>{t('findings.round.label')}</Table.Th>
            <Table.Th>{t('findings.handover.answerDueOn')}</Table.Th>
            <Table.Th>{t('handover.dashboard.days')}</Table.Th>
            <Table.Th>{t('handover.dashboard.open')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.handoverId} data-testid="dashboard-overdue-row" data-receiver={row.receiverName} data-days={row.daysOverdue}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  onClick={() => onOpen(row)}
                  aria-label={t('handover.dashboard.openRow', { receiver: row.receiverName, round: row.roundLabel })}
                >
                  {row.receiverName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('handover.dashboard.handed', { date: formatDate(row.handedOn, 'date') })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.roundLabel}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(row.answerDueOn, 'date')}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color="red" variant="light" radius="sm">
                  {t('handover.register.overdue', { days: row.daysOverdue })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('handover.register.clueCount', { count: row.openClues })}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <EmptyRow colSpan={5} py="md">
              {t('handover.dashboard.none')}
            </EmptyRow>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
