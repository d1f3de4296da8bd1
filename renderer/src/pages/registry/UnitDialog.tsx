import { Alert, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Catalogs, Unit } from '../../../../shared/contract';
import { partyOrgTypes, type PartyOrgType, type UnitStatus } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useDraft, type DraftErrors } from '../../components/useDraft';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { kindOptions, regionOptions } from './labels';
import { UnitPicker, type UnitRef } from './UnitPicker';

interface Draft {
  name: string;
  kindId: string | null;
  regionId: string | null;
  parent: UnitRef | null;
  partyOrgType: PartyOrgType | null;
  establishedOn: string | null;
  note: string;
}

function isPartyOrgType(value: string | null): value is PartyOrgType {
  return value !== null && (partyOrgTypes as readonly string[]).includes(value);
}

function draftOf(unit: Unit | null): Draft {
  if (!unit) return { name: '', kindId: null, regionId: null, parent: null, partyOrgType: null, establishedOn: null, note: '' };
  return {
    name: unit.name,
    kindId: String(unit.kindId),
    regionId: String(unit.regionId ?? 0),
    parent: unit.parentId !== null ? { id: unit.parentId, name: unit.parentName ?? '' } : null,
    partyOrgType: unit.partyOrgType,
    establishedOn: unit.establishedOn,
    note: unit.note,
  };
}

function validate(draft: Draft): DraftErrors<Draft> {
  const errors: DraftErrors<Draft> = {};
  if (!draft.name.trim()) errors.name = 'validation.required';
  else if (draft.name.trim().length > 80) errors.name = 'registry.validation.name';
  if (!draft.kindId) errors.kindId = 'registry.validation.choose';
  if (draft.regionId === null) errors.regionId = 'registry.validation.choose';
  if (!draft.partyOrgType) errors.partyOrgType = 'registry.validation.choose';
  if (draft.note.trim().length > 500) errors.note = 'registry.validation.note';
  return errors;
}

/** New unit (unit null) or edit of one. */
export function UnitDialog({
  unit,
  catalogs,
  onClose,
  onDone,
}: {
  unit: Unit | null;
  catalogs: Catalogs | null;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}) {
  const t = useT();
  const { draft, set, error: fieldError, check } = useDraft<Draft>(() => draftOf(unit));
  const { busy, error, run } = useSubmit();

  const submit = async () => {
    if (!check(validate(draft)) || !draft.kindId || draft.regionId === null || !draft.partyOrgType) return;
    const fields = {
      name: draft.name.trim(),
      kindId: Number(draft.kindId),
      regionId: draft.regionId === '0' ? null : Number(draft.regionId),
      parentId: draft.parent?.id ?? null,
      partyOrgType: draft.partyOrgType,
      establishedOn: draft.establishedOn,
      note: draft.note.trim(),
    };
    await run(() => (unit ? invoke('units.update', { id: unit.id, ...fields }) : invoke('units.create', fields)), onDone);
  };

  return (
    <FormDialog
      title={unit ? t('registry.unit.editTitle', { name: unit.name }) : t('registry.unit.createTitle')}
      size="lg"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={unit ? t('common.save') : t('registry.unit.create')}
      submitTestId="unit-form-submit"
      testId="unit-form"
    >
      <TextInput
        label={t('registry.col.name')}
        required
        data-autofocus
        value={draft.name}
        maxLength={80}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={fieldError('name')}
        autoComplete="off"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('registry.col.kind')}
          required
          data={kindOptions(catalogs)}
          value={draft.kindId}
          onChange={(value) => set('kindId', value)}
          allowDeselect={false}
          searchable
          description={t('registry.unit.kindHint')}
          error={fieldError('kindId')}
          data-testid="unit-form-kind"
        />
        <Select
          label={t('registry.col.region')}
          required
          data={regionOptions(t, catalogs)}
          value={draft.regionId}
          onChange={(value) => set('regionId', value)}
          allowDeselect={false}
          description={t('registry.unit.regionHint')}
          error={fieldError('regionId')}
          data-testid="unit-form-region"
        />
        <Select
          label={t('registry.col.partyOrgType')}
          required
          data={partyOrgTypes.map((type) => ({ value: type, label: type }))}
          value={draft.partyOrgType}
          onChange={(value) => set('partyOrgType', isPartyOrgType(value) ? value : null)}
          allowDeselect={false}
          description={t('registry.unit.partyHint')}
          error={fieldError('partyOrgType')}
          data-testid="unit-form-party"
        />
        <DateField
          label={t('registry.unit.establishedOn')}
          description={t('registry.unit.establishedHint')}
          value={draft.establishedOn}
          onChange={(value) => set('establishedOn', value)}
          testId="unit-form-established"
        />
      </SimpleGrid>
      <UnitPicker
        label={t('registry.col.parent')}
        description={t('registry.unit.parentHint')}
        value={draft.parent}
        onChange={(value) => set('parent', value)}
        excludeId={unit?.id}
        testId="unit-form-parent"
      />
      <Textarea
        label={t('registry.unit.note')}
        value={draft.note}
        maxLength={500}
        autosize
        minRows={2}
        maxRows={5}
        onChange={(event) => set('note', event.currentTarget.value)}
        error={fieldError('note')}
      />
    </FormDialog>
  );
}

const statusChoices: UnitStatus[] = ['active', 'merged', 'abolished'];

/** 撤并: merged or abolished on a date (or restored); history and past inspections are kept. */
export function UnitStatusDialog({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (unit: Unit) => void }) {
  const t = useT();
  const [status, setStatus] = useState<UnitStatus>(unit.status === 'active' ? 'merged' : 'active');
  const [on, setOn] = useState<string | null>(null);
  const [dateError, setDateError] = useState(false);
  const { busy, error, run } = useSubmit();
  const retiring = status !== 'active';

  const submit = async () => {
    if (retiring && !on) {
      setDateError(true);
      return;
    }
    await run(() => invoke('units.setStatus', { id: unit.id, status, on: retiring ? on : null }), onDone);
  };

  return (
    <FormDialog
      title={t('registry.status.title', { name: unit.name })}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={retiring ? t('registry.status.confirm') : t('registry.status.restore')}
      submitColor={retiring ? 'red' : 'teal'}
      submitTestId="unit-status-submit"
      testId="unit-status-form"
    >
      <Select
        label={t('registry.col.status')}
        data={statusChoices
          .filter((choice) => choice !== unit.status)
          .map((choice) => ({ value: choice, label: t(`registry.status.${choice}`) }))}
        value={status}
        onChange={(value) => value && setStatus(value as UnitStatus)}
        allowDeselect={false}
        data-testid="unit-status-select"
      />
      {retiring && (
        <DateField
          label={t('registry.status.on')}
          required
          value={on}
          onChange={(value) => {
            setOn(value);
            setDateError(false);
          }}
          error={dateError ? t('registry.validation.date') : undefined}
          testId="unit-status-date"
        />
      )}
      <Alert color={retiring ? 'orange' : 'teal'} variant="light">
        <Text size="sm">{retiring ? t('registry.status.retireBody') : t('registry.status.restoreBody')}</Text>
      </Alert>
    </FormDialog>
  );
}
