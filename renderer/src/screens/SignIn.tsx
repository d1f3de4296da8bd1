import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconLogin2 } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { required, useForm } from '../components/form';
import { errorText, useT } from '../i18n';
import { useStatus } from '../state/status';
import { PasswordField } from '../components/PasswordField';

export function SignIn({
  office,
  initialUsername = '',
  notice,
  onForgot,
}: {
  office: string | null;
  initialUsername?: string;
  notice?: 'recovered' | null;
  onForgot: () => void;
}) {
  const t = useT();
  const { refresh } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const form = useForm({ username: initialUsername, password: '' }, (v) => ({
    username: required(v.username),
    password: v.password ? null : { key: 'validation.required' },
  }));

  // Count the throttle down once a second, then clear it.
  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        setRetryAt(null);
        setError((current) => (current?.code === 'SIGNIN_THROTTLED' ? null : current));
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  const secondsLeft = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secondsLeft > 0 || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('session.signIn', {
      username: form.values.username.trim(),
      password: form.values.password,
    });
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      const retryAfter = Number(result.error.details?.retryAfterSeconds);
      // SIGNIN_THROTTLED, and the failure that starts a delay, both say how long to wait.
      if (Number.isFinite(retryAfter) && retryAfter > 0) {
        const start = Date.now();
        setNow(start);
        setRetryAt(start + retryAfter * 1000);
      }
      return;
    }
    await refresh();
  };

  return (
    <AuthLayout office={office}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="sign-in">
        <Stack gap="md">
          <div>
            <Title order={2} fz="xl">
              {t('signIn.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('signIn.subtitle')}
            </Text>
          </div>
          {notice === 'recovered' && !error && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
              {t('signIn.recovered')}
            </Alert>
          )}
          <TextInput
            label={t('signIn.username')}
            required
            autoFocus={!initialUsername}
            autoComplete="username"
            {...form.props('username', t)}
          />
          <PasswordField
            label={t('signIn.password')}
            required
            autoFocus={Boolean(initialUsername)}
            autoComplete="current-password"
            {...form.props('password', t)}
          />
          {error && secondsLeft > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconClockHour4 size={18} />}
              data-testid="error-alert"
              data-error-code={error.code}
            >
              {error.code !== 'SIGNIN_THROTTLED' && <Text size="sm">{errorText(t, error)}</Text>}
              <Text size="sm" fw={500} data-testid="throttle-message">
                {t('signIn.throttled', { seconds: secondsLeft })}
              </Text>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Button
            type="submit"
            fullWidth
            loading={busy}
            disabled={secondsLeft > 0}
            leftSection={<IconLogin2 size={18} />}
          >
            {t('signIn.submit')}
          </Button>
          <Group justify="flex-end">
            <Anchor component="button" type="button" size="sm" onClick={onForgot}>
              {t('signIn.forgot')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
