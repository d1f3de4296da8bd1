import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { BackupCredentials } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { CredentialsFields, credentialsOf, emptyCredentials } from './CredentialsFields';

/** Asked when the chosen backup belongs to another vault: it opens only with that backup's administrator password or recovery key. */
export function CredentialsDialog({ onSubmit, onClose }: { onSubmit: (credentials: BackupCredentials) => void; onClose: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState(emptyCredentials());
  const credentials = credentialsOf(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (credentials) onSubmit(credentials);
  };
  return (
    <Modal opened onClose={onClose} title={t('backup.credentials.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid="backup-credentials">
        <Stack gap="md">
          <Text size="sm">{t('backup.credentials.body')}</Text>
          <CredentialsFields value={draft} onChange={setDraft} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!credentials} data-testid="backup-credentials-submit">
              {t('backup.credentials.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
