import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconChecklist } from '@tabler/icons-react';
import { rectificationStatuses } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { statusColors } from './labels';

/**
 * For the dashboard (首页): the ledger's items by status, overdue items and overdue reports,
 * across all rounds, with a way into the 整改 module. Mount it in DashboardPage as
 * `<OverdueRectificationCard onOpen={() => onNavigate('rectification')} />`.
 */
export function OverdueRectificationCard({ onOpen }: { onOpen?: () => void }) {
  const t = useT();
  const { data, error } = useChannel('rectification.counts', {});
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('rectification.card.title')} data-testid="dashboard-rectification" h="100%">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="xuncha" size={34} radius="md" aria-hidden>
            <IconChecklist size={20} />
          </ThemeIcon>
          <Title order={3} fz="md">
            {t('rectification.card.title')}
          </Title>
        </Group>
        {onOpen && (
          <Button variant="subtle" size="xs" rightSection={<IconArrowRight size={14} />} onClick={onOpen}>
            {t('rectification.card.open')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {data && (
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md">
            <Stack gap={0} data-testid="dashboard-rectification-overdue-items" data-value={data.overdueItems}>
              <Text size="sm" c="dimmed">
                {t('rectification.card.overdueItems')}
              </Text>
              <Text fz={28} fw={700} c={data.overdueItems > 0 ? 'red' : undefined}>
                {data.overdueItems}
              </Text>
            </Stack>
            <Stack gap={0} data-testid="dashboard-rectification-overdue-reports" data-value={data.overdueReports}>
              <Text size="sm" c="dimmed">
                {t('rectification.card.overdueReports')}
              </Text>
              <Text fz={28} fw={700} c={data.overdueReports > 0 ? 'red' : undefined}>
                {data.overdueReports}
              </Text>
            </Stack>
          </SimpleGrid>
          <Group gap="xs">
            {rectificationStatuses.map((status) => (
              <Badge key={status} variant="light" color={statusColors[status]} radius="sm">
                {t('rectification.filter.status', { status: t(`rectification.status.${status}`), count: data.byStatus[status] })}
              </Badge>
            ))}
          </Group>
          {data.items === 0 && (
            <Text size="sm" c="dimmed">
              {t('rectification.card.empty')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
