import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { roleMay } from '../../../shared/roles';
import type { IpcResult } from '../../../shared/result';
import { useT } from '../i18n';
import { useActiveStatus, useStatus } from '../state/status';
import { ErrorAlert } from './ErrorAlert';
import { notifySuccess } from './notify';
import { useSubmit } from './useSubmit';

export interface NumberSettingFormProps {
  /** The input's accessible name. */
  label: string;
  initial: number;
  min: number;
  max: number;
  /** Shown under the input when the value is empty, not whole or out of range. */
  invalidText: string;
  /** A unit written inside the input's right edge (天). */
  unit?: string;
  /** Said to users who may not change the setting; without it they only see the input disabled. */
  adminOnlyText?: string;
  savedText: string;
  save: (value: number) => Promise<IpcResult<unknown>>;
  onSaved?: () => void;
  testId: string;
  inputTestId: string;
  saveTestId?: string;
}

/**
 * One whole-number office setting (idle lock minutes, answer days, backup reminder days): checked
 * here before the call, saved by administrators only (the core checks and audits again), and the
 * status reloaded afterwards so every screen reads the new value.
 */
export function NumberSettingForm({ label, initial, min, max, invalidText, unit, adminOnlyText, savedText, save, onSaved, testId, inputTestId, saveTestId }: NumberSettingFormProps) {
  const t = useT();
  const { user } = useActiveStatus();
  const { refresh } = useStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const [value, setValue] = useState<string | number>(initial);
  const [invalid, setInvalid] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = typeof value === 'number' ? value : Number(value);
    if (value === '' || !Number.isInteger(number) || number < min || number > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    await run(
      () => save(number),
      async () => {
        notifySuccess(t, savedText);
        onSaved?.();
        await refresh();
      },
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={testId}>
      <Group align="flex-start" gap="sm">
        <NumberInput
          aria-label={label}
          value={value}
          onChange={(next) => {
            setValue(next);
            setInvalid(false);
          }}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={160}
          rightSection={
            unit ? (
              <Text size="xs" c="dimmed" pr={8}>
                {unit}
              </Text>
            ) : undefined
          }
          rightSectionWidth={unit ? 36 : undefined}
          disabled={!mayManage}
          error={invalid ? invalidText : undefined}
          data-testid={inputTestId}
        />
        {mayManage && (
          <Button type="submit" loading={busy} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        )}
      </Group>
      {!mayManage && adminOnlyText && (
        <Text size="xs" c="dimmed" mt="xs">
          {adminOnlyText}
        </Text>
      )}
      <ErrorAlert error={error} />
    </form>
  );
}
