import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessages } from '../../../shared/errors';
import type { AppErrorShape } from '../../../shared/result';
import { errorText, useT } from '../i18n';

/**
 * A failed call shown inline, translated by its code. With `coreDetail`, the core's own Chinese
 * sentence is added when it says more than the code's standard wording (which round number is
 * taken, which group still has members, which unit stopped a batch).
 */
export function ErrorAlert({ error, title, coreDetail = false }: { error: AppErrorShape | null | undefined; title?: string; coreDetail?: boolean }) {
  const t = useT();
  if (!error) return null;
  const specific = coreDetail && error.message && error.message !== errorMessages[error.code] ? error.message : null;
  const issues = invalidInputIssues(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title}
      role="alert"
      data-testid="error-alert"
      data-error-code={error.code}
    >
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

/** For INVALID_INPUT the core may send the schema's own (Chinese) messages; show them as a hint. */
function invalidInputIssues(error: AppErrorShape): string[] {
  if (error.code !== 'INVALID_INPUT' || !error.details) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .map((issue) => {
      if (typeof issue === 'string') return issue;
      if (issue && typeof issue === 'object' && typeof (issue as { message?: unknown }).message === 'string') {
        return (issue as { message: string }).message;
      }
      return '';
    })
    .filter(Boolean)
    .slice(0, 3);
}
