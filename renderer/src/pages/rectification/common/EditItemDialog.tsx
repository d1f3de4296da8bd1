import { Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CommonProblem } from '../../../../../shared/contract';
import { focuses, type Focus } from '../../../../../shared/domain';
import { invoke } from '../../../api/client';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';
import { focusOptions } from '../../findings/labels';

/** The wording and focus of a common problem, while its list is a draft. */
export function EditItemDialog({ item, onClose, onDone }: { item: CommonProblem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [wording, setWording] = useState(item.wording);
  const [focus, setFocus] = useState<Focus>(item.focus);
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('commonList.items.edit', { sequence: item.sequence })}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('commonProblems.update', { id: item.id, wording: wording.trim(), focus, categoryId: null }), () => onDone())}
      submitLabel={t('common.save')}
      submitTestId="common-item-save"
      testId="common-item-form"
    >
      <Textarea label={t('commonList.merge.wording')} value={wording} onChange={(e) => setWording(e.currentTarget.value)} required autosize minRows={2} maxLength={1000} data-autofocus />
      <Select
        label={t('commonList.items.focus')}
        data={focusOptions(t)}
        value={focus}
        onChange={(value) => {
          if (focuses.includes(value as Focus)) setFocus(value as Focus);
        }}
        allowDeselect={false}
      />
    </FormDialog>
  );
}
