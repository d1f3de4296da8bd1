import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Borrowing } from '../../../../../shared/contract';
import { invoke } from '../../../api/client';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmit } from '../../../components/useSubmit';
import { useFormatDate, useT } from '../../../i18n';

/** 批准 / 不批准 a request, with an optional comment kept in the register. */
export function DecideDialog({ borrowing, approve, onClose, onDone }: { borrowing: Borrowing; approve: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('borrowing.decideTitle')}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => run(() => invoke('archives.decideBorrowing', { id: borrowing.id, approve, note }), onDone)}
      submitLabel={t(approve ? 'borrowing.approve' : 'borrowing.refuse')}
      submitColor={approve ? undefined : 'red'}
      submitTestId="borrowing-decide-submit"
      testId="borrowing-decide"
    >
      <Stack gap={4}>
        <Text size="sm">
          {borrowing.requesterName} · {t(`borrowing.mode.${borrowing.mode}`)} · {t('borrowing.col.due')} {formatDate(borrowing.dueDate, 'date')}
        </Text>
        {borrowing.items.map((item) => (
          <Text key={item.itemId} size="sm">
            {item.archiveCode} {item.title ?? ''}
          </Text>
        ))}
        <Text size="sm" c="dimmed">
          {borrowing.purpose}
        </Text>
      </Stack>
      <Textarea label={t('borrowing.decisionNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={500} autosize minRows={2} data-autofocus data-testid="borrowing-decision-note" />
    </FormDialog>
  );
}
