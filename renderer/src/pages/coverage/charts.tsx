/** Chart pieces the coverage page and the home dashboard share. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Progress, Table, Text, Tooltip } from '@mantine/core';
import type { InspectionMode } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { modeColors, modeLabel, modeShort, percentText, percentValue } from '../registry/labels';

export interface Share {
  key: string;
  label: string;
  total: number;
  covered: number;
}

/** Covered against due, one horizontal pair of bars per kind or county (labels stay readable). */
export function CoverageBarChart({ shares, testId }: { shares: Share[]; testId?: string }) {
  const t = useT();
  const data = shares.map((share) => ({ label: share.label, total: share.total, covered: share.covered }));
  return (
    <BarChart
      h={Math.max(160, 56 + data.length * 44)}
      data={data}
      dataKey="label"
      orientation="vertical"
      series={[
        { name: 'total', label: t('coverage.total'), color: 'gray.4' },
        { name: 'covered', label: t('coverage.covered'), color: 'xuncha.7' },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 36 }}
      withBarValueLabel
      yAxisProps={{ width: 96, interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      gridAxis="y"
      valueFormatter={(value) => String(value)}
      barProps={{ radius: 2 }}
      maxBarWidth={16}
      tooltipAnimationDuration={120}
      data-testid={testId}
    />
  );
}

/** The same figures as a table: due, covered, not yet, rate with a bar. */
export function CoverageTable({ shares, firstColumn, testId }: { shares: Share[]; firstColumn: string; testId?: string }) {
  const t = useT();
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{firstColumn}</Table.Th>
          <Table.Th ta="right">{t('coverage.total')}</Table.Th>
          <Table.Th ta="right">{t('coverage.covered')}</Table.Th>
          <Table.Th ta="right">{t('coverage.uncovered')}</Table.Th>
          <Table.Th w={150}>{t('coverage.rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shares.map((share) => (
          <Table.Tr key={share.key} data-label={share.label} data-total={share.total} data-covered={share.covered}>
            <Table.Td>
              <Text size="sm">{share.label}</Text>
            </Table.Td>
            <Table.Td ta="right">{share.total}</Table.Td>
            <Table.Td ta="right">{share.covered}</Table.Td>
            <Table.Td ta="right">
              <Text size="sm" c={share.total - share.covered > 0 ? 'red.8' : 'dimmed'}>
                {share.total - share.covered}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={8} wrap="nowrap">
                <Progress value={percentValue(share.covered, share.total)} color="xuncha.7" size="sm" flex={1} aria-hidden />
                <Text size="xs" w={44} ta="right">
                  {percentText(share.covered, share.total)}
                </Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A mode as a coloured badge: short (常规) in matrix cells, full (常规巡察) elsewhere. */
export function ModeBadge({ mode, short }: { mode: InspectionMode; short?: boolean }) {
  const t = useT();
  const badge = (
    <Badge variant="light" color={modeColors[mode]} radius="sm" data-mode={mode} style={{ cursor: short ? 'default' : undefined }}>
      {short ? modeShort(t, mode) : modeLabel(t, mode)}
    </Badge>
  );
  return short ? <Tooltip label={modeLabel(t, mode)}>{badge}</Tooltip> : badge;
}
