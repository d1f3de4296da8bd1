import { Autocomplete, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Catalogs, Person } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT, type MessageKey } from '../../i18n';
import { UnitPicker, type UnitRef } from './UnitPicker';

/** Common ranks of cadres drawn into inspection groups; free text is allowed too. */
const rankSuggestions = ['正处级', '副处级', '正科级', '副科级', '一级主任科员', '二级主任科员', '四级主任科员', '科员'];

type UnitSource = 'registry' | 'text';

interface PersonDraft {
  name: string;
  unitSource: UnitSource;
  unit: UnitRef | null;
  unitText: string;
  position: string;
  rank: string;
  specialities: string;
  regionId: string | null;
  note: string;
}

function personDraft(person: Person | null): PersonDraft {
  return {
    name: person?.name ?? '',
    unitSource: person && person.unitId === null && person.unitText ? 'text' : 'registry',
    unit: person?.unitId ? { id: person.unitId, name: person.unitName ?? '' } : null,
    unitText: person?.unitText ?? '',
    position: person?.position ?? '',
    rank: person?.rank ?? '',
    specialities: person?.specialities ?? '',
    regionId: person?.regionId ? String(person.regionId) : null,
    note: person?.note ?? '',
  };
}

/** A person of the talent pool, new (person null) or edited; the unit from the registry or as text. */
export function PersonDialog({
  person,
  catalogs,
  onClose,
  onDone,
}: {
  person: Person | null;
  catalogs: Catalogs | null;
  onClose: () => void;
  onDone: (person: Person) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<PersonDraft>(() => personDraft(person));
  const [nameError, setNameError] = useState<MessageKey | null>(null);
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof PersonDraft>(name: K, value: PersonDraft[K]) => setDraft((current) => ({ ...current, [name]: value }));

  const submit = async () => {
    if (!draft.name.trim()) {
      setNameError('validation.required');
      return;
    }
    const fields = {
      name: draft.name.trim(),
      unitId: draft.unitSource === 'registry' ? (draft.unit?.id ?? null) : null,
      unitText: draft.unitSource === 'text' ? draft.unitText.trim() : '',
      position: draft.position.trim(),
      rank: draft.rank.trim(),
      specialities: draft.specialities.trim(),
      regionId: draft.regionId ? Number(draft.regionId) : null,
      note: draft.note.trim(),
    };
    await run(() => (person ? invoke('people.update', { id: person.id, ...fields }) : invoke('people.create', fields)), onDone);
  };

  return (
    <FormDialog
      title={person ? t('registry.people.editTitle', { name: person.name }) : t('registry.people.createTitle')}
      size="lg"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={person ? t('common.save') : t('registry.people.create')}
      submitTestId="person-form-submit"
      testId="person-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('registry.people.col.name')}
          required
          data-autofocus
          maxLength={40}
          value={draft.name}
          onChange={(event) => {
            set('name', event.currentTarget.value);
            setNameError(null);
          }}
          error={nameError ? t(nameError) : undefined}
          autoComplete="off"
        />
        <Select
          label={t('registry.col.region')}
          description={t('registry.people.regionHint')}
          data={(catalogs?.regions ?? []).map((region) => ({ value: String(region.id), label: region.name }))}
          value={draft.regionId}
          onChange={(value) => set('regionId', value)}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          data-testid="person-form-region"
        />
      </SimpleGrid>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-end">
          <Text size="sm" fw={500}>
            {t('registry.people.col.unit')}
          </Text>
          <SegmentedControl
            size="xs"
            value={draft.unitSource}
            onChange={(value) => set('unitSource', value as UnitSource)}
            data={[
              { value: 'registry', label: t('registry.people.unit.registry') },
              { value: 'text', label: t('registry.people.unit.text') },
            ]}
            data-testid="person-form-unit-source"
          />
        </Group>
        {draft.unitSource === 'registry' ? (
          <UnitPicker
            label={t('registry.people.unit.registryLabel')}
            description={t('registry.people.unit.registryHint')}
            value={draft.unit}
            onChange={(value) => set('unit', value)}
            testId="person-form-unit"
          />
        ) : (
          <TextInput
            label={t('registry.people.unit.textLabel')}
            placeholder={t('registry.people.unit.textPlaceholder')}
            maxLength={80}
            value={draft.unitText}
            onChange={(event) => set('unitText', event.currentTarget.value)}
            data-testid="person-form-unit-text"
          />
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('registry.people.col.position')}
          maxLength={60}
          value={draft.position}
          onChange={(event) => set('position', event.currentTarget.value)}
        />
        <Autocomplete
          label={t('registry.people.col.rank')}
          maxLength={40}
          data={rankSuggestions}
          value={draft.rank}
          onChange={(value) => set('rank', value)}
        />
      </SimpleGrid>
      <TextInput
        label={t('registry.people.col.specialities')}
        placeholder={t('registry.people.specialities.placeholder')}
        maxLength={200}
        value={draft.specialities}
        onChange={(event) => set('specialities', event.currentTarget.value)}
      />
      <Textarea
        label={t('registry.unit.note')}
        maxLength={500}
        autosize
        minRows={2}
        maxRows={4}
        value={draft.note}
        onChange={(event) => set('note', event.currentTarget.value)}
      />
    </FormDialog>
  );
}
