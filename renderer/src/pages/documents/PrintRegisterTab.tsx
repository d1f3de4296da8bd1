import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { classifications, type Classification } from '../../../../shared/documents';
import { printPurposes, type PrintPurpose } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';
import { useFormatDate, useT } from '../../i18n';
import { copyRange } from './files';
import { ClassificationBadge } from './labels';

interface Filters {
  text: string;
  purpose: PrintPurpose | null;
  classification: Classification | null;
  from: string | null;
  to: string | null;
}
const noFilters: Filters = { text: '', purpose: null, classification: null, from: null, to: null };
const outcomeColors = { pending: 'yellow', done: 'teal', failed: 'red' } as const;

/** 印制登记: who printed or exported what, when, how many copies and which 份号; newest first. */
export function PrintRegisterTab({ roundId }: { roundId: number | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  const query = useListQuery<Filters>(noFilters);
  const { applied, draft, setDraft } = query;
  const list = useChannel('printRegister.list', {
    ...(roundId !== null ? { roundId } : {}),
    ...(applied.text.trim() ? { text: applied.text.trim() } : {}),
    ...(applied.purpose ? { purpose: applied.purpose } : {}),
    ...(applied.classification ? { classification: applied.classification } : {}),
    ...(applied.from ? { from: applied.from } : {}),
    ...(applied.to ? { to: applied.to } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  const rows = list.data?.items ?? [];

  return (
    <Stack gap="md" data-testid="print-register-tab">
      <Card withBorder radius="md" padding="md" component="form" onSubmit={query.submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput label={t('documents.register.filter.text')} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })} maxLength={100} data-testid="register-filter-text" />
          <Select
            label={t('documents.register.col.purpose')}
            placeholder={t('documents.filter.all')}
            data={printPurposes.map((value) => ({ value, label: t(`documents.purpose.${value}`) }))}
            value={draft.purpose}
            onChange={(value) => setDraft({ ...draft, purpose: (value as PrintPurpose | null) ?? null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <Select
            label={t('documents.col.classification')}
            placeholder={t('documents.filter.all')}
            data={classifications.map((value) => ({ value, label: t(`documents.classification.${value}`) }))}
            value={draft.classification}
            onChange={(value) => setDraft({ ...draft, classification: (value as Classification | null) ?? null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <DateField label={t('documents.register.filter.from')} value={draft.from} onChange={(value) => setDraft({ ...draft, from: value })} maxDate={draft.to} />
          <DateField label={t('documents.register.filter.to')} value={draft.to} onChange={(value) => setDraft({ ...draft, to: value })} minDate={draft.from} />
        </SimpleGrid>
        <FilterActions onReset={query.reset} submitTestId="register-filter-submit" />
      </Card>
      <ErrorAlert error={list.error} />
      <PagedTable
        minWidth={1200}
        testId="print-register-table"
        head={
          <>
            <Table.Th>{t('documents.register.col.at')}</Table.Th>
            <Table.Th miw={200}>{t('documents.register.col.title')}</Table.Th>
            <Table.Th>{t('documents.col.version')}</Table.Th>
            <Table.Th>{t('documents.register.col.purpose')}</Table.Th>
            <Table.Th>{t('documents.col.classification')}</Table.Th>
            <Table.Th>{t('documents.register.col.copies')}</Table.Th>
            <Table.Th>{t('documents.register.col.numbers')}</Table.Th>
            <Table.Th>{t('documents.register.col.pages')}</Table.Th>
            <Table.Th>{t('documents.register.col.by')}</Table.Th>
            <Table.Th>{t('documents.register.col.outcome')}</Table.Th>
          </>
        }
        pager={{
          page: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          totalLabel: (total) => t('documents.register.total', { total }),
          loading: list.loading,
          onChange: query.turn,
          testId: 'register-pager',
        }}
      >
        {list.data && rows.length === 0 && <EmptyRow colSpan={10}>{t('documents.register.empty')}</EmptyRow>}
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="register-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.printedAt)}</Table.Td>
            <Table.Td>
              <Text size="sm">{row.title}</Text>
              {row.listKind && (
                <Text size="xs" c="dimmed">
                  {t('documents.register.fourList')}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.version !== null ? t('documents.versionNumber', { version: row.version }) : '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`documents.purpose.${row.purpose}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ClassificationBadge classification={row.classification} period={row.classificationPeriod} />
            </Table.Td>
            <Table.Td>{row.copies}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="register-numbers">
              {copyRange(row.firstCopy, row.lastCopy) || '—'}
            </Table.Td>
            <Table.Td>{row.pages ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.printedBy}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Group gap={4} wrap="nowrap">
                <Badge color={outcomeColors[row.outcome]} variant="light" miw="max-content">
                  {t(`documents.register.outcome.${row.outcome}`)}
                </Badge>
                {row.watermark && (
                  <Badge color="gray" variant="outline">
                    {t('documents.register.watermark')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
    </Stack>
  );
}
