import { Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { roleMay } from '../../../../shared/roles';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberSettingForm } from '../../components/NumberSettingForm';
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
  const { settings } = useActiveStatus();
  return (
    <NumberSettingForm
      label={t('handover.settings.days')}
      initial={settings.handoverAnswerDays ?? DEFAULT_ANSWER_DAYS}
      min={0}
      max={MAX_ANSWER_DAYS}
      invalidText={t('handover.settings.days.invalid', { max: MAX_ANSWER_DAYS })}
      unit={t('handover.settings.daysUnit')}
      adminOnlyText={t('handover.settings.adminOnly')}
      savedText={t('settings.saved')}
      save={(handoverAnswerDays) => invoke('settings.update', { handoverAnswerDays })}
      testId="answer-days-settings"
      inputTestId="answer-days"
      saveTestId="answer-days-save"
    />
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
