import { ActionIcon, Badge, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { HandoverCatalog } from '../../../../shared/contract';
import type { IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { EntryAddForm, EntryRenameForm } from '../../components/CatalogEntryForms';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

type CatalogName = keyof HandoverCatalog;
type Entry = HandoverCatalog[CatalogName][number];
const catalogNames: CatalogName[] = ['receivers', 'disposalTypes'];

/**
 * 设置 › 移交与处置: the receiving bodies and disposal categories the office uses. Entries are
 * added, renamed, moved up and down, retired and restored; only an entry no record uses can be
 * deleted (the core says so when one is).
 */
export function HandoverCatalogPanel() {
  const t = useT();
  const [fresh, setFresh] = useState<HandoverCatalog | null>(null);
  const loaded = useChannel('handoverCatalog.get', {});
  const catalog = fresh ?? loaded.data;
  return (
    <Stack gap="md" data-testid="handover-catalog">
      <Text size="sm" c="dimmed" maw={760}>
        {t('handover.catalog.intro')}
      </Text>
      <ErrorAlert error={loaded.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {catalogNames.map((name) => (
          <CatalogCard key={name} name={name} entries={catalog?.[name] ?? []} onChanged={setFresh} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CatalogCard({ name, entries, onChanged }: { name: CatalogName; entries: Entry[]; onChanged: (catalog: HandoverCatalog) => void }) {
  const t = useT();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const { busy, error, run: submit } = useSubmit();
  const title = t(`handover.catalog.${name}`);

  /** Runs one change; true when the core took it. */
  const run = async (call: () => Promise<IpcResult<HandoverCatalog>>, done: string): Promise<boolean> => {
    if (busy) return false;
    return submit(call, (catalog) => {
      onChanged(catalog);
      notifySuccess(t, done);
    });
  };

  const add = (entry: string) => run(() => invoke('handoverCatalog.add', { catalog: name, name: entry }), t('handover.catalog.added', { name: entry, catalog: title }));

  const rename = async (id: number, entry: string) => {
    if (await run(() => invoke('handoverCatalog.rename', { catalog: name, id, name: entry }), t('handover.catalog.renamed', { name: entry }))) setEditing(null);
  };

  const move = (index: number, by: -1 | 1) => {
    const ids = entries.map((entry) => entry.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void run(() => invoke('handoverCatalog.reorder', { catalog: name, ids }), t('handover.catalog.moved', { name: entries[index]!.name }));
  };

  const retire = (entry: Entry, retired: boolean) =>
    void run(
      () => invoke('handoverCatalog.setRetired', { catalog: name, id: entry.id, retired }),
      t(retired ? 'handover.catalog.retiredDone' : 'handover.catalog.restoredDone', { name: entry.name }),
    );

  const icon = (label: string, onClick: () => void, child: ReactNode, testId: string, disabled = false) => (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" size="sm" onClick={onClick} aria-label={label} disabled={disabled || busy} data-testid={testId}>
        {child}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={`handover-catalog-${name}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        <Badge variant="light" color="gray" radius="sm">
          {entries.filter((entry) => !entry.retired).length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`handover.catalog.${name}.hint`)}
      </Text>
      <Stack gap={2}>
        {entries.map((entry, index) =>
          editing === entry.id ? (
            <EntryRenameForm
              key={entry.id}
              initial={entry.name}
              label={t('handover.catalog.renameLabel', { name: entry.name })}
              busy={busy}
              onSave={(entryName) => void rename(entry.id, entryName)}
              onCancel={() => setEditing(null)}
              inputTestId="catalog-entry-rename-input"
              saveTestId="catalog-entry-rename-save"
            />
          ) : (
            <Group key={entry.id} justify="space-between" wrap="nowrap" py={2} data-testid="catalog-entry" data-name={entry.name} data-retired={entry.retired}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c={entry.retired ? 'dimmed' : undefined} td={entry.retired ? 'line-through' : undefined}>
                  {entry.name}
                </Text>
                {entry.retired && (
                  <Badge size="xs" variant="outline" color="gray" radius="sm">
                    {t('handover.catalog.retired')}
                  </Badge>
                )}
                {entry.uses > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('handover.catalog.uses', { count: entry.uses })}
                  </Text>
                )}
              </Group>
              <Group gap={0} wrap="nowrap">
                {icon(t('handover.catalog.up', { name: entry.name }), () => move(index, -1), <IconArrowUp size={14} />, 'catalog-entry-up', index === 0)}
                {icon(t('handover.catalog.down', { name: entry.name }), () => move(index, 1), <IconArrowDown size={14} />, 'catalog-entry-down', index === entries.length - 1)}
                {icon(t('handover.catalog.renameLabel', { name: entry.name }), () => setEditing(entry.id), <IconPencil size={14} />, 'catalog-entry-rename')}
                {entry.retired
                  ? icon(t('handover.catalog.restore', { name: entry.name }), () => retire(entry, false), <IconArrowBackUp size={14} />, 'catalog-entry-restore')
                  : icon(t('handover.catalog.retire', { name: entry.name }), () => retire(entry, true), <IconArchive size={14} />, 'catalog-entry-retire')}
                {entry.uses === 0 && icon(t('handover.catalog.delete', { name: entry.name }), () => setDeleting(entry), <IconTrash size={14} />, 'catalog-entry-delete')}
              </Group>
            </Group>
          ),
        )}
      </Stack>
      <EntryAddForm
        label={t('handover.catalog.addLabel', { catalog: title })}
        placeholder={t('handover.catalog.addPlaceholder')}
        submitLabel={t('handover.catalog.add')}
        busy={busy}
        onAdd={add}
        inputTestId={`handover-catalog-${name}-add`}
        submitTestId={`handover-catalog-${name}-add-submit`}
      />
      <ErrorAlert error={error} coreDetail />
      {deleting && (
        <ConfirmDialog
          title={t('handover.catalog.deleteTitle')}
          body={t('handover.catalog.deleteBody', { name: deleting.name, catalog: title })}
          confirmLabel={t('handover.catalog.deleteConfirm')}
          coreDetail
          onConfirm={() => invoke('handoverCatalog.delete', { catalog: name, id: deleting.id })}
          onClose={() => setDeleting(null)}
          onDone={(catalog) => {
            notifySuccess(t, t('handover.catalog.deleted', { name: deleting.name }));
            setDeleting(null);
            onChanged(catalog);
          }}
        />
      )}
    </Card>
  );
}
