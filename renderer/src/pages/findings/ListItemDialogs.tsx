import { SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Problem } from '../../../../shared/contract';
import type { IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT, type Translate } from '../../i18n';
import { ProblemPicker } from './ProblemPicker';

/** The message for a text field: required and empty, or longer than `max` (trimmed). */
function textError(t: Translate, value: string, max: number, required: boolean): string | undefined {
  if (required && !value.trim()) return t('validation.required');
  return value.trim().length > max ? t('validation.tooLong', { max }) : undefined;
}

/** What both lists link an item to: one problem of the round and the body it is handed to. */
interface Links {
  problem: Problem | null;
  receiverId: string | null;
}

function LinkFields({ roundId, links, onChange }: { roundId: number; links: Links; onChange: (links: Links) => void }) {
  const t = useT();
  const lists = useChannel('handover.lists', {});
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <ProblemPicker
        roundId={roundId}
        value={links.problem}
        onChange={(problem) => onChange({ ...links, problem })}
        label={t('findings.list.problem')}
        description={t('findings.list.problem.description')}
        testId="list-form-problem"
      />
      <Select
        label={t('findings.list.receiver')}
        description={t('findings.list.receiver.description')}
        placeholder={t('findings.list.receiver.none')}
        data={(lists.data?.receivers ?? []).map((receiver) => ({ value: String(receiver.id), label: receiver.name }))}
        value={links.receiverId}
        onChange={(receiverId) => onChange({ ...links, receiverId })}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        data-testid="list-form-receiver"
      />
    </SimpleGrid>
  );
}

/**
 * The dialog both lists add an item with: the list's own fields (errors shown once 保存 was
 * pressed), then the linked problem and receiver.
 */
function ListItemDialog({
  roundId,
  title,
  testId,
  invalid,
  create,
  onClose,
  onDone,
  children,
}: {
  roundId: number;
  title: string;
  /** `${testId}-form`, `${testId}-submit`. */
  testId: string;
  /** Some field of the list's own is not acceptable. */
  invalid: boolean;
  create: (links: { problemId: number | null; receiverId: number | null }) => Promise<IpcResult<unknown>>;
  onClose: () => void;
  onDone: () => void;
  children: (showErrors: boolean) => ReactNode;
}) {
  const t = useT();
  const [links, setLinks] = useState<Links>({ problem: null, receiverId: null });
  const [showErrors, setShowErrors] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = async () => {
    setShowErrors(true);
    if (invalid) return;
    await run(() => create({ problemId: links.problem?.id ?? null, receiverId: links.receiverId ? Number(links.receiverId) : null }), onDone);
  };

  return (
    <FormDialog
      title={title}
      size="lg"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitTestId={`${testId}-submit`}
      testId={`${testId}-form`}
    >
      {children(showErrors)}
      <LinkFields roundId={roundId} links={links} onChange={setLinks} />
    </FormDialog>
  );
}

/** 新增追责问责事项: a person or unit, the matter, the proposed handling, optionally its problem. */
export function AccountabilityDialog({ roundId, onClose, onDone }: { roundId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [subjectKind, setSubjectKind] = useState<'person' | 'unit'>('person');
  const [subjectName, setSubjectName] = useState('');
  const [matter, setMatter] = useState('');
  const [proposedHandling, setProposedHandling] = useState('');

  const nameError = textError(t, subjectName, 80, true);
  const matterError = textError(t, matter, 2000, true);
  const handlingError = textError(t, proposedHandling, 1000, false);

  return (
    <ListItemDialog
      roundId={roundId}
      title={t('findings.accountability.createTitle')}
      testId="accountability"
      invalid={Boolean(nameError || matterError || handlingError)}
      create={(links) =>
        invoke('accountability.create', {
          roundId,
          subjectKind,
          subjectName: subjectName.trim(),
          matter: matter.trim(),
          proposedHandling: proposedHandling.trim(),
          ...links,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      {(showErrors) => (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('findings.accountability.kind')}
            </Text>
            <SegmentedControl
              w="fit-content"
              value={subjectKind}
              onChange={(value) => setSubjectKind(value === 'unit' ? 'unit' : 'person')}
              data={[
                { value: 'person', label: t('findings.accountability.kind.person') },
                { value: 'unit', label: t('findings.accountability.kind.unit') },
              ]}
              aria-label={t('findings.accountability.kind')}
            />
          </Stack>
          <TextInput
            label={subjectKind === 'person' ? t('findings.accountability.personName') : t('findings.accountability.unitName')}
            required
            maxLength={80}
            value={subjectName}
            onChange={(event) => setSubjectName(event.currentTarget.value)}
            error={showErrors ? nameError : undefined}
            data-autofocus
            data-testid="accountability-subject"
          />
          <MatterField label={t('findings.list.matter')} value={matter} onChange={setMatter} error={showErrors ? matterError : undefined} testId="accountability-matter" />
          <Textarea
            label={t('findings.accountability.handling')}
            placeholder={t('findings.accountability.handling.placeholder')}
            autosize
            minRows={1}
            maxRows={5}
            maxLength={1000}
            value={proposedHandling}
            onChange={(event) => setProposedHandling(event.currentTarget.value)}
            error={showErrors ? handlingError : undefined}
            data-testid="accountability-handling"
          />
        </>
      )}
    </ListItemDialog>
  );
}

/** 新增点人点事事项: a named person and the specific matter, for the organisation department. */
export function PersonMatterDialog({ roundId, onClose, onDone }: { roundId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [personName, setPersonName] = useState('');
  const [unit, setUnit] = useState('');
  const [position, setPosition] = useState('');
  const [matter, setMatter] = useState('');

  const nameError = textError(t, personName, 40, true);
  const unitError = textError(t, unit, 80, false);
  const positionError = textError(t, position, 60, false);
  const matterError = textError(t, matter, 2000, true);

  return (
    <ListItemDialog
      roundId={roundId}
      title={t('findings.personMatter.createTitle')}
      testId="person-matter"
      invalid={Boolean(nameError || unitError || positionError || matterError)}
      create={(links) =>
        invoke('personMatters.create', {
          roundId,
          personName: personName.trim(),
          unit: unit.trim(),
          position: position.trim(),
          matter: matter.trim(),
          ...links,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      {(showErrors) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('findings.person.name')}
              required
              maxLength={40}
              value={personName}
              onChange={(event) => setPersonName(event.currentTarget.value)}
              error={showErrors ? nameError : undefined}
              data-autofocus
              data-testid="person-matter-name"
            />
            <TextInput
              label={t('findings.person.unit')}
              maxLength={80}
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value)}
              error={showErrors ? unitError : undefined}
              data-testid="person-matter-unit"
            />
            <TextInput
              label={t('findings.person.position')}
              maxLength={60}
              value={position}
              onChange={(event) => setPosition(event.currentTarget.value)}
              error={showErrors ? positionError : undefined}
              data-testid="person-matter-position"
            />
          </SimpleGrid>
          <MatterField label={t('findings.personMatter.matter')} value={matter} onChange={setMatter} error={showErrors ? matterError : undefined} testId="person-matter-matter" />
        </>
      )}
    </ListItemDialog>
  );
}

/** The matter of an item: required, up to 2,000 characters, growing with its text. */
function MatterField({ label, value, onChange, error, testId }: { label: string; value: string; onChange: (value: string) => void; error: string | undefined; testId: string }) {
  return (
    <Textarea
      label={label}
      required
      autosize
      minRows={2}
      maxRows={8}
      maxLength={2000}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}
