import { Badge, Card, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import type { FindingsRights } from './FindingsModule';
import { AccountabilityDialog } from './ListItemDialogs';
import { ListTabShell } from './ListTabShell';
import { LinkedProblem } from './LinkedProblem';
import { useLinkedProblems } from './ProblemPicker';
import { useChannel } from '../../components/useChannel';

/** 追责问责清单 of the round. */
export function AccountabilityTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const { data, error } = useChannel('accountability.list', roundId !== null ? { roundId } : null, version);
  const problems = useLinkedProblems((data ?? []).flatMap((item) => (item.problemId !== null ? [item.problemId] : [])));

  return (
    <ListTabShell
      kind="accountability"
      roundId={roundId}
      intro={t('findings.accountability.intro')}
      createLabel={t('findings.accountability.create')}
      onCreate={rights.write ? () => setCreating(true) : null}
      testId="accountability-tab"
    >
      <ErrorAlert error={error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid="accountability-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th w={50}>{t('findings.col.index')}</Table.Th>
                <Table.Th>{t('findings.accountability.kind')}</Table.Th>
                <Table.Th>{t('findings.accountability.subject')}</Table.Th>
                <Table.Th miw={240}>{t('findings.list.matter')}</Table.Th>
                <Table.Th>{t('findings.accountability.handling')}</Table.Th>
                <Table.Th>{t('findings.list.receiver')}</Table.Th>
                <Table.Th>{t('findings.list.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data ?? []).map((item, index) => (
                <Table.Tr key={item.id} data-testid="accountability-row">
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.subjectKind === 'person' ? 'blue' : 'grape'} radius="sm">
                      {t(`findings.accountability.kind.${item.subjectKind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.subjectName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {item.matter}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.proposedHandling ? undefined : 'dimmed'}>
                      {item.proposedHandling || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.receiverName ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {item.receiverName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LinkedProblem id={item.problemId} problems={problems} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text ta="center" c="dimmed" py="xl">
                      {t('findings.accountability.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {creating && roundId !== null && (
        <AccountabilityDialog
          roundId={roundId}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            notifySuccess(t, t('findings.accountability.created'));
            setVersion((current) => current + 1);
          }}
        />
      )}
    </ListTabShell>
  );
}
