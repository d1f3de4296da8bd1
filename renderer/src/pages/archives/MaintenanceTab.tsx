import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseCog, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ArchiveJob } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { useArchiveJob } from './useArchiveJob';

/** Rebuilding the search index and the fixity audit, each with its progress; the last audit's report; the reminder's interval. */
export function MaintenanceTab({ onScheduleChanged }: { onScheduleChanged: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  const [reextract, setReextract] = useState(false);
  const status = useChannel('archives.fixityStatus', {}, version);
  const schedule = useChannel('archives.fixitySchedule', {}, version);
  const job = useArchiveJob(() => {
    setVersion((v) => v + 1);
    onScheduleChanged();
  });
  const [days, setDays] = useState<number | string>('');
  const saving = useSubmit();
  const report = status.data;
  const current = job.run.step === 'running' || job.run.step === 'ended' ? job.run.job : null;

  return (
    <Stack gap="md" data-testid="archives-maintenance">
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2} maw={620}>
              <Title order={3} fz="md">
                {t('archives.maint.fixity')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('archives.maint.fixityHint')}
              </Text>
            </Stack>
            <Button leftSection={<IconShieldCheck size={16} />} loading={job.busy && current?.kind === 'fixity'} disabled={job.busy} onClick={() => void job.start(() => invoke('archives.fixityRun', {}))} data-testid="archives-fixity-run">
              {t('archives.maint.fixity')}
            </Button>
          </Group>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2} maw={620}>
              <Title order={3} fz="md">
                {t('archives.maint.rebuild')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('archives.maint.rebuildHint')}
              </Text>
              <Checkbox mt={4} label={t('archives.maint.reextract')} checked={reextract} onChange={(e) => setReextract(e.currentTarget.checked)} />
            </Stack>
            <Button
              variant="light"
              leftSection={<IconDatabaseCog size={16} />}
              loading={job.busy && current?.kind === 'rebuildIndex'}
              disabled={job.busy}
              onClick={() => void job.start(() => invoke('archives.rebuildIndex', { reextract }))}
              data-testid="archives-rebuild"
            >
              {t('archives.maint.rebuild')}
            </Button>
          </Group>
          {current && <JobProgress job={current} />}
          {job.run.step === 'refused' && <ErrorAlert error={job.run.error} />}
        </Stack>
      </Card>

      <Card withBorder radius="md" padding="md" data-testid="archives-fixity-report">
        <Title order={3} fz="md" mb="xs">
          {report?.finishedAt ? t('archives.maint.report', { date: formatDate(report.finishedAt) }) : t('archives.maint.reportNever')}
        </Title>
        <ErrorAlert error={status.error} />
        {report && (
          <Stack gap="sm">
            <Text size="sm" data-testid="archives-fixity-counts">
              {t('archives.maint.reportCounts', { total: report.total, checked: report.checked, ok: report.ok, missing: report.missing, tampered: report.tampered })}
            </Text>
            {report.findings.length === 0 ? (
              <Badge color="teal" variant="light">
                {t('archives.maint.reportClean')}
              </Badge>
            ) : (
              <Table striped data-testid="archives-fixity-findings">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('archives.maint.col.result')}</Table.Th>
                    <Table.Th>{t('archives.maint.col.owner')}</Table.Th>
                    <Table.Th>{t('archives.maint.col.file')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.findings.map((finding) => (
                    <Table.Tr key={finding.fileId} data-testid="archives-fixity-finding" data-result={finding.result}>
                      <Table.Td>
                        <Badge color="red" variant="filled">
                          {t(`archives.maint.result.${finding.result}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{finding.archiveCode ?? t('archives.maint.owner.other', { type: finding.ownerType })}</Table.Td>
                      <Table.Td>{finding.fileName ?? `#${finding.fileId}`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Card>

      {schedule.data && (
        <Card withBorder radius="md" padding="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const value = typeof days === 'number' ? days : schedule.data?.intervalDays;
              if (value) void saving.run(() => invoke('archives.setFixityInterval', { days: value }), () => {
                setVersion((v) => v + 1);
                onScheduleChanged();
              });
            }}
          >
            <Group align="flex-end">
              <NumberInput label={t('archives.maint.interval')} description={t('archives.maint.intervalHint')} value={days === '' ? schedule.data.intervalDays : days} min={1} max={3650} allowDecimal={false} onChange={setDays} w={260} />
              <Button type="submit" variant="default" loading={saving.busy}>
                {t('common.save')}
              </Button>
              <Text size="sm" c={schedule.data.due ? 'orange' : 'dimmed'} pb={6}>
                {schedule.data.due || !schedule.data.nextDueOn ? t('archives.maint.dueNow') : t('archives.maint.nextDue', { date: formatDate(schedule.data.nextDueOn, 'date') })}
              </Text>
            </Group>
            <ErrorAlert error={saving.error} />
          </form>
        </Card>
      )}
    </Stack>
  );
}

function JobProgress({ job }: { job: ArchiveJob }) {
  const t = useT();
  const percent = job.total ? Math.round((job.done / job.total) * 100) : job.state === 'running' ? 0 : 100;
  if (job.state === 'failed') return <Alert color="red">{t('archives.maint.failed', { reason: job.error?.message ?? '' })}</Alert>;
  return (
    <Stack gap={4} data-testid="archives-job" data-state={job.state} data-kind={job.kind}>
      <Progress value={percent} animated={job.state === 'running'} aria-label={t(`archives.maint.running.${job.kind}`, { done: job.done, total: job.total })} />
      <Text size="sm" c={job.state === 'done' ? 'teal' : 'dimmed'}>
        {job.state === 'running' ? t(`archives.maint.running.${job.kind}`, { done: job.done, total: job.total }) : t(`archives.maint.done.${job.kind}`, { total: job.total })}
      </Text>
    </Stack>
  );
}
