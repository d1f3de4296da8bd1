import { Alert, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { RectificationDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/** 提交销号审核, with an optional account of what was done. */
export function SubmitDialog({ item, onClose, onDone }: { item: RectificationDetail; onClose: () => void; onDone: (item: RectificationDetail) => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('rectification.submit.title')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('rectification.advance', { id: item.id, to: 'awaitingReview', note: note.trim() }), onDone)}
      submitLabel={t('rectification.action.submit')}
      submitTestId="rectification-submit-confirm"
      testId="rectification-submit-form"
    >
      <Text size="sm">{t('rectification.submit.intro')}</Text>
      {item.files.length === 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="rectification-no-evidence">
          <Text size="sm">{t('rectification.submit.noEvidence')}</Text>
        </Alert>
      )}
      <Textarea label={t('rectification.submit.note')} value={note} maxLength={1000} autosize minRows={2} maxRows={6} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
    </FormDialog>
  );
}

/** 销号审核: accept (销号) or send back to 整改中 with the reason, which the item keeps. */
export function ReviewDialog({
  item,
  decision,
  onClose,
  onDone,
}: {
  item: RectificationDetail;
  decision: 'accepted' | 'sentBack';
  onClose: () => void;
  onDone: (item: RectificationDetail) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSubmit();
  const sendBack = decision === 'sentBack';
  const submit = () => {
    if (sendBack && !reason.trim()) {
      setMissing(true);
      return;
    }
    return run(() => invoke('rectification.review', { id: item.id, decision, reason: reason.trim(), ...(!sendBack && closedOn ? { closedOn } : {}) }), onDone);
  };
  return (
    <FormDialog
      title={t(sendBack ? 'rectification.review.sendBackTitle' : 'rectification.review.acceptTitle')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t(sendBack ? 'rectification.action.sendBack' : 'rectification.action.accept')}
      submitColor={sendBack ? 'orange' : 'teal'}
      submitTestId="rectification-review-confirm"
      testId="rectification-review-form"
    >
      <Text size="sm" lineClamp={4} c="dimmed" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 10 }}>
        {item.problemDescription}
      </Text>
      <Text size="sm">{t(sendBack ? 'rectification.review.sendBackIntro' : 'rectification.review.acceptIntro', { count: item.files.length })}</Text>
      <Textarea
        label={t(sendBack ? 'rectification.review.reason' : 'rectification.review.comment')}
        required={sendBack}
        value={reason}
        maxLength={1000}
        autosize
        minRows={3}
        maxRows={8}
        error={missing ? t('rectification.review.reasonRequired') : undefined}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        data-autofocus
        data-testid="rectification-review-reason"
      />
      {!sendBack && (
        <DateField label={t('rectification.review.closedOn')} description={t('rectification.review.closedOn.hint')} value={closedOn} onChange={setClosedOn} testId="rectification-review-closed-on" />
      )}
    </FormDialog>
  );
}
