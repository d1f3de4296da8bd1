import { Modal, Progress, Stack, Text } from '@mantine/core';
import type { BackupJob } from '../../../../shared/contract';
import { useT, type MessageKey } from '../../i18n';
import { bytesText, percentOf } from './format';

const TITLES: Record<BackupJob['kind'], MessageKey> = {
  create: 'backup.progress.create',
  verify: 'backup.progress.verify',
  restore: 'backup.progress.restore',
};

/**
 * The progress of a running job, over the whole window: it cannot be closed (the work goes on in
 * the core either way) and keeps the user from changing data a restore is about to replace.
 */
export function JobProgressModal({ kind, job }: { kind: BackupJob['kind']; job: BackupJob | null }) {
  const t = useT();
  const percent = job ? percentOf(job.doneBytes, job.totalBytes) : null;
  const phase = job ? t(`backup.phase.${job.phase}`) : kind === 'create' ? t('backup.progress.starting') : t(TITLES[kind]);
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} centered title={t(TITLES[kind])}>
      <Stack gap="sm" data-testid="backup-progress">
        <Text size="sm" aria-live="polite">
          {phase}
        </Text>
        <Progress
          value={percent ?? 100}
          animated={percent === null || job?.state === 'running'}
          striped={percent === null}
          size="lg"
          aria-label={phase}
          data-testid="backup-progress-bar"
        />
        {job && job.totalBytes > 0 && (
          <Text size="xs" c="dimmed" data-testid="backup-progress-bytes">
            {percent}% · {t('backup.progress.bytes', { done: bytesText(job.doneBytes), total: bytesText(job.totalBytes) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('backup.progress.wait')}
        </Text>
      </Stack>
    </Modal>
  );
}
