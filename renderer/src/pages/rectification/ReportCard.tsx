import { Badge, Button, Card, DataList, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconFileReport, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import type { RectificationReport } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import type { RectificationRights } from './labels';
import { ReportDialog } from './ReportDialog';
import { ReportMonthsDialog } from './ReportMonthsDialog';

function ReportBadge({ report }: { report: RectificationReport }) {
  const t = useT();
  if (report.receivedOn) {
    const late = report.dueOn !== null && report.receivedOn > report.dueOn;
    return (
      <Badge color={late ? 'orange' : 'teal'} variant="light" radius="sm" data-testid="report-state" data-state={late ? 'late' : 'received'}>
        {t(late ? 'rectification.report.state.late' : 'rectification.report.state.received')}
      </Badge>
    );
  }
  if (report.daysOverdue !== null) {
    return (
      <Badge color="red" variant="filled" radius="sm" data-testid="report-state" data-state="overdue">
        {t('rectification.report.state.overdue', { days: report.daysOverdue })}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" radius="sm" data-testid="report-state" data-state={report.dueOn ? 'due' : 'noFeedback'}>
      {t(report.dueOn ? 'rectification.report.state.due' : 'rectification.report.state.noFeedback')}
    </Badge>
  );
}

/** 整改报告: feedback date, due date, when it came in, the 整改专题民主生活会 and the supervisors. */
export function ReportCard({ inspectionId, unitName, rights, onChanged }: { inspectionId: number; unitName: string; rights: RectificationRights; onChanged: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'edit' | 'months' | null>(null);
  const { data: report, error } = useChannel('rectification.report', { inspectionId }, version);
  const date = (value: string | null) => (value ? formatDate(value, 'date') : '—');
  const changed = (message: string) => {
    setDialog(null);
    notifySuccess(t, message);
    setVersion((v) => v + 1);
    onChanged();
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="rectification-report">
      <ErrorAlert error={error} />
      {!report && !error && <Loader size="sm" />}
      {report && (
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <IconFileReport size={20} aria-hidden />
              <Title order={3} fz="md">
                {t('rectification.report.title', { unit: unitName })}
              </Title>
              <ReportBadge report={report} />
            </Group>
            <Group gap="xs">
              {rights.settings && (
                <Button size="xs" variant="subtle" color="gray" leftSection={<IconSettings size={14} />} onClick={() => setDialog('months')} data-testid="report-months-open">
                  {t('rectification.months.open')}
                </Button>
              )}
              {rights.write && (
                <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setDialog('edit')} data-testid="report-edit">
                  {t('rectification.report.edit')}
                </Button>
              )}
            </Group>
          </Group>
          <DataList labelWidth={150} data-testid="report-details">
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.report.feedbackOn')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {report.feedbackOn ? (
                  <>
                    {date(report.feedbackOn)}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {t(`rectification.report.source.${report.feedbackSource ?? 'roundStage'}`)}
                    </Text>
                  </>
                ) : (
                  t('rectification.report.noFeedback')
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.report.dueOn')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-due">
                {date(report.dueOn)}
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('rectification.report.dueRule', { months: report.dueMonths })}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.report.receivedOnLabel')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-received">{report.receivedOn ? date(report.receivedOn) : t('rectification.report.notReceived')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.report.meetingOn')}</DataList.ItemLabel>
              <DataList.ItemValue>{report.meetingOn ? date(report.meetingOn) : t('rectification.report.notHeld')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.report.supervisors')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-supervisors">
                {t('rectification.report.discipline')}：{report.disciplineSupervisor || '—'}；{t('rectification.report.organisation')}：{report.organisationSupervisor || '—'}
              </DataList.ItemValue>
            </DataList.Item>
            {report.note && (
              <DataList.Item>
                <DataList.ItemLabel>{t('rectification.report.note')}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{report.note}</DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>
        </Stack>
      )}
      {dialog === 'edit' && report && <ReportDialog report={report} onClose={() => setDialog(null)} onDone={() => changed(t('rectification.report.saved'))} />}
      {dialog === 'months' && report && (
        <ReportMonthsDialog months={report.dueMonths} onClose={() => setDialog(null)} onDone={(months) => changed(t('rectification.months.saved', { months }))} />
      )}
    </Card>
  );
}
