import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentDetail } from '../../../../shared/contract';
import type { IpcResult } from '../../../../shared/result';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/** 保存版本 with an optional line on what changed. A refusal (someone saved meanwhile) keeps the editor's text. */
export function SaveVersionDialog({
  onSave,
  onClose,
  onSaved,
}: {
  onSave: (note: string) => Promise<IpcResult<DocumentDetail>>;
  onClose: () => void;
  onSaved: (saved: DocumentDetail) => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('documents.editor.save')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => onSave(note.trim()), onSaved)}
      submitLabel={t('documents.editor.save')}
      submitTestId="save-version-submit"
      testId="save-version-form"
    >
      <TextInput
        label={t('documents.versions.note')}
        placeholder={t('documents.versions.notePlaceholder')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        maxLength={200}
        data-autofocus
        data-testid="save-version-note"
      />
    </FormDialog>
  );
}
