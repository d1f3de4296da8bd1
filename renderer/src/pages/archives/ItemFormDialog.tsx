import { Checkbox, Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ArchiveItem } from '../../../../shared/contract';
import type { IpcResult } from '../../../../shared/result';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { UnitPicker, type UnitRef } from '../registry/UnitPicker';
import { classificationOptions, kindOptions, type EditableItem } from './labels';

/**
 * The DA/T 22 fields of one item, prefilled (from a finalised document, from the item itself),
 * for filing, editing or a correction (`withReason`: the reason the correction is made).
 */
export function ItemFormDialog({
  title,
  initial,
  submitLabel,
  withReason,
  unit,
  busyNote,
  onSubmit,
  onClose,
  onDone,
}: {
  title: string;
  initial: EditableItem;
  submitLabel: string;
  withReason?: boolean;
  /** The unit the item concerns as first shown (its name for the picker). */
  unit?: UnitRef | null;
  /** Said beside the busy button when the call takes long (rendering a PDF). */
  busyNote?: string;
  /** `fromDisk`: a correction also takes its corrected file from disk (chosen in the OS dialog). */
  onSubmit: (fields: EditableItem, reason: string, fromDisk: boolean) => Promise<IpcResult<ArchiveItem>>;
  onClose: () => void;
  onDone: (item: ArchiveItem) => void;
}) {
  const t = useT();
  const [fields, setFields] = useState<EditableItem>(initial);
  const [reason, setReason] = useState('');
  const [fromDisk, setFromDisk] = useState(false);
  const [unitRef, setUnitRef] = useState<UnitRef | null>(unit ?? null);
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof EditableItem>(key: K, value: EditableItem[K]) => setFields((f) => ({ ...f, [key]: value }));

  return (
    <FormDialog
      title={title}
      size="lg"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      submitLabel={busy && busyNote ? busyNote : submitLabel}
      submitTestId="archive-item-submit"
      testId="archive-item-form"
      onSubmit={() => run(() => onSubmit(fields, reason, fromDisk), onDone)}
    >
      <TextInput label={t('archives.field.title')} required value={fields.title} onChange={(e) => set('title', e.currentTarget.value)} data-autofocus maxLength={500} />
      <Checkbox label={t('archives.field.titleSupplied')} checked={fields.titleSupplied} onChange={(e) => set('titleSupplied', e.currentTarget.checked)} />
      <SimpleGrid cols={2}>
        <TextInput label={t('archives.field.responsible')} required value={fields.responsible} onChange={(e) => set('responsible', e.currentTarget.value)} maxLength={200} />
        <TextInput label={t('archives.field.docNumber')} value={fields.docNumber} onChange={(e) => set('docNumber', e.currentTarget.value)} maxLength={100} />
        <DateField label={t('archives.field.docDate')} value={fields.docDate} onChange={(value) => set('docDate', value)} />
        <NumberInput label={t('archives.field.pages')} value={fields.pages ?? ''} min={0} max={100000} allowDecimal={false} onChange={(value) => set('pages', typeof value === 'number' ? value : null)} />
        <Select
          label={t('archives.field.classification')}
          data={classificationOptions(t)}
          value={fields.classification}
          allowDeselect={false}
          onChange={(value) => value && set('classification', value as EditableItem['classification'])}
        />
        <Select label={t('archives.field.kind')} data={kindOptions(t)} value={fields.kind} allowDeselect={false} onChange={(value) => value && set('kind', value as EditableItem['kind'])} />
      </SimpleGrid>
      <UnitPicker
        label={t('archives.field.unit')}
        value={unitRef}
        onChange={(value) => {
          setUnitRef(value);
          set('unitId', value?.id ?? null);
        }}
        testId="archive-item-unit"
      />
      <Textarea label={t('archives.field.note')} value={fields.note} onChange={(e) => set('note', e.currentTarget.value)} autosize minRows={1} maxLength={1000} />
      {withReason && (
        <Group grow>
          <TextInput label={t('archives.item.correctReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} data-testid="archive-correct-reason" />
        </Group>
      )}
      {withReason && (
        <Checkbox label={t('archives.item.correctFromDisk')} checked={fromDisk} onChange={(e) => setFromDisk(e.currentTarget.checked)} data-testid="archive-correct-from-disk" />
      )}
    </FormDialog>
  );
}
