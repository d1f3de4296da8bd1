import {
  Card,
  EmptyState,
  Grid,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconCircleCheck,
  IconGridDots,
  IconHistory,
  IconSparkles,
  IconTarget,
  IconArrowsJoin,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Coverage, Term } from '../../../../shared/contract';
import { inspectionModes } from '../../../../shared/domain';
import { today as todayDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { percentText, percentValue } from '../registry/labels';
import { useChannel } from '../../components/useChannel';
import { CoverageBarChart, CoverageTable, ModeBadge } from './charts';
import { CoverageMatrix } from './CoverageMatrix';
import { LookbackList } from './LookbackList';

/** The term whose full coverage matters now: the one running today, else the latest. */
export function currentTerm(terms: Term[], today: string): Term | null {
  const running = terms.filter((term) => term.startsOn <= today && (term.endsOn === null || term.endsOn >= today));
  const pool = running.length ? running : terms;
  return [...pool].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0] ?? null;
}

function StatCard({
  icon,
  label,
  value,
  hint,
  color,
  testId,
  children,
}: {
  icon: ReactNode;
  label: string;
  value: string | number;
  hint?: string;
  color: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} data-value={value}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={color} size={38} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={0} miw={0}>
          <Text size="xs" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={26} fw={700} lh={1.25} className="stat-value">
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
      </Group>
      {children}
    </Card>
  );
}

/** 全覆盖: how much of a term's due units have been inspected, by kind, county and mode; the matrix; 回头看. */
export function CoveragePage() {
  const t = useT();
  const terms = useChannel('terms.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [today] = useState(todayDate);
  const fallback = terms.data ? currentTerm(terms.data, today) : null;
  const termId = chosen !== null ? Number(chosen) : (fallback?.id ?? null);
  const coverage = useChannel('coverage.get', termId === null ? null : { termId });
  const data = coverage.data && coverage.data.termId === termId ? coverage.data : null;
  const [tab, setTab] = useState<string | null>('overview');

  const termSelect = terms.data && terms.data.length > 0 && (
    <Select
      label={t('coverage.term')}
      w={220}
      data={terms.data.map((term) => ({ value: String(term.id), label: term.name }))}
      value={termId !== null ? String(termId) : null}
      onChange={(value) => value && setChosen(value)}
      allowDeselect={false}
      data-testid="coverage-term"
    />
  );

  return (
    <Stack gap="lg" data-testid="coverage-page">
      <PageHeader title={t('coverage.title')} subtitle={t('coverage.subtitle')} actions={termSelect} />
      <ErrorAlert error={terms.error ?? coverage.error} />

      {terms.data && terms.data.length === 0 && (
        <Card withBorder radius="md" py={56}>
          <EmptyState
            icon={<IconTarget size={30} stroke={1.5} />}
            variant="light"
            color="xuncha"
            title={t('coverage.noTerm')}
            description={t('coverage.noTerm.body')}
            size="md"
          />
        </Card>
      )}

      {data && <CoverageFigures coverage={data} />}

      {data && termId !== null && (
        <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
          <Tabs.List>
            <Tabs.Tab value="overview" leftSection={<IconChartBar size={16} />} data-testid="coverage-tab-overview">
              {t('coverage.tab.overview')}
            </Tabs.Tab>
            <Tabs.Tab value="matrix" leftSection={<IconGridDots size={16} />} data-testid="coverage-tab-matrix">
              {t('coverage.tab.matrix')}
            </Tabs.Tab>
            <Tabs.Tab value="lookback" leftSection={<IconHistory size={16} />} data-testid="coverage-tab-lookback">
              {t('coverage.tab.lookback')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="lg">
            <CoverageBreakdown coverage={data} />
          </Tabs.Panel>
          <Tabs.Panel value="matrix" pt="lg">
            <CoverageMatrix termId={termId} />
          </Tabs.Panel>
          <Tabs.Panel value="lookback" pt="lg">
            <LookbackList termId={termId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function CoverageFigures({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const uncovered = coverage.total - coverage.covered;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" data-testid="coverage-figures">
      <StatCard
        icon={<IconBuildingCommunity size={20} />}
        label={t('coverage.total')}
        value={coverage.total}
        hint={t('coverage.total.hint')}
        color="gray"
        testId="coverage-total"
      />
      <StatCard
        icon={<IconCircleCheck size={20} />}
        label={t('coverage.covered')}
        value={coverage.covered}
        hint={t('coverage.covered.hint', { count: uncovered })}
        color="teal"
        testId="coverage-covered"
      />
      <StatCard
        icon={<IconTarget size={20} />}
        label={t('coverage.rate')}
        value={percentText(coverage.covered, coverage.total)}
        color="xuncha"
        testId="coverage-rate"
      >
        <Progress value={percentValue(coverage.covered, coverage.total)} color="xuncha.7" size="md" mt="sm" aria-hidden />
      </StatCard>
      <StatCard
        icon={<IconSparkles size={20} />}
        label={t('coverage.newUnits')}
        value={coverage.newUnits}
        hint={t('coverage.newUnits.hint')}
        color="blue"
        testId="coverage-new"
      />
      <StatCard
        icon={<IconArrowsJoin size={20} />}
        label={t('coverage.retired')}
        value={coverage.retiredUncovered}
        hint={t('coverage.retired.hint')}
        color="orange"
        testId="coverage-retired"
      />
    </SimpleGrid>
  );
}

function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} fz="md">
        {title}
      </Title>
      {description && (
        <Text size="xs" c="dimmed" mt={2}>
          {description}
        </Text>
      )}
      <Stack mt="md">{children}</Stack>
    </Card>
  );
}

/** Coverage by one dimension (unit kind, county): the chart beside the table, or why there is none. */
function ShareSection({ title, firstColumn, shares, testId }: { title: string; firstColumn: string; shares: Coverage['byKind']; testId: string }) {
  const t = useT();
  const due = shares.filter((share) => share.total > 0);
  return (
    <Section title={title} testId={testId}>
      {due.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coverage.nothingDue')}
        </Text>
      ) : (
        <Grid gap="lg" align="center">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <CoverageBarChart shares={due} testId={`${testId}-chart`} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <CoverageTable shares={due} firstColumn={firstColumn} testId={`${testId}-table`} />
          </Grid.Col>
        </Grid>
      )}
    </Section>
  );
}

function CoverageBreakdown({ coverage }: { coverage: Coverage }) {
  const t = useT();
  return (
    <Stack gap="lg">
      <ShareSection title={t('coverage.byKind')} firstColumn={t('registry.col.kind')} shares={coverage.byKind} testId="coverage-by-kind" />
      <ShareSection title={t('coverage.byRegion')} firstColumn={t('registry.col.region')} shares={coverage.byRegion} testId="coverage-by-region" />
      <Section title={t('coverage.byMode')} description={t('coverage.byMode.hint')} testId="coverage-by-mode">
        <Table verticalSpacing={6} maw={560} data-testid="coverage-by-mode-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coverage.mode')}</Table.Th>
              <Table.Th ta="right">{t('coverage.mode.inspections')}</Table.Th>
              <Table.Th ta="right">{t('coverage.mode.units')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspectionModes.map((mode) => {
              const row = coverage.byMode.find((entry) => entry.mode === mode) ?? { mode, inspections: 0, units: 0 };
              return (
                <Table.Tr key={mode} data-mode={mode} data-inspections={row.inspections} data-units={row.units}>
                  <Table.Td>
                    <ModeBadge mode={mode} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={row.inspections ? undefined : 'dimmed'}>
                      {row.inspections}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={row.units ? undefined : 'dimmed'}>
                      {row.units}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}
