import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  DataList,
  EmptyState,
  Grid,
  Group,
  Progress,
  RingProgress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconArrowRight,
  IconBuildingCommunity,
  IconChartDonut,
  IconClockExclamation,
  IconFlag,
  IconMapPin,
  IconShieldLock,
  IconTarget,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/contract';
import { permissions, roleMay } from '../../../../shared/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import type { PageKey } from '../../shell/nav';
import { useActiveStatus } from '../../state/status';
import { modeColors, modeLabel, percentText, percentValue } from '../registry/labels';
import { useChannel } from '../../components/useChannel';
import { openFindingsAt } from '../findings/FindingsModule';
import { OverdueHandoversTable } from '../findings/OverdueHandovers';
import { OverdueRectificationCard } from '../rectification/OverdueRectificationCard';
import { MaintenanceReminders } from './MaintenanceReminders';

/** Overdue hand-overs listed on the dashboard; the rest are in the register. */
const OVERDUE_SHOWN = 8;

function thisYear(): number {
  return new Date().getFullYear();
}

/**
 * The year the dashboard opens on: this year if it has rounds, else the latest year that has
 * (an office looking at its work in January still sees last year's), else this year.
 */
export function defaultYear(roundYears: number[], current: number): number {
  if (roundYears.length === 0 || roundYears.includes(current)) return current;
  return Math.max(...roundYears);
}

function Panel({ icon, title, children, testId, action }: { icon: ReactNode; title: string; children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} data-testid={testId} h="100%">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="xuncha" size={34} radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Title order={3} fz="md">
            {title}
          </Title>
        </Group>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function StatCard({ icon, label, value, unit, testId }: { icon: ReactNode; label: string; value: number; unit: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} data-value={value}>
      <Group gap="md" wrap="nowrap">
        <ThemeIcon variant="light" color="xuncha" size={44} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={0}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Group gap={4} align="baseline">
            <Text fz={30} fw={700} lh={1.2}>
              {value}
            </Text>
            <Text size="sm" c="dimmed">
              {unit}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/** 首页: the year's work at a glance, the term's coverage, and who is signed in where. */
export function DashboardPage({ onNavigate }: { onNavigate: (key: PageKey) => void }) {
  const t = useT();
  const { office, user, settings } = useActiveStatus();
  const [current] = useState(thisYear);
  const rounds = useChannel('rounds.list', {});
  const roundYears = useMemo(() => [...new Set((rounds.data ?? []).map((round) => round.year))], [rounds.data]);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? (rounds.data ? defaultYear(roundYears, current) : null);
  const dashboard = useChannel('dashboard.get', year === null ? null : { year });
  const data = dashboard.data && dashboard.data.year === year ? dashboard.data : null;
  const years = useMemo(() => [...new Set([current, ...roundYears])].sort((a, b) => b - a), [current, roundYears]);
  const granted = permissions.filter((permission) => user.permissions.includes(permission));
  const canSeeCoverage = roleMay(user.role, 'records.read');
  const overdue = useChannel('handover.overdue', canSeeCoverage ? {} : null);
  const openRegister = (roundId: number | null) => {
    openFindingsAt(user.id, 'handovers', roundId);
    onNavigate('findings');
  };

  const yearSelect = (
    <Select
      label={t('dashboard.year')}
      w={140}
      data={years.map((value) => ({ value: String(value), label: t('registry.year', { year: value }) }))}
      value={year !== null ? String(year) : null}
      onChange={(value) => value && setChosen(Number(value))}
      allowDeselect={false}
      data-testid="dashboard-year"
    />
  );

  return (
    <Stack gap="lg" data-testid="home-page">
      <PageHeader title={t('home.greeting', { name: user.displayName })} subtitle={t('home.intro')} actions={yearSelect} />
      <ErrorAlert error={rounds.error ?? dashboard.error ?? overdue.error} />

      {data && (
        <>
          <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md" data-testid="dashboard-stats" data-year={data.year}>
            <StatCard icon={<IconFlag size={22} />} label={t('dashboard.rounds')} value={data.rounds} unit={t('dashboard.unit.rounds')} testId="dashboard-rounds" />
            <StatCard icon={<IconUsersGroup size={22} />} label={t('dashboard.groups')} value={data.groups} unit={t('dashboard.unit.groups')} testId="dashboard-groups" />
            <StatCard icon={<IconUsers size={22} />} label={t('dashboard.people')} value={data.peopleDrawn} unit={t('dashboard.unit.people')} testId="dashboard-people" />
            <StatCard
              icon={<IconBuildingCommunity size={22} />}
              label={t('dashboard.inspections')}
              value={data.inspections}
              unit={t('dashboard.unit.inspections')}
              testId="dashboard-inspections"
            />
          </SimpleGrid>

          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Panel icon={<IconChartDonut size={20} />} title={t('dashboard.byMode', { year: data.year })} testId="dashboard-by-mode">
                <ModeChart dashboard={data} />
              </Panel>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Panel icon={<IconMapPin size={20} />} title={t('dashboard.byRegion', { year: data.year })} testId="dashboard-by-region">
                <RegionChart dashboard={data} />
              </Panel>
            </Grid.Col>
          </Grid>

          {canSeeCoverage && (
            <Panel
              icon={<IconTarget size={20} />}
              title={t('dashboard.coverage')}
              testId="dashboard-coverage"
              action={
                data.coverage && (
                  <Button variant="subtle" size="xs" rightSection={<IconArrowRight size={14} />} onClick={() => onNavigate('coverage')}>
                    {t('dashboard.coverage.open')}
                  </Button>
                )
              }
            >
              <CoverageProgress dashboard={data} />
            </Panel>
          )}
        </>
      )}

      {overdue.data && (
        <Panel
          icon={<IconClockExclamation size={20} />}
          title={overdue.data.length > 0 ? t('handover.dashboard.title', { count: overdue.data.length }) : t('handover.dashboard.titleNone')}
          testId="dashboard-overdue"
          action={
            <Button variant="subtle" size="xs" rightSection={<IconArrowRight size={14} />} onClick={() => openRegister(null)} data-testid="dashboard-overdue-open">
              {t('handover.dashboard.register')}
            </Button>
          }
        >
          <OverdueHandoversTable rows={overdue.data.slice(0, OVERDUE_SHOWN)} onOpen={(row) => openRegister(row.roundId)} />
          {overdue.data.length > OVERDUE_SHOWN && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('handover.dashboard.more', { count: overdue.data.length - OVERDUE_SHOWN })}
            </Text>
          )}
        </Panel>
      )}

      <MaintenanceReminders onNavigate={onNavigate} />

      {roleMay(user.role, 'rectification.read') && <OverdueRectificationCard onOpen={() => onNavigate('rectification')} />}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Panel icon={<IconBuildingCommunity size={20} />} title={t('home.office')}>
          <DataList labelWidth={90}>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.name')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="home-office-name">{office.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.fondsCode')}</DataList.ItemLabel>
              <DataList.ItemValue>{office.fondsCode}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.level')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`level.${office.level}`)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Panel>
        <Panel icon={<IconUserCircle size={20} />} title={t('home.user')}>
          <DataList labelWidth={90}>
            <DataList.Item>
              <DataList.ItemLabel>{t('accounts.displayName')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {user.displayName}
                <Text span size="xs" c="dimmed" ml="xs">
                  {user.username}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.user.role')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Text span fw={500} size="sm" data-testid="home-role">
                  {t(`role.${user.role}`)}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.user.permissions')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Group gap={4}>
                  {granted.map((permission) => (
                    <Badge key={permission} variant="outline" color="gray" radius="sm" fw={500} size="sm">
                      {t(`permission.${permission}`)}
                    </Badge>
                  ))}
                </Group>
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Panel>
        <Panel icon={<IconShieldLock size={20} />} title={t('home.security')}>
          <Text size="sm" lh={1.7}>
            {t('home.security.body', { minutes: settings.idleLockMinutes })}
          </Text>
          <Group mt="sm">
            <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('settings')}>
              {t('home.security.link')}
            </Anchor>
          </Group>
        </Panel>
      </SimpleGrid>
    </Stack>
  );
}

function NoData({ text }: { text: string }) {
  return (
    <EmptyState icon={<IconChartDonut size={26} stroke={1.5} />} variant="light" color="gray" title={text} size="sm" py="lg" />
  );
}

function ModeChart({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const used = dashboard.byMode.filter((entry) => entry.count > 0);
  if (used.length === 0) return <NoData text={t('dashboard.noInspections')} />;
  const data = used.map((entry) => ({ name: modeLabel(t, entry.mode), value: entry.count, color: `${modeColors[entry.mode]}.6` }));
  return (
    <Group gap="xl" wrap="nowrap" align="center" justify="center">
      <DonutChart
        data={data}
        size={180}
        thickness={28}
        withTooltip
        tooltipDataSource="segment"
        chartLabel={t('dashboard.byMode.total', { count: dashboard.inspections })}
        paddingAngle={used.length > 1 ? 2 : 0}
        data-testid="dashboard-mode-chart"
      />
      <Stack gap={6} data-testid="dashboard-mode-legend">
        {used.map((entry) => (
          <Group key={entry.mode} gap={8} wrap="nowrap" data-mode={entry.mode} data-count={entry.count}>
            <Badge variant="filled" color={`${modeColors[entry.mode]}.6`} size="xs" circle aria-hidden>
              {' '}
            </Badge>
            <Text size="sm" w={96}>
              {modeLabel(t, entry.mode)}
            </Text>
            <Text size="sm" fw={600}>
              {entry.count}
            </Text>
            <Text size="xs" c="dimmed">
              {percentText(entry.count, dashboard.inspections)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

function RegionChart({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  if (dashboard.byRegion.length === 0) return <NoData text={t('dashboard.noInspections')} />;
  return (
    <BarChart
      h={240}
      data={dashboard.byRegion.map((entry) => ({ label: entry.label, count: entry.count }))}
      dataKey="label"
      series={[{ name: 'count', label: t('dashboard.inspections'), color: 'xuncha.7' }]}
      withBarValueLabel
      xAxisProps={{ interval: 0 }}
      yAxisProps={{ allowDecimals: false, width: 36 }}
      gridAxis="x"
      valueFormatter={(value) => String(value)}
      maxBarWidth={40}
      barProps={{ radius: 2 }}
      tooltipAnimationDuration={120}
      data-testid="dashboard-region-chart"
    />
  );
}

function CoverageProgress({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const coverage = dashboard.coverage;
  if (!coverage) {
    return (
      <Text size="sm" c="dimmed" data-testid="dashboard-coverage-none">
        {t('dashboard.coverage.noTerm', { year: dashboard.year })}
      </Text>
    );
  }
  const kinds = coverage.byKind.filter((share) => share.total > 0);
  return (
    <Group gap="xl" align="center" wrap="wrap" data-testid="dashboard-coverage-figures" data-total={coverage.total} data-covered={coverage.covered}>
      <RingProgress
        size={150}
        thickness={14}
        roundCaps
        sections={[{ value: percentValue(coverage.covered, coverage.total), color: 'xuncha.7' }]}
        label={
          <Stack gap={0} align="center">
            <Text fw={700} fz={22} data-testid="dashboard-coverage-rate">
              {percentText(coverage.covered, coverage.total)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('coverage.rate')}
            </Text>
          </Stack>
        }
      />
      <Stack gap={4} miw={200}>
        <Text fw={600}>{coverage.termName}</Text>
        <Text size="sm">{t('dashboard.coverage.line', { covered: coverage.covered, total: coverage.total })}</Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.coverage.extra', { newUnits: coverage.newUnits, retired: coverage.retiredUncovered })}
        </Text>
      </Stack>
      {kinds.length > 0 && (
        <Stack gap={8} flex={1} miw={280} maw={520}>
          {kinds.map((share) => (
            <Group key={share.key} gap="sm" wrap="nowrap">
              <Text size="xs" w={84} truncate>
                {share.label}
              </Text>
              <Progress value={percentValue(share.covered, share.total)} color="xuncha.7" size="md" flex={1} aria-hidden />
              <Text size="xs" w={56} ta="right" c="dimmed">
                {share.covered}/{share.total}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Group>
  );
}
