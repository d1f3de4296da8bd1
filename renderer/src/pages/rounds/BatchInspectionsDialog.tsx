import { Alert, Badge, Button, Checkbox, Divider, Group, List, Loader, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { Catalogs, ChannelOutput, RoundPage, Unit } from '../../../../shared/contract';
import type { InspectionMode } from '../../../../shared/domain';
import type { IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { datesReversed } from '../../components/dates';
import { useSubmit } from '../../components/useSubmit';
import { GroupSelect, ModeSelect, TopicSelect } from './InspectionFields';
import { useRemote } from './useRemote';

type BatchResult = ChannelOutput<'inspections.createBatch'>;
interface UnitFilter {
  kindId: string | null;
  /** '0' = 市本级 (no region). */
  regionId: string | null;
  text: string;
}

/** Every active unit matching the filter, fetched page by page (the core pages at 500). */
async function loadUnits(filter: UnitFilter): Promise<IpcResult<Unit[]>> {
  const items: Unit[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const result = await invoke('units.list', {
      ...(filter.kindId ? { kindId: Number(filter.kindId) } : {}),
      ...(filter.regionId !== null ? { regionId: Number(filter.regionId) } : {}),
      ...(filter.text ? { text: filter.text } : {}),
      status: 'active',
      page,
      pageSize: 500,
    });
    if (!result.ok) return result;
    items.push(...result.value.items);
    if (items.length >= result.value.total || result.value.items.length === 0) break;
  }
  return { ok: true, value: items };
}

/**
 * 批量新建: all 派出所 of one county, all 国土所 … in one step. Filter the registry, tick the
 * units, choose group and mode; units already in the round are shown and left out, and the
 * core reports what it created and what it skipped.
 */
export function BatchInspectionsDialog({
  page,
  catalogs,
  onClose,
  onChanged,
}: {
  page: RoundPage;
  catalogs: Catalogs | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const roundId = page.round.id;
  const inRound = useMemo(
    () => new Set([...page.groups.flatMap((group) => group.inspections), ...page.unassigned].map((inspection) => inspection.unitId)),
    [page],
  );
  const [filter, setFilter] = useState<UnitFilter>({ kindId: null, regionId: null, text: '' });
  const [draftText, setDraftText] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [groupId, setGroupId] = useState<string | null>(page.groups[0] ? String(page.groups[0].id) : null);
  const [mode, setMode] = useState<InspectionMode>('routine');
  const [topicId, setTopicId] = useState<string | null>(null);
  const [linkage, setLinkage] = useState(false);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [invalid, setInvalid] = useState<MessageKey | null>(null);
  const { busy, error, run } = useSubmit();
  const [result, setResult] = useState<BatchResult | null>(null);

  const hasFilter = filter.kindId !== null || filter.regionId !== null || filter.text !== '';
  const units = useRemote(
    useCallback(() => (hasFilter ? loadUnits(filter) : Promise.resolve({ ok: true as const, value: [] as Unit[] })), [hasFilter, filter]),
  );
  const list = useMemo(
    () => [...(units.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    [units.data],
  );
  const eligible = list.filter((unit) => !inRound.has(unit.id));
  const chosen = eligible.filter((unit) => selected.has(unit.id));
  const allChosen = eligible.length > 0 && chosen.length === eligible.length;

  const changeFilter = (next: Partial<UnitFilter>) => {
    setFilter((current) => ({ ...current, ...next }));
    setSelected(new Set());
    setInvalid(null);
  };
  const toggle = (unitId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(unitId);
      else next.delete(unitId);
      return next;
    });

  const kindName = catalogs?.unitKinds.find((kind) => String(kind.id) === filter.kindId)?.name;
  const regionName =
    filter.regionId === '0' ? t('rounds.cityLevel') : catalogs?.regions.find((region) => String(region.id) === filter.regionId)?.name;
  const scope = [kindName, regionName, filter.text ? `“${filter.text}”` : null].filter(Boolean).join(' · ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (chosen.length === 0) {
      setInvalid('rounds.batch.noneChosen');
      return;
    }
    if (mode === 'special' && !topicId) {
      setInvalid('rounds.inspection.topicRequired');
      return;
    }
    if (datesReversed(startsOn, endsOn)) {
      setInvalid('rounds.validation.dateOrder');
      return;
    }
    setInvalid(null);
    const input = {
      roundId,
      unitIds: chosen.map((unit) => unit.id),
      groupId: groupId ? Number(groupId) : null,
      mode,
      topicId: mode === 'special' && topicId ? Number(topicId) : null,
      linkage,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
    };
    await run(
      () => invoke('inspections.createBatch', input),
      (created) => {
        setResult(created);
        onChanged();
      },
    );
  };

  if (result) {
    return (
      <Modal opened onClose={onClose} title={t('rounds.batch.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md" data-testid="batch-result">
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="batch-created">
            {t('rounds.batch.created', { created: result.created.length, skipped: result.skipped.length })}
          </Alert>
          {result.skipped.length > 0 && (
            <Stack gap={4} data-testid="batch-skipped">
              <Text size="sm" fw={500}>
                {t('rounds.batch.skippedTitle')}
              </Text>
              <List size="sm">
                {result.skipped.map((skip) => (
                  <List.Item key={skip.unitId}>
                    {skip.unitName}：{skip.reason}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus data-testid="batch-done">
              {t('rounds.batch.done')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const regionOptions = [
    { value: '0', label: t('rounds.cityLevel') },
    ...(catalogs?.regions ?? []).map((region) => ({ value: String(region.id), label: region.name })),
  ];

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('rounds.batch.title')} size={980} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="batch-dialog">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            changeFilter({ text: draftText.trim() });
          }}
          data-testid="batch-filter"
        >
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('rounds.batch.kind')}
              placeholder={t('common.all')}
              data={(catalogs?.unitKinds ?? []).map((kind) => ({ value: String(kind.id), label: kind.name }))}
              value={filter.kindId}
              onChange={(value) => changeFilter({ kindId: value })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
              w={180}
              data-autofocus
              data-testid="batch-kind"
            />
            <Select
              label={t('rounds.batch.region')}
              placeholder={t('common.all')}
              data={regionOptions}
              value={filter.regionId}
              onChange={(value) => changeFilter({ regionId: value })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
              w={180}
              data-testid="batch-region"
            />
            <TextInput
              label={t('rounds.batch.text')}
              placeholder={t('rounds.inspection.filter.unitPlaceholder')}
              value={draftText}
              onChange={(event) => setDraftText(event.currentTarget.value)}
              w={220}
              data-testid="batch-text"
            />
            <Button type="submit" variant="default" leftSection={<IconSearch size={16} />}>
              {t('common.search')}
            </Button>
          </Group>
        </form>

        {!hasFilter ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {t('rounds.batch.filterFirst')}
          </Alert>
        ) : (
          <Stack gap={6}>
            <Group justify="space-between">
              <Checkbox
                label={t('rounds.batch.selectAll', { count: eligible.length })}
                checked={allChosen}
                indeterminate={chosen.length > 0 && !allChosen}
                disabled={eligible.length === 0}
                onChange={(event) => setSelected(event.currentTarget.checked ? new Set(eligible.map((unit) => unit.id)) : new Set())}
                data-testid="batch-select-all"
              />
              <Group gap="xs">
                {units.loading && <Loader size="xs" />}
                <Text size="sm" c="dimmed" data-testid="batch-count">
                  {t('rounds.batch.count', { chosen: chosen.length, total: list.length, scope })}
                </Text>
              </Group>
            </Group>
            <CoreErrorAlert error={units.error} />
            <ScrollArea.Autosize mah={300} type="auto" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
              <Table verticalSpacing={4} horizontalSpacing="sm" stickyHeader data-testid="batch-units">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40} />
                    <Table.Th>{t('rounds.inspection.col.unit')}</Table.Th>
                    <Table.Th w={110}>{t('rounds.inspection.col.kind')}</Table.Th>
                    <Table.Th w={110}>{t('rounds.inspection.col.region')}</Table.Th>
                    <Table.Th w={220}>{t('rounds.batch.lastInspected')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((unit) => {
                    const already = inRound.has(unit.id);
                    return (
                      <Table.Tr key={unit.id} data-testid="batch-unit" data-unit={unit.name}>
                        <Table.Td>
                          <Checkbox
                            checked={!already && selected.has(unit.id)}
                            disabled={already}
                            onChange={(event) => toggle(unit.id, event.currentTarget.checked)}
                            aria-label={unit.name}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" c={already ? 'dimmed' : undefined}>
                              {unit.name}
                            </Text>
                            {already && (
                              <Badge size="xs" variant="light" color="gray" radius="sm">
                                {t('rounds.batch.already')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{unit.kindName}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{unit.regionName ?? t('rounds.cityLevel')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {unit.lastInspectedIn ?? t('rounds.batch.never')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  {units.data && list.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text ta="center" c="dimmed" py="md">
                          {t('rounds.picker.nothingFound')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        )}

        <Divider label={t('rounds.batch.settings')} labelPosition="left" />
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="batch-form">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <GroupSelect groups={page.groups} value={groupId} onChange={setGroupId} testId="batch-group" />
              <ModeSelect value={mode} onChange={setMode} testId="batch-mode" />
              {mode === 'special' ? (
                <TopicSelect catalogs={catalogs} value={topicId} onChange={setTopicId} testId="batch-topic" />
              ) : (
                <Checkbox
                  mt={30}
                  label={t('rounds.inspection.linkage')}
                  checked={linkage}
                  onChange={(event) => setLinkage(event.currentTarget.checked)}
                  data-testid="batch-linkage"
                />
              )}
            </SimpleGrid>
            {mode === 'lookback' && (
              <Text size="xs" c="dimmed">
                {t('rounds.batch.lookbackNote')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label={t('rounds.inspection.startsOn')} value={startsOn} onChange={(value) => setStartsOn(value ?? '')} />
              <DateField label={t('rounds.inspection.endsOn')} value={endsOn} onChange={(value) => setEndsOn(value ?? '')} minDate={startsOn} />
            </SimpleGrid>
            {invalid && (
              <Text size="sm" c="red.7" role="alert" data-testid="batch-invalid">
                {t(invalid)}
              </Text>
            )}
            <CoreErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="batch-submit">
                {t('rounds.batch.submit', { count: chosen.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
