import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CatalogEntry, Catalogs } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
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
  const [adding, setAdding] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const title = t(`registry.catalog.${name}`);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const entry = adding.trim();
    if (!entry || busy) return;
    setBusy(true);
    setError(null);
    const result = await invoke('catalogs.add', { catalog: name, name: entry });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setAdding('');
    notifySuccess(t, t('registry.catalog.added', { name: entry, catalog: title }));
    onChanged(result.value);
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || busy) return;
    const entry = editing.name.trim();
    if (!entry) return;
    setBusy(true);
    setError(null);
    const result = await invoke('catalogs.rename', { catalog: name, id: editing.id, name: entry });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEditing(null);
    notifySuccess(t, t('registry.catalog.renamed', { name: entry }));
    onChanged(result.value);
  };

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
          editing?.id === entry.id ? (
            <form key={entry.id} onSubmit={(event) => void rename(event)}>
              <Group gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  flex={1}
                  value={editing.name}
                  maxLength={40}
                  onChange={(event) => setEditing({ id: entry.id, name: event.currentTarget.value })}
                  aria-label={t('registry.catalog.renameLabel', { name: entry.name })}
                  data-autofocus
                  autoFocus
                />
                <ActionIcon type="submit" variant="filled" size="md" loading={busy} aria-label={t('common.save')}>
                  <IconCheck size={16} />
                </ActionIcon>
                <ActionIcon variant="default" size="md" onClick={() => setEditing(null)} aria-label={t('common.cancel')}>
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            </form>
          ) : (
            <Group key={entry.id} justify="space-between" wrap="nowrap" className="catalog-entry" py={2}>
              <Text size="sm">{entry.name}</Text>
              {canWrite && (
                <Tooltip label={t('registry.catalog.rename')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() => setEditing({ id: entry.id, name: entry.name })}
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
        <form onSubmit={(event) => void add(event)}>
          <Group gap={6} mt="md" wrap="nowrap">
            <TextInput
              size="xs"
              flex={1}
              placeholder={t('registry.catalog.addPlaceholder')}
              aria-label={t('registry.catalog.addLabel', { catalog: title })}
              value={adding}
              maxLength={40}
              onChange={(event) => setAdding(event.currentTarget.value)}
              data-testid={`catalog-${name}-add`}
            />
            <Button type="submit" size="xs" leftSection={<IconPlus size={14} />} loading={busy} disabled={!adding.trim()}>
              {t('registry.catalog.add')}
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}
