import { Box, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every page's title (focus lands here on navigation), subtitle and actions. */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Box maw={760}>
        <Title order={2} fz={22} id="page-title" tabIndex={-1} className="page-title">
          {title}
        </Title>
        {subtitle && (
          <Text size="sm" c="dimmed" mt={4}>
            {subtitle}
          </Text>
        )}
      </Box>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
