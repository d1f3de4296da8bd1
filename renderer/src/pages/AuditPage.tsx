import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconRefresh, IconSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { auditActions, type AuditAction } from '../../../shared/audit';
import type { AuditEntry, AuditVerification } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useFormatDate, useLocale, useT } from '../i18n';
import { detailLines, targetText } from './auditFormat';

type Outcome = AuditEntry['outcome'];
const outcomes: Outcome[] = ['ok', 'denied', 'failed'];
const outcomeColors: Record<Outcome, string> = { ok: 'teal', denied: 'orange', failed: 'red' };
const pageSizes = [20, 50, 100];

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

export function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  const formatDate = useFormatDate();
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [applied, setApplied] = useState<Filters>(emptyFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ items: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<AppErrorShape | null>(null);
  // Bumped to re-read the current page (e.g. after a verification, which is itself audited).
  const [version, setVersion] = useState(0);
  const query = useMemo(() => ({ filters: applied, page, pageSize, version }), [applied, page, pageSize, version]);
  const [loadedQuery, setLoadedQuery] = useState<typeof query | null>(null);
  const loading = loadedQuery !== query;

  useEffect(() => {
    let cancelled = false;
    const [from, to] = query.filters.dates;
    void invoke('audit.list', {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.filters.action ? { action: query.filters.action } : {}),
      ...(query.filters.actorName.trim() ? { actorName: query.filters.actorName.trim() } : {}),
      ...(query.filters.outcome ? { outcome: query.filters.outcome } : {}),
      // The core stores UTC ISO timestamps and compares them as text: send whole local days in UTC.
      ...(from ? { from: dayjs(from).startOf('day').toDate().toISOString() } : {}),
      ...(to ? { to: dayjs(to).endOf('day').toDate().toISOString() } : {}),
    }).then((result) => {
      if (cancelled) return;
      setLoadedQuery(query);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setData(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [query]);

  const apply = (next: Filters) => {
    setApplied(next);
    setPage(1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  const reset = () => {
    setDraft(emptyFilters);
    apply(emptyFilters);
  };

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
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;

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
        <form onSubmit={submit} data-testid="audit-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('audit.filter.action')}
              placeholder={t('common.all')}
              data={actionOptions}
              value={draft.action}
              onChange={(value) => {
                const next = { ...draft, action: isAuditAction(value) ? value : null };
                setDraft(next);
                apply(next);
              }}
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
              onChange={(value) => {
                const next = { ...draft, outcome: isOutcome(value) ? value : null };
                setDraft(next);
                apply(next);
              }}
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
              locale={locale === 'zh-CN' ? 'zh-cn' : 'en'}
              clearable
              allowSingleDateInRange
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              ariaLabels={{
                monthLevelControl: t('calendar.monthLevel'),
                yearLevelControl: t('calendar.yearLevel'),
                nextMonth: t('calendar.nextMonth'),
                previousMonth: t('calendar.previousMonth'),
                nextYear: t('calendar.nextYear'),
                previousYear: t('calendar.previousYear'),
                nextDecade: t('calendar.nextDecade'),
                previousDecade: t('calendar.previousDecade'),
              }}
              maxDate={dayjs().format('YYYY-MM-DD')}
              data-testid="audit-filter-dates"
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="md" gap="sm">
            <Button variant="default" onClick={reset} leftSection={<IconRefresh size={16} />}>
              {t('common.reset')}
            </Button>
            <Button type="submit" leftSection={<IconSearch size={16} />}>
              {t('common.search')}
            </Button>
          </Group>
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
                    {detailLines(t, entry.detail).map((line, index) => (
                      <Text size="xs" key={index} c="dimmed" lh={1.5}>
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
              {data && data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" c="dimmed" py="xl">
                      {t('audit.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" p="md" gap="md" wrap="wrap">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="audit-total">
              {t('audit.total', { total: data?.total ?? 0 })}
            </Text>
            {loading && <Loader size="xs" />}
          </Group>
          <Group gap="md">
            <Select
              size="xs"
              w={120}
              aria-label={t('audit.pageSize', { size: pageSize })}
              value={String(pageSize)}
              data={pageSizes.map((size) => ({ value: String(size), label: t('audit.pageSize', { size }) }))}
              onChange={(value) => {
                if (!value) return;
                setPageSize(Number(value));
                setPage(1);
              }}
              allowDeselect={false}
            />
            <Pagination
              total={totalPages}
              value={page}
              onChange={setPage}
              size="sm"
              withEdges
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
              data-testid="audit-pagination"
            />
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}
