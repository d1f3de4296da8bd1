import { Button, Group, Modal, Stack, type MantineColor, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/result';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/**
 * The frame of every form in a dialog: title, fields, the core's refusal, 取消 and the submit
 * button. While `busy` the dialog cannot be closed nor the form sent twice; Enter submits.
 */
export function FormDialog({
  opened = true,
  title,
  size,
  busy,
  error,
  coreDetail,
  onClose,
  onSubmit,
  submitLabel,
  submitColor,
  submitTestId,
  testId,
  children,
}: {
  opened?: boolean;
  title: ReactNode;
  size?: ModalProps['size'];
  busy: boolean;
  error: AppErrorShape | null | undefined;
  /** Also show the core's own sentence (see ErrorAlert). */
  coreDetail?: boolean;
  onClose: () => void;
  onSubmit: () => void | Promise<unknown>;
  submitLabel: string;
  submitColor?: MantineColor;
  submitTestId?: string;
  /** On the form element. */
  testId?: string;
  children: ReactNode;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void onSubmit();
  };
  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title={title} size={size} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack gap="md">
          {children}
          <ErrorAlert error={error} coreDetail={coreDetail} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={submitColor} loading={busy} data-testid={submitTestId}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
