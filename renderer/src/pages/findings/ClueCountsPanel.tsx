import { Card, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { RoundSummary } from '../../../../shared/contract';
import { clueStatuses } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { statusColors } from './labels';
import { OverdueHandovers } from './OverdueHandovers';
import { useChannel } from '../../components/useChannel';

/** What a role without clue access sees: how many clues, by status, and nothing else. */
export function ClueCountsPanel({ round }: { round: RoundSummary | null }) {
  const t = useT();
  const counts = useChannel('clues.counts', round ? { roundId: round.id } : {});
  return (
    <Stack gap="md" data-testid="clues-locked">
      <Card withBorder radius="md" padding="lg">
        <Group gap="md" align="flex-start" wrap="nowrap">
          <ThemeIcon size={44} radius="md" variant="light" color="gray" aria-hidden>
            <IconLock size={24} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={3} fz="md">
              {t('findings.clues.locked.title')}
            </Title>
            <Text size="sm" c="dimmed" data-testid="clues-locked-note">
              {t('findings.clues.locked.body')}
            </Text>
          </Stack>
        </Group>
      </Card>
      <ErrorAlert error={counts.error} />
      {!counts.data && counts.loading && <Loader size="sm" />}
      {counts.data && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="clue-counts">
          <Card withBorder radius="md" padding="md" data-testid="clue-count-total" data-count={counts.data.total}>
            <Text size="xs" c="dimmed">
              {round ? t('findings.clues.countRound', { round: round.label }) : t('findings.clues.countAll')}
            </Text>
            <Text fz={28} fw={700} lh={1.3}>
              {counts.data.total}
            </Text>
          </Card>
          {clueStatuses.map((status) => (
            <Card key={status} withBorder radius="md" padding="md" data-testid={`clue-count-${status}`} data-count={counts.data?.byStatus[status] ?? 0}>
              <Text size="xs" c={statusColors[status]} fw={600}>
                {t(`findings.clueStatus.${status}`)}
              </Text>
              <Text fz={28} fw={700} lh={1.3}>
                {counts.data?.byStatus[status] ?? 0}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <OverdueHandovers />
    </Stack>
  );
}
