import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Catalogs, Unit } from '../../../../shared/contract';
import { partyOrgTypes, type PartyOrgType, type UnitStatus } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
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

type DraftErrors = Partial<Record<keyof Draft, MessageKey>>;

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

function validate(draft: Draft): DraftErrors {
  const errors: DraftErrors = {};
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(unit));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const set = <K extends keyof Draft>(name: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean) || !draft.kindId || draft.regionId === null || !draft.partyOrgType) return;
    setBusy(true);
    setError(null);
    const fields = {
      name: draft.name.trim(),
      kindId: Number(draft.kindId),
      regionId: draft.regionId === '0' ? null : Number(draft.regionId),
      parentId: draft.parent?.id ?? null,
      partyOrgType: draft.partyOrgType,
      establishedOn: draft.establishedOn,
      note: draft.note.trim(),
    };
    const result = unit ? await invoke('units.update', { id: unit.id, ...fields }) : await invoke('units.create', fields);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  const message = (key: MessageKey | undefined) => (key ? t(key) : undefined);

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={unit ? t('registry.unit.editTitle', { name: unit.name }) : t('registry.unit.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="unit-form">
        <Stack gap="md">
          <TextInput
            label={t('registry.col.name')}
            required
            data-autofocus
            value={draft.name}
            maxLength={80}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={message(errors.name)}
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
              error={message(errors.kindId)}
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
              error={message(errors.regionId)}
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
              error={message(errors.partyOrgType)}
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
            error={message(errors.note)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="unit-form-submit">
              {unit ? t('common.save') : t('registry.unit.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const statusChoices: UnitStatus[] = ['active', 'merged', 'abolished'];

/** 撤并: merged or abolished on a date (or restored); history and past inspections are kept. */
export function UnitStatusDialog({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (unit: Unit) => void }) {
  const t = useT();
  const [status, setStatus] = useState<UnitStatus>(unit.status === 'active' ? 'merged' : 'active');
  const [on, setOn] = useState<string | null>(null);
  const [dateError, setDateError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const retiring = status !== 'active';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (retiring && !on) {
      setDateError(true);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await invoke('units.setStatus', { id: unit.id, status, on: retiring ? on : null });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t('registry.status.title', { name: unit.name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="unit-status-form">
        <Stack gap="md">
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
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={retiring ? 'red' : 'teal'} loading={busy} data-testid="unit-status-submit">
              {retiring ? t('registry.status.confirm') : t('registry.status.restore')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
