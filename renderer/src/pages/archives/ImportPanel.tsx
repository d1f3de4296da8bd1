import { Box, Button, Card, Group, List, Progress, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileImport, IconFolder, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import type { ArchiveKind, Dossier } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useSubmit } from '../../components/useSubmit';
import { errorText, useT } from '../../i18n';
import { clueMimeOf, MAX_UPLOAD_BYTES, readFileAsBase64 } from '../findings/files';
import { kindOptions } from './labels';

/** What the archives take that clue files do not (shared: items-service MIME list). */
const EXTRA_TYPES: Record<string, string> = { ofd: 'application/ofd' };
const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.tif,.tiff,.doc,.docx,.txt';

function mimeOf(name: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return EXTRA_TYPES[ext] ?? clueMimeOf(name);
}

/** The browser's folder chooser (not in React's typings): every file under the chosen folder. */
const FOLDER_PICKER = { webkitdirectory: '', multiple: true } as Record<string, unknown>;

/** The files of dropped entries, folders read recursively, in name order within each folder. */
async function filesOf(entries: FileSystemEntry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children: FileSystemEntry[] = [];
      // readEntries answers in batches until it answers with none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        children.push(...batch);
      }
      children.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
      files.push(...(await filesOf(children)));
    }
  }
  return files;
}

type Row = { name: string; state: 'waiting' | 'uploading' | 'done' | 'failed'; message?: string };

/**
 * Outside documents into the round's dossier: one at a time from disk through the OS dialog
 * (any size, streamed by the core), or several dropped into the window (each up to 10 MB, sent
 * as base64), each filed in one call with its file and titled from its file name, to be checked after.
 */
export function ImportPanel({ dossier, onImported }: { dossier: Dossier; onImported: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<ArchiveKind>('other');
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const disk = useSubmit();
  const running = rows.some((r) => r.state === 'waiting' || r.state === 'uploading');
  const finished = rows.filter((r) => r.state === 'done' || r.state === 'failed').length;

  const update = (index: number, row: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...row } : r)));

  async function upload(files: File[]) {
    if (!files.length || running) return;
    setRows(files.map((f) => ({ name: f.name, state: 'waiting' })));
    let done = 0;
    for (const [index, file] of files.entries()) {
      const mime = mimeOf(file.name);
      if (!mime) {
        update(index, { state: 'failed', message: t('archives.import.badType', { name: file.name }) });
        continue;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        update(index, { state: 'failed', message: t('archives.import.tooLarge', { name: file.name }) });
        continue;
      }
      update(index, { state: 'uploading' });
      // One call files the item with its file (all or nothing: a failed file takes no 件号).
      const attached = await invoke('archives.importUpload', { roundId: dossier.roundId, kind, fileName: file.name, mime, base64: await readFileAsBase64(file) });
      if (attached.ok) {
        done += 1;
        update(index, { state: 'done' });
      } else {
        update(index, { state: 'failed', message: t('archives.import.failed', { name: file.name, reason: errorText(t, attached.error) }) });
      }
    }
    if (done) notifySuccess(t, t('archives.import.done', { count: done }));
    onImported();
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // Read the entries now: the drop's data is gone once this handler returns.
    const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
    void filesOf(entries).then(upload);
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="archives-import">
      <Title order={3} fz="md" mb="sm">
        {t('archives.import.title')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end">
          <Select label={t('archives.import.kind')} data={kindOptions(t)} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as ArchiveKind)} w={220} data-testid="archives-import-kind" />
          <Button
            variant="light"
            leftSection={<IconFileImport size={16} />}
            loading={disk.busy}
            disabled={running}
            data-testid="archives-import-disk"
            onClick={() => void disk.run(() => invoke('archives.importFromDisk', { roundId: dossier.roundId, kind }), (item) => {
              notifySuccess(t, t('archives.import.done', { count: 1 }) + ` · ${item.archiveCode}`);
              onImported();
            })}
          >
            {t('archives.import.fromDisk')}
          </Button>
          <Button variant="default" leftSection={<IconFolder size={16} />} disabled={running} onClick={() => folderInput.current?.click()} data-testid="archives-import-folder">
            {t('archives.import.folder')}
          </Button>
        </Group>
        {disk.error?.code !== 'CANCELLED' && <ErrorAlert error={disk.error} coreDetail />}
        <UnstyledButton
          onClick={() => input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          disabled={running}
          data-testid="archives-dropzone"
          style={{
            border: `2px dashed var(--mantine-color-${dragging ? 'blue-5' : 'gray-4'})`,
            borderRadius: 8,
            padding: 16,
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Group gap="sm" wrap="nowrap">
            <IconUpload size={22} color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              {t('archives.import.drop')}
            </Text>
          </Group>
        </UnstyledButton>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="archives-file-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void upload(files);
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          {...FOLDER_PICKER}
          data-testid="archives-folder-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])].sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath, 'zh'));
            e.currentTarget.value = '';
            void upload(files);
          }}
        />
        {rows.length > 0 && (
          <Box data-testid="archives-import-progress" data-finished={finished} data-total={rows.length}>
            <Progress value={(finished / rows.length) * 100} animated={running} aria-label={t('archives.import.title')} />
            {running && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('archives.import.progress', { done: finished + 1, total: rows.length, name: rows.find((r) => r.state === 'uploading')?.name ?? '' })}
              </Text>
            )}
            <List size="sm" mt="xs" spacing={2}>
              {rows.map((row, i) => (
                <List.Item key={`${row.name}-${i}`} c={row.state === 'failed' ? 'red' : row.state === 'done' ? 'teal' : 'dimmed'}>
                  {row.message ?? `${row.name}${row.state === 'done' ? ' ✓' : row.state === 'uploading' ? ' …' : ''}`}
                </List.Item>
              ))}
            </List>
          </Box>
        )}
      </Stack>
    </Card>
  );
}

