import { Text, Timeline } from '@mantine/core';
import { IconCheck, IconFlag } from '@tabler/icons-react';
import type { RoundPage } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';
import { stageIndex } from './roundsFormat';

/** 计划 → 动员部署 → … → 立卷归档, with the date each stage began and any reason given for skipped steps. */
export function StageTimeline({ page }: { page: RoundPage }) {
  const t = useT();
  const formatDate = useFormatDate();
  const current = stageIndex(page.round.stage);
  return (
    <Timeline active={current} bulletSize={26} lineWidth={2} color="xuncha" data-testid="stage-timeline">
      {page.stages.map((stage, index) => {
        const done = stage.steps.filter((step) => step.doneAt !== null).length;
        return (
          <Timeline.Item
            key={stage.stage}
            title={
              <Text fw={index === current ? 700 : 500} size="sm">
                {t(`rounds.stage.${stage.stage}`)}
                {index === current && (
                  <Text span size="xs" c="xuncha.8" ml={6}>
                    {t('rounds.stages.current')}
                  </Text>
                )}
              </Text>
            }
            bullet={index < current ? <IconCheck size={14} /> : index === current ? <IconFlag size={14} /> : undefined}
            lineVariant={index >= current ? 'dashed' : 'solid'}
            data-testid="timeline-stage"
            data-stage={stage.stage}
          >
            <Text size="xs" c="dimmed">
              {stage.beganOn ? t('rounds.stages.began', { date: formatDate(stage.beganOn, 'date') }) : t('rounds.stages.notBegun')}
              {stage.steps.length > 0 && ` · ${t('rounds.stages.stepsDone', { done, total: stage.steps.length })}`}
            </Text>
            {stage.skippedStepsReason && (
              <Text size="xs" c="orange.8" mt={2} data-testid="timeline-skip-reason">
                {t('rounds.stages.skipReason', { reason: stage.skippedStepsReason })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
