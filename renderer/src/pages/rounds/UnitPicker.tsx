import { useCallback } from 'react';
import type { Unit } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useT, type Translate } from '../../i18n';
import { RemoteSelect, type RemoteOption } from './RemoteSelect';

function unitOption(t: Translate, unit: Unit): RemoteOption<Unit> {
  return {
    value: String(unit.id),
    label: unit.name,
    description: [unit.kindName, unit.regionName ?? t('rounds.cityLevel'), unit.lastInspectedIn ? t('rounds.unit.lastInspected', { label: unit.lastInspectedIn }) : null]
      .filter(Boolean)
      .join(' · '),
    item: unit,
  };
}

/** Picks an active unit of the registry (被巡察单位) by name. */
export function UnitPicker(props: {
  label: string;
  placeholder?: string;
  description?: string;
  required?: boolean;
  error?: string | undefined;
  selected: Unit | null;
  onSelect: (unit: Unit | null) => void;
  'data-testid'?: string;
  'data-autofocus'?: boolean;
}) {
  const t = useT();
  const { selected, onSelect, ...rest } = props;
  const search = useCallback(
    async (text: string) => {
      const result = await invoke('units.list', { ...(text ? { text } : {}), status: 'active', page: 1, pageSize: 50 });
      return result.ok ? { ok: true as const, value: result.value.items.map((unit) => unitOption(t, unit)) } : result;
    },
    [t],
  );
  return (
    <RemoteSelect<Unit>
      {...rest}
      selected={selected ? unitOption(t, selected) : null}
      onSelect={(option) => onSelect(option?.item ?? null)}
      search={search}
    />
  );
}
