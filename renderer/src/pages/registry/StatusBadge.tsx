import { Badge } from '@mantine/core';
import type { UnitStatus } from '../../../../shared/domain';
import { useFormatDate, useT } from '../../i18n';
import { statusColors } from './labels';

/** 在册, or 已合并 / 已撤销 with the date. */
export function StatusBadge({ status, on }: { status: UnitStatus; on: string | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Badge variant="light" color={statusColors[status]} radius="sm" data-status={status}>
      {status !== 'active' && on
        ? t('registry.status.withDate', { status: t(`registry.status.${status}`), date: formatDate(on, 'date') })
        : t(`registry.status.${status}`)}
    </Badge>
  );
}
