import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Conflict } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { CoreErrorAlert } from './CoreErrorAlert';
import { useT } from '../../i18n';

const MIN_REASON = 2;
const MAX_REASON = 300;

/**
 * 回避: the core refused to put a person in a group because of the conflicts listed. They can
 * still be assigned, but only with a reason, which is kept with the membership and audited.
 */
export function ConflictOverrideForm({
  person,
  conflicts,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  person: string;
  conflicts: Conflict[];
  busy: boolean;
  error: AppErrorShape | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const trimmed = reason.trim();
    if (!trimmed) {
      setInvalid(t('rounds.override.reasonRequired'));
      return;
    }
    if (trimmed.length < MIN_REASON) {
      setInvalid(t('rounds.override.reasonShort', { min: MIN_REASON }));
      return;
    }
    onSubmit(trimmed);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="override-form">
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('rounds.override.found', { name: person })} data-testid="override-conflicts">
          <List size="sm" spacing={4}>
            {conflicts.map((conflict, index) => (
              <List.Item key={`${conflict.inspectionId}-${conflict.kind}-${index}`}>{conflict.message}</List.Item>
            ))}
          </List>
        </Alert>
        <Text size="sm">{t('rounds.override.explain')}</Text>
        <Textarea
          label={t('rounds.override.reason')}
          description={t('rounds.override.reason.description')}
          placeholder={t('rounds.override.reason.placeholder')}
          required
          autosize
          minRows={3}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setInvalid(null);
          }}
          onKeyDown={(event) => {
            // Ctrl+Enter sends a multi-line reason; plain Enter is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
          error={invalid}
          data-autofocus
          autoFocus
          data-testid="override-reason"
        />
        <CoreErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={busy} data-testid="override-submit">
            {t('rounds.override.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
