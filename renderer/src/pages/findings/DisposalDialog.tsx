import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Clue } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { today } from './labels';
import { useChannel } from '../../components/useChannel';

type Errors = Partial<Record<'typeId' | 'decidedOn' | 'note', MessageKey>>;

/** 登记处置结果: what the receiving body did with a handed-over clue. */
export function DisposalDialog({ clue, onClose, onDone }: { clue: Pick<Clue, 'id' | 'code'>; onClose: () => void; onDone: (clue: Clue) => void }) {
  const t = useT();
  const lists = useChannel('handover.lists', {});
  const [typeId, setTypeId] = useState<string | null>(null);
  const [decidedOn, setDecidedOn] = useState<string | null>(() => today());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!typeId) found.typeId = 'findings.validation.choose';
    if (!decidedOn) found.decidedOn = 'findings.validation.date';
    if (note.trim().length > 1000) found.note = 'findings.validation.long1000';
    setErrors(found);
    if (Object.values(found).some(Boolean) || !typeId || !decidedOn) return;
    setBusy(true);
    setError(null);
    const result = await invoke('clues.recordDisposal', { clueId: clue.id, disposalTypeId: Number(typeId), decidedOn, note: note.trim() });
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
      title={t('findings.disposal.title', { code: clue.code })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="disposal-form">
        <Stack gap="md">
          <Select
            label={t('findings.disposal.type')}
            required
            data={(lists.data?.disposalTypes ?? []).filter((type) => !type.retired).map((type) => ({ value: String(type.id), label: type.name }))}
            value={typeId}
            onChange={(value) => {
              setTypeId(value);
              setErrors((current) => ({ ...current, typeId: undefined }));
            }}
            allowDeselect={false}
            error={message(errors.typeId)}
            data-autofocus
            data-testid="disposal-type"
          />
          <DateField
            label={t('findings.disposal.decidedOn')}
            required
            value={decidedOn}
            onChange={(value) => {
              setDecidedOn(value);
              setErrors((current) => ({ ...current, decidedOn: undefined }));
            }}
            maxDate={today()}
            error={message(errors.decidedOn)}
            testId="disposal-date"
          />
          <Textarea
            label={t('findings.disposal.note')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={message(errors.note)}
            data-testid="disposal-note"
          />
          <ErrorAlert error={error ?? lists.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="disposal-submit">
              {t('findings.disposal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
