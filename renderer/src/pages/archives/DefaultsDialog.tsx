import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Dossier, Retention } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { retentionOptions } from './labels';

/** The 档号 parts new items of the round are filed under (items already filed keep theirs). */
export function DefaultsDialog({ dossier, onClose, onSaved }: { dossier: Dossier; onClose: () => void; onSaved: (next: Dossier) => void }) {
  const t = useT();
  const [year, setYear] = useState<number>(dossier.year);
  const [retention, setRetention] = useState<Retention>(dossier.retention);
  const [orgCode, setOrgCode] = useState(dossier.orgCode);
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('archives.dossier.editDefaults')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      submitLabel={t('common.save')}
      onSubmit={() => run(() => invoke('archives.dossierDefaults', { roundId: dossier.roundId, year, retention, orgCode }), onSaved)}
    >
      <SimpleGrid cols={3}>
        <NumberInput label={t('archives.field.year')} value={year} min={1949} max={2100} allowDecimal={false} onChange={(v) => typeof v === 'number' && setYear(v)} data-autofocus />
        <Select label={t('archives.field.retention')} data={retentionOptions(t)} value={retention} allowDeselect={false} onChange={(v) => v && setRetention(v as Retention)} />
        <TextInput label={t('archives.field.orgCode')} value={orgCode} onChange={(e) => setOrgCode(e.currentTarget.value)} maxLength={10} />
      </SimpleGrid>
    </FormDialog>
  );
}
