import {
  Badge,
  Card,
  Group,
  Loader,
  Pagination,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { chineseNumber } from '../../../../shared/format';
import { inspectionModes } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { kindOptions, regionLabel, regionOptions } from '../registry/labels';
import { StatusBadge } from '../registry/StatusBadge';
import { useChannel } from '../../components/useChannel';
import { ModeBadge } from './charts';

type CoverageFilter = 'all' | 'covered' | 'uncovered';
const PAGE_SIZE = 50;
/** The unit name stays in view while the rounds scroll sideways. */
const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

/**
 * Units × rounds of the term: each cell the mode the unit was inspected in that round. A unit is
 * covered by any inspection other than a 回头看 (the rule of coverage-service).
 */
export function CoverageMatrix({ termId }: { termId: number }) {
  const t = useT();
  const catalogs = useChannel('catalogs.get', {});
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 300);
  const [kindId, setKindId] = useState<string | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [coverage, setCoverage] = useState<CoverageFilter>('all');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useChannel('coverage.matrix', {
    termId,
    coverage,
    ...(query ? { text: query } : {}),
    ...(kindId ? { kindId: Number(kindId) } : {}),
    ...(regionId !== null ? { regionId: Number(regionId) } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filtered = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };

  return (
    <Stack gap="md" data-testid="coverage-matrix">
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            label={t('registry.filter.text')}
            placeholder={t('registry.filter.text.placeholder')}
            value={text}
            maxLength={80}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setPage(1);
            }}
            leftSection={<IconSearch size={16} />}
            data-testid="matrix-filter-text"
          />
          <Select
            label={t('registry.col.kind')}
            placeholder={t('common.all')}
            data={kindOptions(catalogs.data)}
            value={kindId}
            onChange={filtered(setKindId)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data-testid="matrix-filter-kind"
          />
          <Select
            label={t('registry.col.region')}
            placeholder={t('common.all')}
            data={regionOptions(t, catalogs.data)}
            value={regionId}
            onChange={filtered(setRegionId)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data-testid="matrix-filter-region"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('coverage.matrix.show')}
            </Text>
            <SegmentedControl
              value={coverage}
              onChange={(value) => filtered(setCoverage)(value as CoverageFilter)}
              data={[
                { value: 'all', label: t('common.all') },
                { value: 'covered', label: t('coverage.covered') },
                { value: 'uncovered', label: t('coverage.uncovered') },
              ]}
              data-testid="matrix-filter-coverage"
            />
          </Stack>
        </SimpleGrid>
      </Card>

      <Group gap="xs" aria-label={t('coverage.matrix.legend')}>
        <Text size="xs" c="dimmed">
          {t('coverage.matrix.legend')}
        </Text>
        {inspectionModes.map((mode) => (
          <ModeBadge key={mode} mode={mode} />
        ))}
      </Group>

      <ErrorAlert error={error} />

      <Card withBorder radius="md" padding={0}>
        <ScrollArea type="auto" offsetScrollbars="x">
          <Table
            striped
            highlightOnHover
            withColumnBorders
            verticalSpacing={6}
            horizontalSpacing="sm"
            miw={560 + (data?.rounds.length ?? 0) * 84}
            data-testid="matrix-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={sticky} miw={220}>
                  {t('registry.col.name')}
                </Table.Th>
                <Table.Th w={100}>{t('registry.col.kind')}</Table.Th>
                <Table.Th w={96}>{t('registry.col.region')}</Table.Th>
                <Table.Th w={84}>{t('coverage.matrix.covered')}</Table.Th>
                {data?.rounds.map((round) => (
                  <Table.Th key={round.id} w={84} ta="center" data-round={round.number}>
                    <Tooltip label={round.label}>
                      <span>{t('coverage.matrix.round', { number: chineseNumber(round.number) })}</span>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.rows.map((row) => {
                const covered = row.cells.some((cell) => cell !== null && cell !== 'lookback');
                return (
                  <Table.Tr key={row.unitId} data-unit-name={row.unitName} data-covered={covered}>
                    <Table.Td style={sticky}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {row.unitName}
                        </Text>
                        {(row.status === 'merged' || row.status === 'abolished') && <StatusBadge status={row.status} on={null} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.kindName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{regionLabel(t, row.regionName)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant={covered ? 'light' : 'outline'} color={covered ? 'teal' : 'red'} radius="sm" size="sm">
                        {covered ? t('coverage.covered') : t('coverage.uncovered')}
                      </Badge>
                    </Table.Td>
                    {row.cells.map((cell, index) => (
                      <Table.Td key={data.rounds[index]?.id ?? index} ta="center" data-cell={cell ?? ''}>
                        {cell ? (
                          <ModeBadge mode={cell} short />
                        ) : (
                          <Text size="xs" c="gray.4" aria-label={t('coverage.matrix.none')}>
                            ·
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              {data && data.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4 + data.rounds.length}>
                    <Text ta="center" c="dimmed" py="xl">
                      {t('registry.empty.filtered')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        <Group justify="space-between" p="md" gap="md">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="matrix-total">
              {t('registry.total', { total: data?.total ?? 0 })}
            </Text>
            {loading && <Loader size="xs" />}
          </Group>
          <Pagination
            total={totalPages}
            value={page}
            onChange={setPage}
            size="sm"
            withEdges
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          />
        </Group>
      </Card>
    </Stack>
  );
}
