import { Badge, Button, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { DocumentDetail } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';

/** Every saved version (who, when, what changed); one can be opened read-only. */
export function VersionsPanel({ detail, viewing, onView }: { detail: DocumentDetail; viewing: number | null; onView: (version: number) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const versions = [...detail.versions].reverse();
  return (
    <Table striped verticalSpacing="xs" data-testid="versions-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('documents.col.version')}</Table.Th>
          <Table.Th>{t('documents.versions.by')}</Table.Th>
          <Table.Th>{t('documents.versions.at')}</Table.Th>
          <Table.Th>{t('documents.versions.note')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((version) => (
          <Table.Tr key={version.version} data-testid="versions-row" data-version={version.version}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('documents.versionNumber', { version: version.version })}{' '}
              {version.version === detail.finalVersion && (
                <Badge size="xs" color="teal">
                  {t('documents.status.final')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{version.createdBy ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(version.createdAt, 'dateTimeSeconds')}</Table.Td>
            <Table.Td>
              <Text size="sm">{version.note || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant={viewing === version.version ? 'filled' : 'subtle'}
                leftSection={<IconEye size={14} />}
                onClick={() => onView(version.version)}
                data-testid="versions-view"
              >
                {t('documents.versions.view')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
