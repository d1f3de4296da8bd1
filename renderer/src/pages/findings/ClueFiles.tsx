import { Alert, Button, FileButton, Group, Modal, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Clue } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT, type MessageKey } from '../../i18n';
import { checkUpload, CLUE_ACCEPT, readFileAsBase64, sizeText } from './files';
import { FileViewer } from './FileViewer';
import { StoredFileCell, UploadProblemAlert, ViewFileButton, type UploadProblem } from './StoredFileParts';

type ClueFile = Clue['files'][number];
type Dialog = { kind: 'view'; file: ClueFile } | { kind: 'confirmSave'; file: ClueFile } | null;
type Busy = { kind: 'upload'; name: string } | { kind: 'attach' } | { kind: 'save'; name: string } | null;

function busyText(t: ReturnType<typeof useT>, busy: NonNullable<Busy>): string {
  if (busy.kind === 'attach') return t('files.clue.busy.attach');
  if (busy.kind === 'upload') return t('files.clue.busy.upload', { name: busy.name });
  return t('files.clue.busy.save', { name: busy.name });
}

/** The busy notice appears only if the work takes longer than this: no flash for small files. */
const BUSY_DELAY_MS = 300;

/**
 * 线索材料 of one clue: upload (up to 10 MB, through the page), 从磁盘添加 (any size: the core
 * shows the system dialog and streams the file into the encrypted store), 查看 inside the app,
 * and 另存副本 (a decrypted copy on disk, after a warning, audited by the core).
 * `onDialog` tells the drawer when a dialog is on top, so Escape closes that and not the drawer.
 */
export function ClueFiles({
  clue,
  mayWrite,
  onChanged,
  onDialog,
}: {
  clue: Clue;
  mayWrite: boolean;
  onChanged: (clue: Clue) => void;
  onDialog: (open: boolean) => void;
}) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<Busy>(null);
  // The work that has taken longer than BUSY_DELAY_MS (the notice shows while it is `busy`).
  const [slow, setSlow] = useState<Busy>(null);
  const [error, setError] = useState<{ error: AppErrorShape; title: MessageKey } | null>(null);
  const [problem, setProblem] = useState<UploadProblem | null>(null);

  useEffect(() => onDialog(dialog !== null || busy !== null), [dialog, busy, onDialog]);

  useEffect(() => {
    if (!busy) return;
    const timer = window.setTimeout(() => setSlow(busy), BUSY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [busy]);
  const showBusy = busy !== null && slow === busy;

  const startWork = (next: Busy) => {
    setError(null);
    setProblem(null);
    setBusy(next);
  };

  const upload = async (file: File | null) => {
    if (!file || busy) return;
    setError(null);
    setProblem(null);
    const checked = checkUpload(file);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    const { mime } = checked;
    startWork({ kind: 'upload', name: file.name });
    const base64 = await readFileAsBase64(file);
    const result = await invoke('clues.attachFile', { clueId: clue.id, fileName: file.name, mime, base64 });
    setBusy(null);
    if (!result.ok) {
      setError({ error: result.error, title: 'files.clue.attachFailed' });
      return;
    }
    onChanged(result.value);
    notifySuccess(t, t('findings.file.uploaded', { name: file.name }));
  };

  const attachFromDisk = async () => {
    if (busy) return;
    startWork({ kind: 'attach' });
    const before = new Set(clue.files.map((file) => file.id));
    const result = await invoke('clues.attachFromDisk', { clueId: clue.id });
    setBusy(null);
    if (!result.ok) {
      // Closing the dialog is a choice, not a failure.
      if (result.error.code !== 'CANCELLED') setError({ error: result.error, title: 'files.clue.attachFailed' });
      return;
    }
    onChanged(result.value);
    const added = result.value.files.find((file) => !before.has(file.id));
    if (added) notifySuccess(t, t('files.clue.attached', { name: added.fileName }));
  };

  const saveCopy = async (file: ClueFile) => {
    setDialog(null);
    startWork({ kind: 'save', name: file.fileName });
    const result = await invoke('clues.saveFileCopy', { clueId: clue.id, fileId: file.id });
    setBusy(null);
    if (!result.ok) {
      setError({ error: result.error, title: 'files.clue.saveFailed' });
      return;
    }
    notifySuccess(t, result.value.saved ? t('files.clue.saved', { name: file.fileName }) : t('files.clue.saveCancelled'));
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={4} fz="sm">
          {t('findings.clue.files')}
        </Title>
        {mayWrite && (
          <Group gap="xs">
            <FileButton onChange={(file) => void upload(file)} accept={CLUE_ACCEPT} inputProps={{ 'aria-label': t('findings.file.upload') }}>
              {(props) => (
                <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy?.kind === 'upload'} disabled={busy !== null && busy.kind !== 'upload'} data-testid="clue-file-upload">
                  {t('findings.file.upload')}
                </Button>
              )}
            </FileButton>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFolderOpen size={14} />}
              onClick={() => void attachFromDisk()}
              loading={busy?.kind === 'attach'}
              disabled={busy !== null && busy.kind !== 'attach'}
              title={t('files.clue.fromDiskHint')}
              data-testid="clue-file-from-disk"
            >
              {t('files.clue.fromDisk')}
            </Button>
          </Group>
        )}
      </Group>
      {mayWrite && (
        <Text size="xs" c="dimmed">
          {t('findings.file.allowed')} {t('files.clue.fromDiskHint')}
        </Text>
      )}
      <UploadProblemAlert problem={problem} testId="clue-file-problem" />
      <ErrorAlert error={error?.error} title={error ? t(error.title) : undefined} />
      {error?.error.code === 'DIALOG_UNAVAILABLE' && (
        <Text size="xs" c="dimmed" data-testid="clue-file-dialog-hint">
          {t('files.clue.dialogHint')}
        </Text>
      )}
      {clue.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('findings.clue.noFiles')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="clue-files">
          <Table.Tbody>
            {clue.files.map((file) => (
              <Table.Tr key={file.id} data-testid="clue-file" data-file-name={file.fileName} data-size={file.size}>
                <StoredFileCell file={file} />
                <Table.Td w={200} ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ViewFileButton fileName={file.fileName} onClick={() => setDialog({ kind: 'view', file })} testId="clue-file-view" />
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="gray"
                      leftSection={<IconDeviceFloppy size={14} />}
                      onClick={() => setDialog({ kind: 'confirmSave', file })}
                      disabled={busy !== null}
                      aria-label={t('files.clue.saveCopyNamed', { name: file.fileName })}
                      data-testid="clue-file-save-copy"
                    >
                      {t('files.clue.saveCopy')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {dialog?.kind === 'view' && <FileViewer clueId={clue.id} file={dialog.file} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'confirmSave' && (
        <Modal opened onClose={() => setDialog(null)} title={t('files.clue.saveConfirm.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack gap="md" data-testid="save-copy-confirm">
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              <Text size="sm">{t('files.clue.saveConfirm.body')}</Text>
            </Alert>
            <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
              {dialog.file.fileName} · {sizeText(dialog.file.size)}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="orange" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void saveCopy(dialog.file)} data-testid="save-copy-submit">
                {t('files.clue.saveConfirm.submit')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      <Modal
        opened={showBusy}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        centered
        size="sm"
        title={t('files.clue.busy.title')}
      >
        <Stack gap="sm" data-testid="clue-file-busy" role="status" aria-live="polite">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {busy && busyText(t, busy)}
          </Text>
          <Progress value={100} striped animated size="lg" aria-hidden />
          <Text size="xs" c="dimmed">
            {t('files.clue.busy.wait')}
          </Text>
        </Stack>
      </Modal>
    </Stack>
  );
}
