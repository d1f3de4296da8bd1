import { Alert, Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CommonList } from '../../../../../shared/contract';
import { invoke } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { FormDialog } from '../../../components/FormDialog';
import { useChannel } from '../../../components/useChannel';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';

/**
 * 印发: the date, the deadline for the units' reports, and the units: whole kinds (市直部门,
 * 乡镇/街道 …), optionally only in some 旗县区, plus units picked one by one. The core resolves
 * the kinds to the active units of the registry when the list is issued.
 */
export function IssueDialog({ list, onClose, onDone }: { list: CommonList; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const catalogs = useChannel('catalogs.get', {});
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [kindIds, setKindIds] = useState<string[]>([]);
  const [regionIds, setRegionIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const found = useChannel('units.list', { ...(query ? { text: query } : {}), status: 'active', page: 1, pageSize: 50 });
  const { busy, error, run } = useSubmit();

  const unitOptions = useMemo(() => {
    const options = new Map(known);
    for (const unit of found.data?.items ?? []) options.set(String(unit.id), unit.regionName ? `${unit.name}（${unit.regionName}）` : unit.name);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [known, found.data]);

  const submit = () =>
    run(
      () =>
        invoke('commonLists.issue', {
          id: list.id,
          issuedOn: issuedOn ?? '',
          deadline: deadline ?? '',
          units: { kindIds: kindIds.map(Number), regionIds: regionIds.map(Number), unitIds: unitIds.map(Number) },
        }),
      () => onDone(),
    );

  return (
    <FormDialog
      title={t('commonList.issue.title')}
      size="lg"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('commonList.issue.submit')}
      submitTestId="common-issue-submit"
      testId="common-issue-form"
    >
      <Text fw={600}>{list.title}</Text>
      <Group grow align="flex-start">
        <DateField label={t('commonList.issue.issuedOn')} value={issuedOn} onChange={setIssuedOn} required testId="common-issue-date" data-autofocus />
        <DateField label={t('commonList.issue.deadline')} value={deadline} onChange={setDeadline} required testId="common-issue-deadline" />
      </Group>
      <MultiSelect
        label={t('commonList.issue.kinds')}
        data={(catalogs.data?.unitKinds ?? []).map((k) => ({ value: String(k.id), label: k.name }))}
        value={kindIds}
        onChange={setKindIds}
        searchable
        clearable
        data-testid="common-issue-kinds"
      />
      <MultiSelect
        label={t('commonList.issue.regions')}
        description={t('commonList.issue.regionsHint')}
        data={[{ value: '0', label: t('commonList.issue.cityLevel') }, ...(catalogs.data?.regions ?? []).map((r) => ({ value: String(r.id), label: r.name }))]}
        value={regionIds}
        onChange={setRegionIds}
        searchable
        clearable
        data-testid="common-issue-regions"
      />
      <MultiSelect
        label={t('commonList.issue.units')}
        data={unitOptions}
        value={unitIds}
        onChange={(values) => {
          setUnitIds(values);
          setKnown(new Map(values.map((v) => [v, unitOptions.find((o) => o.value === v)?.label ?? v])));
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        clearable
        data-testid="common-issue-units"
      />
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
        {t('commonList.issue.warning')}
      </Alert>
    </FormDialog>
  );
}
