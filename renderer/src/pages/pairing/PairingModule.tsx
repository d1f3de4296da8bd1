import { Box, Loader, Select, Stack, Tabs } from '@mantine/core';
import { IconCalendarStats, IconChecklist, IconFileReport, IconListDetails, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { ArrangementTab } from './ArrangementTab';
import { CountyLedgerTab } from './CountyLedgerTab';
import { rightsOf, yearOptions } from './labels';
import { ReportTab } from './ReportTab';
import { TemplateTab } from './TemplateTab';
import { VisitsTab } from './VisitsTab';

const tabKeys = ['arrangement', 'template', 'visits', 'ledger', 'report'] as const;
type TabKey = (typeof tabKeys)[number];
const isTabKey = (value: string | null): value is TabKey => tabKeys.includes(value as TabKey);

/** The tab, year and county survive a lock: unlocking as the same user returns to them. */
let remembered: { userId: number; tab: TabKey; year: number; regionId: number | null } | null = null;

/** 包联督导 (四包联): leaders paired with county offices, supervision items, visits, self-checks, 通报. */
export function PairingModule() {
  const t = useT();
  const { user } = useActiveStatus();
  const mine = remembered?.userId === user.id ? remembered : null;
  const thisYear = dayjs().year();
  const [tab, setTab] = useState<TabKey>(mine?.tab ?? 'arrangement');
  const [year, setYear] = useState<number>(mine?.year ?? thisYear);
  const [regionId, setRegionId] = useState<number | null>(mine?.regionId ?? null);
  // Leaders and counties change from the arrangement tab; the other tabs read them afresh.
  const [version, setVersion] = useState(0);
  const overview = useChannel('pairing.overview', { year }, version);
  const rights = rightsOf(user.role);
  // With no year remembered, a year without pairings yields to the newest year that has them
  // (adjusted while rendering, React's pattern for state that follows loaded data).
  const [yearSettled, setYearSettled] = useState(mine !== null);
  if (!yearSettled && overview.data) {
    setYearSettled(true);
    const newest = overview.data.pairedYears[0];
    if (overview.data.pairings.length === 0 && newest !== undefined && newest !== year) setYear(newest);
  }

  useEffect(() => {
    remembered = { userId: user.id, tab, year, regionId };
  }, [user.id, tab, year, regionId]);

  return (
    <Stack gap="md" data-testid="pairing-page">
      <PageHeader
        title={t('nav.pairing')}
        subtitle={t('pairing.subtitle')}
        actions={
          <Box w={140}>
            <Select
              label={t('pairing.year')}
              data={yearOptions(thisYear)}
              value={String(year)}
              onChange={(next) => next && setYear(Number(next))}
              allowDeselect={false}
              data-testid="pairing-year"
            />
          </Box>
        }
      />
      <ErrorAlert error={overview.error} />
      <Tabs value={tab} onChange={(value) => isTabKey(value) && setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="arrangement" leftSection={<IconUsersGroup size={16} />} data-testid="pairing-tab-arrangement">
            {t('pairing.tab.arrangement')}
          </Tabs.Tab>
          <Tabs.Tab value="template" leftSection={<IconChecklist size={16} />} data-testid="pairing-tab-template">
            {t('pairing.tab.template')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" leftSection={<IconCalendarStats size={16} />} data-testid="pairing-tab-visits">
            {t('pairing.tab.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="ledger" leftSection={<IconListDetails size={16} />} data-testid="pairing-tab-ledger">
            {t('pairing.tab.ledger')}
          </Tabs.Tab>
          <Tabs.Tab value="report" leftSection={<IconFileReport size={16} />} data-testid="pairing-tab-report">
            {t('pairing.tab.report')}
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          {!overview.data && !overview.error && <Loader size="sm" />}
          {overview.data && tab === 'arrangement' && <ArrangementTab overview={overview.data} rights={rights} onChanged={() => setVersion((v) => v + 1)} />}
          {overview.data && tab === 'template' && <TemplateTab rights={rights} />}
          {overview.data && tab === 'visits' && <VisitsTab year={year} overview={overview.data} rights={rights} />}
          {overview.data && tab === 'ledger' && <CountyLedgerTab year={year} overview={overview.data} regionId={regionId} onRegion={setRegionId} rights={rights} />}
          {overview.data && tab === 'report' && <ReportTab year={year} rights={rights} />}
        </Box>
      </Tabs>
    </Stack>
  );
}
