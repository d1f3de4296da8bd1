import { Badge } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';

/** On a round imported from another office: “来自 XX旗巡察办 · 导入于 …”; nothing on the office's own rounds. */
export function RoundOriginBadge({ roundId }: { roundId: number }) {
  const t = useT();
  const formatDate = useFormatDate();
  const origin = useChannel('exchange.roundOrigin', { roundId });
  if (!origin.data) return null;
  return (
    <Badge variant="light" color="grape" size="lg" radius="sm" leftSection={<IconArrowsExchange size={14} />} tt="none" data-testid="round-origin">
      {t('exchange.origin', { sender: origin.data.senderName, date: formatDate(origin.data.importedAt, 'date') })}
    </Badge>
  );
}
