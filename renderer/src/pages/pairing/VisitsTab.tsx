import { Badge, Button, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { pairingVisitForms, type PairingOverview, type PairingVisitForm } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { today } from '../../components/dates';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { countyOptions, leaderOptions, type PairingRights } from './labels';

/** 走访记录: the leaders' visits of the year, newest first, paged. */
export function VisitsTab({ year, overview, rights }: { year: number; overview: PairingOverview; rights: PairingRights }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [logging, setLogging] = useState(false);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const filter = { ...(regionId ? { regionId: Number(regionId) } : {}), ...(leaderId ? { leaderId: Number(leaderId) } : {}) };
  const visits = useChannel('pairing.visits', { year, page, pageSize, ...filter }, version);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Select
            label={t('pairing.visits.county')}
            placeholder={t('common.all')}
            data={countyOptions(overview)}
            value={regionId}
            onChange={(next) => {
              setRegionId(next);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={180}
            data-testid="pairing-visits-county"
          />
          <Select
            label={t('pairing.visits.leader')}
            placeholder={t('common.all')}
            data={leaderOptions(overview)}
            value={leaderId}
            onChange={(next) => {
              setLeaderId(next);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={240}
            data-testid="pairing-visits-leader"
          />
        </Group>
        {rights.write && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging(true)} disabled={overview.leaders.length === 0} data-testid="pairing-visit-log">
            {t('pairing.visits.log')}
          </Button>
        )}
      </Group>
      {rights.write && overview.leaders.length === 0 && (
        <Text size="sm" c="orange">
          {t('pairing.visits.needLeader')}
        </Text>
      )}
      <ErrorAlert error={visits.error} />
      <PagedTable
        minWidth={900}
        testId="pairing-visits"
        headNoWrap
        head={
          <>
            <Table.Th>{t('pairing.visits.date')}</Table.Th>
            <Table.Th>{t('pairing.visits.leader')}</Table.Th>
            <Table.Th>{t('pairing.visits.county')}</Table.Th>
            <Table.Th>{t('pairing.visits.form')}</Table.Th>
            <Table.Th>{t('pairing.visits.findings')}</Table.Th>
            <Table.Th>{t('pairing.visits.followUp')}</Table.Th>
          </>
        }
        pager={{
          page,
          pageSize,
          total: visits.data?.total,
          totalLabel: (total) => t('pairing.visits.total', { total }),
          loading: visits.loading,
          onChange: (next, size) => {
            setPage(next);
            setPageSize(size);
          },
          testId: 'pairing-visits-pager',
        }}
      >
        {visits.data?.items.length === 0 && <EmptyRow colSpan={6}>{t('pairing.visits.empty')}</EmptyRow>}
        {visits.data?.items.map((visit) => (
          <Table.Tr key={visit.id} data-testid="pairing-visit-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(visit.visitedOn, 'date')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{visit.leaderName}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{visit.countyName}</Table.Td>
            <Table.Td>
              <Badge variant="light">{t(`pairing.form.${visit.form}`)}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {visit.findings}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {visit.followUp}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      {logging && (
        <VisitDialog
          overview={overview}
          onClose={() => setLogging(false)}
          onDone={() => {
            setLogging(false);
            notifySuccess(t, t('pairing.visits.saved'));
            setPage(1);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Stack>
  );
}

function VisitDialog({ overview, onClose, onDone }: { overview: PairingOverview; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [visitedOn, setVisitedOn] = useState<string | null>(today());
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [form, setForm] = useState<PairingVisitForm>('forum');
  const [findings, setFindings] = useState('');
  const [followUp, setFollowUp] = useState('');
  const { busy, error, run } = useSubmit();
  // Choosing a leader narrows the counties to theirs, when they have any this year.
  const own = new Set(overview.pairings.filter((p) => String(p.leaderId) === leaderId).map((p) => String(p.regionId)));
  const counties = countyOptions(overview).filter((option) => own.size === 0 || own.has(option.value));
  return (
    <FormDialog
      title={t('pairing.visits.log')}
      size="lg"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() =>
        run(
          () =>
            invoke('pairing.logVisit', {
              visitedOn: visitedOn ?? '',
              leaderId: Number(leaderId ?? 0),
              regionId: Number(regionId ?? 0),
              form,
              findings,
              followUp,
            }),
          onDone,
        )
      }
      submitLabel={t('common.save')}
      submitTestId="pairing-visit-save"
    >
      <DateField label={t('pairing.visits.date')} value={visitedOn} onChange={setVisitedOn} required maxDate={today()} testId="pairing-visit-date" />
      <Group grow>
        <Select label={t('pairing.visits.leader')} data={leaderOptions(overview)} value={leaderId} onChange={setLeaderId} required data-autofocus data-testid="pairing-visit-leader" />
        <Select label={t('pairing.visits.county')} data={counties} value={regionId} onChange={setRegionId} required data-testid="pairing-visit-county" />
      </Group>
      <Select
        label={t('pairing.visits.form')}
        data={pairingVisitForms.map((f) => ({ value: f, label: t(`pairing.form.${f}`) }))}
        value={form}
        onChange={(next) => next && setForm(next as PairingVisitForm)}
        allowDeselect={false}
        data-testid="pairing-visit-form"
      />
      <Textarea label={t('pairing.visits.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} maxLength={4000} autosize minRows={3} required data-testid="pairing-visit-findings" />
      <Textarea label={t('pairing.visits.followUp')} value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} maxLength={2000} autosize minRows={2} data-testid="pairing-visit-follow-up" />
    </FormDialog>
  );
}
