import { Group, Stack, Text } from '@mantine/core';
import type { Inspection } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { ModeBadge } from './ModeBadge';

/** A group's units in short: name, kind and region, mode and topic; the rest counted. */
export function InspectionTargetList({ inspections, limit }: { inspections: Inspection[]; limit: number }) {
  const t = useT();
  if (inspections.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm">
        {t('rounds.group.noTargets')}
      </Text>
    );
  }
  const shown = inspections.slice(0, limit);
  return (
    <Stack gap={0} data-testid="group-targets">
      {shown.map((inspection) => (
        <Group
          key={inspection.id}
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          py={6}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="group-target"
        >
          <div style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {inspection.unitName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {[inspection.unitKind, inspection.regionName ?? t('rounds.cityLevel'), inspection.topicName, inspection.followsLabel ? t('rounds.inspection.follows', { label: inspection.followsLabel }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <ModeBadge mode={inspection.mode} linkage={inspection.linkage} />
        </Group>
      ))}
      {inspections.length > shown.length && (
        <Text size="xs" c="dimmed" pt={6}>
          {t('rounds.group.moreTargets', { count: inspections.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}
