import { Alert, Badge, Button, Card, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { auditActions, type AuditAction } from '../../../shared/audit';
import type { AuditEntry, AuditVerification, ChannelInput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { calendarLabels } from '../components/DateField';
import { EmptyRow } from '../components/EmptyRow';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterActions } from '../components/FilterActions';
import { PageHeader } from '../components/PageHeader';
import { TablePager } from '../components/TablePager';
import { useChannel } from '../components/useChannel';
import { useListQuery } from '../components/useListQuery';
import { dayjsLocale, useFormatDate, useLocale, useT } from '../i18n';
import { detailLines, targetText } from './auditFormat';

type Outcome = AuditEntry['outcome'];
const outcomes: Outcome[] = ['ok', 'denied', 'failed'];
const outcomeColors: Record<Outcome, string> = { ok: 'teal', denied: 'orange', failed: 'red' };

interface Filters {
  action: AuditAction | null;
  actorName: string;
  outcome: Outcome | null;
  dates: DatesRangeValue<string>;
}

const emptyFilters: Filters = { action: null, actorName: '', outcome: null, dates: [null, null] };

function isAuditAction(value: string | null): value is AuditAction {
  return value !== null && (auditActions as readonly string[]).includes(value);
}

function isOutcome(value: string | null): value is Outcome {
  return value !== null && (outcomes as string[]).includes(value);
}

function auditQuery(filters: Filters, page: number, pageSize: number): ChannelInput<'audit.list'> {
  const [from, to] = filters.dates;
  return {
    page,
    pageSize,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorName.trim() ? { actorName: filters.actorName.trim() } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    // The core stores UTC ISO timestamps and compares them as text: send whole local days in UTC.
    ...(from ? { from: dayjs(from).startOf('day').toDate().toISOString() } : {}),
    ...(to ? { to: dayjs(to).endOf('day').toDate().toISOString() } : {}),
  };
}

export function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  const formatDate = useFormatDate();
  const list = useListQuery(emptyFilters);
  const { draft, setDraft, apply } = list;
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<AppErrorShape | null>(null);
  // Bumped to re-read the current page (e.g. after a verification, which is itself audited).
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useChannel('audit.list', auditQuery(list.applied, list.page, list.pageSize), version);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    const result = await invoke('audit.verify', {});
    setVerifying(false);
    if (!result.ok) {
      setVerification(null);
      setVerifyError(result.error);
      return;
    }
    setVerification(result.value);
    // Verifying is itself audited: show the new entry.
    setVersion((current) => current + 1);
  };

  const actionOptions = useMemo(
    () => auditActions.map((action) => ({ value: action, label: t(`audit.action.${action}`) })),
    [t],
  );
  const outcomeOptions = useMemo(
    () => outcomes.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) })),
    [t],
  );

  return (
    <Stack gap="lg" data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button
            variant="outline"
            leftSection={<IconShieldCheck size={18} />}
            onClick={() => void verify()}
            loading={verifying}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />

      {verification &&
        (verification.ok ? (
          <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} data-testid="audit-verify-result" data-ok="true" role="status">
            {t('audit.verify.ok', { checked: verification.checked })}
          </Alert>
        ) : (
          <Alert color="red" variant="filled" icon={<IconShieldX size={18} />} data-testid="audit-verify-result" data-ok="false" role="alert">
            <Text fw={700} size="sm">
              {t('audit.verify.broken', {
                id: verification.firstBroken?.id ?? '?',
                reason: verification.firstBroken ? t(`audit.verify.reason.${verification.firstBroken.reason}`) : '',
                checked: verification.checked,
              })}
            </Text>
          </Alert>
        ))}
      <ErrorAlert error={verifyError} />

      <Card withBorder radius="md" padding="md">
        <form onSubmit={list.submit} data-testid="audit-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('audit.filter.action')}
              placeholder={t('common.all')}
              data={actionOptions}
              value={draft.action}
              onChange={(value) => list.choose({ ...draft, action: isAuditAction(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              searchable
              nothingFoundMessage={t('audit.empty')}
              data-testid="audit-filter-action"
            />
            <TextInput
              label={t('audit.filter.actor')}
              placeholder={t('audit.filter.actor.placeholder')}
              value={draft.actorName}
              maxLength={40}
              onChange={(event) => setDraft({ ...draft, actorName: event.currentTarget.value })}
              data-testid="audit-filter-actor"
            />
            <Select
              label={t('audit.filter.outcome')}
              placeholder={t('common.all')}
              data={outcomeOptions}
              value={draft.outcome}
              onChange={(value) => list.choose({ ...draft, outcome: isOutcome(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="audit-filter-outcome"
            />
            <DatePickerInput
              type="range"
              label={t('audit.filter.dates')}
              placeholder={t('audit.filter.dates.placeholder')}
              value={draft.dates}
              onChange={(value) => {
                const next = { ...draft, dates: value as DatesRangeValue<string> };
                setDraft(next);
                if ((value[0] && value[1]) || (!value[0] && !value[1])) apply(next);
              }}
              valueFormat={t('date.date')}
              locale={dayjsLocale(locale)}
              clearable
              allowSingleDateInRange
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              ariaLabels={calendarLabels(t)}
              maxDate={dayjs().format('YYYY-MM-DD')}
              data-testid="audit-filter-dates"
            />
          </SimpleGrid>
          <FilterActions onReset={list.reset} />
        </form>
      </Card>

      <ErrorAlert error={error} />

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('audit.col.at')}</Table.Th>
                <Table.Th w={170}>{t('audit.col.actor')}</Table.Th>
                <Table.Th w={170}>{t('audit.col.action')}</Table.Th>
                <Table.Th w={110}>{t('audit.col.outcome')}</Table.Th>
                <Table.Th w={110}>{t('audit.col.target')}</Table.Th>
                <Table.Th>{t('audit.col.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.map((entry) => (
                <Table.Tr
                  key={entry.id}
                  data-action={entry.action}
                  data-outcome={entry.outcome}
                  data-broken={verification?.firstBroken?.id === entry.id || undefined}
                  bg={verification?.firstBroken?.id === entry.id ? 'var(--mantine-color-red-1)' : undefined}
                >
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={`#${entry.id} ${entry.at}`}>
                      {formatDate(entry.at, 'dateTimeSeconds')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`audit.action.${entry.action}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={outcomeColors[entry.outcome]} radius="sm">
                      {t(`audit.outcome.${entry.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {targetText(t, entry)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {detailLines(t, entry).map((line, index) => (
                      <Text size="xs" key={index} c="dimmed" lh={1.5} title={line.full}>
                        {line.text}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && data.items.length === 0 && <EmptyRow colSpan={6}>{t('audit.empty')}</EmptyRow>}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePager
          page={list.page}
          pageSize={list.pageSize}
          total={data?.total ?? 0}
          totalLabel={(total) => t('audit.total', { total })}
          loading={loading}
          onChange={list.turn}
          testId="audit"
        />
      </Card>
    </Stack>
  );
}
