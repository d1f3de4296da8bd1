/**
 * The two small forms every office list (旗县区, 单位类别, 接收单位, 处置方式…) is edited with:
 * a new entry under the list, and an entry renamed in place. Enter saves, Escape leaves a rename.
 */
import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n';

/** The core's limit on an entry's name. */
const MAX_ENTRY_LENGTH = 40;

export function EntryRenameForm({
  initial,
  label,
  busy,
  onSave,
  onCancel,
  inputTestId,
  saveTestId,
}: {
  initial: string;
  label: string;
  busy: boolean;
  /** Gets the trimmed new name; never called with an empty one. */
  onSave: (name: string) => void;
  onCancel: () => void;
  inputTestId?: string;
  saveTestId?: string;
}) {
  const t = useT();
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = name.trim();
    if (entry && !busy) onSave(entry);
  };
  return (
    <form onSubmit={submit}>
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          flex={1}
          value={name}
          maxLength={MAX_ENTRY_LENGTH}
          onChange={(event) => setName(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Escape' && onCancel()}
          aria-label={label}
          data-autofocus
          autoFocus
          data-testid={inputTestId}
        />
        <ActionIcon type="submit" variant="filled" size="md" loading={busy} aria-label={t('common.save')} data-testid={saveTestId}>
          <IconCheck size={16} />
        </ActionIcon>
        <ActionIcon variant="default" size="md" onClick={onCancel} aria-label={t('common.cancel')}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
    </form>
  );
}

export function EntryAddForm({
  label,
  placeholder,
  submitLabel,
  busy,
  onAdd,
  inputTestId,
  submitTestId,
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  busy: boolean;
  /** Gets the trimmed name; resolves true when the core took it, which empties the field. */
  onAdd: (name: string) => Promise<boolean>;
  inputTestId: string;
  submitTestId?: string;
}) {
  const [adding, setAdding] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entry = adding.trim();
    if (!entry || busy) return;
    if (await onAdd(entry)) setAdding('');
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Group gap={6} mt="md" wrap="nowrap">
        <TextInput
          size="xs"
          flex={1}
          placeholder={placeholder}
          aria-label={label}
          value={adding}
          maxLength={MAX_ENTRY_LENGTH}
          onChange={(event) => setAdding(event.currentTarget.value)}
          data-testid={inputTestId}
        />
        <Button type="submit" size="xs" leftSection={<IconPlus size={14} />} loading={busy} disabled={!adding.trim()} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
