import { Badge } from '@mantine/core';
import type { BorrowingStatus } from '../../../../../shared/contract';
import { useT } from '../../../i18n';

const colors: Record<BorrowingStatus, string> = { pending: 'yellow', approved: 'teal', refused: 'gray', returned: 'blue' };

export function StatusBadge({ status }: { status: BorrowingStatus }) {
  const t = useT();
  return (
    <Badge color={colors[status]} variant="light" data-testid="borrowing-status">
      {t(`borrowing.status.${status}`)}
    </Badge>
  );
}
