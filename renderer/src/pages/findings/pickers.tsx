/** The round and inspection pickers of the findings module (rounds.list → inspections.list). */
import { Select } from '@mantine/core';
import type { Inspection, RoundSummary } from '../../../../shared/contract';
import { useT, type Translate } from '../../i18n';
import { groupText } from './labels';
import { useChannel } from '../../components/useChannel';

export function useRounds() {
  return useChannel('rounds.list', {});
}

/** 市审计局 · 第一巡察组 · 常规 */
export function inspectionLabel(t: Translate, inspection: Inspection): string {
  return t('findings.inspection.label', { unit: inspection.unitName, group: groupText(t, inspection.groupNumber) });
}

export function RoundSelect({
  rounds,
  value,
  onChange,
  label,
  clearable,
  required,
  error,
  disabled,
  testId,
}: {
  rounds: RoundSummary[] | null;
  value: number | null;
  onChange: (roundId: number | null) => void;
  label: string;
  clearable?: boolean;
  required?: boolean;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  return (
    <Select
      label={label}
      placeholder={clearable ? t('findings.round.all') : t('findings.round.choose')}
      data={(rounds ?? []).map((round) => ({ value: String(round.id), label: round.label }))}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : null)}
      clearable={clearable}
      allowDeselect={Boolean(clearable)}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      required={required}
      error={error}
      disabled={disabled}
      searchable
      nothingFoundMessage={t('findings.round.none')}
      data-testid={testId}
    />
  );
}

export function InspectionSelect({
  inspections,
  value,
  onChange,
  label,
  required,
  clearable,
  error,
  disabled,
  description,
  testId,
}: {
  inspections: Inspection[] | null;
  value: number | null;
  onChange: (inspection: Inspection | null) => void;
  label: string;
  required?: boolean;
  clearable?: boolean;
  error?: string | undefined;
  disabled?: boolean;
  description?: string;
  testId?: string;
}) {
  const t = useT();
  const byId = new Map((inspections ?? []).map((inspection) => [String(inspection.id), inspection]));
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('findings.inspection.choose')}
      data={(inspections ?? []).map((inspection) => ({ value: String(inspection.id), label: inspectionLabel(t, inspection) }))}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next ? (byId.get(next) ?? null) : null)}
      required={required}
      clearable={clearable}
      allowDeselect={Boolean(clearable)}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      error={error}
      disabled={disabled}
      searchable
      nothingFoundMessage={t('findings.inspection.none')}
      data-testid={testId}
    />
  );
}
