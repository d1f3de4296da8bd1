import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/** The office's period for rectification reports: months after feedback (巡视工作条例: two). */
export function ReportMonthsDialog({ months, onClose, onDone }: { months: number; onClose: () => void; onDone: (months: number) => void }) {
  const t = useT();
  const [value, setValue] = useState<number | string>(months);
  const { busy, error, run } = useSubmit();
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 24;

  const submit = () => {
    if (!valid) return;
    return run(
      () => invoke('settings.update', { rectificationReportMonths: value }),
      (settings) => onDone(settings.rectificationReportMonths ?? value),
    );
  };

  return (
    <FormDialog
      title={t('rectification.months.title')}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitTestId="report-months-submit"
    >
      <NumberInput
        label={t('rectification.months.label')}
        description={t('rectification.months.hint')}
        value={value}
        onChange={setValue}
        min={1}
        max={24}
        allowDecimal={false}
        error={valid ? undefined : t('rectification.months.invalid')}
        data-autofocus
        data-testid="report-months"
      />
    </FormDialog>
  );
}
