/** The fields a single inspection and a batch of them share: group, mode and 专项 topic. */
import { Select } from '@mantine/core';
import type { Catalogs, RoundPage } from '../../../../shared/contract';
import type { InspectionMode } from '../../../../shared/domain';
import { groupLabel } from '../../../../shared/format';
import { useT } from '../../i18n';
import { isMode, modeOptions } from './roundsFormat';

/** 巡察组 of the round; cleared means no group yet. */
export function GroupSelect({
  groups,
  value,
  onChange,
  testId,
}: {
  groups: RoundPage['groups'];
  value: string | null;
  onChange: (groupId: string | null) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <Select
      label={t('rounds.inspection.col.group')}
      placeholder={t('rounds.inspection.noGroup')}
      data={groups.map((group) => ({ value: String(group.id), label: groupLabel(group.number) }))}
      value={value}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

export function ModeSelect({ value, onChange, testId }: { value: InspectionMode; onChange: (mode: InspectionMode) => void; testId: string }) {
  const t = useT();
  return (
    <Select
      label={t('rounds.inspection.col.mode')}
      required
      data={modeOptions(t)}
      value={value}
      onChange={(next) => isMode(next) && onChange(next)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** The topic of a 专项巡察, from the catalogue. */
export function TopicSelect({
  catalogs,
  value,
  onChange,
  placeholder,
  error,
  testId,
}: {
  catalogs: Catalogs | null;
  value: string | null;
  onChange: (topicId: string | null) => void;
  placeholder?: string;
  error?: string | undefined;
  testId: string;
}) {
  const t = useT();
  return (
    <Select
      label={t('rounds.inspection.topic')}
      required
      placeholder={placeholder}
      data={(catalogs?.specialTopics ?? []).map((topic) => ({ value: String(topic.id), label: topic.name }))}
      value={value}
      onChange={onChange}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
