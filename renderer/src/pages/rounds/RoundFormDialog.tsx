import { Alert, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RoundSummary, Term } from '../../../../shared/contract';
import { chineseNumber, roundLabel } from '../../../../shared/format';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useForm, type FieldError } from '../../components/form';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { DateField } from '../../components/DateField';
import { datesReversed } from '../../components/dates';

interface RoundFormDialogProps {
  terms: Term[];
  termId: number;
  /** Null: a new round. */
  round: RoundSummary | null;
  /** The term's rounds, to suggest the next number. */
  existing: RoundSummary[];
  onClose: () => void;
  onDone: (round: RoundSummary) => void;
}

function intRule(value: string, min: number, max: number, optional = false): FieldError | null {
  if (!value.trim()) return optional ? null : { key: 'validation.required' };
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? null : { key: 'rounds.validation.range', vars: { min, max } };
}

function initialValues(termId: number, round: RoundSummary | null, existing: RoundSummary[]) {
  if (round) {
    return {
      termId: String(round.termId),
      number: String(round.number),
      year: String(round.year),
      title: round.title,
      plannedStart: round.plannedStart ?? '',
      plannedEnd: round.plannedEnd ?? '',
      actualStart: round.actualStart ?? '',
      actualEnd: round.actualEnd ?? '',
      peopleDrawn: round.peopleDrawn ? String(round.peopleDrawn) : '',
    };
  }
  const next = existing.reduce((max, r) => Math.max(max, r.number), 0) + 1;
  return {
    termId: String(termId),
    number: String(next),
    year: String(dayjs().year()),
    title: '',
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    peopleDrawn: '',
  };
}

/** 新建轮次 / 编辑轮次: number, year, title, planned and actual dates on site, people drawn (抽调). */
export function RoundFormDialog({ terms, termId, round, existing, onClose, onDone }: RoundFormDialogProps) {
  const t = useT();
  const { busy, error, run } = useSubmit();
  const [initial] = useState(() => initialValues(termId, round, existing));
  const form = useForm(initial, (v) => ({
    termId: v.termId ? null : { key: 'validation.required' },
    number: intRule(v.number, 1, 99),
    year: intRule(v.year, 2000, 2100),
    title: v.title.trim().length > 80 ? { key: 'validation.tooLong', vars: { max: 80 } } : null,
    plannedEnd: datesReversed(v.plannedStart, v.plannedEnd) ? { key: 'rounds.validation.dateOrder' } : null,
    actualEnd: datesReversed(v.actualStart, v.actualEnd) ? { key: 'rounds.validation.dateOrder' } : null,
    peopleDrawn: intRule(v.peopleDrawn, 0, 10_000, true),
  }));
  const { values } = form;
  const term = terms.find((candidate) => String(candidate.id) === values.termId);
  const number = Number(values.number);
  const preview = term && Number.isInteger(number) && number >= 1 && number <= 99 ? roundLabel(term.name, number) : null;
  const days =
    values.actualStart && values.actualEnd && !datesReversed(values.actualStart, values.actualEnd)
      ? dayjs(values.actualEnd).diff(dayjs(values.actualStart), 'day') + 1
      : null;

  const submit = async () => {
    if (!form.validateAll()) return;
    const fields = {
      termId: Number(values.termId),
      number: Number(values.number),
      year: Number(values.year),
      title: values.title.trim(),
      plannedStart: values.plannedStart || null,
      plannedEnd: values.plannedEnd || null,
      actualStart: values.actualStart || null,
      actualEnd: values.actualEnd || null,
      peopleDrawn: values.peopleDrawn.trim() ? Number(values.peopleDrawn) : 0,
    };
    await run(() => (round ? invoke('rounds.update', { id: round.id, ...fields }) : invoke('rounds.create', fields)), onDone);
  };

  const err = (name: keyof typeof values) => {
    const found = form.errors[name];
    return found ? t(found.key, found.vars) : undefined;
  };
  const numberField = (name: 'number' | 'year' | 'peopleDrawn') => ({
    value: values[name],
    onChange: (value: string | number) => form.setField(name, String(value)),
    error: err(name),
    allowDecimal: false,
    allowNegative: false,
    hideControls: true,
  });

  return (
    <FormDialog
      title={round ? t('rounds.round.editNamed', { label: round.label }) : t('rounds.round.create')}
      size="xl"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={round ? t('common.save') : t('rounds.round.create')}
      testId="round-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('rounds.term')}
          required
          data={terms.map((candidate) => ({ value: String(candidate.id), label: candidate.name }))}
          value={values.termId}
          onChange={(value) => value && form.setField('termId', value)}
          allowDeselect={false}
          error={err('termId')}
        />
        <NumberInput
          label={t('rounds.round.number')}
          description={Number.isInteger(number) && number > 0 ? t('rounds.round.number.hint', { cn: chineseNumber(number) }) : undefined}
          required
          min={1}
          max={99}
          data-autofocus
          data-testid="round-number"
          {...numberField('number')}
        />
        <NumberInput label={t('rounds.round.year')} required min={2000} max={2100} {...numberField('year')} />
      </SimpleGrid>
      <TextInput
        label={t('rounds.round.title')}
        description={t('rounds.round.title.description')}
        placeholder={t('rounds.round.title.placeholder')}
        autoComplete="off"
        {...form.props('title', t)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('rounds.round.plannedStart')} value={values.plannedStart} onChange={(v) => form.setField('plannedStart', v ?? '')} />
        <DateField
          label={t('rounds.round.plannedEnd')}
          value={values.plannedEnd}
          onChange={(v) => form.setField('plannedEnd', v ?? '')}
          error={err('plannedEnd')}
          minDate={values.plannedStart}
        />
        <DateField
          label={t('rounds.round.actualStart')}
          value={values.actualStart}
          onChange={(v) => form.setField('actualStart', v ?? '')}
          testId="round-actual-start"
        />
        <DateField
          label={t('rounds.round.actualEnd')}
          value={values.actualEnd}
          onChange={(v) => form.setField('actualEnd', v ?? '')}
          error={err('actualEnd')}
          minDate={values.actualStart}
          testId="round-actual-end"
        />
      </SimpleGrid>
      <NumberInput
        label={t('rounds.round.peopleDrawn')}
        description={t('rounds.round.peopleDrawn.description')}
        min={0}
        max={10_000}
        w={{ base: '100%', sm: 240 }}
        {...numberField('peopleDrawn')}
      />
      {preview && (
        <Alert variant="light" color="gray" icon={<IconFlag size={18} />} data-testid="round-preview">
          <Text size="sm" fw={600}>
            {preview}
          </Text>
          {days !== null && (
            <Text size="xs" c="dimmed">
              {t('rounds.round.daysPreview', { days })}
            </Text>
          )}
        </Alert>
      )}
    </FormDialog>
  );
}
