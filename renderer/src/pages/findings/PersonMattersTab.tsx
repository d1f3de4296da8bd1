import { Text } from '@mantine/core';
import { useState } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import type { FindingsRights } from './FindingsModule';
import { PersonMatterDialog } from './ListItemDialogs';
import { matterColumn, OptionalText, RoundListTab } from './RoundListTab';

/** 点人点事清单 of the round, for the organisation department. */
export function PersonMattersTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [version, setVersion] = useState(0);
  const { data, error } = useChannel('personMatters.list', roundId !== null ? { roundId } : null, version);

  return (
    <RoundListTab
      kind="personMatters"
      roundId={roundId}
      items={data}
      error={error}
      canCreate={rights.write}
      intro={t('findings.personMatter.intro')}
      createLabel={t('findings.personMatter.create')}
      createdMessage={t('findings.personMatter.created')}
      emptyText={t('findings.personMatter.empty')}
      testId="person-matters-tab"
      tableTestId="person-matters-table"
      rowTestId="person-matter-row"
      columns={[
        {
          header: t('findings.person.name'),
          cell: (item) => (
            <Text size="sm" fw={500}>
              {item.personName}
            </Text>
          ),
        },
        { header: t('findings.person.unit'), cell: (item) => <OptionalText value={item.unit} /> },
        { header: t('findings.person.position'), cell: (item) => <OptionalText value={item.position} /> },
        matterColumn(t('findings.personMatter.matter')),
      ]}
      renderCreate={(id, onClose, onDone) => <PersonMatterDialog roundId={id} onClose={onClose} onDone={onDone} />}
      onCreated={() => setVersion((current) => current + 1)}
    />
  );
}
