import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconShieldExclamation } from '@tabler/icons-react';
import { roleMay } from '../../../../shared/roles';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import type { PageKey } from '../../shell/nav';
import { useActiveStatus } from '../../state/status';

/**
 * The two chores that protect the records and are easy to forget on an air-gapped machine:
 * a backup kept apart from the computer, and the periodic fixity check of the archive files.
 * Each shows only to those who may do it, and only when it is due.
 */
export function MaintenanceReminders({ onNavigate }: { onNavigate: (key: PageKey) => void }) {
  const t = useT();
  const { user } = useActiveStatus();
  const backup = useChannel('backup.status', roleMay(user.role, 'vault.backup') ? {} : null);
  const fixity = useChannel('archives.fixitySchedule', roleMay(user.role, 'archives.write') ? {} : null);
  const backupDue = backup.data?.due === true;
  const fixityDue = fixity.data?.due === true && fixity.data.storedFiles > 0;
  if (!backupDue && !fixityDue) return null;

  return (
    <Stack gap="xs" aria-label={t('dashboard.reminders')} data-testid="dashboard-reminders">
      {backupDue && backup.data && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="dashboard-backup-due">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{backup.data.lastBackupAt ? t('backup.due', { days: backup.data.daysSince ?? 0 }) : t('backup.dueNever')}</Text>
            <Button size="xs" variant="subtle" rightSection={<IconArrowRight size={14} />} onClick={() => onNavigate('settings')}>
              {t('dashboard.reminders.backup')}
            </Button>
          </Group>
        </Alert>
      )}
      {fixityDue && fixity.data && (
        <Alert color="orange" variant="light" icon={<IconShieldExclamation size={18} />} data-testid="dashboard-fixity-due">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{fixity.data.lastRunAt ? t('archives.fixityDue', { days: fixity.data.intervalDays }) : t('archives.fixityNever')}</Text>
            <Button size="xs" variant="subtle" rightSection={<IconArrowRight size={14} />} onClick={() => onNavigate('archives')}>
              {t('dashboard.reminders.fixity')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
