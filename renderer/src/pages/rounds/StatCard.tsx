import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure of the round header: a small caption over the value. */
export function StatCard({ label, children, testId, tone }: { label: string; children: ReactNode; testId?: string; tone?: 'alert' }) {
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid={testId}
      style={tone === 'alert' ? { borderColor: 'var(--mantine-color-red-4)', background: 'var(--mantine-color-red-0)' } : undefined}
    >
      <Text size="xs" c="dimmed" mb={6}>
        {label}
      </Text>
      {children}
    </Card>
  );
}
