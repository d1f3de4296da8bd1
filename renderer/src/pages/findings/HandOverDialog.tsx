import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { today } from './labels';
import { useChannel } from '../../components/useChannel';

type Errors = Partial<Record<'receiverId' | 'handedOn' | 'receivingPerson' | 'answerDueOn' | 'note', MessageKey>>;

/** 移交: the chosen clues of one round go to a receiving body, with a deadline for its answer. */
export function HandOverDialog({ clues, onClose, onDone }: { clues: { id: number; code: string }[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const lists = useChannel('handover.lists', {});
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const [handedOn, setHandedOn] = useState<string | null>(() => today());
  const [receivingPerson, setReceivingPerson] = useState('');
  const [answerDueOn, setAnswerDueOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!receiverId) found.receiverId = 'findings.validation.choose';
    if (!handedOn) found.handedOn = 'findings.validation.date';
    if (receivingPerson.trim().length > 40) found.receivingPerson = 'findings.validation.long40';
    if (answerDueOn && handedOn && answerDueOn < handedOn) found.answerDueOn = 'findings.validation.dueBeforeHanded';
    if (note.trim().length > 500) found.note = 'findings.validation.long500';
    setErrors(found);
    if (Object.values(found).some(Boolean) || !receiverId || !handedOn) return;
    setBusy(true);
    setError(null);
    const result = await invoke('clues.handOver', {
      clueIds: clues.map((clue) => clue.id),
      receiverId: Number(receiverId),
      handedOn,
      receivingPerson: receivingPerson.trim(),
      answerDueOn,
      note: note.trim(),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
  };

  const message = (key: MessageKey | undefined) => (key ? t(key) : undefined);

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t('findings.handover.title', { count: clues.length })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="handover-form">
        <Stack gap="md">
          <Group gap={6}>
            {clues.map((clue) => (
              <Badge key={clue.id} variant="light" radius="sm">
                {clue.code}
              </Badge>
            ))}
          </Group>
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
              data-autofocus
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
                setErrors((current) => ({ ...current, handedOn: undefined, answerDueOn: undefined }));
              }}
              maxDate={today()}
              error={message(errors.handedOn)}
              testId="handover-date"
            />
            <DateField
              label={t('findings.handover.answerDueOn')}
              description={t('findings.handover.answerDueOn.description')}
              value={answerDueOn}
              onChange={(value) => {
                setAnswerDueOn(value);
                setErrors((current) => ({ ...current, answerDueOn: undefined }));
              }}
              minDate={handedOn ?? undefined}
              error={message(errors.answerDueOn)}
              testId="handover-due"
            />
          </SimpleGrid>
          {handedOn && (
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {t('findings.handover.quickDue')}
              </Text>
              {[3, 6, 12].map((months) => (
                <Button
                  key={months}
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    setAnswerDueOn(dayjs(handedOn).add(months, 'month').format('YYYY-MM-DD'));
                    setErrors((current) => ({ ...current, answerDueOn: undefined }));
                  }}
                >
                  {t('findings.handover.months', { months })}
                </Button>
              ))}
            </Group>
          )}
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
          <ErrorAlert error={error ?? lists.error} />
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
