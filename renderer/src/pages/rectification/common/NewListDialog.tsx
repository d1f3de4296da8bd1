import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';

/** 新建清单: a draft with a title, filled afterwards by merging problems. */
export function NewListDialog({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = useT();
  const [title, setTitle] = useState<string>(t('commonList.lists.defaultTitle'));
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('commonList.lists.new')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('commonLists.create', { title: title.trim(), note: note.trim() }), (list) => onDone(list.id))}
      submitLabel={t('common.save')}
      submitTestId="common-list-create"
      testId="common-list-form"
    >
      <TextInput label={t('commonList.lists.titleLabel')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={100} data-autofocus data-testid="common-list-title" />
      <Textarea label={t('commonList.lists.noteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
    </FormDialog>
  );
}
