import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import type { ExchangeImportResult, ExchangePreview } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { groupedFingerprint } from './fingerprint';

/** The dry run of an import: who sent it, which round, and per kind what is new, changed and unchanged; then 确认导入. */
export function PreviewDialog({ preview, onClose, onImported }: { preview: ExchangePreview; onClose: () => void; onImported: (result: ExchangeImportResult) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { busy, error, run } = useSubmit();
  const rows: [string, string][] = [
    [t('exchange.preview.file'), preview.fileName],
    [t('exchange.preview.sender'), `${preview.sender.name}（${preview.sender.code}）`],
    [t('exchange.preview.round'), preview.roundLabel],
    [t('exchange.preview.created'), formatDate(preview.createdAt)],
    [t('exchange.preview.sequence'), String(preview.sequence)],
  ];
  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('exchange.preview.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="exchange-preview">
        <Alert variant="light" color="teal" icon={<IconShieldCheck size={18} />}>
          <Text size="sm">{t('exchange.preview.verified')}</Text>
          <Code fz="xs">{groupedFingerprint(preview.sender.fingerprint)}</Code>
        </Alert>
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td w={120}>
                  <Text size="sm" c="dimmed">
                    {label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{value}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {preview.includesClues && (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="red">
                    {t('exchange.preview.clues')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {preview.alreadyImported && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="exchange-preview-already">
            {t('exchange.preview.already')}
          </Alert>
        )}
        <Table striped withTableBorder data-testid="exchange-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.preview.kind')}</Table.Th>
              <Table.Th ta="right">{t('exchange.preview.new')}</Table.Th>
              <Table.Th ta="right">{t('exchange.preview.changed')}</Table.Th>
              <Table.Th ta="right">{t('exchange.preview.unchanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.diff.map((d) => (
              <Table.Tr key={d.kind} data-testid={`exchange-diff-${d.kind}`} data-new={d.new} data-changed={d.changed} data-unchanged={d.unchanged}>
                <Table.Td>{t(`exchange.kind.${d.kind}`)}</Table.Td>
                <Table.Td ta="right" fw={d.new > 0 ? 600 : undefined}>
                  {d.new}
                </Table.Td>
                <Table.Td ta="right" fw={d.changed > 0 ? 600 : undefined}>
                  {d.changed}
                </Table.Td>
                <Table.Td ta="right">{d.unchanged}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={error} coreDetail />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {preview.alreadyImported ? t('exchange.preview.close') : t('common.cancel')}
          </Button>
          {!preview.alreadyImported && (
            <Button loading={busy} onClick={() => void run(() => invoke('exchange.import', { packageId: preview.packageId, confirm: true }), onImported)} data-testid="exchange-import-confirm" data-autofocus>
              {t('exchange.preview.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
