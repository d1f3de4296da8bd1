import { Table } from '@mantine/core';
import type { BackupSummary } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';
import { bytesText } from './format';

/**
 * What a checked backup holds, from its authenticated manifest. Text from the file is shown as
 * text. `compact`: the four lines that identify it (inside the restore confirmation).
 */
export function BackupSummaryTable({ summary, compact = false }: { summary: BackupSummary; compact?: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const identity: [string, string][] = [
    [t('backup.summary.file'), summary.fileName],
    [t('backup.summary.createdAt'), formatDate(summary.createdAt, 'dateTimeSeconds')],
    [t('backup.summary.office'), summary.office ? `${summary.office.name}（${summary.office.fondsCode}）` : '—'],
    [t('backup.summary.sameVault'), summary.sameVault ? t('backup.summary.sameVault.yes') : t('backup.summary.sameVault.no')],
  ];
  const rows: [string, string][] = compact
    ? identity
    : [
        ...identity.slice(0, 2),
        [t('backup.summary.createdBy'), summary.createdBy],
        ...identity.slice(2),
        [t('backup.summary.files'), summary.missingFiles > 0 ? `${summary.files} · ${t('backup.summary.missing', { count: summary.missingFiles })}` : String(summary.files)],
        [t('backup.summary.database'), bytesText(summary.databaseBytes)],
        [t('backup.summary.size'), bytesText(summary.bytes)],
      ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="backup-summary">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140} fw={500} c="dimmed" fz="sm">
              {label}
            </Table.Th>
            <Table.Td fz="sm">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
