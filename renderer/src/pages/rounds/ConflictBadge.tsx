import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import type { InspectionGroup } from '../../../../shared/contract';
import { useT } from '../../i18n';

type Member = InspectionGroup['members'][number];

/**
 * 回避 on a member: red while the conflict stands unexplained, orange once a reason was given
 * (the reason and the conflicts in the tooltip). Nothing when there is no conflict.
 */
export function ConflictBadge({ member }: { member: Member }) {
  const t = useT();
  if (member.conflicts.length === 0) return null;
  const overridden = member.overrideReason !== null;
  return (
    <Tooltip
      multiline
      w={320}
      withArrow
      label={
        <Stack gap={4}>
          {member.conflicts.map((conflict, index) => (
            <Text key={index} size="xs">
              {conflict.message}
            </Text>
          ))}
          <Text size="xs" fw={600}>
            {overridden ? t('rounds.conflict.reason', { reason: member.overrideReason ?? '' }) : t('rounds.conflict.unexplained')}
          </Text>
        </Stack>
      }
    >
      <Badge
        color={overridden ? 'orange' : 'red'}
        variant={overridden ? 'light' : 'filled'}
        radius="sm"
        size="sm"
        tabIndex={0}
        data-testid="conflict-badge"
        data-state={overridden ? 'overridden' : 'open'}
        aria-label={
          overridden
            ? `${t('rounds.conflict.badge')}：${t('rounds.conflict.reason', { reason: member.overrideReason ?? '' })}`
            : `${t('rounds.conflict.badge')}：${member.conflicts.map((conflict) => conflict.message).join('；')}`
        }
      >
        {t('rounds.conflict.badge')}
      </Badge>
    </Tooltip>
  );
}
