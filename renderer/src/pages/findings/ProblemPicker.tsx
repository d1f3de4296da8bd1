import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../i18n';

/**
 * Links an item to one problem of the round: the search runs in the core (full text), so the
 * list stays short however many problems the round has.
 */
export function ProblemPicker({
  roundId,
  value,
  onChange,
  label,
  description,
  testId,
}: {
  roundId: number;
  value: Problem | null;
  onChange: (problem: Problem | null) => void;
  label: string;
  description?: string;
  testId?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const query = value && debounced === value.description ? '' : debounced.trim();
  const [found, setFound] = useState<{ query: string; items: Problem[] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void invoke('problems.list', { roundId, ...(query ? { text: query.slice(0, 100) } : {}), page: 1, pageSize: 30 }).then((result) => {
      if (!cancelled && result.ok) setFound({ query, items: result.value.items });
    });
    return () => {
      cancelled = true;
    };
  }, [roundId, query]);

  const options = useMemo(() => {
    const list = found?.items ?? [];
    return value && !list.some((problem) => problem.id === value.id) ? [value, ...list] : list;
  }, [found, value]);
  const byId = useMemo(() => new Map(options.map((problem) => [String(problem.id), problem])), [options]);
  const loading = found?.query !== query;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('findings.problemPicker.placeholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={options.map((problem) => ({ value: String(problem.id), label: problem.description }))}
      value={value ? String(value.id) : null}
      onChange={(next) => onChange(next ? (byId.get(next) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('findings.loading') : t('findings.problemPicker.none')}
      rightSection={loading ? <Loader size={14} /> : undefined}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const problem = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" lineClamp={2}>
              {option.label}
            </Text>
            {problem && (
              <Text size="xs" c="dimmed">
                {problem.unitName}
              </Text>
            )}
          </Stack>
        );
      }}
      data-testid={testId}
    />
  );
}

/** The problems linked from a list's items, read one by one (a round has few such items). */
export function useLinkedProblems(ids: number[]): Map<number, Problem> {
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  const [loaded, setLoaded] = useState<{ key: string; problems: Map<number, Problem> }>({ key: '', problems: new Map() });
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void Promise.all(key.split(',').map((id) => invoke('problems.get', { id: Number(id) }))).then((results) => {
      if (cancelled) return;
      const problems = new Map<number, Problem>();
      for (const result of results) if (result.ok) problems.set(result.value.id, result.value);
      setLoaded({ key, problems });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return loaded.problems;
}
