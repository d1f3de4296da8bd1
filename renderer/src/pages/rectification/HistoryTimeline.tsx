import { Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconEdit, IconPaperclip, IconPlayerPlay, IconPlus, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RectificationEvent, RectificationHistoryEntry } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';

const icons: Record<RectificationEvent, ReactNode> = {
  created: <IconPlus size={12} />,
  edited: <IconEdit size={12} />,
  evidence: <IconPaperclip size={12} />,
  started: <IconPlayerPlay size={12} />,
  submitted: <IconSend size={12} />,
  accepted: <IconCircleCheck size={12} />,
  sentBack: <IconArrowBackUp size={12} />,
};
const colors: Partial<Record<RectificationEvent, string>> = { accepted: 'teal', sentBack: 'orange', submitted: 'blue' };

/** 整改过程: every change of the item, oldest first, with who and when; notes are shown as text. */
export function HistoryTimeline({ history }: { history: RectificationHistoryEntry[] }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        {t('rectification.history.title')}
      </Title>
      <Timeline active={history.length - 1} bulletSize={22} lineWidth={2} data-testid="rectification-history">
        {history.map((entry) => (
          <Timeline.Item
            key={entry.id}
            bullet={icons[entry.event]}
            color={colors[entry.event]}
            title={
              <Text size="sm" fw={600}>
                {t(`rectification.event.${entry.event}`)}
                {entry.fromStatus !== null && entry.fromStatus !== entry.toStatus && (
                  <Text span size="xs" c="dimmed" fw={400} ml={6}>
                    {t('rectification.history.move', { from: t(`rectification.status.${entry.fromStatus}`), to: t(`rectification.status.${entry.toStatus}`) })}
                  </Text>
                )}
              </Text>
            }
            data-testid="rectification-history-entry"
            data-event={entry.event}
          >
            {entry.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {entry.event === 'sentBack' ? t('rectification.history.reason', { reason: entry.note }) : entry.note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {entry.actorName} · {formatDate(entry.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
