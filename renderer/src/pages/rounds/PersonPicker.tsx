import { useCallback } from 'react';
import type { Person } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { RemoteSelect, type RemoteOption } from './RemoteSelect';

export function personUnit(person: Pick<Person, 'unitName' | 'unitText'>): string {
  return person.unitName ?? person.unitText;
}

export function personOption(person: Person): RemoteOption<Person> {
  const unit = personUnit(person);
  return {
    value: String(person.id),
    label: unit ? `${person.name}（${unit}）` : person.name,
    description: [person.position, person.rank, person.regionName].filter(Boolean).join(' · '),
    item: person,
  };
}

/** Picks a person from the talent pool (巡察人才库) by name, position or speciality. */
export function PersonPicker(props: {
  label: string;
  placeholder?: string;
  required?: boolean;
  error?: string | undefined;
  selected: Person | null;
  onSelect: (person: Person | null) => void;
  'data-testid'?: string;
  'data-autofocus'?: boolean;
}) {
  const { selected, onSelect, ...rest } = props;
  const search = useCallback(async (text: string) => {
    const result = await invoke('people.list', { ...(text ? { text } : {}), page: 1, pageSize: 50 });
    return result.ok ? { ok: true as const, value: result.value.items.map(personOption) } : result;
  }, []);
  return (
    <RemoteSelect<Person>
      {...rest}
      selected={selected ? personOption(selected) : null}
      onSelect={(option) => onSelect(option?.item ?? null)}
      search={search}
    />
  );
}
