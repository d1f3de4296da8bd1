import { Alert, Box, Stack, Tabs, Text } from '@mantine/core';
import { IconArchive, IconBook, IconDatabaseCog, IconSearch, IconShieldExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { RoundSelect, useRounds } from '../findings/pickers';
import { BorrowingTab } from './BorrowingTab';
import { DossierTab } from './DossierTab';
import { rightsOf } from './labels';
import { MaintenanceTab } from './MaintenanceTab';
import { SearchTab } from './SearchTab';

const tabKeys = ['dossier', 'search', 'maintenance', 'borrowing'] as const;
type TabKey = (typeof tabKeys)[number];
const isTabKey = (value: string | null): value is TabKey => tabKeys.includes(value as TabKey);

/** 档案: round dossiers, full-text search, the index and fixity, borrowing. */
export function ArchivesModule() {
  const t = useT();
  const { user } = useActiveStatus();
  const rights = rightsOf(user.role);
  const [tab, setTab] = useState<TabKey>('dossier');
  const [chosenRound, setChosenRound] = useState<number | null | undefined>(undefined);
  const rounds = useRounds();
  const roundId = chosenRound === undefined ? (rounds.data?.[0]?.id ?? null) : chosenRound;
  const [scheduleVersion, setScheduleVersion] = useState(0);
  const schedule = useChannel('archives.fixitySchedule', rights.write ? {} : null, scheduleVersion);

  return (
    <Stack gap="md" data-testid="archives-page">
      <PageHeader
        title={t('nav.archives')}
        subtitle={t('archives.subtitle')}
        actions={
          tab === 'dossier' && (
            <Box w={320}>
              <RoundSelect rounds={rounds.data} value={roundId} onChange={setChosenRound} label={t('archives.round')} testId="archives-round" />
            </Box>
          )
        }
      />
      <ErrorAlert error={rounds.error} />
      {schedule.data?.due && (
        <Alert color="orange" icon={<IconShieldExclamation size={18} />} data-testid="archives-fixity-due">
          {schedule.data.lastRunAt ? t('archives.fixityDue', { days: schedule.data.intervalDays }) : t('archives.fixityNever')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => isTabKey(value) && setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dossier" leftSection={<IconArchive size={16} />} data-testid="archives-tab-dossier">
            {t('archives.tab.dossier')}
          </Tabs.Tab>
          <Tabs.Tab value="search" leftSection={<IconSearch size={16} />} data-testid="archives-tab-search">
            {t('archives.tab.search')}
          </Tabs.Tab>
          {rights.write && (
            <Tabs.Tab value="maintenance" leftSection={<IconDatabaseCog size={16} />} data-testid="archives-tab-maintenance">
              {t('archives.tab.maintenance')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="borrowing" leftSection={<IconBook size={16} />} data-testid="archives-tab-borrowing">
            {t('archives.tab.borrowing')}
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          <Tabs.Panel value="dossier">
            {roundId === null ? (
              <Text c="dimmed" size="sm">
                {t('archives.noRound')}
              </Text>
            ) : (
              <DossierTab key={roundId} roundId={roundId} canWrite={rights.write} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="search">
            <SearchTab rounds={rounds.data} />
          </Tabs.Panel>
          {rights.write && (
            <Tabs.Panel value="maintenance">
              <MaintenanceTab onScheduleChanged={() => setScheduleVersion((v) => v + 1)} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="borrowing">
            <BorrowingTab />
          </Tabs.Panel>
        </Box>
      </Tabs>
    </Stack>
  );
}
