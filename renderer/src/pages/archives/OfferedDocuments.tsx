import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import type { OfferedDocument } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { ItemFormDialog } from './ItemFormDialog';
import { unitRefOf, type EditableItem } from './labels';

/** Files an offer through its channel: a four list, an inspection's rectification ledger or a finalised document. */
function fileOffered(offer: OfferedDocument, fields: EditableItem, roundId: number) {
  if (offer.listKind) return invoke('archives.fileFourList', { ...fields, roundId, listKind: offer.listKind });
  if (offer.inspectionId !== null) return invoke('archives.fileRectificationLedger', { ...fields, inspectionId: offer.inspectionId });
  return invoke('archives.fileDocument', { ...fields, documentId: offer.documentId ?? 0 });
}

/** Finalised documents, four lists and rectification ledgers of the round, offered for filing with their fields prefilled. */
export function OfferedDocuments({ roundId, canFile, version, onFiled }: { roundId: number; canFile: boolean; version: number; onFiled: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const offered = useChannel('archives.offered', { roundId }, version);
  const [filing, setFiling] = useState<OfferedDocument | null>(null);
  return (
    <Card withBorder radius="md" padding="md" data-testid="archives-offered">
      <Title order={3} fz="md" mb="sm">
        {t('archives.offered.title')}
      </Title>
      <ErrorAlert error={offered.error} />
      <Stack gap="xs">
        {offered.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('archives.offered.none')}
          </Text>
        )}
        {offered.data?.map((doc) => (
          <Group key={doc.listKind ?? (doc.inspectionId !== null ? `ledger-${doc.inspectionId}` : `${doc.documentId}-${doc.version}`)} justify="space-between" wrap="nowrap" data-testid="archives-offered-row">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {doc.title}
              </Text>
              <Text size="xs" c="dimmed">
                {[t(`archives.kind.${doc.kind}`), doc.inspectionId !== null ? t('archives.offered.rectificationLedger') : '', doc.unitName ?? '', doc.docNumber, formatDate(doc.docDate, 'date'), t(`documents.classification.${doc.classification}`)].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {doc.filedArchiveCode ? (
              <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                {t('archives.offered.filed', { code: doc.filedArchiveCode })}
              </Badge>
            ) : (
              canFile && (
                <Button size="xs" leftSection={<IconArchive size={14} />} onClick={() => setFiling(doc)} style={{ flexShrink: 0 }}>
                  {t('archives.offered.file')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
      {filing && (
        <ItemFormDialog
          title={t('archives.offered.fileTitle', { title: filing.title })}
          initial={{ ...filing, titleSupplied: false, pages: null, note: '', roundId }}
          unit={unitRefOf(filing)}
          submitLabel={t('archives.offered.file')}
          busyNote={t('archives.offered.rendering')}
          onSubmit={(fields) => fileOffered(filing, fields, roundId)}
          onClose={() => setFiling(null)}
          onDone={(item) => {
            setFiling(null);
            notifySuccess(t, t('archives.offered.filed', { code: item.archiveCode }));
            onFiled();
          }}
        />
      )}
    </Card>
  );
}
