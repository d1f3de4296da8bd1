import { Alert, Badge, Box, Center, Code, Group, Image, Loader, Modal, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconFileInfo, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Clue } from '../../../../shared/contract';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { base64ToBytes } from '../../api/files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfViewer, preloadPdfJs } from '../../components/PdfViewer';
import { errorText, useT } from '../../i18n';
import { sizeText } from './files';

/** What the viewer shows about a stored file (a clue file, a hand-over receipt …). */
export type ViewableFile = Pick<Clue['files'][number], 'id' | 'fileName' | 'mime' | 'size' | 'sha256'>;

/** The verified content of a stored file, as the core's view channels answer it. */
export type FileContent = { mime: string; base64: string };

type View =
  | { kind: 'loading' }
  | { kind: 'image'; url: string }
  | { kind: 'text'; text: string }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'other' }
  | { kind: 'tampered'; error: AppErrorShape }
  | { kind: 'error'; error: AppErrorShape };

const TEXT_LIMIT = 200_000;

/**
 * Shows a stored file inside the app from the verified bytes the core returns; nothing is
 * written to disk. PDFs are drawn by pdf.js into canvases (components/PdfViewer); images go
 * through a blob: URL that is revoked when the viewer closes. A file that fails its check is
 * reported, never shown.
 *
 * By default it reads a clue file (`clues.viewFile` with `clueId`); other owners (hand-over
 * receipts …) pass `load`, which calls their own audited channel.
 */
export function FileViewer({
  clueId,
  file,
  onClose,
  load,
  title,
}: {
  clueId?: number;
  file: ViewableFile;
  onClose: () => void;
  /** Reads the verified file; default: `clues.viewFile` of `clueId`. Keep it stable (useCallback). */
  load?: () => Promise<IpcResult<FileContent>>;
  /** The modal's title; default 线索材料：<file name>. */
  title?: string;
}) {
  const t = useT();
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    // pdf.js and its worker load while the core decrypts and checks the file.
    if (file.mime === 'application/pdf') preloadPdfJs();
    const read = load ?? (() => invoke('clues.viewFile', { clueId: clueId ?? 0, fileId: file.id }));
    void read().then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setView(result.error.code === 'FILE_TAMPERED' ? { kind: 'tampered', error: result.error } : { kind: 'error', error: result.error });
        return;
      }
      const mime = result.value.mime;
      if (mime.startsWith('image/')) {
        url = URL.createObjectURL(new Blob([base64ToBytes(result.value.base64)], { type: mime }));
        setView({ kind: 'image', url });
      } else if (mime === 'text/plain') {
        const text = new TextDecoder('utf-8').decode(base64ToBytes(result.value.base64));
        setView({ kind: 'text', text: text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}\n…` : text });
      } else if (mime === 'application/pdf') {
        setView({ kind: 'pdf', bytes: base64ToBytes(result.value.base64) });
      } else {
        setView({ kind: 'other' });
      }
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [clueId, file.id, file.mime, load]);

  const verified = view.kind === 'image' || view.kind === 'text' || view.kind === 'pdf' || view.kind === 'other';

  return (
    <Modal
      opened
      onClose={onClose}
      title={title ?? t('findings.viewer.title', { name: file.fileName })}
      // PDF pages want the room; other files keep the smaller dialog.
      size={file.mime === 'application/pdf' ? 'min(1080px, 94vw)' : 'xl'}
      centered
      scrollAreaComponent={ScrollArea.Autosize}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="file-viewer" data-state={view.kind}>
        {view.kind === 'loading' && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {view.kind === 'tampered' && (
          <Alert color="red" variant="filled" icon={<IconAlertOctagon size={20} />} title={t('findings.viewer.tampered')} role="alert" data-testid="file-tampered">
            <Text size="sm">{errorText(t, view.error)}</Text>
            <Text size="sm" mt={4}>
              {t('findings.viewer.tampered.body')}
            </Text>
          </Alert>
        )}
        {view.kind === 'error' && <ErrorAlert error={view.error} />}
        {verified && (
          <Group gap="xs">
            <Badge color="teal" variant="light" radius="sm" leftSection={<IconShieldCheck size={14} />} data-testid="file-verified">
              {t('findings.viewer.verified')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('findings.viewer.notOnDisk')}
            </Text>
          </Group>
        )}
        {view.kind === 'image' && (
          <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} p="xs" bg="var(--mantine-color-gray-0)">
            <Image
              src={view.url}
              alt={file.fileName}
              fit="contain"
              mah="65vh"
              onError={() => setView({ kind: 'other' })}
              data-testid="file-image"
            />
          </Box>
        )}
        {view.kind === 'text' && (
          <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: '60vh', overflow: 'auto' }} data-testid="file-text">
            {view.text}
          </Code>
        )}
        {view.kind === 'pdf' && <PdfViewer data={view.bytes} title={file.fileName} height="max(320px, calc(90dvh - 264px))" />}
        {view.kind === 'other' && (
          <Alert color="blue" variant="light" icon={<IconFileInfo size={18} />} data-testid="file-no-preview">
            <Text size="sm">{t('findings.viewer.noPreview')}</Text>
          </Alert>
        )}
        {view.kind !== 'loading' && (
          <SimpleGrid cols={2} spacing={4} verticalSpacing={4} data-testid="file-details">
            <Text size="sm" c="dimmed">
              {t('findings.file.name')}
            </Text>
            <Text size="sm">{file.fileName}</Text>
            <Text size="sm" c="dimmed">
              {t('findings.file.type')}
            </Text>
            <Text size="sm">{t(typeKey(file.mime))}</Text>
            <Text size="sm" c="dimmed">
              {t('findings.file.size')}
            </Text>
            <Text size="sm">{sizeText(file.size)}</Text>
            <Text size="sm" c="dimmed">
              {t('findings.file.sha256')}
            </Text>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {file.sha256}
            </Text>
          </SimpleGrid>
        )}
      </Stack>
    </Modal>
  );
}

export function typeKey(mime: string) {
  if (mime === 'application/pdf') return 'findings.file.type.pdf' as const;
  if (mime.startsWith('image/')) return 'findings.file.type.image' as const;
  if (mime === 'text/plain') return 'findings.file.type.text' as const;
  return 'findings.file.type.word' as const;
}
