import { Button, Modal, Text } from '@mantine/core';
import { invoke } from '../api/client';
import { useT } from '../i18n';
import { useStatus } from '../state/status';
import { ChangePasswordForm } from './ChangePasswordForm';
import { notifySuccess } from './notify';

/** Shown over the workbench while the signed-in user must replace an initial password. */
export function ForcedPasswordChange({ opened }: { opened: boolean }) {
  const t = useT();
  const { refresh } = useStatus();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('password.forced.title')}
      centered
      size="md"
      data-testid="forced-password-change"
    >
      <Text size="sm" c="dimmed" mb="md">
        {t('password.forced.body')}
      </Text>
      <ChangePasswordForm
        autoFocus
        onChanged={async () => {
          notifySuccess(t, t('password.changed'));
          await refresh();
        }}
        extraActions={
          <Button
            variant="default"
            onClick={async () => {
              await invoke('session.signOut', {});
              await refresh();
            }}
          >
            {t('shell.signOut')}
          </Button>
        }
      />
    </Modal>
  );
}
