import { Button, Card, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { fourListKinds } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { ExportButton } from './ExportButton';

/** The frame both round lists share: intro, 新增 and export buttons, or a prompt to choose a round. */
export function ListTabShell({
  kind,
  roundId,
  intro,
  createLabel,
  onCreate,
  testId,
  children,
}: {
  kind: (typeof fourListKinds)[number];
  roundId: number | null;
  intro: string;
  createLabel: string;
  /** null: the role cannot add items. */
  onCreate: (() => void) | null;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  if (roundId === null) {
    return (
      <Card withBorder radius="md" py={48} data-testid={testId}>
        <EmptyState icon={<IconListCheck size={30} stroke={1.5} />} variant="light" color="xuncha" title={t('findings.needsRound')} description={t('findings.list.needsRound')} />
      </Card>
    );
  }
  return (
    <Stack gap="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {onCreate && (
            <Button leftSection={<IconPlus size={18} />} onClick={onCreate} data-testid={`${testId}-create`}>
              {createLabel}
            </Button>
          )}
        </Group>
        <ExportButton kind={kind} roundId={roundId} />
      </Group>
      {children}
    </Stack>
  );
}
