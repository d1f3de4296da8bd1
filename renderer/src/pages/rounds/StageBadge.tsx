import { Badge } from '@mantine/core';
import type { RoundStage } from '../../../../shared/domain';
import { useT } from '../../i18n';

/** The stage a round is in: 计划 … 立卷归档 (filed rounds in green, the rest in the office red). */
export function StageBadge({ stage, size = 'md' }: { stage: RoundStage; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <Badge
      size={size}
      radius="sm"
      variant={stage === 'filed' ? 'light' : 'outline'}
      color={stage === 'filed' ? 'teal' : 'xuncha'}
      data-stage={stage}
      data-testid="stage-badge"
    >
      {t(`rounds.stage.${stage}`)}
    </Badge>
  );
}
