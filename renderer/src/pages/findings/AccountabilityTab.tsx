import { Badge, Text } from '@mantine/core';
import { useState } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import type { FindingsRights } from './FindingsModule';
import { AccountabilityDialog } from './ListItemDialogs';
import { matterColumn, OptionalText, RoundListTab } from './RoundListTab';

/** 追责问责清单 of the round. */
export function AccountabilityTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [version, setVersion] = useState(0);
  const { data, error } = useChannel('accountability.list', roundId !== null ? { roundId } : null, version);

  return (
    <RoundListTab
      kind="accountability"
      roundId={roundId}
      items={data}
      error={error}
      canCreate={rights.write}
      intro={t('findings.accountability.intro')}
      createLabel={t('findings.accountability.create')}
      createdMessage={t('findings.accountability.created')}
      emptyText={t('findings.accountability.empty')}
      testId="accountability-tab"
      tableTestId="accountability-table"
      rowTestId="accountability-row"
      columns={[
        {
          header: t('findings.accountability.kind'),
          cell: (item) => (
            <Badge variant="light" color={item.subjectKind === 'person' ? 'blue' : 'grape'} radius="sm">
              {t(`findings.accountability.kind.${item.subjectKind}`)}
            </Badge>
          ),
        },
        {
          header: t('findings.accountability.subject'),
          cell: (item) => (
            <Text size="sm" fw={500}>
              {item.subjectName}
            </Text>
          ),
        },
        matterColumn(t('findings.list.matter')),
        { header: t('findings.accountability.handling'), cell: (item) => <OptionalText value={item.proposedHandling} /> },
      ]}
      renderCreate={(id, onClose, onDone) => <AccountabilityDialog roundId={id} onClose={onClose} onDone={onDone} />}
      onCreated={() => setVersion((current) => current + 1)}
    />
  );
}
