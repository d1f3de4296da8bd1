import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey, IconPencil, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/contract';
import { roles, type Role } from '../../../shared/roles';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordStrengthMeter } from '../components/PasswordStrengthMeter';
import { maxLength, newPasswordRule, usernameRule, useForm } from '../components/form';
import { notifySuccess } from '../components/notify';
import { useFormatDate, useT, type Translate } from '../i18n';
import { useActiveStatus } from '../state/status';
import { PasswordField } from '../components/PasswordField';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'disable'; account: Account }
  | { kind: 'enable'; account: Account }
  | { kind: 'reset'; account: Account }
  | null;

function isRole(value: string | null): value is Role {
  return value !== null && (roles as readonly string[]).includes(value);
}

function roleOptions(t: Translate) {
  return roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

export function AccountsPanel() {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void invoke('accounts.list', {}).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setAccounts(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const done = (message: string) => {
    setDialog(null);
    notifySuccess(t, message);
    setVersion((current) => current + 1);
  };

  return (
    <Stack gap="md" data-testid="accounts-panel">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} fz="md">
            {t('accounts.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} maw={640}>
            {t('accounts.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setDialog({ kind: 'create' })} data-testid="account-create">
          {t('accounts.create')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={860}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="accounts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.col.username')}</Table.Th>
                <Table.Th>{t('accounts.col.displayName')}</Table.Th>
                <Table.Th>{t('accounts.col.role')}</Table.Th>
                <Table.Th>{t('accounts.col.status')}</Table.Th>
                <Table.Th>{t('accounts.col.lastSignIn')}</Table.Th>
                <Table.Th ta="right">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts?.map((account) => {
                const self = account.id === user.id;
                return (
                  <Table.Tr key={account.id} data-username={account.username}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {account.username}
                        </Text>
                        {self && (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('accounts.self')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{account.displayName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`role.${account.role}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {account.disabled ? (
                          <Badge color="gray" variant="filled" radius="sm">
                            {t('accounts.status.disabled')}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light" radius="sm">
                            {t('accounts.status.active')}
                          </Badge>
                        )}
                        {!account.disabled && account.mustChangePassword && (
                          <Badge color="orange" variant="light" radius="sm">
                            {t('accounts.status.mustChange')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {account.lastSignInAt ? formatDate(account.lastSignInAt) : t('accounts.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setDialog({ kind: 'edit', account })}
                        >
                          {t('accounts.edit')}
                        </Button>
                        {!account.disabled && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconKey size={14} />}
                            onClick={() => setDialog({ kind: 'reset', account })}
                          >
                            {t('accounts.resetPassword')}
                          </Button>
                        )}
                        {account.disabled ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="teal"
                            leftSection={<IconUserCheck size={14} />}
                            onClick={() => setDialog({ kind: 'enable', account })}
                          >
                            {t('accounts.enable')}
                          </Button>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            leftSection={<IconUserOff size={14} />}
                            disabled={self}
                            onClick={() => setDialog({ kind: 'disable', account })}
                          >
                            {t('accounts.disable')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {accounts && accounts.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" c="dimmed" py="lg">
                      {t('accounts.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <CreateAccountDialog
        opened={dialog?.kind === 'create'}
        onClose={() => setDialog(null)}
        onDone={(account) => done(t('accounts.created', { name: account.displayName }))}
      />
      {dialog?.kind === 'edit' && (
        <EditAccountDialog
          account={dialog.account}
          self={dialog.account.id === user.id}
          onClose={() => setDialog(null)}
          onDone={(account) => done(t('accounts.updated', { name: account.displayName }))}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableAccountDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(account) => done(t('accounts.disabled', { name: account.displayName }))}
        />
      )}
      {(dialog?.kind === 'enable' || dialog?.kind === 'reset') && (
        <NewPasswordDialog
          kind={dialog.kind}
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(account) =>
            done(
              dialog.kind === 'enable'
                ? t('accounts.enabled', { name: account.displayName })
                : t('accounts.passwordReset', { name: account.displayName }),
            )
          }
        />
      )}
    </Stack>
  );
}

function CreateAccountDialog({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (account: Account) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const initial = useMemo(() => ({ username: '', displayName: '', role: 'staff', password: '' }), []);
  const form = useForm(initial, (v) => ({
    username: usernameRule(v.username),
    displayName: maxLength(v.displayName, 40),
    role: isRole(v.role) ? null : { key: 'validation.required' },
    password: newPasswordRule(v.password),
  }));

  const close = () => {
    if (busy) return;
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll() || !isRole(form.values.role)) return;
    setBusy(true);
    setError(null);
    const result = await invoke('accounts.create', {
      username: form.values.username.trim(),
      displayName: form.values.displayName.trim(),
      role: form.values.role,
      password: form.values.password,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    form.reset();
    onDone(result.value);
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={close} title={t('accounts.createTitle')} size="lg" centered>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="account-create-form">
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput
              label={t('accounts.username')}
              required
              data-autofocus
              autoComplete="off"
              {...form.props('username', t)}
            />
            <TextInput label={t('accounts.displayName')} required autoComplete="off" {...form.props('displayName', t)} />
          </Group>
          <Select
            label={t('accounts.role')}
            required
            data={roleOptions(t)}
            value={form.values.role}
            onChange={(value) => value && form.setField('role', value)}
            allowDeselect={false}
            description={isRole(form.values.role) ? t(`role.${form.values.role}.description`) : undefined}
            error={form.errors.role ? t(form.errors.role.key) : undefined}
            data-testid="account-role"
          />
          <PasswordField
            label={t('accounts.initialPassword')}
            description={t('accounts.initialPassword.description')}
            required
            autoComplete="new-password"
            {...form.props('password', t)}
          />
          <PasswordStrengthMeter password={form.values.password} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditAccountDialog({
  account,
  self,
  onClose,
  onDone,
}: {
  account: Account;
  self: boolean;
  onClose: () => void;
  onDone: (account: Account) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ displayName: account.displayName, role: account.role as string }, (v) => ({
    displayName: maxLength(v.displayName, 40),
    role: isRole(v.role) ? null : { key: 'validation.required' },
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll() || !isRole(form.values.role)) return;
    setBusy(true);
    setError(null);
    const result = await invoke('accounts.update', {
      id: account.id,
      displayName: form.values.displayName.trim(),
      role: form.values.role,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened onClose={() => !busy && onClose()} title={t('accounts.editTitle', { name: account.displayName })} centered>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="account-edit-form">
        <Stack gap="md">
          <TextInput label={t('accounts.username')} value={account.username} readOnly disabled />
          <TextInput label={t('accounts.displayName')} required data-autofocus {...form.props('displayName', t)} />
          <Select
            label={t('accounts.role')}
            required
            data={roleOptions(t)}
            value={form.values.role}
            onChange={(value) => value && form.setField('role', value)}
            allowDeselect={false}
            disabled={self}
            description={isRole(form.values.role) ? t(`role.${form.values.role}.description`) : undefined}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DisableAccountDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (account: Account) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await invoke('accounts.disable', { id: account.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened onClose={() => !busy && onClose()} title={t('accounts.disableTitle')} centered data-testid="account-disable-dialog">
      <Stack gap="md">
        <Text size="sm">{t('accounts.disableBody', { name: account.displayName, username: account.username })}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {t('accounts.disable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function NewPasswordDialog({
  kind,
  account,
  onClose,
  onDone,
}: {
  kind: 'enable' | 'reset';
  account: Account;
  onClose: () => void;
  onDone: (account: Account) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ newPassword: '' }, (v) => ({ newPassword: newPasswordRule(v.newPassword) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const input = { id: account.id, newPassword: form.values.newPassword };
    const result = kind === 'enable' ? await invoke('accounts.enable', input) : await invoke('accounts.resetPassword', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={() => !busy && onClose()}
      title={
        kind === 'enable'
          ? t('accounts.enableTitle', { name: account.displayName })
          : t('accounts.resetTitle', { name: account.displayName })
      }
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid={`account-${kind}-form`}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {kind === 'enable' ? t('accounts.enableBody') : t('accounts.resetBody')}
          </Text>
          <PasswordField
            label={t('accounts.newPassword')}
            description={t('accounts.newPassword.description')}
            required
            data-autofocus
            autoComplete="new-password"
            {...form.props('newPassword', t)}
          />
          <PasswordStrengthMeter password={form.values.newPassword} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={kind === 'enable' ? 'teal' : undefined}>
              {kind === 'enable' ? t('accounts.enable') : t('accounts.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
