import { Button, Group, NumberInput, Switch, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { roleMay } from '../../../../shared/roles';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { useActiveStatus, useStatus } from '../../state/status';

const DEFAULT_ANSWER_DAYS = 30;
const MAX_ANSWER_DAYS = 730;

/**
 * The office's hand-over settings, shown in 设置 › 常规: the default answer deadline (days after
 * the hand-over; 0 for none) and whether administrators may read clues. Only administrators
 * change them; the core audits every change (settings.update, with before and after).
 */
export function AnswerDaysForm() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const { refresh } = useStatus();
  const [days, setDays] = useState<string | number>(settings.handoverAnswerDays ?? DEFAULT_ANSWER_DAYS);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = typeof days === 'number' ? days : Number(days);
    if (days === '' || !Number.isInteger(value) || value < 0 || value > MAX_ANSWER_DAYS) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    setError(null);
    const result = await invoke('settings.update', { handoverAnswerDays: value });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(t, t('settings.saved'));
    await refresh();
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="answer-days-settings">
      <Group align="flex-start" gap="sm">
        <NumberInput
          aria-label={t('handover.settings.days')}
          value={days}
          onChange={(value) => {
            setDays(value);
            setInvalid(false);
          }}
          min={0}
          max={MAX_ANSWER_DAYS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={160}
          rightSection={<Text size="xs" c="dimmed" pr={8}>{t('handover.settings.daysUnit')}</Text>}
          rightSectionWidth={36}
          disabled={!mayManage}
          error={invalid ? t('handover.settings.days.invalid', { max: MAX_ANSWER_DAYS }) : undefined}
          data-testid="answer-days"
        />
        {mayManage && (
          <Button type="submit" loading={busy} data-testid="answer-days-save">
            {t('common.save')}
          </Button>
        )}
      </Group>
      {!mayManage && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('handover.settings.adminOnly')}
        </Text>
      )}
      <ErrorAlert error={error} />
    </form>
  );
}

export function AdminsReadCluesSwitch() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const { refresh } = useStatus();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const turnOff = async () => {
    setBusy(true);
    setError(null);
    const result = await invoke('settings.update', { adminsMayReadClues: false });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(t, t('handover.settings.clues.off'));
    await refresh();
  };

  return (
    <>
      <Switch
        label={t('handover.settings.clues.switch')}
        checked={settings.adminsMayReadClues}
        onChange={(event) => {
          // Opening clues to administrators is asked first; closing them again is not.
          if (event.currentTarget.checked) setConfirming(true);
          else void turnOff();
        }}
        disabled={!mayManage || busy}
        data-testid="admins-read-clues"
      />
      {!mayManage && (
        <Text size="xs" c="dimmed">
          {t('handover.settings.adminOnly')}
        </Text>
      )}
      <ErrorAlert error={error} />
      {confirming && (
        <ConfirmDialog
          title={t('handover.settings.clues.confirmTitle')}
          body={t('handover.settings.clues.confirmBody')}
          confirmLabel={t('handover.settings.clues.confirm')}
          testId="admins-read-clues-confirm"
          onConfirm={() => invoke('settings.update', { adminsMayReadClues: true })}
          onClose={() => setConfirming(false)}
          onDone={() => {
            setConfirming(false);
            notifySuccess(t, t('handover.settings.clues.on'));
            void refresh();
          }}
        />
      )}
    </>
  );
}
