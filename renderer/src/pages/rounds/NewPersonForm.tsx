import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { Catalogs, Person, Unit } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { maxLength, useForm } from '../../components/form';
import { useT } from '../../i18n';
import { UnitPicker } from './UnitPicker';

/**
 * 新增人员, inline while staffing a group: name, work unit (from the registry, or written out
 * when it is not there, e.g. a county office), position, rank and region (used for the 回避
 * check of cross inspections).
 */
export function NewPersonForm({
  catalogs,
  onCancel,
  onCreated,
}: {
  catalogs: Catalogs | null;
  onCancel: () => void;
  onCreated: (person: Person) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [unitMode, setUnitMode] = useState<'registry' | 'text'>('registry');
  const [unit, setUnit] = useState<Unit | null>(null);
  const initial = useMemo(() => ({ name: '', unitText: '', position: '', rank: '', regionId: '' }), []);
  const form = useForm(initial, (v) => ({
    name: maxLength(v.name, 40),
    unitText: v.unitText.trim().length > 80 ? { key: 'validation.tooLong', vars: { max: 80 } } : null,
    position: v.position.trim().length > 60 ? { key: 'validation.tooLong', vars: { max: 60 } } : null,
    rank: v.rank.trim().length > 40 ? { key: 'validation.tooLong', vars: { max: 40 } } : null,
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The form sits inside another dialog's content: keep the submit to this form.
    event.stopPropagation();
    if (busy || !form.validateAll()) return;
    setBusy(true);
    setError(null);
    const result = await invoke('people.create', {
      name: form.values.name.trim(),
      unitId: unitMode === 'registry' ? (unit?.id ?? null) : null,
      unitText: unitMode === 'text' ? form.values.unitText.trim() : '',
      position: form.values.position.trim(),
      rank: form.values.rank.trim(),
      regionId: form.values.regionId ? Number(form.values.regionId) : null,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onCreated(result.value);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="person-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('rounds.person.intro')}
        </Text>
        <TextInput label={t('rounds.person.name')} required data-autofocus autoFocus autoComplete="off" {...form.props('name', t)} />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('rounds.person.unit')}
          </Text>
          <SegmentedControl
            size="xs"
            value={unitMode}
            onChange={(value) => setUnitMode(value === 'text' ? 'text' : 'registry')}
            data={[
              { value: 'registry', label: t('rounds.person.unit.registry') },
              { value: 'text', label: t('rounds.person.unit.text') },
            ]}
            aria-label={t('rounds.person.unit')}
            data-testid="person-unit-mode"
          />
          {unitMode === 'registry' ? (
            <UnitPicker
              label={t('rounds.person.unit.name')}
              placeholder={t('rounds.picker.unitPlaceholder')}
              selected={unit}
              onSelect={setUnit}
              data-testid="person-unit"
            />
          ) : (
            <TextInput
              label={t('rounds.person.unit.name')}
              placeholder={t('rounds.person.unit.text.placeholder')}
              autoComplete="off"
              {...form.props('unitText', t)}
            />
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('rounds.person.position')} placeholder={t('rounds.person.position.placeholder')} autoComplete="off" {...form.props('position', t)} />
          <TextInput label={t('rounds.person.rank')} placeholder={t('rounds.person.rank.placeholder')} autoComplete="off" {...form.props('rank', t)} />
          <Select
            label={t('rounds.person.region')}
            placeholder={t('rounds.cityLevel')}
            data={(catalogs?.regions ?? []).map((region) => ({ value: String(region.id), label: region.name }))}
            value={form.values.regionId || null}
            onChange={(value) => form.setField('regionId', value ?? '')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            data-testid="person-region"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('rounds.person.region.description')}
        </Text>
        <CoreErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('rounds.person.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
