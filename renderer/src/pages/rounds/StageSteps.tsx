import { Badge, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import type { RoundPage } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';

type Stage = RoundPage['stages'][number];

/** The procedure steps of one stage as checkboxes; a ticked step says who ticked it and when. */
export function StageSteps({
  stage,
  mayWrite,
  pending,
  isDone,
  onTick,
}: {
  stage: Stage;
  mayWrite: boolean;
  pending: number | null;
  isDone: (step: Stage['steps'][number]) => boolean;
  onTick: (stepId: number, done: boolean) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  if (stage.steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('rounds.stages.noSteps')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="stage-steps" data-stage={stage.stage}>
      {stage.steps.map((step) => {
        const done = isDone(step);
        return (
          <Group key={step.stepId} gap="xs" wrap="nowrap" align="flex-start" data-testid="step" data-done={done}>
            <Checkbox
              checked={done}
              disabled={!mayWrite || pending !== null}
              onChange={(event) => onTick(step.stepId, event.currentTarget.checked)}
              label={step.title}
              description={
                step.doneAt && done
                  ? t('rounds.stages.doneBy', { name: step.doneBy ?? '', at: formatDate(step.doneAt) })
                  : undefined
              }
              styles={{ label: { textDecoration: 'none' } }}
            />
            {pending === step.stepId && <Loader size={14} mt={3} />}
            {step.note && (
              <Badge size="xs" variant="light" color="gray">
                {step.note}
              </Badge>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
