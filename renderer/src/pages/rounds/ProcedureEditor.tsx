import { Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconRestore } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { ProcedureStep } from '../../../../shared/contract';
import { roundStages, type RoundStage } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { ProcedureStepRow, type DraftStep } from './ProcedureStepRow';
import { RoundsBreadcrumbs } from './RoundsBreadcrumbs';
import { useRemote } from './useRemote';

type Draft = Record<RoundStage, DraftStep[]>;

let newKeys = 0;

function toDraft(steps: ProcedureStep[]): Draft {
  const draft = Object.fromEntries(roundStages.map((stage) => [stage, [] as DraftStep[]])) as Draft;
  for (const step of steps) draft[step.stage].push({ key: `s${step.id}`, id: step.id, title: step.title, retired: step.retired });
  return draft;
}

/**
 * 工作环节清单 (the office's 内控 procedure): the steps of each stage that every round ticks off.
 * Steps are renamed, reordered, added or retired, never deleted: finished rounds keep the
 * steps they were ticked against. Saved in one go (administrators only).
 */
export function ProcedureEditor({ onBack }: { onBack: () => void }) {
  const t = useT();
  const remote = useRemote(useCallback(() => invoke('procedure.list', {}), []));
  const [edited, setEdited] = useState<{ source: ProcedureStep[]; draft: Draft } | null>(null);
  const [showInvalid, setShowInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const source = remote.data;
  const draft = source ? (edited?.source === source ? edited.draft : toDraft(source)) : null;
  const dirty = Boolean(source && draft && JSON.stringify(draft) !== JSON.stringify(toDraft(source)));

  const update = (stage: RoundStage, change: (steps: DraftStep[]) => DraftStep[]) => {
    if (!source || !draft) return;
    setEdited({ source, draft: { ...draft, [stage]: change(draft[stage]) } });
  };

  const add = (stage: RoundStage) => {
    newKeys += 1;
    const key = `n${newKeys}`;
    update(stage, (steps) => [...steps, { key, id: null, title: '', retired: false }]);
    window.requestAnimationFrame(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>(`[data-stage-steps="${stage}"] [data-testid="procedure-step-title"]`);
      inputs[inputs.length - 1]?.focus();
    });
  };

  const save = async () => {
    if (!draft || busy) return;
    const steps = roundStages.flatMap((stage) => draft[stage].map((step) => ({ id: step.id, stage, title: step.title.trim(), retired: step.retired })));
    if (steps.some((step) => !step.title)) {
      setShowInvalid(true);
      return;
    }
    setShowInvalid(false);
    setBusy(true);
    setError(null);
    const result = await invoke('procedure.save', { steps });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEdited(null);
    notifySuccess(t, t('rounds.procedure.saved'));
    remote.reload();
  };

  return (
    <Stack gap="md" data-testid="procedure-editor">
      <RoundsBreadcrumbs current={t('rounds.procedure.title')} onBack={onBack} />
      <PageHeader
        title={t('rounds.procedure.title')}
        subtitle={t('rounds.procedure.subtitle')}
        actions={
          <>
            {dirty && (
              <Badge color="orange" variant="light" radius="sm" size="lg" data-testid="procedure-dirty">
                {t('rounds.procedure.unsaved')}
              </Badge>
            )}
            <Button variant="default" leftSection={<IconRestore size={18} />} disabled={!dirty || busy} onClick={() => setEdited(null)}>
              {t('rounds.procedure.discard')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={18} />} disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="procedure-save">
              {t('common.save')}
            </Button>
          </>
        }
      />
      <CoreErrorAlert error={remote.error ?? error} />
      {showInvalid && (
        <Text size="sm" c="red.7" role="alert">
          {t('rounds.procedure.emptyTitle')}
        </Text>
      )}
      {!draft ? (
        <Center py={80}>
          <Loader color="xuncha" />
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {roundStages.map((stage) => {
            const steps = draft[stage];
            const inForce = steps.filter((step) => !step.retired).length;
            return (
              <Card key={stage} withBorder radius="md" padding="md" data-testid="procedure-stage" data-stage={stage}>
                <Group justify="space-between" mb="sm">
                  <Title order={3} fz="md">
                    {t(`rounds.stage.${stage}`)}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t('rounds.procedure.count', { inForce, retired: steps.length - inForce })}
                  </Text>
                </Group>
                <Stack gap={6} data-stage-steps={stage}>
                  {steps.map((step, index) => (
                    <ProcedureStepRow
                      key={step.key}
                      step={step}
                      index={index}
                      first={index === 0}
                      last={index === steps.length - 1}
                      invalid={showInvalid && !step.title.trim()}
                      onChange={(next) => update(stage, (list) => list.map((item) => (item.key === step.key ? next : item)))}
                      onMove={(delta) =>
                        update(stage, (list) => {
                          const next = [...list];
                          const [moved] = next.splice(index, 1);
                          if (moved) next.splice(index + delta, 0, moved);
                          return next;
                        })
                      }
                      onDrop={() => update(stage, (list) => list.filter((item) => item.key !== step.key))}
                    />
                  ))}
                </Stack>
                <Button variant="subtle" size="compact-sm" mt="sm" leftSection={<IconPlus size={14} />} onClick={() => add(stage)} data-testid="procedure-add">
                  {t('rounds.procedure.add')}
                </Button>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
