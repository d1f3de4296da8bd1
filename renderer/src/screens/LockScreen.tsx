import { Avatar, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen, IconSwitchHorizontal } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { useForm } from '../components/form';
import { useT } from '../i18n';
import { useStatus } from '../state/status';
import { PasswordField } from '../components/PasswordField';

export function LockScreen({
  office,
  user,
}: {
  office: string | null;
  user: { username: string; displayName: string };
}) {
  const t = useT();
  const { refresh } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ password: '' }, (v) => ({ password: v.password ? null : { key: 'validation.required' } }));

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('session.unlock', { password: form.values.password });
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      return;
    }
    await refresh();
  };

  const switchUser = async () => {
    setBusy(true);
    const result = await invoke('session.signOut', {});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    await refresh();
  };

  return (
    <AuthLayout office={office}>
      <form onSubmit={(event) => void unlock(event)} noValidate data-testid="lock-screen">
        <Stack gap="md">
          <Group gap="md" wrap="nowrap">
            <Avatar size={52} radius="xl" color="xuncha" aria-hidden>
              <IconLock size={26} />
            </Avatar>
            <div>
              <Title order={2} fz="xl">
                {t('lock.title')}
              </Title>
              <Text size="sm" fw={500} mt={2} data-testid="locked-user">
                {t('lock.who', { name: user.displayName, username: user.username })}
              </Text>
            </div>
          </Group>
          <Text size="sm" c="dimmed">
            {t('lock.body')}
          </Text>
          <PasswordField
            label={t('lock.password')}
            required
            autoFocus
            autoComplete="current-password"
            {...form.props('password', t)}
          />
          <ErrorAlert error={error} />
          <Button type="submit" fullWidth loading={busy} leftSection={<IconLockOpen size={18} />}>
            {t('lock.unlock')}
          </Button>
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconSwitchHorizontal size={16} />}
              onClick={() => void switchUser()}
              disabled={busy}
            >
              {t('lock.switchUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
