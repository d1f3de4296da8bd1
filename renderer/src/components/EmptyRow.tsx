import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The one row of an empty table: why it is empty, across every column. */
export function EmptyRow({ colSpan, children, py = 'xl' }: { colSpan: number; children: ReactNode; py?: 'md' | 'lg' | 'xl' }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text ta="center" c="dimmed" py={py}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
