import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { fourListKinds } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { useActiveStatus } from '../../state/status';
import { today } from './labels';
import { useChannel } from '../../components/useChannel';

type Errors = Partial<Record<'kind' | 'receiverId' | 'handedOn' | 'receivingPerson' | 'answerDueOn' | 'note', MessageKey>>;
type ListKind = (typeof fourListKinds)[number];

/** The office's default when the setting was never saved (the core says the same). */
const DEFAULT_ANSWER_DAYS = 30;

/** The answer deadline the office's setting proposes for a hand-over on `handedOn`, or null. */
export function proposedDeadline(handedOn: string | null, days: number): string | null {
  return handedOn && days > 0 ? dayjs(handedOn).add(days, 'day').format('YYYY-MM-DD') : null;
}

/**
 * 移交: the chosen clues of one round, or one of the round's four lists, go to a receiving body
 * with a deadline for its answer. The deadline starts at the office's default (handed-on date +
 * N days) and follows the handed-on date until the user sets or clears it.
 */
export function HandOverDialog({
  clues,
  list,
  onClose,
  onDone,
}: {
  clues?: { id: number; code: string }[];
  /** A list hand-over instead: the round, and whether the clue list may be chosen. */
  list?: { roundId: number; roundLabel: string; mayHandClueList: boolean };
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { settings } = useActiveStatus();
  const days = settings.handoverAnswerDays ?? DEFAULT_ANSWER_DAYS;
  const lists = useChannel('handover.lists', {});
  const [kind, setKind] = useState<ListKind | null>(null);
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const [handedOn, setHandedOn] = useState<string | null>(() => today());
  const [receivingPerson, setReceivingPerson] = useState('');
  const [answerDueOn, setAnswerDueOn] = useState<string | null>(() => proposedDeadline(today(), days));
  // Once the user sets or clears the deadline it is theirs; until then it follows the date.
  const [dueTouched, setDueTouched] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const chooseDue = (value: string | null) => {
    setAnswerDueOn(value);
    setDueTouched(true);
    setErrors((current) => ({ ...current, answerDueOn: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (list && !kind) found.kind = 'findings.validation.choose';
    if (!receiverId) found.receiverId = 'findings.validation.choose';
    if (!handedOn) found.handedOn = 'findings.validation.date';
    if (receivingPerson.trim().length > 40) found.receivingPerson = 'findings.validation.long40';
    if (answerDueOn && handedOn && answerDueOn < handedOn) found.answerDueOn = 'findings.validation.dueBeforeHanded';
    if (note.trim().length > 500) found.note = 'findings.validation.long500';
    setErrors(found);
    if (Object.values(found).some(Boolean) || !receiverId || !handedOn) return;
    setBusy(true);
    setError(null);
    const fields = { receiverId: Number(receiverId), handedOn, receivingPerson: receivingPerson.trim(), answerDueOn, note: note.trim() };
    const result =
      list && kind
        ? await invoke('handover.handOverList', { roundId: list.roundId, kind, ...fields })
        : await invoke('clues.handOver', { clueIds: (clues ?? []).map((clue) => clue.id), ...fields });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  const message = (key: MessageKey | undefined) => (key ? t(key) : undefined);
  const kinds = fourListKinds.filter((candidate) => candidate !== 'clues' || list?.mayHandClueList);

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={list ? t('handover.list.title', { round: list.roundLabel }) : t('findings.handover.title', { count: clues?.length ?? 0 })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="handover-form">
        <Stack gap="md">
          {clues && (
            <Group gap={6}>
              {clues.map((clue) => (
                <Badge key={clue.id} variant="light" radius="sm">
                  {clue.code}
                </Badge>
              ))}
            </Group>
          )}
          {list && (
            <Select
              label={t('handover.list.kind')}
              required
              data={kinds.map((value) => ({ value, label: t(`handover.listKind.${value}`) }))}
              value={kind}
              onChange={(value) => {
                setKind(kinds.find((candidate) => candidate === value) ?? null);
                setErrors((current) => ({ ...current, kind: undefined }));
              }}
              allowDeselect={false}
              error={message(errors.kind)}
              data-autofocus
              data-testid="handover-list-kind"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('findings.handover.receiver')}
              required
              data={(lists.data?.receivers ?? []).map((receiver) => ({ value: String(receiver.id), label: receiver.name }))}
              value={receiverId}
              onChange={(value) => {
                setReceiverId(value);
                setErrors((current) => ({ ...current, receiverId: undefined }));
              }}
              allowDeselect={false}
              error={message(errors.receiverId)}
              data-autofocus={!list}
              data-testid="handover-receiver"
            />
            <TextInput
              label={t('findings.handover.receivingPerson')}
              value={receivingPerson}
              maxLength={40}
              onChange={(event) => setReceivingPerson(event.currentTarget.value)}
              error={message(errors.receivingPerson)}
              data-testid="handover-person"
            />
            <DateField
              label={t('findings.handover.handedOn')}
              required
              value={handedOn}
              onChange={(value) => {
                setHandedOn(value);
                if (!dueTouched) setAnswerDueOn(proposedDeadline(value, days));
                setErrors((current) => ({ ...current, handedOn: undefined, answerDueOn: undefined }));
              }}
              maxDate={today()}
              error={message(errors.handedOn)}
              testId="handover-date"
            />
            <DateField
              label={t('findings.handover.answerDueOn')}
              value={answerDueOn}
              onChange={chooseDue}
              minDate={handedOn ?? undefined}
              error={message(errors.answerDueOn)}
              testId="handover-due"
            />
          </SimpleGrid>
          <Group gap="xs">
            {handedOn && (
              <>
                <Text size="xs" c="dimmed">
                  {t('findings.handover.quickDue')}
                </Text>
                {[3, 6, 12].map((months) => (
                  <Button key={months} size="compact-xs" variant="light" onClick={() => chooseDue(dayjs(handedOn).add(months, 'month').format('YYYY-MM-DD'))}>
                    {t('findings.handover.months', { months })}
                  </Button>
                ))}
              </>
            )}
            <Text size="xs" c="dimmed" data-testid="handover-due-hint">
              {days > 0 ? t('handover.due.default', { days }) : t('findings.handover.answerDueOn.description')}
            </Text>
          </Group>
          <Textarea
            label={t('findings.handover.note')}
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={message(errors.note)}
          />
          <ErrorAlert error={error ?? lists.error} coreDetail />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="handover-submit">
              {t('findings.handover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
