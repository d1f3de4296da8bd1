import { Card, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import type { FindingsRights } from './FindingsModule';
import { LinkedProblem } from './LinkedProblem';
import { PersonMatterDialog } from './ListItemDialogs';
import { ListTabShell } from './ListTabShell';
import { useLinkedProblems } from './ProblemPicker';
import { useChannel } from '../../components/useChannel';

/** 点人点事清单 of the round, for the organisation department. */
export function PersonMattersTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const { data, error } = useChannel('personMatters.list', roundId !== null ? { roundId } : null, version);
  const problems = useLinkedProblems((data ?? []).flatMap((item) => (item.problemId !== null ? [item.problemId] : [])));

  return (
    <ListTabShell
      kind="personMatters"
      roundId={roundId}
      intro={t('findings.personMatter.intro')}
      createLabel={t('findings.personMatter.create')}
      onCreate={rights.write ? () => setCreating(true) : null}
      testId="person-matters-tab"
    >
      <ErrorAlert error={error} />
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid="person-matters-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th w={50}>{t('findings.col.index')}</Table.Th>
                <Table.Th>{t('findings.person.name')}</Table.Th>
                <Table.Th>{t('findings.person.unit')}</Table.Th>
                <Table.Th>{t('findings.person.position')}</Table.Th>
                <Table.Th miw={240}>{t('findings.personMatter.matter')}</Table.Th>
                <Table.Th>{t('findings.list.receiver')}</Table.Th>
                <Table.Th>{t('findings.list.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data ?? []).map((item, index) => (
                <Table.Tr key={item.id} data-testid="person-matter-row">
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.personName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.unit ? undefined : 'dimmed'}>
                      {item.unit || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.position ? undefined : 'dimmed'}>
                      {item.position || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {item.matter}
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
                      {t('findings.personMatter.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {creating && roundId !== null && (
        <PersonMatterDialog
          roundId={roundId}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            notifySuccess(t, t('findings.personMatter.created'));
            setVersion((current) => current + 1);
          }}
        />
      )}
    </ListTabShell>
  );
}
