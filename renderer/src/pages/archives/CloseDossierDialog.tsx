import { List, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/** 封卷: what is still missing, and the reason for it (required while anything is missing). */
export function CloseDossierDialog({ dossier, onClose, onClosed }: { dossier: Dossier; onClose: () => void; onClosed: (next: Dossier) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const missing = dossier.missing;
  return (
    <FormDialog
      title={t('archives.dossier.closeTitle', { round: dossier.roundLabel })}
      busy={busy}
      error={error}
      onClose={onClose}
      submitLabel={t('archives.dossier.close')}
      submitColor="orange"
      submitTestId="archives-close-submit"
      testId="archives-close-form"
      onSubmit={() => run(() => invoke('archives.closeDossier', { roundId: dossier.roundId, reason }), onClosed)}
    >
      <Text size="sm">{t('archives.dossier.closeBody')}</Text>
      {missing.length ? (
        <>
          <Text size="sm" fw={500}>
            {t('archives.dossier.closeMissing')}
          </Text>
          <List size="sm" data-testid="archives-close-missing">
            {missing.map((kind) => (
              <List.Item key={kind}>{t(`archives.kind.${kind}`)}</List.Item>
            ))}
          </List>
          <Textarea label={t('archives.dossier.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-autofocus data-testid="archives-close-reason" />
        </>
      ) : (
        <Text size="sm" c="teal">
          {t('archives.dossier.closeNothingMissing')}
        </Text>
      )}
    </FormDialog>
  );
}
