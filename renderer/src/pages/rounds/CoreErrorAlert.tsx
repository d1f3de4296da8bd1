import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessages } from '../../../../shared/errors';
import type { AppErrorShape } from '../../../../shared/result';
import { errorText, useT } from '../../i18n';

/**
 * A refusal from the core, translated by its code (as the app's ErrorAlert does), plus the
 * core's own Chinese sentence when it says more than the code's standard wording: which round
 * number is taken, which group still has members, which unit stopped a batch.
 */
export function CoreErrorAlert({ error }: { error: AppErrorShape | null | undefined }) {
  const t = useT();
  if (!error) return null;
  const specific = error.message && error.message !== errorMessages[error.code] ? error.message : null;
  const issues = invalidInputIssues(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="error-alert" data-error-code={error.code}>
      <Text size="sm">{errorText(t, error)}</Text>
      {specific && (
        <Text size="xs" c="dimmed" mt={4} data-testid="error-detail">
          {t('common.errorDetail', { detail: specific })}
        </Text>
      )}
      {issues.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.errorDetail', { detail: issues.join('；') })}
        </Text>
      )}
    </Alert>
  );
}

function invalidInputIssues(error: AppErrorShape): string[] {
  if (error.code !== 'INVALID_INPUT' || !error.details) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .map((issue) =>
      typeof issue === 'string'
        ? issue
        : issue && typeof issue === 'object' && typeof (issue as { message?: unknown }).message === 'string'
          ? (issue as { message: string }).message
          : '',
    )
    .filter(Boolean)
    .slice(0, 3);
}
