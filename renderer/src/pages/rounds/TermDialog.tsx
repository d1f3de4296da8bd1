import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { Term } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { maxLength, required, useForm } from '../../components/form';
import { useT } from '../../i18n';
import { DateField } from './DateField';
import { datesReversed } from './roundsFormat';

/** 新建届次: a committee's term (十二届市委), the span full coverage is measured over. */
export function TermDialog({ onClose, onDone }: { onClose: () => void; onDone: (term: Term) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const initial = useMemo(() => ({ name: '', startsOn: '', endsOn: '' }), []);
  const form = useForm(initial, (v) => ({
    name: maxLength(v.name, 40),
    startsOn: required(v.startsOn),
    endsOn: datesReversed(v.startsOn, v.endsOn) ? { key: 'rounds.validation.dateOrder' } : null,
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('terms.create', {
      name: form.values.name.trim(),
      startsOn: form.values.startsOn,
      endsOn: form.values.endsOn || null,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  const fieldError = (name: 'startsOn' | 'endsOn') => (form.errors[name] ? t(form.errors[name].key) : undefined);

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('rounds.term.create')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="term-form">
        <Stack gap="md">
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
              onChange={(value) => form.setField('startsOn', value)}
              error={fieldError('startsOn')}
            />
            <DateField
              label={t('rounds.term.endsOn')}
              value={form.values.endsOn}
              onChange={(value) => form.setField('endsOn', value)}
              error={fieldError('endsOn')}
              minDate={form.values.startsOn}
            />
          </Group>
          <CoreErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('rounds.term.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
