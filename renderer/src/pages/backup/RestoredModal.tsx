import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupJob } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { useStatus } from '../../state/status';

/**
 * The restore has switched the vault and ended the session: says where the previous vault is
 * kept, and leads back to sign-in (the passwords of the time of the backup).
 */
export function RestoredModal({ job }: { job: BackupJob }) {
  const t = useT();
  const { refresh } = useStatus();
  const [leaving, setLeaving] = useState(false);
  const restored = job.restored;
  const file = restored?.summary.fileName ?? '';
  const body = restored?.previousVaultDir
    ? t('backup.restored.body', { file, previous: restored.previousVaultDir })
    : t('backup.restored.bodyNoPrevious', { file });
  const signIn = async () => {
    setLeaving(true);
    await refresh();
  };
  return (
    <Modal opened onClose={() => void signIn()} withCloseButton={false} closeOnClickOutside={false} centered title={t('backup.restored.title')}>
      <Stack gap="md" data-testid="backup-restored">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {body}
        </Text>
        <Group justify="flex-end">
          <Button onClick={() => void signIn()} loading={leaving} data-autofocus data-testid="backup-restored-sign-in">
            {t('backup.restored.signIn')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
