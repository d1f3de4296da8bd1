import { Card, Table, type MantineSpacing } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { TablePager } from './TablePager';

/**
 * A server-paged list in a card: the table scrolls sideways below `minWidth` rather than
 * squeezing its columns, and the pager sits under it. `head` is the header cells, `children`
 * the body rows (with the EmptyRow when there are none).
 */
export function PagedTable({
  minWidth,
  testId,
  head,
  children,
  pager,
  verticalSpacing = 'xs',
  horizontalSpacing = 'sm',
  headNoWrap = true,
}: {
  minWidth: number;
  testId: string;
  head: ReactNode;
  children: ReactNode;
  pager: ComponentProps<typeof TablePager>;
  verticalSpacing?: MantineSpacing;
  horizontalSpacing?: MantineSpacing;
  /** Header labels stay on one line (the column widens instead). */
  headNoWrap?: boolean;
}) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing={verticalSpacing} horizontalSpacing={horizontalSpacing} data-testid={testId}>
          <Table.Thead style={headNoWrap ? { whiteSpace: 'nowrap' } : undefined}>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TablePager {...pager} />
    </Card>
  );
}
