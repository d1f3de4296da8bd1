import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseExport, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { BackupCredentials, BackupJob, BackupSummary } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberSettingForm } from '../../components/NumberSettingForm';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { BackupSummaryTable } from './BackupSummaryTable';
import { CredentialsDialog } from './CredentialsDialog';
import { bytesText } from './format';
import { JobProgressModal } from './JobProgressModal';
import { RestoreDialog } from './RestoreDialog';
import { RestoredModal } from './RestoredModal';
import { useBackupJob } from './useBackupJob';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Stack mt="md">{children}</Stack>
    </Card>
  );
}

/**
 * 备份与恢复: when the vault was last backed up (and a reminder when that is too long ago), the
 * reminder interval, 立即备份 (the core asks where to save and streams the backup; progress over
 * the window), 校验备份文件 (a file checked without restoring it) and, for administrators,
 * 从备份恢复 (checked first, then confirmed with the word 恢复 and a password of the time).
 * Meant for a tab of the settings page, shown to those with the vault.backup permission.
 */
export function BackupPanel() {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayBackup = user.permissions.includes('vault.backup');
  const mayRestore = user.permissions.includes('vault.restore');
  const [version, setVersion] = useState(0);
  const status = useChannel('backup.status', mayBackup ? {} : null, version);
  const { run, start, follow, reset } = useBackupJob();
  const [purpose, setPurpose] = useState<'verify' | 'restore'>('verify');
  const [restoreOf, setRestoreOf] = useState<BackupSummary | null>(null);
  // A backup of another vault: the file stays chosen in the core while its credentials are asked for.
  const askCredentials = run.step === 'refused' && run.error.code === 'BACKUP_NEEDS_CREDENTIALS';

  if (!mayBackup) return null;
  const busy = run.step === 'starting' || run.step === 'running';

  const backUp = async () => {
    await start('create', () => invoke('backup.create', {}));
    setVersion((v) => v + 1);
  };

  const check = async (why: 'verify' | 'restore', credentials?: BackupCredentials) => {
    setPurpose(why);
    setRestoreOf(null);
    const job = await start('verify', () => invoke('backup.verify', credentials ? { credentials, reuseChosenFile: true } : {}));
    if (job?.state === 'done' && why === 'restore' && job.verified) setRestoreOf(job.verified);
  };

  const last = status.data;
  return (
    <Stack gap="lg" data-testid="backup-panel">
      <Section title={t('backup.title')}>
        <Text size="sm" c="dimmed">
          {t('backup.description')}
        </Text>
        <Group gap="xs" data-testid="backup-last">
          <Text size="sm" fw={500}>
            {t('backup.last')}：
          </Text>
          <Text size="sm">
            {last?.lastBackupAt
              ? `${formatDate(last.lastBackupAt)}（${last.daysSince === 0 ? t('backup.today') : t('backup.daysAgo', { days: last.daysSince ?? 0 })}）`
              : t('backup.never')}
          </Text>
        </Group>
        {last?.due && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="backup-due">
            {last.lastBackupAt ? t('backup.due', { days: last.daysSince ?? 0 }) : t('backup.dueNever')}
          </Alert>
        )}
        <ErrorAlert error={status.error} />
        <Group gap="sm">
          <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUp()} disabled={busy} data-testid="backup-create">
            {t('backup.create')}
          </Button>
          <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => void check('verify')} disabled={busy} data-testid="backup-verify">
            {t('backup.verify')}
          </Button>
          {mayRestore && (
            <Button variant="outline" color="red" leftSection={<IconRestore size={16} />} onClick={() => void check('restore')} disabled={busy} data-testid="backup-restore">
              {t('backup.restore')}
            </Button>
          )}
        </Group>
        {!mayRestore && (
          <Text size="xs" c="dimmed">
            {t('backup.restore.adminOnly')}
          </Text>
        )}
        <Outcome run={run} purpose={purpose} />
      </Section>
      {last && <ReminderSection key={last.reminderDays} reminderDays={last.reminderDays} onSaved={() => setVersion((v) => v + 1)} />}

      {(run.step === 'starting' || run.step === 'running') && (
        <JobProgressModal kind={run.step === 'starting' ? run.kind : run.job.kind} job={run.step === 'running' ? run.job : null} />
      )}
      {askCredentials && (
        <CredentialsDialog onClose={reset} onSubmit={(credentials) => void check(purpose, credentials)} />
      )}
      {restoreOf && (
        <RestoreDialog
          summary={restoreOf}
          username={user.username}
          onClose={() => setRestoreOf(null)}
          onStarted={(job) => {
            setRestoreOf(null);
            void follow(job).then((ended) => ended?.state === 'done' && announceRestore(t, ended));
          }}
        />
      )}
      {run.step === 'ended' && run.job.kind === 'restore' && run.job.state === 'done' && <RestoredModal job={run.job} />}
    </Stack>
  );
}

/** A restore ends the session: the notice stays even if the window moves to sign-in first. */
function announceRestore(t: ReturnType<typeof useT>, job: BackupJob): void {
  notifications.show({ color: 'teal', title: t('backup.restored.title'), message: t('backup.restored.bodyNoPrevious', { file: job.restored?.summary.fileName ?? '' }), autoClose: false, withBorder: true });
}

/** What the last action came to: saved, intact, refused, cancelled. */
function Outcome({ run, purpose }: { run: ReturnType<typeof useBackupJob>['run']; purpose: 'verify' | 'restore' }) {
  const t = useT();
  if (run.step === 'cancelled') {
    return (
      <Text size="sm" c="dimmed" data-testid="backup-outcome">
        {run.kind === 'create' ? t('backup.cancelled') : t('backup.verify.cancelled')}
      </Text>
    );
  }
  if (run.step === 'refused' && run.error.code !== 'BACKUP_NEEDS_CREDENTIALS') return <ErrorAlert error={run.error} title={t('backup.failed')} coreDetail />;
  if (run.step !== 'ended') return null;
  const { job } = run;
  if (job.state === 'failed') return <ErrorAlert error={job.error as AppErrorShape} title={t('backup.failed')} coreDetail />;
  if (job.created) {
    const created = job.created;
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="backup-outcome" title={t('backup.created', { path: created.path })}>
        <Text size="sm">{t('backup.created.detail', { size: bytesText(created.bytes), files: created.files, seconds: (created.durationMs / 1000).toFixed(1) })}</Text>
        {created.missingFiles > 0 && (
          <Text size="sm" c="red" mt={4}>
            {t('backup.created.missing', { count: created.missingFiles })}
          </Text>
        )}
      </Alert>
    );
  }
  if (job.verified && purpose === 'verify') {
    return (
      <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} data-testid="backup-outcome" title={t('backup.verified')}>
        <BackupSummaryTable summary={job.verified} />
      </Alert>
    );
  }
  return null;
}

function ReminderSection({ reminderDays, onSaved }: { reminderDays: number; onSaved: () => void }) {
  const t = useT();
  return (
    <Section title={t('backup.reminder')}>
      <Text size="sm" c="dimmed">
        {t('backup.reminder.description')}
      </Text>
      <NumberSettingForm
        label={t('backup.reminder')}
        initial={reminderDays}
        min={0}
        max={365}
        invalidText={t('backup.reminder.invalid')}
        savedText={t('backup.reminder.saved')}
        save={(backupReminderDays) => invoke('settings.update', { backupReminderDays })}
        onSaved={onSaved}
        testId="backup-reminder"
        inputTestId="backup-reminder-days"
      />
    </Section>
  );
}
