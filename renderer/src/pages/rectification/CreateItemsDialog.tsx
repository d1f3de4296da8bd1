import { Alert, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RectificationInspection } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';

/**
 * 建立整改台账: one item for every problem of the inspection that has none, each starting 未启动
 * with the same responsible unit, person and deadline (the report's due date is proposed);
 * each item's measures are then filled in one by one.
 */
export function CreateItemsDialog({
  inspection,
  count,
  onClose,
  onDone,
}: {
  inspection: RectificationInspection;
  count: number;
  onClose: () => void;
  onDone: (created: number) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [unit, setUnit] = useState(inspection.unitName);
  const [person, setPerson] = useState('');
  const [deadline, setDeadline] = useState<string | null>(inspection.report.dueOn);
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(
      () =>
        invoke('rectification.createItems', {
          inspectionId: inspection.inspectionId,
          responsibleUnit: unit.trim(),
          responsiblePerson: person.trim(),
          deadline,
        }),
      (value) => onDone(value.created),
    );

  return (
    <FormDialog
      title={t('rectification.create.title', { unit: inspection.unitName })}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('rectification.create.submit', { count })}
      submitTestId="rectification-create-submit"
      testId="rectification-create-form"
    >
      <Alert variant="light" color="blue">
        <Text size="sm">{t('rectification.create.intro', { count })}</Text>
      </Alert>
      <TextInput label={t('rectification.field.responsibleUnit')} value={unit} maxLength={80} onChange={(e) => setUnit(e.currentTarget.value)} data-autofocus />
      <TextInput label={t('rectification.field.responsiblePerson')} value={person} maxLength={40} onChange={(e) => setPerson(e.currentTarget.value)} />
      <DateField
        label={t('rectification.field.deadline')}
        value={deadline}
        onChange={setDeadline}
        description={inspection.report.dueOn ? t('rectification.create.deadlineHint', { date: formatDate(inspection.report.dueOn, 'date') }) : undefined}
        testId="rectification-create-deadline"
      />
    </FormDialog>
  );
}
