import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { invoke } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { confirmRule, newPasswordRule, required, usernameRule, useForm } from '../components/form';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useSubmit } from '../components/useSubmit';
import { useT } from '../i18n';

export function Recovery({
  office,
  onDone,
  onCancel,
}: {
  office: string | null;
  onDone: (username: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  const form = useForm({ recoveryKey: '', username: '', newPassword: '', confirm: '' }, (v) => ({
    recoveryKey: required(v.recoveryKey),
    username: usernameRule(v.username),
    newPassword: newPasswordRule(v.newPassword),
    confirm: confirmRule(v.newPassword, v.confirm),
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    const username = form.values.username.trim();
    const input = { recoveryKey: form.values.recoveryKey.trim(), username, newPassword: form.values.newPassword };
    await run(
      () => invoke('session.recover', input),
      () => onDone(username),
    );
  };

  return (
    <AuthLayout office={office} width={520}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="recovery">
        <Stack gap="md">
          <div>
            <Title order={2} fz="xl">
              {t('recover.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('recover.intro')}
            </Text>
          </div>
          <TextInput
            label={t('recover.key')}
            description={t('recover.key.description')}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            required
            autoFocus
            autoComplete="off"
            spellCheck={false}
            classNames={{ input: 'mono-input' }}
            {...form.props('recoveryKey', t)}
          />
          <TextInput
            label={t('recover.username')}
            required
            autoComplete="username"
            {...form.props('username', t)}
          />
          <NewPasswordFields
            password={{ label: t('recover.newPassword'), ...form.props('newPassword', t) }}
            confirm={{ label: t('recover.confirm'), ...form.props('confirm', t) }}
          />
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onCancel} disabled={busy}>
              {t('recover.back')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('recover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
