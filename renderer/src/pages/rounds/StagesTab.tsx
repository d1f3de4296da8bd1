import { Accordion, Alert, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import type { RoundPage } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { AdvanceStageDialog } from './AdvanceStageDialog';
import { StageSteps } from './StageSteps';
import { StageTimeline } from './StageTimeline';
import { stageIndex } from './roundsFormat';

/** 阶段与环节: the stage timeline, each stage's procedure steps, and 进入下一阶段. */
export function StagesTab({ page, mayWrite, onChanged }: { page: RoundPage; mayWrite: boolean; onChanged: () => void }) {
  const t = useT();
  const { round } = page;
  const current = stageIndex(round.stage);
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  // Ticks shown at once, until the re-read page (a new object) has them.
  const [optimistic, setOptimistic] = useState<{ page: RoundPage; done: Map<number, boolean> } | null>(null);
  const [advancing, setAdvancing] = useState(false);
  const [open, setOpen] = useState<string[]>([round.stage]);
  const currentStage = page.stages[current];

  const isDone = (step: { stepId: number; doneAt: string | null }) => {
    const local = optimistic?.page === page ? optimistic.done.get(step.stepId) : undefined;
    return local ?? step.doneAt !== null;
  };

  const tick = async (stepId: number, done: boolean) => {
    setPending(stepId);
    setError(null);
    setOptimistic((currentValue) => {
      const map = new Map(currentValue?.page === page ? currentValue.done : []);
      map.set(stepId, done);
      return { page, done: map };
    });
    const result = await invoke('rounds.tickStep', { roundId: round.id, stepId, done, note: '' });
    setPending(null);
    if (!result.ok) {
      setOptimistic(null);
      setError(result.error);
      return;
    }
    onChanged();
  };

  return (
    <Grid gap="lg" data-testid="stages-tab">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder radius="md" padding="lg">
          <Title order={3} fz="md" mb="md">
            {t('rounds.stages.timeline')}
          </Title>
          <StageTimeline page={page} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          {currentStage && (
            <Card withBorder radius="md" padding="lg" data-testid="current-stage">
              <Group justify="space-between" align="flex-start" gap="md">
                <div>
                  <Text size="xs" c="dimmed">
                    {t('rounds.stages.currentStage')}
                  </Text>
                  <Title order={3} fz="lg">
                    {t(`rounds.stage.${round.stage}`)}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('rounds.stages.stepsDone', {
                      done: currentStage.steps.filter((step) => isDone(step)).length,
                      total: currentStage.steps.length,
                    })}
                  </Text>
                </div>
                {mayWrite && round.stage !== 'filed' && (
                  <Button rightSection={<IconArrowRight size={16} />} onClick={() => setAdvancing(true)} data-testid="advance-stage">
                    {t('rounds.advance.button')}
                  </Button>
                )}
              </Group>
              {round.stage === 'filed' && (
                <Alert mt="md" variant="light" color="teal" icon={<IconArchive size={18} />}>
                  {t('rounds.stages.filed')}
                </Alert>
              )}
            </Card>
          )}
          <CoreErrorAlert error={error} />
          <Accordion multiple value={open} onChange={setOpen} variant="separated" radius="md" chevronPosition="left">
            {page.stages.map((stage, index) => {
              const done = stage.steps.filter((step) => isDone(step)).length;
              return (
                <Accordion.Item key={stage.stage} value={stage.stage} data-testid="stage-panel" data-stage={stage.stage}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <Text fw={index === current ? 700 : 500} size="sm">
                        {t(`rounds.stage.${stage.stage}`)}
                      </Text>
                      <Badge
                        size="sm"
                        radius="sm"
                        variant="light"
                        color={stage.steps.length > 0 && done === stage.steps.length ? 'teal' : index < current ? 'orange' : 'gray'}
                      >
                        {t('rounds.stages.stepsDone', { done, total: stage.steps.length })}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <StageSteps stage={stage} mayWrite={mayWrite} pending={pending} isDone={isDone} onTick={(stepId, value) => void tick(stepId, value)} />
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </Stack>
      </Grid.Col>

      {advancing && (
        <AdvanceStageDialog
          round={round}
          onClose={() => setAdvancing(false)}
          onDone={(saved) => {
            setAdvancing(false);
            setOpen((value) => [...new Set([...value, saved.stage])]);
            notifySuccess(t, t('rounds.advance.done', { stage: t(`rounds.stage.${saved.stage}`) }));
            onChanged();
          }}
        />
      )}
    </Grid>
  );
}
