import { Alert, List, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useFormatDate, useT } from '../../i18n';
import { useChannel } from '../../components/useChannel';

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
