import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { roundStages, type RoundStage } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { useT } from '../../i18n';
import { openStepsOf } from './conflicts';
import { DateField } from '../../components/DateField';
import { today } from '../../components/dates';

/**
 * 进入下一阶段 on a date. Steps of the stage left open make the core refuse; they are listed
 * here and the move goes ahead only with a reason (kept on the stage and in the audit log).
 */
export function AdvanceStageDialog({
  round,
  onClose,
  onDone,
}: {
  round: RoundSummary;
  onClose: () => void;
  onDone: (round: RoundSummary) => void;
}) {
  const t = useT();
  const next: RoundStage | undefined = roundStages[roundStages.indexOf(round.stage) + 1];
  const [on, setOn] = useState(() => today());
  const [openSteps, setOpenSteps] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!on) {
      setInvalid(t('validation.required'));
      return;
    }
    if (openSteps && !reason.trim()) {
      setInvalid(t('rounds.advance.reasonRequired'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    setError(null);
    const result = await invoke('rounds.advanceStage', { id: round.id, on, ...(openSteps ? { skipReason: reason.trim() } : {}) });
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    if (result.error.code === 'STEPS_OPEN') {
      setOpenSteps(openStepsOf(result.error.details));
      return;
    }
    setError(result.error);
  };

  if (!next) return null;
  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t('rounds.advance.title', { from: t(`rounds.stage.${round.stage}`), to: t(`rounds.stage.${next}`) })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="advance-form">
        <Stack gap="md">
          <DateField
            label={t('rounds.advance.on', { stage: t(`rounds.stage.${next}`) })}
            required
            value={on}
            onChange={(value) => {
              setOn(value ?? '');
              setInvalid(null);
            }}
            error={invalid && !on ? invalid : undefined}
            data-autofocus={!openSteps}
            testId="advance-on"
          />
          {openSteps && (
            <>
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('rounds.advance.stepsOpen', { count: openSteps.length })} data-testid="advance-open-steps">
                <List size="sm" spacing={2}>
                  {openSteps.map((step) => (
                    <List.Item key={step}>{step}</List.Item>
                  ))}
                </List>
              </Alert>
              <Textarea
                label={t('rounds.advance.reason')}
                description={t('rounds.advance.reason.description')}
                placeholder={t('rounds.advance.reason.placeholder')}
                required
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setInvalid(null);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
                }}
                error={invalid && on ? invalid : undefined}
                autoFocus
                data-testid="advance-reason"
              />
            </>
          )}
          {!openSteps && (
            <Text size="sm" c="dimmed">
              {t('rounds.advance.explain')}
            </Text>
          )}
          <CoreErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} rightSection={<IconArrowRight size={16} />} color={openSteps ? 'orange' : undefined} data-testid="advance-submit">
              {openSteps ? t('rounds.advance.submitAnyway') : t('rounds.advance.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
