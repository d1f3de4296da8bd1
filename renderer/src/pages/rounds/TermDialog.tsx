import { Group, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { Term } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { maxLength, required, useForm } from '../../components/form';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { DateField } from '../../components/DateField';
import { datesReversed } from '../../components/dates';

/** 新建届次: a committee's term (十二届市委), the span full coverage is measured over. */
export function TermDialog({ onClose, onDone }: { onClose: () => void; onDone: (term: Term) => void }) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  const initial = useMemo(() => ({ name: '', startsOn: '', endsOn: '' }), []);
  const form = useForm(initial, (v) => ({
    name: maxLength(v.name, 40),
    startsOn: required(v.startsOn),
    endsOn: datesReversed(v.startsOn, v.endsOn) ? { key: 'rounds.validation.dateOrder' } : null,
  }));

  const submit = async () => {
    if (!form.validateAll()) return;
    const input = { name: form.values.name.trim(), startsOn: form.values.startsOn, endsOn: form.values.endsOn || null };
    await run(() => invoke('terms.create', input), onDone);
  };

  const fieldError = (name: 'startsOn' | 'endsOn') => (form.errors[name] ? t(form.errors[name].key) : undefined);

  return (
    <FormDialog
      title={t('rounds.term.create')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('rounds.term.submit')}
      testId="term-form"
    >
      <TextInput
        label={t('rounds.term.name')}
        description={t('rounds.term.name.description')}
        placeholder={t('rounds.term.name.placeholder')}
        required
        data-autofocus
        autoComplete="off"
        {...form.props('name', t)}
      />
      <Group grow align="flex-start">
        <DateField
          label={t('rounds.term.startsOn')}
          required
          value={form.values.startsOn}
          onChange={(value) => form.setField('startsOn', value ?? '')}
          error={fieldError('startsOn')}
        />
        <DateField
          label={t('rounds.term.endsOn')}
          value={form.values.endsOn}
          onChange={(value) => form.setField('endsOn', value ?? '')}
          error={fieldError('endsOn')}
          minDate={form.values.startsOn}
        />
      </Group>
    </FormDialog>
  );
}
