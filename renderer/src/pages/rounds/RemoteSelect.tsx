import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { IpcResult } from '../../../../shared/result';
import { useT } from '../../i18n';
import { useRemote } from './useRemote';

export interface RemoteOption<T> {
  value: string;
  label: string;
  description?: string;
  item: T;
}

interface RemoteSelectProps<T> {
  label: string;
  placeholder?: string;
  description?: string;
  required?: boolean;
  error?: string | undefined;
  disabled?: boolean;
  selected: RemoteOption<T> | null;
  onSelect: (option: RemoteOption<T> | null) => void;
  /** Asks the core for the options matching the text (memoise it with useCallback). */
  search: (text: string) => Promise<IpcResult<RemoteOption<T>[]>>;
  'data-testid'?: string;
  'data-autofocus'?: boolean;
}

/**
 * A searchable select whose options come from the core as the user types (people.list,
 * units.list): the search runs in the core, so the list stays short however large the registry.
 */
export function RemoteSelect<T>({ selected, onSelect, search, ...props }: RemoteSelectProps<T>) {
  const t = useT();
  const [searchValue, setSearchValue] = useState(selected?.label ?? '');
  const [debounced] = useDebouncedValue(searchValue, 200);
  // Showing the chosen option's label is not a search.
  const query = selected && debounced === selected.label ? '' : debounced.trim();
  const remote = useRemote(useCallback(() => search(query), [search, query]));

  const options = useMemo(() => {
    const list = remote.data ?? [];
    return selected && !list.some((option) => option.value === selected.value) ? [selected, ...list] : list;
  }, [remote.data, selected]);
  const byValue = useMemo(() => new Map(options.map((option) => [option.value, option])), [options]);

  return (
    <Select
      {...props}
      searchable
      clearable={!props.required}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={options.map((option) => ({ value: option.value, label: option.label }))}
      value={selected?.value ?? null}
      onChange={(value) => onSelect(value ? (byValue.get(value) ?? null) : null)}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      // The core has already filtered by the text.
      filter={({ options: all }) => all}
      nothingFoundMessage={remote.loading ? t('rounds.loading') : t('rounds.picker.nothingFound')}
      rightSection={remote.loading ? <Loader size={14} /> : undefined}
      maxDropdownHeight={280}
      openOnFocus={false}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const full = byValue.get(option.value);
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{option.label}</Text>
            </Group>
            {full?.description && (
              <Text size="xs" c="dimmed">
                {full.description}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
