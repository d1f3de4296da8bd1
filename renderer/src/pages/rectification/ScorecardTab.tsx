import { Card, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ScorecardRow } from '../../../../shared/contract';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { useRounds } from '../findings/pickers';
import { ScorecardPdfButtons } from './common/ScorecardPdfButtons';
import type { RectificationRights } from './labels';

type Figures = Pick<ScorecardRow, 'issued' | 'checked' | 'found' | 'fixed' | 'onTime'>;

/** 85.7% — or a dash where nothing was found. */
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

/**
 * 前置整改成绩单: per unit, over every common-problem list issued in a term (the term of the
 * round chosen above, by default) or over one list: items issued, checked, found, fixed and fixed
 * on time, with the rates; the same table as a PDF from the document engine.
 */
export function ScorecardTab({ roundId }: { roundId: number | null; rights: RectificationRights }) {
  const t = useT();
  const rounds = useRounds();
  const terms = useChannel('terms.list', {});
  const lists = useChannel('commonLists.list', {});
  const [scope, setScope] = useState<'term' | 'list'>('term');
  const [termChoice, setTermChoice] = useState<number | null>(null);
  const [listChoice, setListChoice] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const termId = termChoice ?? rounds.data?.find((r) => r.id === roundId)?.termId ?? terms.data?.[0]?.id ?? null;
  const issued = (lists.data ?? []).filter((l) => l.status === 'issued');
  const listId = listChoice ?? issued[0]?.id ?? null;
  const input = scope === 'term' ? (termId !== null ? { termId } : null) : listId !== null ? { listId } : null;
  const card = useChannel('scorecard.get', input ? { ...input, page, pageSize } : null);
  const figures = (row: Figures) => [row.issued, row.checked, row.found, row.fixed, row.onTime, percent(row.fixed, row.found), percent(row.onTime, row.found)];

  return (
    <Stack gap="md" data-testid="scorecard-tab">
      <ErrorAlert error={card.error ?? terms.error ?? lists.error} />
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end" gap="md">
            <SegmentedControl
              value={scope}
              onChange={(value) => {
                setScope(value === 'list' ? 'list' : 'term');
                setPage(1);
              }}
              data={[
                { value: 'term', label: t('scorecard.byTerm') },
                { value: 'list', label: t('scorecard.byList') },
              ]}
              aria-label={t('scorecard.scope')}
              data-testid="scorecard-scope"
            />
            {scope === 'term' ? (
              <Select
                label={t('scorecard.term')}
                data={(terms.data ?? []).map((term) => ({ value: String(term.id), label: term.name }))}
                value={termId !== null ? String(termId) : null}
                onChange={(value) => {
                  if (value) setTermChoice(Number(value));
                  setPage(1);
                }}
                allowDeselect={false}
                w={240}
                data-testid="scorecard-term"
              />
            ) : (
              <Select
                label={t('scorecard.list')}
                data={issued.map((l) => ({ value: String(l.id), label: l.title }))}
                value={listId !== null ? String(listId) : null}
                onChange={(value) => {
                  if (value) setListChoice(Number(value));
                  setPage(1);
                }}
                allowDeselect={false}
                w={320}
                data-testid="scorecard-list"
              />
            )}
          </Group>
          {input && <ScorecardPdfButtons scope={input} disabled={!card.data || card.data.total === 0} />}
        </Group>
      </Card>
      <PagedTable
        minWidth={1000}
        testId="scorecard-table"
        head={
          <>
            <Table.Th w={50}>{t('commonList.items.sequence')}</Table.Th>
            <Table.Th>{t('scorecard.unit')}</Table.Th>
            <Table.Th>{t('scorecard.region')}</Table.Th>
            <Table.Th>{t('scorecard.kind')}</Table.Th>
            {(['issued', 'checked', 'found', 'fixed', 'onTime', 'fixRate', 'onTimeRate'] as const).map((key) => (
              <Table.Th key={key} ta="right">
                {t(`scorecard.${key}`)}
              </Table.Th>
            ))}
          </>
        }
        pager={{
          page,
          pageSize,
          total: card.data?.total,
          totalLabel: (total) => t('scorecard.total', { total }),
          loading: card.loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'scorecard',
        }}
      >
        {card.data && card.data.total === 0 && <EmptyRow colSpan={11}>{t('scorecard.empty')}</EmptyRow>}
        {card.data?.rows.map((row, index) => (
          <Table.Tr key={row.unitId} data-testid="scorecard-row">
            <Table.Td>{(page - 1) * pageSize + index + 1}</Table.Td>
            <Table.Td data-testid="scorecard-unit">{row.unitName}</Table.Td>
            <Table.Td>{row.regionName ?? t('scorecard.cityLevel')}</Table.Td>
            <Table.Td>{row.kindName}</Table.Td>
            {figures(row).map((value, i) => (
              <Table.Td key={i} ta="right" data-testid="scorecard-figure">
                {value}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        {card.data && card.data.total > 0 && (
          <Table.Tr data-testid="scorecard-totals" fw={700}>
            <Table.Td />
            <Table.Td colSpan={3}>
              <Text fw={700} size="sm">
                {t('scorecard.totals')}
              </Text>
            </Table.Td>
            {figures(card.data.totals).map((value, i) => (
              <Table.Td key={i} ta="right" data-testid="scorecard-sum">
                {value}
              </Table.Td>
            ))}
          </Table.Tr>
        )}
      </PagedTable>
    </Stack>
  );
}
