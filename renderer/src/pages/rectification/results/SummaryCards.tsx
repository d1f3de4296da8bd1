import { Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { resultKinds, resultMeasures, type ResultsSummary } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { figure } from './labels';

/** The round's sums by kind, one card each, and the clue hand-over and disposal counts from findings. */
export function SummaryCards({ summary }: { summary: ResultsSummary }) {
  const t = useT();
  const { clues } = summary;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="results-totals">
        {resultKinds.map((kind) => (
          <Card key={kind} withBorder radius="md" padding="sm" data-testid={`results-total-${kind}`}>
            <Text size="xs" c="dimmed">
              {t(`results.kind.${kind}`)}
            </Text>
            <Group gap={4} align="baseline">
              <Text fw={700} fz="xl" data-testid={`results-total-${kind}-value`}>
                {figure(kind, summary.totals[kind])}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`results.measure.${resultMeasures[kind]}`)}
              </Text>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder radius="md" padding="sm" data-testid="results-clues">
        <Group justify="space-between" mb={6}>
          <Title order={4} fz="sm">
            {t('results.clues.title')}
          </Title>
          <Tooltip label={t('results.clues.countOnly')}>
            <IconLock size={16} aria-label={t('results.clues.countOnly')} />
          </Tooltip>
        </Group>
        <Group gap="xl">
          <Figure label={t('results.clues.registered')} value={clues.registered} testId="results-clues-registered" />
          <Figure label={t('results.clues.handedOver')} value={clues.handedOver} testId="results-clues-handed-over" />
          <Figure label={t('results.clues.disposed')} value={clues.disposed} testId="results-clues-disposed" />
          <Figure label={t('results.clues.pending')} value={clues.handedOver - clues.disposed} testId="results-clues-pending" />
          {clues.byDisposal.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('results.clues.none')}
            </Text>
          ) : (
            clues.byDisposal.map((d) => <Figure key={d.name} label={d.name} value={d.count} testId={`results-disposal-${d.name}`} />)
          )}
        </Group>
      </Card>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
