import { Box, Loader, Stack, Tabs } from '@mantine/core';
import { IconClipboardList, IconClockExclamation, IconListCheck, IconReportAnalytics, IconTrophy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { RoundSelect, useRounds } from '../findings/pickers';
import { rightsOf } from './labels';
import { LedgerTab } from './LedgerTab';
import { OverdueTab } from './OverdueTab';
import { CommonProblemsTab } from './CommonProblemsTab';
import { ScorecardTab } from './ScorecardTab';
import { ResultsLedgerTab } from './ResultsLedgerTab';

const tabKeys = ['ledger', 'overdue', 'common', 'scorecard', 'results'] as const;
type TabKey = (typeof tabKeys)[number];
const isTabKey = (value: string | null): value is TabKey => tabKeys.includes(value as TabKey);

/** The tab, round and inspection survive a lock: unlocking as the same user returns to them. */
let remembered: { userId: number; tab: TabKey; roundId: number | null | undefined; inspectionId: number | null } | null = null;

/** 整改: the ledger of each inspection (整改台账) with 销号 review, the unit's report, and what is overdue. */
export function RectificationModule() {
  const t = useT();
  const { user } = useActiveStatus();
  const mine = remembered?.userId === user.id ? remembered : null;
  const [tab, setTab] = useState<TabKey>(mine?.tab ?? 'ledger');
  // undefined: not chosen yet, so the newest round; null: all rounds (the overdue list only).
  const [chosenRound, setChosenRound] = useState<number | null | undefined>(mine?.roundId);
  const [inspectionId, setInspectionId] = useState<number | null>(mine?.inspectionId ?? null);
  const rounds = useRounds();
  const roundId = chosenRound === undefined ? (rounds.data?.[0]?.id ?? null) : chosenRound;
  const ready = rounds.data !== null || rounds.error !== null;
  const rights = rightsOf(user.role);

  useEffect(() => {
    remembered = { userId: user.id, tab, roundId: chosenRound, inspectionId };
  }, [user.id, tab, chosenRound, inspectionId]);

  return (
    <Stack gap="md" data-testid="rectification-page">
      <PageHeader
        title={t('nav.rectification')}
        subtitle={t('rectification.subtitle')}
        actions={
          <Box w={320}>
            <RoundSelect
              rounds={rounds.data}
              value={roundId}
              onChange={(next) => {
                setChosenRound(next);
                setInspectionId(null);
              }}
              label={t('findings.round.label')}
              clearable={tab === 'overdue'}
              testId="rectification-round"
            />
          </Box>
        }
      />
      <ErrorAlert error={rounds.error} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTabKey(value)) setTab(value);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="ledger" leftSection={<IconListCheck size={16} />} data-testid="rectification-tab-ledger">
            {t('rectification.tab.ledger')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" leftSection={<IconClockExclamation size={16} />} data-testid="rectification-tab-overdue">
            {t('rectification.tab.overdue')}
          </Tabs.Tab>
          <Tabs.Tab value="common" leftSection={<IconClipboardList size={16} />} data-testid="rectification-tab-common">
            {t('rectification.tab.common')}
          </Tabs.Tab>
          <Tabs.Tab value="scorecard" leftSection={<IconTrophy size={16} />} data-testid="rectification-tab-scorecard">
            {t('rectification.tab.scorecard')}
          </Tabs.Tab>
          <Tabs.Tab value="results" leftSection={<IconReportAnalytics size={16} />} data-testid="rectification-tab-results">
            {t('rectification.tab.results')}
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          {!ready && <Loader size="sm" />}
          {ready && tab === 'ledger' && <LedgerTab roundId={roundId} inspectionId={inspectionId} onInspection={setInspectionId} rights={rights} />}
          {ready && tab === 'overdue' && <OverdueTab roundId={roundId} rights={rights} key={roundId ?? 'all'} />}
          {ready && tab === 'common' && <CommonProblemsTab roundId={roundId} rights={rights} />}
          {ready && tab === 'scorecard' && <ScorecardTab roundId={roundId} rights={rights} />}
          {ready && tab === 'results' && <ResultsLedgerTab roundId={roundId} rights={rights} />}
        </Box>
      </Tabs>
    </Stack>
  );
}
