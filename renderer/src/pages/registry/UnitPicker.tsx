import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { regionLabel } from './labels';
import { useChannel } from '../../components/useChannel';

export interface UnitRef {
  id: number;
  name: string;
}

/**
 * Picks a unit from the registry by typing part of its name: the registry can hold thousands of
 * units (every 村 and 派出所), so the search runs in the core, 20 at a time.
 */
export function UnitPicker({
  label,
  value,
  onChange,
  excludeId,
  description,
  placeholder,
  testId,
}: {
  label: string;
  value: UnitRef | null;
  onChange: (value: UnitRef | null) => void;
  /** The unit being edited: it cannot be its own parent. */
  excludeId?: number;
  description?: string;
  placeholder?: string;
  testId?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState(value?.name ?? '');
  const [query] = useDebouncedValue(search.trim(), 250);
  // Once a unit is chosen its name is the search text: list from scratch then, not just itself.
  const text = value && query === value.name ? '' : query;
  const { data, loading } = useChannel('units.list', { ...(text ? { text } : {}), page: 1, pageSize: 20 });

  const found = useMemo(() => (data?.items ?? []).filter((unit) => unit.id !== excludeId), [data, excludeId]);
  const details = useMemo(() => new Map(found.map((unit) => [String(unit.id), unit])), [found]);
  const options = useMemo(() => {
    const list = found.map((unit) => ({ value: String(unit.id), label: unit.name }));
    if (value && !details.has(String(value.id))) list.unshift({ value: String(value.id), label: value.name });
    return list;
  }, [found, details, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('registry.picker.placeholder')}
      data={options}
      value={value ? String(value.id) : null}
      onChange={(selected, option) => onChange(selected && option ? { id: Number(selected), name: option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core has filtered already; the names differ from the search text only by the parts typed.
      filter={({ options: all }) => all}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={loading ? t('registry.picker.loading') : t('registry.picker.none')}
      renderOption={({ option }) => {
        const unit = details.get(option.value);
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            {unit && (
              <Text size="xs" c="dimmed">
                {regionLabel(t, unit.regionName)} · {unit.kindName}
              </Text>
            )}
          </Group>
        );
      }}
      data-testid={testId}
    />
  );
}
