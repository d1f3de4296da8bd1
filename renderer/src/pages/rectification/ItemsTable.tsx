import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { RectificationItem } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { useFormatDate, useT } from '../../i18n';
import { focusColors } from '../findings/labels';
import { statusColors } from './labels';

/** The badge of an item's status, with 逾期 N 天 beside it while it is overdue. */
export function StatusBadges({ item }: { item: Pick<RectificationItem, 'status' | 'daysOverdue'> }) {
  const t = useT();
  return (
    <Stack gap={4} align="flex-start">
      <Badge variant="light" color={statusColors[item.status]} radius="sm" styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }} data-testid="rectification-status">
        {t(`rectification.status.${item.status}`)}
      </Badge>
      {item.daysOverdue !== null && (
        <Badge variant="filled" color="red" radius="sm" styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }} data-testid="rectification-overdue">
          {t('rectification.overdueDays', { days: item.daysOverdue })}
        </Badge>
      )}
    </Stack>
  );
}

/**
 * Ledger items as a table: the ledger of one inspection (numbered from `offset`), or the
 * overdue list across units (`showUnit`). The problem's text opens the item.
 */
export function ItemsTable({
  items,
  offset,
  showUnit = false,
  loaded,
  empty,
  onOpen,
  testId,
}: {
  items: RectificationItem[];
  offset: number;
  showUnit?: boolean;
  loaded: boolean;
  empty: string;
  onOpen: (item: RectificationItem) => void;
  testId: string;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const cols = 7;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" data-testid={testId}>
        <Table.Thead style={{ whiteSpace: 'nowrap' }}>
          <Table.Tr>
            {showUnit ? <Table.Th miw={140}>{t('rectification.col.unit')}</Table.Th> : <Table.Th w={56}>{t('rectification.col.number')}</Table.Th>}
            <Table.Th miw={240}>{t('rectification.col.problem')}</Table.Th>
            <Table.Th miw={200}>{t('rectification.col.measures')}</Table.Th>
            <Table.Th miw={120}>{t('rectification.col.responsible')}</Table.Th>
            <Table.Th w={120}>{t('rectification.col.deadline')}</Table.Th>
            <Table.Th w={150}>{t('rectification.col.status')}</Table.Th>
            <Table.Th w={64} ta="right">
              {t('rectification.col.evidence')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={item.id} data-testid="rectification-row" data-item-id={item.id} data-status={item.status} data-overdue={item.daysOverdue ?? ''}>
              <Table.Td>
                {showUnit ? (
                  <Stack gap={0}>
                    <Text size="sm">{item.unitName}</Text>
                    <Text size="xs" c="dimmed">
                      {item.roundLabel}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {offset + index + 1}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Tooltip label={t(`findings.focus.${item.focus}`)}>
                    <Badge variant="dot" color={focusColors[item.focus]} radius="sm" size="sm" style={{ flexShrink: 0 }}>
                      {t(`findings.focusShort.${item.focus}`)}
                    </Badge>
                  </Tooltip>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    c="inherit"
                    lineClamp={2}
                    onClick={() => onOpen(item)}
                    aria-label={t('rectification.open', { text: item.problemDescription.slice(0, 40) })}
                    data-testid="rectification-open"
                  >
                    {item.problemDescription}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} c={item.measures ? undefined : 'dimmed'}>
                  {item.measures || t('rectification.notFilled')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.responsiblePerson || '—'}</Text>
                <Text size="xs" c="dimmed">
                  {item.responsibleUnit}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={item.daysOverdue !== null ? 'red' : item.deadline ? undefined : 'dimmed'} fw={item.daysOverdue !== null ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {item.deadline ? formatDate(item.deadline, 'date') : t('rectification.noDeadline')}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadges item={item} />
              </Table.Td>
              <Table.Td ta="right">
                {item.evidenceCount > 0 ? (
                  <Group gap={2} justify="flex-end" wrap="nowrap" aria-label={t('rectification.evidenceCount', { count: item.evidenceCount })}>
                    <IconPaperclip size={14} aria-hidden />
                    <Text size="sm">{item.evidenceCount}</Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {loaded && items.length === 0 && <EmptyRow colSpan={cols}>{empty}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
