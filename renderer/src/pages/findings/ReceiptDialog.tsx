import { Alert, Button, Divider, FileButton, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconUpload } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { HandoverRow } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useFormatDate, useT, type MessageKey } from '../../i18n';
import { clueMimeOf, MAX_UPLOAD_BYTES, readFileAsBase64, sizeText } from './files';
import { FileViewer } from './FileViewer';
import { today } from './labels';

/** Scans and photos: the types the core takes for a receipt. */
export const RECEIPT_ACCEPT = 'application/pdf,image/png,image/jpeg,image/gif,image/webp,image/tiff,.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff';

function receiptMimeOf(fileName: string): string | null {
  const mime = clueMimeOf(fileName);
  return mime && (mime === 'application/pdf' || mime.startsWith('image/')) ? mime : null;
}

/**
 * 回执 of one hand-over: the day the signed receipt came back, and its scan (PDF or image) kept
 * in the encrypted store and viewed inside the app. Changing either is for whoever may change the
 * hand-over (clue officers for clue hand-overs); viewing, for whoever may read it.
 */
export function ReceiptDialog({
  row,
  canChange,
  canView,
  onClose,
  onChanged,
}: {
  row: HandoverRow;
  canChange: boolean;
  canView: boolean;
  onClose: () => void;
  onChanged: (row: HandoverRow) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [current, setCurrent] = useState(row);
  const [returnedOn, setReturnedOn] = useState<string | null>(row.receiptReturnedOn);
  const [busy, setBusy] = useState<'date' | 'upload' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [problem, setProblem] = useState<{ key: MessageKey; name: string } | null>(null);
  const [viewing, setViewing] = useState(false);
  const load = useCallback(() => invoke('handover.viewReceipt', { handoverId: row.id }), [row.id]);

  const changed = (next: HandoverRow) => {
    setCurrent(next);
    onChanged(next);
  };

  const saveDate = async () => {
    if (busy) return;
    setBusy('date');
    setError(null);
    const result = await invoke('handover.setReceiptReturned', { handoverId: row.id, returnedOn });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    changed(result.value);
    notifySuccess(t, returnedOn ? t('handover.receipt.returnedSaved', { date: formatDate(returnedOn, 'date') }) : t('handover.receipt.returnedCleared'));
  };

  const upload = async (file: File | null) => {
    if (!file || busy) return;
    setError(null);
    setProblem(null);
    const mime = receiptMimeOf(file.name);
    if (!mime) return setProblem({ key: 'handover.receipt.badType', name: file.name });
    if (file.size > MAX_UPLOAD_BYTES) return setProblem({ key: 'findings.file.tooLarge', name: file.name });
    setBusy('upload');
    const base64 = await readFileAsBase64(file);
    const result = await invoke('handover.attachReceipt', { handoverId: row.id, fileName: file.name, mime, base64 });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    changed(result.value);
    notifySuccess(t, t('handover.receipt.uploaded', { name: file.name }));
  };

  const receipt = current.receipt;
  const dateChanged = returnedOn !== current.receiptReturnedOn;

  return (
    <>
      <Modal
        opened={!viewing}
        onClose={() => !busy && onClose()}
        title={t('handover.receipt.title', { receiver: current.receiverName, date: formatDate(current.handedOn, 'date') })}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md" data-testid="receipt-dialog">
          <Text size="sm" c="dimmed">
            {t('handover.receipt.intro')}
          </Text>
          <Stack gap="xs">
            <Title order={4} fz="sm">
              {t('handover.receipt.returnedOn')}
            </Title>
            <Group align="flex-end" gap="sm">
              <DateField
                label={t('handover.receipt.returnedOn.label')}
                value={returnedOn}
                onChange={setReturnedOn}
                minDate={current.handedOn}
                maxDate={today()}
                testId="receipt-returned"
              />
              {canChange && (
                <Button variant="light" onClick={() => void saveDate()} loading={busy === 'date'} disabled={!dateChanged} data-testid="receipt-returned-save">
                  {t('common.save')}
                </Button>
              )}
            </Group>
          </Stack>
          <Divider />
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4} fz="sm">
                {t('handover.receipt.scan')}
              </Title>
              {canChange && (
                <FileButton onChange={(file) => void upload(file)} accept={RECEIPT_ACCEPT} inputProps={{ 'aria-label': t('handover.receipt.upload') }}>
                  {(props) => (
                    <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy === 'upload'} data-testid="receipt-upload">
                      {receipt ? t('handover.receipt.replace') : t('handover.receipt.upload')}
                    </Button>
                  )}
                </FileButton>
              )}
            </Group>
            {canChange && (
              <Text size="xs" c="dimmed">
                {t('handover.receipt.allowed')}
              </Text>
            )}
            {busy === 'upload' && (
              <Text size="xs" c="dimmed" data-testid="receipt-uploading">
                {t('handover.receipt.uploading')}
              </Text>
            )}
            {problem && (
              <Alert color="red" variant="light" role="alert" data-testid="receipt-problem">
                <Text size="sm">{t(problem.key, { name: problem.name })}</Text>
              </Alert>
            )}
            {receipt ? (
              <Group justify="space-between" wrap="nowrap" data-testid="receipt-file" data-file-name={receipt.fileName ?? ''}>
                <Stack gap={0}>
                  <Text size="sm">{receipt.fileName ?? t('handover.receipt.hiddenName')}</Text>
                  <Text size="xs" c="dimmed">
                    {t('handover.receipt.meta', { size: sizeText(receipt.size), at: formatDate(receipt.uploadedAt) })}
                    {receipt.earlier > 0 ? ` · ${t('handover.receipt.earlier', { count: receipt.earlier })}` : ''}
                  </Text>
                </Stack>
                {canView && (
                  <Button size="compact-sm" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => setViewing(true)} data-testid="receipt-view">
                    {t('findings.file.view')}
                  </Button>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed" data-testid="receipt-none">
                {t('handover.receipt.none')}
              </Text>
            )}
          </Stack>
          <ErrorAlert error={error} coreDetail />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy !== null} data-testid="receipt-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {viewing && receipt && (
        <FileViewer
          file={{ id: receipt.fileId, fileName: receipt.fileName ?? '', mime: receipt.mime, size: receipt.size, sha256: receipt.sha256 }}
          load={load}
          title={t('handover.receipt.viewerTitle', { receiver: current.receiverName })}
          onClose={() => setViewing(false)}
        />
      )}
    </>
  );
}
