import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { BackupJob, BackupSummary } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { BackupSummaryTable } from './BackupSummaryTable';
import { CredentialsFields, credentialsOf, emptyCredentials } from './CredentialsFields';

/**
 * The strong confirmation of a restore: what the backup holds, what happens to the current
 * vault, the word 恢复 typed out, and an administrator's password of the time of the backup
 * (those are the passwords that sign in afterwards) or the recovery key. Nothing is sent until
 * the word is typed and the credentials are filled in.
 */
export function RestoreDialog({ summary, username, onStarted, onClose }: { summary: BackupSummary; username: string; onStarted: (job: BackupJob) => void; onClose: () => void }) {
  const t = useT();
  const word = t('backup.confirm.word');
  const [typed, setTyped] = useState('');
  const [draft, setDraft] = useState(emptyCredentials(username));
  const { busy, error, run } = useSubmit();
  const credentials = credentialsOf(draft);
  const ready = typed.trim() === word && credentials !== null && !busy;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !credentials) return;
    void run(() => invoke('backup.restore', { credentials, confirm: true }), onStarted);
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('backup.confirm.title')} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid="restore-dialog">
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{t('backup.confirm.body')}</Text>
            {!summary.sameVault && (
              <Text size="sm" fw={600} mt="xs">
                {t('backup.confirm.otherVault')}
              </Text>
            )}
          </Alert>
          <BackupSummaryTable summary={summary} compact />
          <CredentialsFields value={draft} onChange={setDraft} disabled={busy} />
          <TextInput
            label={t('backup.confirm.typeLabel', { word })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            disabled={busy}
            autoComplete="off"
            data-testid="restore-confirm-word"
            data-autofocus
          />
          <ErrorAlert error={error} coreDetail />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!ready} loading={busy} data-testid="restore-submit">
              {t('backup.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
