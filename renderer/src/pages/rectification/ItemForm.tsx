import { Button, DataList, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { RectificationDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';

interface Values {
  measures: string;
  responsiblePerson: string;
  responsibleUnit: string;
  deadline: string | null;
}

const valuesOf = (item: RectificationDetail): Values => ({
  measures: item.measures,
  responsiblePerson: item.responsiblePerson,
  responsibleUnit: item.responsibleUnit,
  deadline: item.deadline,
});

/** 整改措施, 责任人, 责任单位, 整改时限: a form until the item is submitted, then read-only. */
export function ItemForm({
  item,
  editable,
  onDirty,
  onSaved,
}: {
  item: RectificationDetail;
  editable: boolean;
  onDirty: (dirty: boolean) => void;
  onSaved: (item: RectificationDetail) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [values, setValues] = useState<Values>(() => valuesOf(item));
  const { busy, error, run } = useSubmit();
  const saved = valuesOf(item);
  const dirty = (Object.keys(saved) as (keyof Values)[]).some((key) => (values[key] ?? '') !== (saved[key] ?? ''));

  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  if (!editable) {
    return (
      <Stack gap="xs">
        <Title order={4} fz="sm">
          {t('rectification.section.measures')}
        </Title>
        <DataList labelWidth={110} data-testid="rectification-fields">
          <DataList.Item>
            <DataList.ItemLabel>{t('rectification.field.measures')}</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{item.measures || '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('rectification.field.responsiblePerson')}</DataList.ItemLabel>
            <DataList.ItemValue>{item.responsiblePerson || '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('rectification.field.responsibleUnit')}</DataList.ItemLabel>
            <DataList.ItemValue>{item.responsibleUnit || '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('rectification.field.deadline')}</DataList.ItemLabel>
            <DataList.ItemValue>{item.deadline ? formatDate(item.deadline, 'date') : t('rectification.noDeadline')}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !dirty) return;
    void run(
      () =>
        invoke('rectification.update', {
          id: item.id,
          measures: values.measures.trim(),
          responsiblePerson: values.responsiblePerson.trim(),
          responsibleUnit: values.responsibleUnit.trim(),
          deadline: values.deadline,
        }),
      onSaved,
    );
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <form onSubmit={submit} noValidate data-testid="rectification-form">
      <Stack gap="sm">
        <Title order={4} fz="sm">
          {t('rectification.section.measures')}
        </Title>
        <Textarea
          label={t('rectification.field.measures')}
          placeholder={t('rectification.field.measures.placeholder')}
          value={values.measures}
          maxLength={4000}
          autosize
          minRows={3}
          maxRows={10}
          onChange={(e) => set('measures', e.currentTarget.value)}
          data-testid="rectification-measures"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('rectification.field.responsiblePerson')}
            value={values.responsiblePerson}
            maxLength={40}
            onChange={(e) => set('responsiblePerson', e.currentTarget.value)}
            data-testid="rectification-person"
          />
          <TextInput
            label={t('rectification.field.responsibleUnit')}
            value={values.responsibleUnit}
            maxLength={80}
            onChange={(e) => set('responsibleUnit', e.currentTarget.value)}
            data-testid="rectification-unit"
          />
        </SimpleGrid>
        <DateField label={t('rectification.field.deadline')} value={values.deadline} onChange={(value) => set('deadline', value)} testId="rectification-deadline" />
        <ErrorAlert error={error} coreDetail />
        <Group justify="flex-end" gap="sm">
          {dirty && (
            <Button variant="default" onClick={() => setValues(saved)} disabled={busy}>
              {t('rectification.form.undo')}
            </Button>
          )}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={busy} disabled={!dirty} data-testid="rectification-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
