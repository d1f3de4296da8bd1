import { Box, Loader, Stack, Tabs } from '@mantine/core';
import { IconChecklist, IconFileAlert, IconGavel, IconListDetails, IconSend, IconUserExclamation } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RoundSummary } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { AccountabilityTab } from './AccountabilityTab';
import { ChecklistTab } from './ChecklistTab';
import { CluesTab } from './CluesTab';
import { HandoversPanel } from './HandoversPanel';
import { PersonMattersTab } from './PersonMattersTab';
import { RoundSelect, useRounds } from './pickers';
import { ProblemsTab } from './ProblemsTab';

export type FindingsTabKey = 'problems' | 'checklist' | 'clues' | 'handovers' | 'accountability' | 'personMatters';
const tabKeys: readonly FindingsTabKey[] = ['problems', 'checklist', 'clues', 'handovers', 'accountability', 'personMatters'];

/** What the signed-in role may do here; the core decides again on every call. */
export interface FindingsRights {
  write: boolean;
  /** 线索管理员, and administrators only where the office allows it. */
  readClues: boolean;
  writeClues: boolean;
  editTemplates: boolean;
}

/** The tab and round survive a lock: unlocking as the same user returns to them. */
let remembered: { userId: number; tab: FindingsTabKey; roundId: number | null | undefined } | null = null;

/** Opens the module at a tab and round next time it mounts (the dashboard's links use it). */
export function openFindingsAt(userId: number, tab: FindingsTabKey, roundId: number | null): void {
  remembered = { userId, tab, roundId };
}

/** 问题与线索: problems, 是否 checklists, confidential clues, accountability and person-matter items. */
export function FindingsModule() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const [tab, setTab] = useState<FindingsTabKey>(() => (remembered?.userId === user.id ? remembered.tab : 'problems'));
  // undefined: not chosen yet, so the newest round; null: all rounds.
  const [chosenRound, setChosenRound] = useState<number | null | undefined>(() =>
    remembered?.userId === user.id ? remembered.roundId : undefined,
  );
  const rounds = useRounds();
  const roundId = chosenRound === undefined ? (rounds.data?.[0]?.id ?? null) : chosenRound;
  const round = rounds.data?.find((candidate) => candidate.id === roundId) ?? null;
  const ready = rounds.data !== null || rounds.error !== null;

  useEffect(() => {
    remembered = { userId: user.id, tab, roundId: chosenRound };
  }, [user.id, tab, chosenRound]);

  const rights: FindingsRights = {
    write: roleMay(user.role, 'records.write'),
    readClues: user.role === 'clueOfficer' || (user.role === 'admin' && settings.adminsMayReadClues),
    writeClues: roleMay(user.role, 'clues.write'),
    editTemplates: roleMay(user.role, 'settings.manage'),
  };

  return (
    <Stack gap="md" data-testid="findings-page">
      <PageHeader
        title={t('nav.findings')}
        subtitle={t('findings.subtitle')}
        actions={
          <Box w={320}>
            <RoundSelect
              rounds={rounds.data}
              value={roundId}
              onChange={setChosenRound}
              label={t('findings.round.label')}
              clearable
              testId="findings-round"
            />
          </Box>
        }
      />
      <ErrorAlert error={rounds.error} />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = tabKeys.find((key) => key === value);
          if (next) setTab(next);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="problems" leftSection={<IconListDetails size={16} />} data-testid="findings-tab-problems">
            {t('findings.tab.problems')}
          </Tabs.Tab>
          <Tabs.Tab value="checklist" leftSection={<IconChecklist size={16} />} data-testid="findings-tab-checklist">
            {t('findings.tab.checklist')}
          </Tabs.Tab>
          <Tabs.Tab value="clues" leftSection={<IconFileAlert size={16} />} data-testid="findings-tab-clues">
            {t('findings.tab.clues')}
          </Tabs.Tab>
          <Tabs.Tab value="handovers" leftSection={<IconSend size={16} />} data-testid="findings-tab-handovers">
            {t('handover.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="accountability" leftSection={<IconGavel size={16} />} data-testid="findings-tab-accountability">
            {t('findings.tab.accountability')}
          </Tabs.Tab>
          <Tabs.Tab value="personMatters" leftSection={<IconUserExclamation size={16} />} data-testid="findings-tab-personMatters">
            {t('findings.tab.personMatters')}
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          {ready ? <TabBody tab={tab} round={round} rights={rights} key={roundId ?? 'all'} /> : <Loader size="sm" />}
        </Box>
      </Tabs>
    </Stack>
  );
}

/** One tab's content, remounted when the round changes (its filters and selection start afresh). */
function TabBody({ tab, round, rights }: { tab: FindingsTabKey; round: RoundSummary | null; rights: FindingsRights }) {
  switch (tab) {
    case 'problems':
      return <ProblemsTab round={round} rights={rights} />;
    case 'checklist':
      return <ChecklistTab round={round} rights={rights} />;
    case 'clues':
      return <CluesTab round={round} rights={rights} />;
    case 'handovers':
      return <HandoversPanel round={round} rights={rights} />;
    case 'accountability':
      return <AccountabilityTab round={round} rights={rights} />;
    case 'personMatters':
      return <PersonMattersTab round={round} rights={rights} />;
  }
}
