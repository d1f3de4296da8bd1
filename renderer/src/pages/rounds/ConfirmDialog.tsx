import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';
import { CoreErrorAlert } from './CoreErrorAlert';
import { useT } from '../../i18n';

/** Asks before a change that cannot simply be undone; shows the core's refusal in place. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  onDone,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<IpcResult<unknown>>;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="confirm-dialog">
        <Text size="sm">{body}</Text>
        <CoreErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy} data-testid="confirm-submit">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
