import { ActionIcon, Badge, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { CatalogEntry, Catalogs } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { EntryAddForm, EntryRenameForm } from '../../components/CatalogEntryForms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

type CatalogName = keyof Catalogs;
const catalogNames: CatalogName[] = ['regions', 'unitKinds', 'specialTopics'];

/** The office's own lists: 旗县区, 单位类别 and 专项主题. Entries are renamed, never deleted (units point at them). */
export function CatalogPanel({
  catalogs,
  canWrite,
  onChanged,
}: {
  catalogs: Catalogs | null;
  canWrite: boolean;
  onChanged: (catalogs: Catalogs) => void;
}) {
  const t = useT();
  return (
    <Stack gap="md" data-testid="catalog-panel">
      <Text size="sm" c="dimmed" maw={760}>
        {t('registry.catalog.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {catalogNames.map((name) => (
          <CatalogCard key={name} name={name} entries={catalogs?.[name] ?? []} canWrite={canWrite} onChanged={onChanged} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CatalogCard({
  name,
  entries,
  canWrite,
  onChanged,
}: {
  name: CatalogName;
  entries: CatalogEntry[];
  canWrite: boolean;
  onChanged: (catalogs: Catalogs) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState<number | null>(null);
  const { busy, error, run } = useSubmit();
  const title = t(`registry.catalog.${name}`);

  const add = (entry: string) =>
    run(
      () => invoke('catalogs.add', { catalog: name, name: entry }),
      (catalogs) => {
        notifySuccess(t, t('registry.catalog.added', { name: entry, catalog: title }));
        onChanged(catalogs);
      },
    );

  const rename = (id: number, entry: string) =>
    void run(
      () => invoke('catalogs.rename', { catalog: name, id, name: entry }),
      (catalogs) => {
        setEditing(null);
        notifySuccess(t, t('registry.catalog.renamed', { name: entry }));
        onChanged(catalogs);
      },
    );

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={`catalog-${name}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        <Badge variant="light" color="gray" radius="sm">
          {entries.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`registry.catalog.${name}.hint`)}
      </Text>
      <Stack gap={4}>
        {entries.map((entry) =>
          editing === entry.id ? (
            <EntryRenameForm
              key={entry.id}
              initial={entry.name}
              label={t('registry.catalog.renameLabel', { name: entry.name })}
              busy={busy}
              onSave={(entryName) => rename(entry.id, entryName)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <Group key={entry.id} justify="space-between" wrap="nowrap" className="catalog-entry" py={2}>
              <Text size="sm">{entry.name}</Text>
              {canWrite && (
                <Tooltip label={t('registry.catalog.rename')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() => setEditing(entry.id)}
                    aria-label={t('registry.catalog.renameLabel', { name: entry.name })}
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ),
        )}
      </Stack>
      {canWrite && (
        <EntryAddForm
          label={t('registry.catalog.addLabel', { catalog: title })}
          placeholder={t('registry.catalog.addPlaceholder')}
          submitLabel={t('registry.catalog.add')}
          busy={busy}
          onAdd={add}
          inputTestId={`catalog-${name}-add`}
        />
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}
