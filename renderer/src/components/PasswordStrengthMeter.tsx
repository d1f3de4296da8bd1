import { Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useT, type MessageKey } from '../i18n';
import { passwordChecks, passwordStrength, type PasswordChecks } from './form';

const colors = { empty: 'gray', weak: 'red', fair: 'yellow', strong: 'teal' } as const;
const values = { empty: 0, weak: 30, fair: 65, strong: 100 } as const;
const rules: [keyof PasswordChecks, MessageKey][] = [
  ['length', 'password.rule.length'],
  ['letter', 'password.rule.letter'],
  ['digit', 'password.rule.digit'],
  ['long', 'password.rule.long'],
  ['symbol', 'password.rule.symbol'],
];

/** The strength hint under a new-password field: a bar, a word and the rules met so far. */
export function PasswordStrengthMeter({ password, id }: { password: string; id?: string }) {
  const t = useT();
  const strength = passwordStrength(password);
  const checks = passwordChecks(password);
  return (
    <Stack gap={6} id={id} aria-live="polite" data-testid="password-strength" data-strength={strength}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('password.strength', { level: t(`password.strength.${strength}`) })}
        </Text>
      </Group>
      <Progress value={values[strength]} color={colors[strength]} size="sm" aria-hidden />
      <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
        {rules.map(([rule, key]) => (
          <Group key={rule} gap={4} wrap="nowrap">
            {checks[rule] ? (
              <IconCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
            ) : (
              <IconPoint size={14} color="var(--mantine-color-gray-5)" aria-hidden />
            )}
            <Text size="xs" c={checks[rule] ? 'teal.8' : 'dimmed'}>
              {t(key)}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
