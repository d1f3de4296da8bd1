import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconPencil, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Account } from '../../../shared/contract';
import { roles, type Role } from '../../../shared/roles';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyRow } from '../components/EmptyRow';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormDialog } from '../components/FormDialog';
import { maxLength, newPasswordRule, usernameRule, useForm } from '../components/form';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { notifySuccess } from '../components/notify';
import { useSubmit } from '../components/useSubmit';
import { useFormatDate, useT, type Translate } from '../i18n';
import { useActiveStatus } from '../state/status';

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
                <EmptyRow colSpan={6} py="lg">
                  {t('accounts.empty')}
                </EmptyRow>
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
        <ConfirmDialog
          title={t('accounts.disableTitle')}
          body={t('accounts.disableBody', { name: dialog.account.displayName, username: dialog.account.username })}
          confirmLabel={t('accounts.disable')}
          testId="account-disable-dialog"
          onConfirm={() => invoke('accounts.disable', { id: dialog.account.id })}
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

/** 新建账号: kept mounted, so the form empties only after an account was made. */
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
  const { busy, error, run } = useSubmit();
  const initial = useMemo(() => ({ username: '', displayName: '', role: 'staff', password: '' }), []);
  const form = useForm(initial, (v) => ({
    username: usernameRule(v.username),
    displayName: maxLength(v.displayName, 40),
    role: isRole(v.role) ? null : { key: 'validation.required' },
    password: newPasswordRule(v.password),
  }));

  const submit = async () => {
    if (!form.validateAll() || !isRole(form.values.role)) return;
    const input = {
      username: form.values.username.trim(),
      displayName: form.values.displayName.trim(),
      role: form.values.role,
      password: form.values.password,
    };
    await run(
      () => invoke('accounts.create', input),
      (account) => {
        form.reset();
        onDone(account);
      },
    );
  };

  return (
    <FormDialog
      opened={opened}
      title={t('accounts.createTitle')}
      size="lg"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('accounts.create')}
      testId="account-create-form"
    >
      <Group grow align="flex-start">
        <TextInput label={t('accounts.username')} required data-autofocus autoComplete="off" {...form.props('username', t)} />
        <TextInput label={t('accounts.displayName')} required autoComplete="off" {...form.props('displayName', t)} />
      </Group>
      <RoleSelect value={form.values.role} onChange={(value) => form.setField('role', value)} error={form.errors.role ? t(form.errors.role.key) : undefined} testId="account-role" />
      <NewPasswordFields
        password={{
          label: t('accounts.initialPassword'),
          description: t('accounts.initialPassword.description'),
          ...form.props('password', t),
        }}
      />
    </FormDialog>
  );
}

/** The role of an account, with what the chosen role may do. */
function RoleSelect({
  value,
  onChange,
  disabled,
  error,
  testId,
}: {
  value: string;
  onChange: (role: string) => void;
  disabled?: boolean;
  error?: string | undefined;
  testId?: string;
}) {
  const t = useT();
  return (
    <Select
      label={t('accounts.role')}
      required
      data={roleOptions(t)}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      disabled={disabled}
      description={isRole(value) ? t(`role.${value}.description`) : undefined}
      error={error}
      data-testid={testId}
    />
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
  const { busy, error, run } = useSubmit();
  const form = useForm({ displayName: account.displayName, role: account.role as string }, (v) => ({
    displayName: maxLength(v.displayName, 40),
    role: isRole(v.role) ? null : { key: 'validation.required' },
  }));

  const submit = async () => {
    if (!form.validateAll() || !isRole(form.values.role)) return;
    const input = { id: account.id, displayName: form.values.displayName.trim(), role: form.values.role };
    await run(() => invoke('accounts.update', input), onDone);
  };

  return (
    <FormDialog
      title={t('accounts.editTitle', { name: account.displayName })}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      testId="account-edit-form"
    >
      <TextInput label={t('accounts.username')} value={account.username} readOnly disabled />
      <TextInput label={t('accounts.displayName')} required data-autofocus {...form.props('displayName', t)} />
      <RoleSelect value={form.values.role} onChange={(value) => form.setField('role', value)} disabled={self} />
    </FormDialog>
  );
}

/** 启用 (with a new password) or 重设密码: either way the account gets a password only an admin knows. */
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
  const { busy, error, run } = useSubmit();
  const form = useForm({ newPassword: '' }, (v) => ({ newPassword: newPasswordRule(v.newPassword) }));

  const submit = async () => {
    if (!form.validateAll()) return;
    const input = { id: account.id, newPassword: form.values.newPassword };
    await run(() => (kind === 'enable' ? invoke('accounts.enable', input) : invoke('accounts.resetPassword', input)), onDone);
  };

  return (
    <FormDialog
      title={kind === 'enable' ? t('accounts.enableTitle', { name: account.displayName }) : t('accounts.resetTitle', { name: account.displayName })}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={kind === 'enable' ? t('accounts.enable') : t('accounts.resetPassword')}
      submitColor={kind === 'enable' ? 'teal' : undefined}
      testId={`account-${kind}-form`}
    >
      <Text size="sm" c="dimmed">
        {kind === 'enable' ? t('accounts.enableBody') : t('accounts.resetBody')}
      </Text>
      <NewPasswordFields
        password={{
          label: t('accounts.newPassword'),
          description: t('accounts.newPassword.description'),
          'data-autofocus': true,
          ...form.props('newPassword', t),
        }}
      />
    </FormDialog>
  );
}
