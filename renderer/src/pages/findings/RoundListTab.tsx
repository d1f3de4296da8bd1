import { Card, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { fourListKinds } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { LinkedProblem } from './LinkedProblem';
import { ListTabShell } from './ListTabShell';
import { useLinkedProblems } from './ProblemPicker';

/** What every item of the round's own lists has: its matter, receiver and linked problem. */
interface ListItem {
  id: number;
  matter: string;
  problemId: number | null;
  receiverName: string | null;
}

export interface ListColumn<Item> {
  header: string;
  miw?: number;
  cell: (item: Item) => ReactNode;
}

/** A cell that may be empty: the text, or a dimmed dash. */
export function OptionalText({ value, nowrap }: { value: string | null; nowrap?: boolean }) {
  return (
    <Text size="sm" c={value ? undefined : 'dimmed'} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {value || '—'}
    </Text>
  );
}

/** The item's matter, with its line breaks. */
export function matterColumn<Item extends ListItem>(header: string): ListColumn<Item> {
  return {
    header,
    miw: 240,
    cell: (item) => (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {item.matter}
      </Text>
    ),
  };
}

/**
 * One of the lists kept per round (追责问责, 点人点事): numbered rows with the list's own columns,
 * then the receiver and the linked problem; 新增 opens the list's dialog, export is in the frame.
 */
export function RoundListTab<Item extends ListItem>({
  kind,
  roundId,
  items,
  error,
  canCreate,
  intro,
  createLabel,
  createdMessage,
  columns,
  emptyText,
  testId,
  tableTestId,
  rowTestId,
  renderCreate,
  onCreated,
}: {
  kind: (typeof fourListKinds)[number];
  roundId: number | null;
  items: Item[] | null;
  error: AppErrorShape | null;
  canCreate: boolean;
  intro: string;
  createLabel: string;
  createdMessage: string;
  /** The list's own columns, between the number and the receiver. */
  columns: ListColumn<Item>[];
  emptyText: string;
  testId: string;
  tableTestId: string;
  rowTestId: string;
  renderCreate: (roundId: number, onClose: () => void, onDone: () => void) => ReactNode;
  /** After an item was added: read the list again. */
  onCreated: () => void;
}) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const problems = useLinkedProblems((items ?? []).flatMap((item) => (item.problemId !== null ? [item.problemId] : [])));
  const done = () => {
    setCreating(false);
    notifySuccess(t, createdMessage);
    onCreated();
  };

  return (
    <ListTabShell kind={kind} roundId={roundId} intro={intro} createLabel={createLabel} onCreate={canCreate ? () => setCreating(true) : null} testId={testId}>
      <ErrorAlert error={error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid={tableTestId}>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th w={50}>{t('findings.col.index')}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.header} miw={column.miw}>
                    {column.header}
                  </Table.Th>
                ))}
                <Table.Th>{t('findings.list.receiver')}</Table.Th>
                <Table.Th>{t('findings.list.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((item, index) => (
                <Table.Tr key={item.id} data-testid={rowTestId}>
                  <Table.Td>{index + 1}</Table.Td>
                  {columns.map((column) => (
                    <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
                  ))}
                  <Table.Td>
                    <OptionalText value={item.receiverName} nowrap />
                  </Table.Td>
                  <Table.Td>
                    <LinkedProblem id={item.problemId} problems={problems} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {items && items.length === 0 && <EmptyRow colSpan={columns.length + 3}>{emptyText}</EmptyRow>}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {creating && roundId !== null && renderCreate(roundId, () => setCreating(false), done)}
    </ListTabShell>
  );
}
