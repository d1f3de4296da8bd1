import { ActionIcon, Autocomplete, Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Clue } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useChannel } from '../../components/useChannel';
import { useDraft, type DraftErrors } from '../../components/useDraft';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { clueSourceSuggestions, today } from './labels';
import { InspectionSelect, RoundSelect, useRounds } from './pickers';

interface PersonDraft {
  key: number;
  name: string;
  unit: string;
  position: string;
  rank: string;
}

interface Draft {
  roundId: number | null;
  inspectionId: number | null;
  summary: string;
  source: string;
  receivedOn: string | null;
  persons: PersonDraft[];
}

let lastKey = 0;
const nextKey = () => (lastKey += 1);
const emptyPerson = (): PersonDraft => ({ key: nextKey(), name: '', unit: '', position: '', rank: '' });
const isBlank = (person: PersonDraft) => !person.name.trim() && !person.unit.trim() && !person.position.trim() && !person.rank.trim();

const personLimits = { name: 40, unit: 80, position: 60, rank: 40 } as const;

/** 登记线索: a new confidential clue with the persons it reflects on. */
export function ClueDialog({ roundId, onClose, onDone }: { roundId: number | null; onClose: () => void; onDone: (clue: Clue) => void }) {
  const t = useT();
  const { draft, setDraft, set, error: fieldError, check } = useDraft<Draft>(() => ({
    roundId,
    inspectionId: null,
    summary: '',
    source: '',
    receivedOn: null,
    persons: [emptyPerson()],
  }));
  const [showPersonErrors, setShowPersonErrors] = useState(false);
  const { busy, error, run } = useSubmit();
  const rounds = useRounds();
  const inspections = useChannel('inspections.list', draft.roundId !== null ? { roundId: draft.roundId } : null);

  const setPerson = (key: number, field: keyof typeof personLimits, value: string) =>
    setDraft((current) => ({ ...current, persons: current.persons.map((person) => (person.key === key ? { ...person, [field]: value } : person)) }));

  const personError = (person: PersonDraft, field: keyof typeof personLimits): string | undefined => {
    if (!showPersonErrors || isBlank(person)) return undefined;
    const value = person[field].trim();
    if (field === 'name' && !value) return t('validation.required');
    return value.length > personLimits[field] ? t('validation.tooLong', { max: personLimits[field] }) : undefined;
  };

  const submit = async () => {
    const found: DraftErrors<Draft> = {};
    if (draft.roundId === null) found.roundId = 'findings.validation.choose';
    if (!draft.summary.trim()) found.summary = 'validation.required';
    else if (draft.summary.trim().length > 4000) found.summary = 'findings.validation.long4000';
    if (!draft.source.trim()) found.source = 'validation.required';
    else if (draft.source.trim().length > 80) found.source = 'findings.validation.long80';
    if (!draft.receivedOn) found.receivedOn = 'findings.validation.date';
    const fieldsGood = check(found);
    const persons = draft.persons.filter((person) => !isBlank(person));
    const personsBad = persons.some(
      (person) => !person.name.trim() || (Object.keys(personLimits) as (keyof typeof personLimits)[]).some((field) => person[field].trim().length > personLimits[field]),
    );
    setShowPersonErrors(true);
    if (!fieldsGood || personsBad || draft.roundId === null || !draft.receivedOn) return;
    const fields = {
      roundId: draft.roundId,
      inspectionId: draft.inspectionId,
      summary: draft.summary.trim(),
      source: draft.source.trim(),
      receivedOn: draft.receivedOn,
      persons: persons.map((person) => ({ name: person.name.trim(), unit: person.unit.trim(), position: person.position.trim(), rank: person.rank.trim() })),
    };
    await run(() => invoke('clues.create', fields), onDone);
  };

  return (
    <FormDialog
      title={
        <Group gap={6}>
          <IconLock size={18} />
          <Text fw={600}>{t('findings.clue.createTitle')}</Text>
        </Group>
      }
      size="xl"
      busy={busy}
      error={error ?? inspections.error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('findings.clue.register')}
      submitTestId="clue-form-submit"
      testId="clue-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RoundSelect
          rounds={rounds.data}
          value={draft.roundId}
          onChange={(next) => set('roundId', next, { inspectionId: null })}
          label={t('findings.round.label')}
          required
          error={fieldError('roundId')}
          testId="clue-form-round"
        />
        <InspectionSelect
          inspections={inspections.data}
          value={draft.inspectionId}
          onChange={(inspection) => set('inspectionId', inspection?.id ?? null)}
          label={t('findings.clue.inspection')}
          description={t('findings.clue.inspection.description')}
          clearable
          disabled={draft.roundId === null}
          testId="clue-form-inspection"
        />
      </SimpleGrid>
      <Textarea
        label={t('findings.clue.summary')}
        description={t('findings.clue.summary.description')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        value={draft.summary}
        onChange={(event) => set('summary', event.currentTarget.value)}
        error={fieldError('summary')}
        data-autofocus
        data-testid="clue-form-summary"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Autocomplete
          label={t('findings.clue.source')}
          required
          data={clueSourceSuggestions}
          value={draft.source}
          maxLength={80}
          onChange={(value) => set('source', value)}
          error={fieldError('source')}
          data-testid="clue-form-source"
        />
        <DateField
          label={t('findings.clue.receivedOn')}
          required
          value={draft.receivedOn}
          onChange={(value) => set('receivedOn', value)}
          maxDate={today()}
          error={fieldError('receivedOn')}
          testId="clue-form-received"
        />
      </SimpleGrid>

      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('findings.clue.persons')}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDraft((current) => ({ ...current, persons: [...current.persons, emptyPerson()] }))}
            disabled={draft.persons.length >= 50}
            data-testid="clue-form-person-add"
          >
            {t('findings.clue.personAdd')}
          </Button>
        </Group>
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('findings.person.name')}</Table.Th>
              <Table.Th>{t('findings.person.unit')}</Table.Th>
              <Table.Th>{t('findings.person.position')}</Table.Th>
              <Table.Th>{t('findings.person.rank')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.persons.map((person, index) => (
              <Table.Tr key={person.key} data-testid="clue-form-person">
                {(['name', 'unit', 'position', 'rank'] as const).map((field) => (
                  <Table.Td key={field}>
                    <TextInput
                      size="xs"
                      aria-label={t('findings.person.fieldOf', { field: t(`findings.person.${field}`), index: index + 1 })}
                      value={person[field]}
                      maxLength={personLimits[field]}
                      onChange={(event) => setPerson(person.key, field, event.currentTarget.value)}
                      error={personError(person, field)}
                      data-testid={`clue-form-person-${field}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Tooltip label={t('findings.clue.personRemove', { index: index + 1 })}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('findings.clue.personRemove', { index: index + 1 })}
                      onClick={() => setDraft((current) => ({ ...current, persons: current.persons.filter((candidate) => candidate.key !== person.key) }))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('findings.clue.persons.description')}
        </Text>
      </Stack>

    </FormDialog>
  );
}
