import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { ArchiveItem } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { FileViewer } from '../findings/FileViewer';

/** The files of an item, each opened in the in-app viewer (PDF through pdf.js; others offered as a copy). */
export function ArchiveFileButtons({ item, autoOpen = false }: { item: Pick<ArchiveItem, 'id' | 'archiveCode' | 'files' | 'noText'>; autoOpen?: boolean }) {
  const t = useT();
  // Opened on request: the one file at once, when the app can draw it.
  const [open, setOpen] = useState<ArchiveItem['files'][number] | null>(autoOpen && item.files.length === 1 && previewable(item.files[0]!.mime) ? item.files[0]! : null);
  const load = useCallback(() => invoke('archives.viewFile', { itemId: item.id, fileId: open?.id ?? 0 }), [item.id, open?.id]);
  return (
    <Group gap={4} wrap="wrap">
      {item.files.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('archives.item.noFile')}
        </Text>
      )}
      {item.files.map((file) => (
        <Button key={file.id} size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />} onClick={() => setOpen(file)} data-testid="archive-file-open" title={t('archives.item.view')}>
          <Text size="xs" truncate maw={160}>
            {file.fileName}
          </Text>
        </Button>
      ))}
      {item.files.some((file) => !previewable(file.mime)) && <SaveCopyButtons item={item} />}
      {item.noText && <NoTextBadge />}
      {open && <FileViewer file={open} load={load} title={t('archives.item.viewerTitle', { code: item.archiveCode, name: open.fileName })} onClose={() => setOpen(null)} />}
    </Group>
  );
}

/** What the in-app viewer draws (FileViewer): PDF, images, plain text. */
const previewable = (mime: string) => mime === 'application/pdf' || mime === 'text/plain' || mime.startsWith('image/');

/** Word and OFD files are not drawn inside the app: a verified copy is saved where the user chooses (audited by the core as an export). */
function SaveCopyButtons({ item }: { item: Pick<ArchiveItem, 'id' | 'files'> }) {
  const t = useT();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState<number | null>(null);
  const save = async (file: ArchiveItem['files'][number]) => {
    setError(null);
    setSaving(file.id);
    const result = await invoke('archives.saveFileCopy', { itemId: item.id, fileId: file.id });
    setSaving(null);
    if (!result.ok) return setError(result.error);
    notifySuccess(t, result.value.saved ? t('archives.item.saveCopyDone', { name: file.fileName }) : t('archives.item.saveCopyCancelled'));
  };
  return (
    <>
      {item.files
        .filter((file) => !previewable(file.mime))
        .map((file) => (
          <Button
            key={file.id}
            size="compact-xs"
            variant="subtle"
            leftSection={<IconDownload size={14} />}
            data-testid="archive-file-save"
            loading={saving === file.id}
            onClick={() => void save(file)}
          >
            {t('archives.item.saveCopy')}
          </Button>
        ))}
      <ErrorAlert error={error} />
    </>
  );
}

export function NoTextBadge() {
  const t = useT();
  return (
    <Tooltip label={t('archives.item.noTextHint')}>
      <Badge size="sm" color="gray" variant="outline" data-testid="archive-no-text" tabIndex={0}>
        {t('archives.item.noText')}
      </Badge>
    </Tooltip>
  );
}
