import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';
import { confirmRule, newPasswordRule, useForm } from './form';
import { PasswordField } from './PasswordField';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' }, (v) => ({
    currentPassword: v.currentPassword ? null : { key: 'validation.required' },
    newPassword: newPasswordRule(v.newPassword),
    confirm: confirmRule(v.newPassword, v.confirm),
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('session.changePassword', {
      currentPassword: form.values.currentPassword,
      newPassword: form.values.newPassword,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    form.reset();
    await onChanged();
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
        <PasswordField
          label={t('password.new')}
          required
          autoComplete="new-password"
          {...form.props('newPassword', t)}
        />
        <PasswordField
          label={t('password.confirm')}
          required
          autoComplete="new-password"
          {...form.props('confirm', t)}
        />
        <PasswordStrengthMeter password={form.values.newPassword} />
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
