import { Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { RectificationDetail } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatDate, useT } from '../../i18n';
import { checkUpload, CLUE_ACCEPT, readFileAsBase64 } from '../findings/files';
import { FileViewer } from '../findings/FileViewer';
import { StoredFileCell, UploadProblemAlert, ViewFileButton, type UploadProblem } from '../findings/StoredFileParts';

type EvidenceFile = RectificationDetail['files'][number];

/**
 * 佐证材料: uploaded into the encrypted store while the item is worked on (PDF, images, Word,
 * text, up to 10 MB each) and shown inside the app from the verified bytes; a file that fails its
 * check is reported, never shown. `onDialog` keeps Escape for the viewer while it is open.
 */
export function EvidenceFiles({
  item,
  mayAdd,
  onChanged,
  onDialog,
}: {
  item: RectificationDetail;
  mayAdd: boolean;
  onChanged: (item: RectificationDetail) => void;
  onDialog: (open: boolean) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [viewing, setViewing] = useState<EvidenceFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [problem, setProblem] = useState<UploadProblem | null>(null);

  useEffect(() => onDialog(viewing !== null), [viewing, onDialog]);

  const upload = async (file: File | null) => {
    if (!file || busy) return;
    setError(null);
    setProblem(null);
    const checked = checkUpload(file);
    if ('problem' in checked) return setProblem(checked.problem);
    const { mime } = checked;
    setBusy(file.name);
    const base64 = await readFileAsBase64(file);
    const result = await invoke('rectification.attachEvidence', { itemId: item.id, fileName: file.name, mime, base64 });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    onChanged(result.value);
  };

  const load = useCallback(() => invoke('rectification.viewEvidence', { itemId: item.id, fileId: viewing?.id ?? 0 }), [item.id, viewing?.id]);

  return (
    <Stack gap="xs" data-testid="rectification-evidence">
      <Group justify="space-between" gap="xs">
        <Title order={4} fz="sm">
          {t('rectification.evidence.title')}
        </Title>
        {mayAdd && (
          <FileButton onChange={(file) => void upload(file)} accept={CLUE_ACCEPT} inputProps={{ 'aria-label': t('rectification.evidence.upload') }}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy !== null} data-testid="rectification-evidence-upload">
                {t('rectification.evidence.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {busy && (
        <Text size="xs" c="dimmed" role="status" aria-live="polite">
          {t('files.clue.busy.upload', { name: busy })}
        </Text>
      )}
      {mayAdd && (
        <Text size="xs" c="dimmed">
          {t('findings.file.allowed')}
        </Text>
      )}
      <UploadProblemAlert problem={problem} />
      <ErrorAlert error={error} coreDetail />
      {item.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rectification.evidence.none')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="rectification-evidence-files">
          <Table.Tbody>
            {item.files.map((file) => (
              <Table.Tr key={file.id} data-testid="rectification-evidence-file" data-file-name={file.fileName}>
                <StoredFileCell file={file} more={[formatDate(file.uploadedAt)]} />
                <Table.Td w={100} ta="right">
                  <ViewFileButton fileName={file.fileName} onClick={() => setViewing(file)} testId="rectification-evidence-view" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {viewing && <FileViewer file={viewing} load={load} title={t('rectification.evidence.viewerTitle', { name: viewing.fileName })} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
