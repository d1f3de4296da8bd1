import { SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { BackupCredentials } from '../../../../shared/contract';
import { PasswordField } from '../../components/PasswordField';
import { useT } from '../../i18n';

export interface CredentialsDraft {
  kind: BackupCredentials['kind'];
  username: string;
  password: string;
  recoveryKey: string;
}

export const emptyCredentials = (username = ''): CredentialsDraft => ({ kind: 'password', username, password: '', recoveryKey: '' });

/** The draft as the core takes it, or null while something needed is empty. */
export function credentialsOf(draft: CredentialsDraft): BackupCredentials | null {
  if (draft.kind === 'recoveryKey') return draft.recoveryKey.trim() ? { kind: 'recoveryKey', recoveryKey: draft.recoveryKey.trim() } : null;
  return draft.username.trim() && draft.password ? { kind: 'password', username: draft.username.trim(), password: draft.password } : null;
}

/** An administrator's user name and password of the time of the backup, or the recovery key. */
export function CredentialsFields({ value, onChange, disabled }: { value: CredentialsDraft; onChange: (next: CredentialsDraft) => void; disabled?: boolean }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as CredentialsDraft['kind'] })}
        data={[
          { value: 'password', label: t('backup.credentials.password') },
          { value: 'recoveryKey', label: t('backup.credentials.recoveryKey') },
        ]}
        disabled={disabled}
        data-testid="credentials-kind"
      />
      {value.kind === 'password' ? (
        <>
          <TextInput
            label={t('backup.credentials.username')}
            value={value.username}
            onChange={(event) => onChange({ ...value, username: event.currentTarget.value })}
            autoComplete="username"
            disabled={disabled}
            data-testid="credentials-username"
          />
          <PasswordField
            label={t('backup.credentials.passwordLabel')}
            value={value.password}
            onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
            autoComplete="current-password"
            disabled={disabled}
            data-testid="credentials-password"
            data-autofocus
          />
        </>
      ) : (
        <TextInput
          label={t('backup.credentials.recoveryKeyLabel')}
          value={value.recoveryKey}
          onChange={(event) => onChange({ ...value, recoveryKey: event.currentTarget.value })}
          autoComplete="off"
          spellCheck={false}
          ff="monospace"
          disabled={disabled}
          data-testid="credentials-recovery-key"
          data-autofocus
        />
      )}
    </Stack>
  );
}
