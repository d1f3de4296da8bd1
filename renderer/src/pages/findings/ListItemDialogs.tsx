import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Problem } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { ProblemPicker } from './ProblemPicker';
import { useChannel } from '../../components/useChannel';

function tooLong(value: string, max: number) {
  return value.trim().length > max;
}

function ReceiverSelect({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const t = useT();
  const lists = useChannel('handover.lists', {});
  return (
    <Select
      label={t('findings.list.receiver')}
      description={t('findings.list.receiver.description')}
      placeholder={t('findings.list.receiver.none')}
      data={(lists.data?.receivers ?? []).map((receiver) => ({ value: String(receiver.id), label: receiver.name }))}
      value={value}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data-testid="list-form-receiver"
    />
  );
}

/** 新增追责问责事项: a person or unit, the matter, the proposed handling, optionally its problem. */
export function AccountabilityDialog({ roundId, onClose, onDone }: { roundId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [subjectKind, setSubjectKind] = useState<'person' | 'unit'>('person');
  const [subjectName, setSubjectName] = useState('');
  const [matter, setMatter] = useState('');
  const [proposedHandling, setProposedHandling] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const nameError = !subjectName.trim() ? t('validation.required') : tooLong(subjectName, 80) ? t('validation.tooLong', { max: 80 }) : undefined;
  const matterError = !matter.trim() ? t('validation.required') : tooLong(matter, 2000) ? t('validation.tooLong', { max: 2000 }) : undefined;
  const handlingError = tooLong(proposedHandling, 1000) ? t('validation.tooLong', { max: 1000 }) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setShowErrors(true);
    if (nameError || matterError || handlingError) return;
    setBusy(true);
    setError(null);
    const result = await invoke('accountability.create', {
      roundId,
      subjectKind,
      subjectName: subjectName.trim(),
      matter: matter.trim(),
      proposedHandling: proposedHandling.trim(),
      problemId: problem?.id ?? null,
      receiverId: receiverId ? Number(receiverId) : null,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('findings.accountability.createTitle')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="accountability-form">
        <Stack gap="md">
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
          <Textarea
            label={t('findings.list.matter')}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            value={matter}
            onChange={(event) => setMatter(event.currentTarget.value)}
            error={showErrors ? matterError : undefined}
            data-testid="accountability-matter"
          />
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <ProblemPicker roundId={roundId} value={problem} onChange={setProblem} label={t('findings.list.problem')} description={t('findings.list.problem.description')} testId="list-form-problem" />
            <ReceiverSelect value={receiverId} onChange={setReceiverId} />
          </SimpleGrid>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="accountability-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 新增点人点事事项: a named person and the specific matter, for the organisation department. */
export function PersonMatterDialog({ roundId, onClose, onDone }: { roundId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [personName, setPersonName] = useState('');
  const [unit, setUnit] = useState('');
  const [position, setPosition] = useState('');
  const [matter, setMatter] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const nameError = !personName.trim() ? t('validation.required') : tooLong(personName, 40) ? t('validation.tooLong', { max: 40 }) : undefined;
  const unitError = tooLong(unit, 80) ? t('validation.tooLong', { max: 80 }) : undefined;
  const positionError = tooLong(position, 60) ? t('validation.tooLong', { max: 60 }) : undefined;
  const matterError = !matter.trim() ? t('validation.required') : tooLong(matter, 2000) ? t('validation.tooLong', { max: 2000 }) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setShowErrors(true);
    if (nameError || unitError || positionError || matterError) return;
    setBusy(true);
    setError(null);
    const result = await invoke('personMatters.create', {
      roundId,
      personName: personName.trim(),
      unit: unit.trim(),
      position: position.trim(),
      matter: matter.trim(),
      problemId: problem?.id ?? null,
      receiverId: receiverId ? Number(receiverId) : null,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('findings.personMatter.createTitle')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="person-matter-form">
        <Stack gap="md">
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
          <Textarea
            label={t('findings.personMatter.matter')}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            value={matter}
            onChange={(event) => setMatter(event.currentTarget.value)}
            error={showErrors ? matterError : undefined}
            data-testid="person-matter-matter"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <ProblemPicker roundId={roundId} value={problem} onChange={setProblem} label={t('findings.list.problem')} description={t('findings.list.problem.description')} testId="list-form-problem" />
            <ReceiverSelect value={receiverId} onChange={setReceiverId} />
          </SimpleGrid>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="person-matter-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
