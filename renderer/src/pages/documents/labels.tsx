/** Badges the documents module shows in its tables and editor: 密级 and the draft/final status. */
import { Badge } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Classification } from '../../../../shared/documents';
import type { DocumentStatus } from '../../../../shared/contract';
import { useT } from '../../i18n';

const classificationColors: Record<Classification, string> = { public: 'gray', internal: 'blue', secret: 'orange', confidential: 'red' };

export function ClassificationBadge({ classification, period }: { classification: Classification; period?: string }) {
  const t = useT();
  const label = t(`documents.classification.${classification}`);
  return (
    <Badge color={classificationColors[classification]} variant="light" miw="max-content" data-testid="classification-badge">
      {period && (classification === 'secret' || classification === 'confidential') ? `${label}★${period}` : label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useT();
  return status === 'final' ? (
    <Badge color="teal" variant="filled" miw="max-content" leftSection={<IconLock size={12} />} data-testid="document-status" data-status={status}>
      {t('documents.status.final')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" miw="max-content" data-testid="document-status" data-status={status}>
      {t('documents.status.draft')}
    </Badge>
  );
}
