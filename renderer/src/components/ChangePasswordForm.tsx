import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { invoke } from '../api/client';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { confirmRule, newPasswordRule, useForm } from './form';
import { NewPasswordFields } from './NewPasswordFields';
import { PasswordField } from './PasswordField';
import { useSubmit } from './useSubmit';

/** session.changePassword: current + new + confirm, with the strength hint. */
export function ChangePasswordForm({
  onChanged,
  extraActions,
  autoFocus = false,
}: {
  onChanged: () => void | Promise<void>;
  extraActions?: ReactNode;
  autoFocus?: boolean;
}) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' }, (v) => ({
    currentPassword: v.currentPassword ? null : { key: 'validation.required' },
    newPassword: newPasswordRule(v.newPassword),
    confirm: confirmRule(v.newPassword, v.confirm),
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    const input = { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword };
    await run(
      () => invoke('session.changePassword', input),
      async () => {
        form.reset();
        await onChanged();
      },
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="change-password">
      <Stack gap="md">
        <PasswordField
          label={t('password.current')}
          required
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          autoComplete="current-password"
          {...form.props('currentPassword', t)}
        />
        <NewPasswordFields
          password={{ label: t('password.new'), ...form.props('newPassword', t) }}
          confirm={{ label: t('password.confirm'), ...form.props('confirm', t) }}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          {extraActions}
          <Button type="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
