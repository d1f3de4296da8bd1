import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RectificationReport } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/** 登记整改报告: the day it came in, the 整改专题民主生活会, and the 纪检 and 组织 supervisors. */
export function ReportDialog({ report, onClose, onDone }: { report: RectificationReport; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [receivedOn, setReceivedOn] = useState<string | null>(report.receivedOn);
  const [meetingOn, setMeetingOn] = useState<string | null>(report.meetingOn);
  const [discipline, setDiscipline] = useState(report.disciplineSupervisor);
  const [organisation, setOrganisation] = useState(report.organisationSupervisor);
  const [note, setNote] = useState(report.note);
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(
      () =>
        invoke('rectification.saveReport', {
          inspectionId: report.inspectionId,
          receivedOn,
          meetingOn,
          disciplineSupervisor: discipline.trim(),
          organisationSupervisor: organisation.trim(),
          note: note.trim(),
        }),
      onDone,
    );

  return (
    <FormDialog
      title={t('rectification.report.dialog')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitTestId="report-submit"
      testId="report-form"
    >
      <DateField label={t('rectification.report.receivedOnLabel')} value={receivedOn} onChange={setReceivedOn} minDate={report.feedbackOn} testId="report-received-on" data-autofocus />
      <DateField label={t('rectification.report.meetingOn')} value={meetingOn} onChange={setMeetingOn} minDate={report.feedbackOn} testId="report-meeting-on" />
      <TextInput
        label={t('rectification.report.discipline')}
        description={t('rectification.report.discipline.hint')}
        value={discipline}
        maxLength={40}
        onChange={(e) => setDiscipline(e.currentTarget.value)}
        data-testid="report-discipline"
      />
      <TextInput
        label={t('rectification.report.organisation')}
        description={t('rectification.report.organisation.hint')}
        value={organisation}
        maxLength={40}
        onChange={(e) => setOrganisation(e.currentTarget.value)}
        data-testid="report-organisation"
      />
      <Textarea label={t('rectification.report.note')} value={note} maxLength={1000} autosize minRows={2} maxRows={6} onChange={(e) => setNote(e.currentTarget.value)} />
    </FormDialog>
  );
}
