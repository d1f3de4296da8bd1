import { ActionIcon, Badge, Box, Group, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useT } from '../../i18n';

export interface DraftStep {
  key: string;
  id: number | null;
  title: string;
  retired: boolean;
}

/** One editable step of the template: title, move up/down, retire (or drop, while not yet saved). */
export function ProcedureStepRow({
  step,
  index,
  first,
  last,
  invalid,
  onChange,
  onMove,
  onDrop,
}: {
  step: DraftStep;
  index: number;
  first: boolean;
  last: boolean;
  invalid: boolean;
  onChange: (next: DraftStep) => void;
  onMove: (delta: -1 | 1) => void;
  onDrop: () => void;
}) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="procedure-step" data-retired={step.retired} data-new={step.id === null}>
      <Text size="sm" c="dimmed" w={24} ta="right">
        {index + 1}
      </Text>
      <TextInput
        flex={1}
        value={step.title}
        onChange={(event) => onChange({ ...step, title: event.currentTarget.value })}
        maxLength={100}
        aria-label={t('rounds.procedure.stepTitle', { index: index + 1 })}
        error={invalid ? t('validation.required') : undefined}
        styles={step.retired ? { input: { color: 'var(--mantine-color-dimmed)', textDecoration: 'line-through' } } : undefined}
        data-testid="procedure-step-title"
      />
      {step.id === null && (
        <Badge size="xs" variant="light" color="teal" radius="sm">
          {t('rounds.procedure.new')}
        </Badge>
      )}
      <Tooltip label={t('rounds.procedure.moveUp')}>
        <ActionIcon variant="subtle" color="gray" disabled={first} onClick={() => onMove(-1)} aria-label={t('rounds.procedure.moveUpNamed', { title: step.title })} data-testid="procedure-up">
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('rounds.procedure.moveDown')}>
        <ActionIcon variant="subtle" color="gray" disabled={last} onClick={() => onMove(1)} aria-label={t('rounds.procedure.moveDownNamed', { title: step.title })} data-testid="procedure-down">
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
      {step.id === null ? (
        <Box w={70}>
          <Tooltip label={t('rounds.procedure.drop')}>
            <ActionIcon variant="subtle" color="red" onClick={onDrop} aria-label={t('rounds.procedure.drop')}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Box>
      ) : (
        <Switch
          size="sm"
          label={t('rounds.procedure.retired')}
          styles={{ label: { whiteSpace: 'nowrap', paddingInlineStart: 6 } }}
          checked={step.retired}
          onChange={(event) => onChange({ ...step, retired: event.currentTarget.checked })}
          aria-label={t('rounds.procedure.retireNamed', { title: step.title })}
          data-testid="procedure-retire"
        />
      )}
    </Group>
  );
}
