import { Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ArchiveFilter, ArchiveKind, Retention, RoundSummary } from '../../../../shared/contract';
import type { Classification } from '../../../../shared/documents';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';
import { useFormatDate, useT } from '../../i18n';
import { RoundSelect } from '../findings/pickers';
import { UnitPicker, type UnitRef } from '../registry/UnitPicker';
import { ItemFiles } from './DossierItems';
import { classificationOptions, kindOptions, retentionOptions } from './labels';
import { Snippet } from './Snippet';

type Filters = ArchiveFilter & { query: string };

/** Full-text search of the archives: ranked results with the hits marked; the core leaves out what the reader may not see. */
export function SearchTab({ rounds }: { rounds: RoundSummary[] | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  const q = useListQuery<Filters>({ query: '' });
  const { query, ...filter } = q.applied;
  const result = useChannel('archives.search', query.trim() ? { query: query.trim(), ...filter, page: q.page, pageSize: q.pageSize } : null);
  const [yearText, setYearText] = useState<number | string>('');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const any = t('archives.filter.any');
  const data = result.data;

  return (
    <Stack gap="md" data-testid="archives-search">
      <Card withBorder radius="md" padding="md">
        <form onSubmit={q.submit} role="search">
          <Stack gap="sm">
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('archives.search.query')}
                placeholder={t('archives.search.placeholder')}
                value={q.draft.query}
                onChange={(e) => q.setDraft({ ...q.draft, query: e.currentTarget.value })}
                maxLength={100}
                style={{ flex: 1 }}
                data-testid="archives-search-query"
                data-autofocus
              />
              <Button type="submit" leftSection={<IconSearch size={16} />} data-testid="archives-search-submit">
                {t('archives.search.submit')}
              </Button>
            </Group>
            <Group gap="sm" wrap="wrap">
              <NumberInput
                label={t('archives.filter.year')}
                placeholder={any}
                value={yearText}
                min={1949}
                max={2100}
                allowDecimal={false}
                w={110}
                onChange={(v) => {
                  setYearText(v);
                  q.setDraft({ ...q.draft, year: typeof v === 'number' ? v : undefined });
                }}
              />
              <Select label={t('archives.field.retention')} placeholder={any} clearable data={retentionOptions(t)} value={q.draft.retention ?? null} w={130} onChange={(v) => q.choose({ ...q.draft, retention: (v as Retention | null) ?? undefined })} />
              <Select
                label={t('archives.field.classification')}
                placeholder={any}
                clearable
                data={classificationOptions(t)}
                value={q.draft.classification ?? null}
                w={120}
                onChange={(v) => q.choose({ ...q.draft, classification: (v as Classification | null) ?? undefined })}
              />
              <Select label={t('archives.field.kind')} placeholder={any} clearable data={kindOptions(t)} value={q.draft.kind ?? null} w={180} onChange={(v) => q.choose({ ...q.draft, kind: (v as ArchiveKind | null) ?? undefined })} />
              <div style={{ width: 280 }}>
                <RoundSelect rounds={rounds} value={q.draft.roundId ?? null} onChange={(v) => q.choose({ ...q.draft, roundId: v ?? undefined })} label={t('archives.round')} clearable />
              </div>
              <div style={{ width: 240 }}>
                <UnitPicker
                  label={t('archives.field.unit')}
                  placeholder={any}
                  value={unit}
                  onChange={(next) => {
                    setUnit(next);
                    q.choose({ ...q.draft, unitId: next?.id ?? undefined });
                  }}
                  testId="archives-search-unit"
                />
              </div>
            </Group>
          </Stack>
        </form>
      </Card>
      <ErrorAlert error={result.error} />
      {data && (
        <Text size="sm" c="dimmed" data-testid="archives-search-summary">
          {t(data.totalIsLowerBound ? 'archives.search.totalMore' : 'archives.search.total', { total: data.total })} · {t(data.ranked ? 'archives.search.ranked' : 'archives.search.newest')}
        </Text>
      )}
      <PagedTable
        minWidth={900}
        testId="archives-results"
        head={
          <>
            <Table.Th>{t('archives.col.archiveCode')}</Table.Th>
            <Table.Th>{t('archives.col.title')}</Table.Th>
            <Table.Th style={{ width: '45%' }}>{t('archives.col.snippet')}</Table.Th>
            <Table.Th>{t('archives.col.date')}</Table.Th>
            <Table.Th>{t('archives.col.files')}</Table.Th>
          </>
        }
        pager={{
          page: q.page,
          pageSize: q.pageSize,
          total: data?.total,
          totalIsLowerBound: data?.totalIsLowerBound,
          totalLabel: (total) => t('archives.search.total', { total }),
          loading: result.loading,
          onChange: q.turn,
          testId: 'archives-results',
        }}
      >
        {!query.trim() && <EmptyRow colSpan={5}>{t('archives.search.prompt')}</EmptyRow>}
        {data?.items.length === 0 && <EmptyRow colSpan={5}>{t('archives.search.empty')}</EmptyRow>}
        {query.trim() &&
          data?.items.map(({ item, snippet }) => (
            <Table.Tr key={item.id} data-testid="archives-result" data-code={item.archiveCode}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {item.archiveCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.displayTitle}</Text>
                <Text size="xs" c="dimmed">
                  {[t(`archives.kind.${item.kind}`), item.roundLabel, t(`documents.classification.${item.classification}`)].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Snippet pieces={snippet} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.docDate, 'date')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ItemFiles item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
      </PagedTable>
    </Stack>
  );
}
