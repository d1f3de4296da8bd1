import { Badge, Group, Progress, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { RoundPage } from '../../../../shared/contract';
import { inspectionModes } from '../../../../shared/domain';
import { useFormatDate, useT } from '../../i18n';
import { modeColors } from './roundsFormat';
import { StageBadge } from './StageBadge';
import { StatCard } from './StatCard';

/** The round at a glance: stage, dates on site, people, groups, inspections by mode, checklist progress, open 回避. */
export function RoundHeader({ page }: { page: RoundPage }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { round, counts } = page;
  const began = page.stages.find((stage) => stage.stage === round.stage)?.beganOn ?? null;
  const date = (value: string | null) => (value ? formatDate(value, 'date') : t('rounds.notSet'));
  const percent = counts.stepsTotal ? Math.round((counts.stepsDone / counts.stepsTotal) * 100) : 0;
  const modes = inspectionModes.filter((mode) => (counts.byMode[mode] ?? 0) > 0);

  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm" data-testid="round-header">
      <StatCard label={t('rounds.header.stage')} testId="header-stage">
        <StageBadge stage={round.stage} size="lg" />
        {began && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('rounds.header.stageSince', { date: formatDate(began, 'date') })}
          </Text>
        )}
      </StatCard>
      <StatCard label={t('rounds.header.onSite')} testId="header-dates">
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {t('rounds.header.start', { date: date(round.actualStart ?? round.plannedStart) })}
        </Text>
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {t('rounds.header.end', { date: date(round.actualEnd ?? round.plannedEnd) })}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {round.daysOnSite !== null
            ? t('rounds.header.days', { days: round.daysOnSite })
            : round.actualStart
              ? t('rounds.header.onSiteNow')
              : t('rounds.header.plannedOnly')}
        </Text>
      </StatCard>
      <StatCard label={t('rounds.header.people')} testId="header-people">
        <Text fz={22} fw={600} lh={1.2}>
          {t('rounds.people', { count: round.peopleDrawn })}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {t('rounds.header.groups', { groups: counts.groups, members: counts.members })}
        </Text>
      </StatCard>
      <StatCard label={t('rounds.header.inspections')} testId="header-inspections">
        <Text fz={22} fw={600} lh={1.2}>
          {t('rounds.header.inspectionCount', { count: counts.inspections })}
        </Text>
        <Group gap={4} mt={4}>
          {modes.map((mode) => (
            <Badge key={mode} size="xs" radius="sm" variant="light" color={modeColors[mode]} data-mode={mode}>
              {t('rounds.header.modeCount', { mode: t(`rounds.mode.${mode}`), count: counts.byMode[mode] ?? 0 })}
            </Badge>
          ))}
        </Group>
      </StatCard>
      <StatCard label={t('rounds.header.steps')} testId="header-steps">
        <Text fz={22} fw={600} lh={1.2}>
          {counts.stepsDone}
          <Text span c="dimmed" fz="sm">
            {' '}
            / {counts.stepsTotal}
          </Text>
        </Text>
        <Progress value={percent} size="sm" mt={8} color="teal" aria-label={t('rounds.header.steps')} />
      </StatCard>
      <StatCard label={t('rounds.header.conflicts')} testId="header-conflicts" tone={counts.conflictsOpen > 0 ? 'alert' : undefined}>
        {counts.conflictsOpen > 0 ? (
          <Group gap={6} wrap="nowrap">
            <IconAlertTriangle size={20} color="var(--mantine-color-red-7)" />
            <Text fz={22} fw={700} c="red.7" lh={1.2} data-testid="conflicts-open">
              {counts.conflictsOpen}
            </Text>
            <Text size="xs" c="red.7">
              {t('rounds.header.conflictsOpen')}
            </Text>
          </Group>
        ) : (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" />
            <Text size="sm" c="teal.8" data-testid="conflicts-open" data-count="0">
              {t('rounds.header.conflictsNone')}
            </Text>
          </Group>
        )}
      </StatCard>
    </SimpleGrid>
  );
}
