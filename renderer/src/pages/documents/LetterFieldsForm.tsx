import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { classifications, urgencies, type Classification, type Urgency } from '../../../../shared/documents';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n';
import type { LetterFields } from './draft';

/** The letter's own fields around the body: header block, title and addressee, attachments, signature and date, 附注 and 版记. */
export function LetterFieldsForm({ fields, readOnly, onChange }: { fields: LetterFields; readOnly: boolean; onChange: (fields: LetterFields) => void }) {
  const t = useT();
  const set = <K extends keyof LetterFields>(key: K, value: LetterFields[K]) => onChange({ ...fields, [key]: value });
  const numbered = fields.classification === 'secret' || fields.classification === 'confidential';
  const text = (key: 'issuerMark' | 'documentNumber' | 'signer' | 'title' | 'addressee' | 'signature' | 'printedBy' | 'classificationPeriod', max: number, required = false) => (
    <TextInput
      label={t(`documents.field.${key}`)}
      value={fields[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      readOnly={readOnly}
      required={required}
      maxLength={max}
      error={required && !readOnly && !fields[key].trim() ? t('documents.field.required') : undefined}
      data-testid={`field-${key}`}
    />
  );
  /** 附件, 抄送 take one entry a line; 附注 is free text. */
  const lines = (key: 'attachments' | 'note' | 'copiedTo', minRows: number, options: { onePerLine?: boolean; maxLength?: number } = {}) => (
    <Textarea
      label={t(`documents.field.${key}`)}
      description={options.onePerLine ? t('documents.field.onePerLine') : undefined}
      value={fields[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      readOnly={readOnly}
      autosize
      minRows={minRows}
      maxLength={options.maxLength}
      data-testid={`field-${key}`}
    />
  );
  return (
    <Stack gap="sm" data-testid="letter-fields">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select
          label={t('documents.field.classification')}
          data={classifications.map((value) => ({ value, label: t(`documents.classification.${value}`) }))}
          value={fields.classification}
          onChange={(value) => value && set('classification', value as Classification)}
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="field-classification"
        />
        {numbered ? text('classificationPeriod', 20) : <span />}
        <Select
          label={t('documents.field.urgency')}
          data={urgencies.map((value) => ({ value, label: t(`documents.urgency.${value}`) }))}
          value={fields.urgency}
          onChange={(value) => value && set('urgency', value as Urgency)}
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="field-urgency"
        />
      </SimpleGrid>
      {text('issuerMark', 60, true)}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {text('documentNumber', 40)}
        {text('signer', 40)}
      </SimpleGrid>
      <Checkbox
        label={t('documents.field.separatorStar')}
        checked={fields.separatorStar ?? false}
        onChange={(event) => set('separatorStar', event.currentTarget.checked)}
        disabled={readOnly}
        data-testid="field-separatorStar"
      />
      {text('title', 200, true)}
      {text('addressee', 200)}
      {lines('attachments', 2, { onePerLine: true })}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {text('signature', 80)}
        <DateField
          label={t('documents.field.date')}
          value={fields.date}
          onChange={(value) => !readOnly && set('date', value ?? '')}
          required
          error={!readOnly && !fields.date ? t('documents.field.required') : undefined}
          testId="field-date"
        />
      </SimpleGrid>
      {lines('note', 1, { maxLength: 500 })}
      {lines('copiedTo', 2, { onePerLine: true })}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {text('printedBy', 60)}
        <DateField
          label={t('documents.field.printedOn')}
          value={fields.printedOn}
          onChange={(value) => !readOnly && set('printedOn', value || null)}
          testId="field-printedOn"
        />
      </SimpleGrid>
    </Stack>
  );
}
