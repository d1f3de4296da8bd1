import {
  Alert,
  Box,
  Button,
  Checkbox,
  Code,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import dayjs from 'dayjs';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { confirmRule, maxLength, newPasswordRule, usernameRule, useForm } from '../components/form';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useFormatDate, useT } from '../i18n';
import { useStatus } from '../state/status';

const FONDS_PATTERN = /^[A-Za-z0-9]{1,10}$/;

/** Splits a recovery key into its groups of four for display (the core sends 7K3M-Q9XD-…). */
export function recoveryKeyGroups(key: string): string[] {
  const cleaned = key.replace(/[\s-]/g, '').toUpperCase();
  return cleaned.match(/.{1,4}/g) ?? [];
}

export function SetupWizard() {
  const t = useT();
  const formatDate = useFormatDate();
  const { refresh } = useStatus();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [createdAt, setCreatedAt] = useState<string>('');
  const [acknowledged, setAcknowledged] = useState(false);

  const office = useForm({ name: '', fondsCode: '', level: 'city' }, (v) => ({
    name: maxLength(v.name, 60),
    fondsCode: !v.fondsCode.trim()
      ? { key: 'validation.required' }
      : FONDS_PATTERN.test(v.fondsCode.trim())
        ? null
        : { key: 'validation.fondsCode' },
  }));
  const admin = useForm({ username: '', displayName: '', password: '', confirm: '' }, (v) => ({
    username: usernameRule(v.username),
    displayName: maxLength(v.displayName, 40),
    password: newPasswordRule(v.password),
    confirm: confirmRule(v.password, v.confirm),
  }));

  const submitOffice = (event: FormEvent) => {
    event.preventDefault();
    if (office.validateAll()) setStep(1);
  };

  const submitAdmin = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !admin.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('vault.setup', {
      office: {
        name: office.values.name.trim(),
        fondsCode: office.values.fondsCode.trim(),
        level: office.values.level === 'county' ? 'county' : 'city',
      },
      admin: {
        username: admin.values.username.trim(),
        displayName: admin.values.displayName.trim(),
        password: admin.values.password,
      },
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRecoveryKey(result.value.recoveryKey);
    setCreatedAt(new Date().toISOString());
    setStep(2);
  };

  const enter = async () => {
    if (!acknowledged || busy) return;
    setBusy(true);
    setError(null);
    const status = await refresh();
    if (status?.state === 'signedOut') {
      // The core leaves setup signed out: sign the new administrator in with what was just typed.
      const result = await invoke('session.signIn', {
        username: admin.values.username.trim(),
        password: admin.values.password,
      });
      if (!result.ok) {
        setBusy(false);
        setError(result.error);
        return;
      }
      await refresh();
    }
    setBusy(false);
  };

  return (
    <AuthLayout width={760}>
      <Stack gap="lg">
        <Box>
          <Title order={2} fz="xl">
            {t('setup.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('setup.intro')}
          </Text>
        </Box>
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step
            label={t('setup.step.office')}
            description={t('setup.step.office.description')}
            allowStepSelect={false}
          >
            <form onSubmit={submitOffice} noValidate data-testid="setup-office">
              <Stack gap="md" mt="md">
                <TextInput
                  label={t('setup.office.name')}
                  placeholder={t('setup.office.name.placeholder')}
                  required
                  data-autofocus
                  autoFocus
                  {...office.props('name', t)}
                />
                <TextInput
                  label={t('setup.office.fondsCode')}
                  description={t('setup.office.fondsCode.description')}
                  placeholder={t('setup.office.fondsCode.placeholder')}
                  required
                  maxLength={10}
                  {...office.props('fondsCode', t)}
                />
                <Radio.Group
                  label={t('setup.office.level')}
                  value={office.values.level}
                  onChange={(value) => office.setField('level', value)}
                  required
                >
                  <Group mt="xs" gap="xl">
                    <Radio value="city" label={t('level.city')} />
                    <Radio value="county" label={t('level.county')} />
                  </Group>
                </Radio.Group>
                <Group justify="flex-end" mt="sm">
                  <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                    {t('common.next')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step
            label={t('setup.step.admin')}
            description={t('setup.step.admin.description')}
            allowStepSelect={false}
          >
            <form onSubmit={(event) => void submitAdmin(event)} noValidate data-testid="setup-admin">
              <Stack gap="md" mt="md">
                <Text size="sm" c="dimmed">
                  {t('setup.admin.intro')}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('setup.admin.username')}
                    description={t('setup.admin.username.description')}
                    required
                    autoFocus
                    autoComplete="username"
                    {...admin.props('username', t)}
                  />
                  <TextInput
                    label={t('setup.admin.displayName')}
                    description=" "
                    required
                    autoComplete="name"
                    {...admin.props('displayName', t)}
                  />
                </SimpleGrid>
                <NewPasswordFields
                  columns={2}
                  password={{ label: t('setup.admin.password'), ...admin.props('password', t) }}
                  confirm={{ label: t('setup.admin.confirm'), ...admin.props('confirm', t) }}
                />
                <ErrorAlert error={error} />
                <Group justify="space-between" mt="sm">
                  <Button variant="default" onClick={() => setStep(0)} disabled={busy}>
                    {t('common.back')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {t('setup.create')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step
            label={t('setup.step.recovery')}
            description={t('setup.step.recovery.description')}
            allowStepSelect={false}
          >
            <Stack gap="md" mt="md">
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('setup.recovery.title')}>
                <Text size="sm">{t('setup.recovery.body')}</Text>
              </Alert>
              <Box>
                <Text size="sm" fw={500} mb={6} id="recovery-key-label">
                  {t('setup.recovery.keyLabel')}
                </Text>
                <RecoveryKeyGrid keyText={recoveryKey ?? ''} labelledBy="recovery-key-label" />
              </Box>
              <Group justify="flex-start">
                <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
                  {t('setup.recovery.print')}
                </Button>
              </Group>
              <Checkbox
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.currentTarget.checked)}
                label={t('setup.recovery.ack')}
                autoFocus
              />
              <ErrorAlert error={error} />
              <Group justify="flex-end">
                <Button
                  disabled={!acknowledged}
                  loading={busy}
                  onClick={() => void enter()}
                  rightSection={<IconArrowRight size={16} />}
                >
                  {t('setup.recovery.enter')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Stack>

      {recoveryKey && (
        <Box className="print-only" aria-hidden>
          <h1>{t('setup.recovery.printTitle')}</h1>
          <p>
            {t('setup.recovery.printOffice', {
              office: office.values.name.trim(),
              fondsCode: office.values.fondsCode.trim(),
            })}
          </p>
          <p>
            {t('setup.recovery.printAdmin', {
              name: admin.values.displayName.trim(),
              username: admin.values.username.trim(),
            })}
          </p>
          <p>{t('setup.recovery.printDate', { date: formatDate(createdAt || dayjs().toISOString()) })}</p>
          <div className="print-key">{recoveryKeyGroups(recoveryKey).join(' ')}</div>
          <p>{t('setup.recovery.printNote')}</p>
        </Box>
      )}
    </AuthLayout>
  );
}

function RecoveryKeyGrid({ keyText, labelledBy }: { keyText: string; labelledBy: string }) {
  const groups = recoveryKeyGroups(keyText);
  return (
    <Box
      className="recovery-key"
      role="group"
      aria-labelledby={labelledBy}
      data-testid="recovery-key"
      data-key={keyText}
    >
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm" verticalSpacing="sm">
        {groups.map((group, index) => (
          <Code key={index} className="recovery-key-group" aria-label={group.split('').join(' ')}>
            {group}
          </Code>
        ))}
      </SimpleGrid>
    </Box>
  );
}
