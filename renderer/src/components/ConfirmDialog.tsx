import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { IpcResult } from '../../../shared/result';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { useSubmit } from './useSubmit';

/**
 * Asks before a change that cannot simply be undone; shows the core's refusal in place. Focus
 * starts on 取消, so Enter alone never confirms.
 */
export function ConfirmDialog<T>({
  title,
  body,
  quote,
  confirmLabel,
  coreDetail,
  testId = 'confirm-dialog',
  onConfirm,
  onClose,
  onDone,
}: {
  title: string;
  body: string;
  /** The record's own text (shown as text, never as markup). */
  quote?: string;
  confirmLabel: string;
  /** Also show the core's own sentence (see ErrorAlert). */
  coreDetail?: boolean;
  testId?: string;
  onConfirm: () => Promise<IpcResult<T>>;
  onClose: () => void;
  onDone: (value: T) => void;
}) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  return (
    <Modal opened onClose={() => !busy && onClose()} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid={testId}>
        <Text size="sm">{body}</Text>
        {quote && (
          <Text size="sm" c="dimmed" lineClamp={4} style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 10 }}>
            {quote}
          </Text>
        )}
        <ErrorAlert error={error} coreDetail={coreDetail} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void run(onConfirm, onDone)} loading={busy} data-testid="confirm-submit">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
