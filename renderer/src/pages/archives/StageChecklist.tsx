import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { Dossier } from '../../../../shared/contract';
import { useT } from '../../i18n';

/** What each stage of the round is expected to file, ✓ or missing (STANDARDS.md "what offices file per round"). */
export function StageChecklist({ dossier }: { dossier: Dossier }) {
  const t = useT();
  const missing = dossier.missing.length;
  return (
    <Card withBorder radius="md" padding="md" data-testid="archives-checklist" data-missing={missing}>
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {t('archives.checklist.title')}
        </Title>
        <Badge color={missing ? 'orange' : 'teal'} variant="light" data-testid="archives-checklist-summary">
          {missing ? t('archives.checklist.missing', { count: missing }) : t('archives.checklist.complete')}
        </Badge>
      </Group>
      <Stack gap={6}>
        {dossier.checklist.map(({ stage, kinds }) => (
          <Group key={stage} gap="sm" align="flex-start" wrap="nowrap">
            <Text size="sm" fw={600} w={100} style={{ flexShrink: 0 }}>
              {t(`rounds.stage.${stage}`)}
            </Text>
            <Group gap="xs" wrap="wrap">
              {kinds.map(({ kind, filed }) => (
                <Group key={kind} gap={4} wrap="nowrap" data-testid={`checklist-${kind}`} data-filed={filed}>
                  <ThemeIcon size={18} radius="xl" color={filed ? 'teal' : 'red'} variant="light" aria-hidden>
                    {filed ? <IconCheck size={12} /> : <IconX size={12} />}
                  </ThemeIcon>
                  <Text size="sm">{t(`archives.kind.${kind}`)}</Text>
                  <Text size="xs" c={filed ? 'dimmed' : 'red'}>
                    {filed ? t('archives.checklist.filed', { count: filed }) : t('archives.checklist.notFiled')}
                  </Text>
                </Group>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
