import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TrustedOffice } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useFormatDate, useT } from '../../i18n';
import { groupedFingerprint, pageOf } from './fingerprint';
import { TrustDialog } from './TrustDialog';

/** The registry of trusted offices: who registered each card and when, revoking one. */
export function TrustedOfficesSection({ offices, error, mayManage, onChanged }: { offices: TrustedOffice[]; error: Parameters<typeof ErrorAlert>[0]['error']; mayManage: boolean; onChanged: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<TrustedOffice | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  return (
    <Stack gap="sm">
      {mayManage && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="exchange-trust-open">
            {t('exchange.trusted.add')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      <PagedTable
        minWidth={1000}
        testId="exchange-trusted"
        head={
          <>
            <Table.Th>{t('exchange.trusted.name')}</Table.Th>
            <Table.Th>{t('exchange.trusted.code')}</Table.Th>
            <Table.Th>{t('exchange.trusted.level')}</Table.Th>
            <Table.Th>{t('exchange.trusted.fingerprint')}</Table.Th>
            <Table.Th>{t('exchange.trusted.added')}</Table.Th>
            <Table.Th>{t('exchange.trusted.status')}</Table.Th>
            {mayManage && <Table.Th />}
          </>
        }
        pager={{ ...paging, total: offices.length, loading: false, totalLabel: (total) => t('exchange.trusted.total', { total }), onChange: (page, pageSize) => setPaging({ page, pageSize }), testId: 'exchange-trusted-pager' }}
      >
        {offices.length === 0 && <EmptyRow colSpan={mayManage ? 7 : 6}>{t('exchange.trusted.empty')}</EmptyRow>}
        {pageOf(offices, paging.page, paging.pageSize).map((office) => (
          <Table.Tr key={office.id} data-testid="exchange-trusted-row">
            <Table.Td>{office.name}</Table.Td>
            <Table.Td>{office.code}</Table.Td>
            <Table.Td>{t(`exchange.level.${office.level}`)}</Table.Td>
            <Table.Td>
              {/* Two lines of eight groups: the column stays narrow and the groups stay whole. */}
              <Code block fz="xs" p={4} w={330} style={{ whiteSpace: 'normal' }}>
                {groupedFingerprint(office.fingerprint)}
              </Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{office.addedBy}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(office.addedAt)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {office.revokedAt ? (
                <Badge color="gray" variant="light">
                  {t('exchange.trusted.revoked', { date: formatDate(office.revokedAt, 'date') })}
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  {t('exchange.trusted.active')}
                </Badge>
              )}
            </Table.Td>
            {mayManage && (
              <Table.Td>
                {!office.revokedAt && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(office)}>
                    {t('exchange.trusted.revoke')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </PagedTable>
      {adding && (
        <TrustDialog
          onClose={() => setAdding(false)}
          onTrusted={(office) => {
            setAdding(false);
            notifySuccess(t, t('exchange.trust.done', { name: office.name }));
            onChanged();
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('exchange.trusted.revoke')}
          body={t('exchange.trusted.revokeConfirm', { name: revoking.name })}
          confirmLabel={t('exchange.trusted.revoke')}
          onConfirm={() => invoke('exchange.revoke', { id: revoking.id })}
          onClose={() => setRevoking(null)}
          onDone={(office) => {
            setRevoking(null);
            notifySuccess(t, t('exchange.trusted.revokedDone', { name: office.name }));
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
