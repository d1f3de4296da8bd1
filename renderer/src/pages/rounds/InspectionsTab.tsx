import { ActionIcon, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconListDetails, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Catalogs, Inspection, RoundPage } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useFormatDate, useT } from '../../i18n';
import { BatchInspectionsDialog } from './BatchInspectionsDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InspectionFormDialog } from './InspectionFormDialog';
import { ModeBadge } from './ModeBadge';
import { isMode, modeOptions } from './roundsFormat';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit'; inspection: Inspection } | { kind: 'delete'; inspection: Inspection } | { kind: 'batch' } | null;

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * Every inspection of the round, in the order of the office's lists: group, unit kind, county
 * (市本级 first), then name with numbers in numeric order (第2派出所 before 第10派出所).
 */
export function allInspections(page: RoundPage, catalogs: Catalogs | null): Inspection[] {
  const kindOrder = new Map(catalogs?.unitKinds.map((kind) => [kind.name, kind.sortOrder]) ?? []);
  const regionOrder = new Map(catalogs?.regions.map((region) => [region.name, region.sortOrder]) ?? []);
  const list = [...page.groups.flatMap((group) => group.inspections), ...page.unassigned];
  return list.sort(
    (a, b) =>
      (a.groupNumber ?? 999) - (b.groupNumber ?? 999) ||
      (kindOrder.get(a.unitKind) ?? 999) - (kindOrder.get(b.unitKind) ?? 999) ||
      byName(a.unitKind, b.unitKind) ||
      (a.regionName === null ? -1 : (regionOrder.get(a.regionName) ?? 999)) - (b.regionName === null ? -1 : (regionOrder.get(b.regionName) ?? 999)) ||
      byName(a.unitName, b.unitName),
  );
}

export function InspectionsTab({
  page,
  catalogs,
  mayWrite,
  onChanged,
}: {
  page: RoundPage;
  catalogs: Catalogs | null;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [groupFilter, setGroupFilter] = useState<string | null>(null);
  const [modeFilter, setModeFilter] = useState<string | null>(null);
  const [pageNumber, setPageNumber] = useState(1);

  const all = useMemo(() => allInspections(page, catalogs), [page, catalogs]);
  const filtered = useMemo(() => {
    const needle = text.trim();
    return all.filter(
      (inspection) =>
        (!needle || inspection.unitName.includes(needle)) &&
        (groupFilter === null || (groupFilter === 'none' ? inspection.groupId === null : String(inspection.groupId) === groupFilter)) &&
        (modeFilter === null || inspection.mode === modeFilter),
    );
  }, [all, text, groupFilter, modeFilter]);
  const totalPages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(pageNumber, totalPages);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const groupOptions = [
    ...page.groups.map((group) => ({ value: String(group.id), label: groupLabel(group.number) })),
    { value: 'none', label: t('rounds.inspection.noGroup') },
  ];
  const date = (value: string | null) => (value ? formatDate(value, 'date') : '');

  const finish = (message: string) => {
    setDialog(null);
    notifySuccess(t, message);
    onChanged();
  };

  return (
    <Stack gap="md" data-testid="inspections-tab">
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-end" gap="md">
          <Group gap="md" align="flex-end">
            <TextInput
              label={t('rounds.inspection.filter.unit')}
              placeholder={t('rounds.inspection.filter.unitPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setPageNumber(1);
              }}
              w={220}
              data-testid="inspection-filter-text"
            />
            <Select
              label={t('rounds.inspection.col.group')}
              placeholder={t('common.all')}
              data={groupOptions}
              value={groupFilter}
              onChange={(value) => {
                setGroupFilter(value);
                setPageNumber(1);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={170}
              data-testid="inspection-filter-group"
            />
            <Select
              label={t('rounds.inspection.col.mode')}
              placeholder={t('common.all')}
              data={modeOptions(t)}
              value={modeFilter}
              onChange={(value) => {
                setModeFilter(isMode(value) ? value : null);
                setPageNumber(1);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={150}
              data-testid="inspection-filter-mode"
            />
          </Group>
          {mayWrite && (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconListDetails size={18} />} onClick={() => setDialog({ kind: 'batch' })} data-testid="inspection-batch">
                {t('rounds.batch.open')}
              </Button>
              <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'create' })} data-testid="inspection-create">
                {t('rounds.inspection.create')}
              </Button>
            </Group>
          )}
        </Group>
      </Card>

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="inspections-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rounds.inspection.col.unit')}</Table.Th>
                <Table.Th w={108}>{t('rounds.inspection.col.kind')}</Table.Th>
                <Table.Th w={100}>{t('rounds.inspection.col.region')}</Table.Th>
                <Table.Th w={104}>{t('rounds.inspection.col.group')}</Table.Th>
                <Table.Th w={128}>{t('rounds.inspection.col.mode')}</Table.Th>
                <Table.Th w={170}>{t('rounds.inspection.col.topic')}</Table.Th>
                <Table.Th w={124}>{t('rounds.inspection.col.dates')}</Table.Th>
                {mayWrite && <Table.Th w={76} ta="right">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((inspection) => (
                <Table.Tr key={inspection.id} data-testid="inspection-row" data-unit={inspection.unitName} data-mode={inspection.mode}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {inspection.unitName}
                    </Text>
                    {inspection.note && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {inspection.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{inspection.unitKind}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{inspection.regionName ?? t('rounds.cityLevel')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={inspection.groupNumber === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                      {inspection.groupNumber !== null ? groupLabel(inspection.groupNumber) : t('rounds.inspection.noGroup')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ModeBadge mode={inspection.mode} linkage={inspection.linkage} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="inspection-topic">
                      {inspection.topicName ?? (inspection.followsLabel ? t('rounds.inspection.follows', { label: inspection.followsLabel }) : '—')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {inspection.startsOn || inspection.endsOn ? (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {date(inspection.startsOn) || '—'}
                        <br />
                        {t('rounds.inspection.until', { date: date(inspection.endsOn) || '—' })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('rounds.inspection.roundDates')}
                      </Text>
                    )}
                  </Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('rounds.edit')}>
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setDialog({ kind: 'edit', inspection })}
                            aria-label={t('rounds.inspection.editNamed', { unit: inspection.unitName })}
                            data-testid="inspection-edit"
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('rounds.inspection.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setDialog({ kind: 'delete', inspection })}
                            aria-label={t('rounds.inspection.deleteNamed', { unit: inspection.unitName })}
                            data-testid="inspection-delete"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={mayWrite ? 8 : 7}>
                    <Text ta="center" c="dimmed" py="xl">
                      {all.length === 0 ? t('rounds.inspection.none') : t('rounds.inspection.noMatch')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" p="md" gap="md">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="inspections-total">
              {filtered.length > PAGE_SIZE
                ? t('rounds.inspection.totalPaged', {
                    total: filtered.length,
                    from: (current - 1) * PAGE_SIZE + 1,
                    to: Math.min(current * PAGE_SIZE, filtered.length),
                  })
                : t('rounds.inspection.total', { total: filtered.length })}
            </Text>
          </Group>
          {totalPages > 1 && (
            <Pagination
              total={totalPages}
              value={current}
              onChange={setPageNumber}
              size="sm"
              withEdges
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
              data-testid="inspections-pagination"
            />
          )}
        </Group>
      </Card>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <InspectionFormDialog
          page={page}
          catalogs={catalogs}
          inspection={dialog.kind === 'edit' ? dialog.inspection : null}
          onClose={() => setDialog(null)}
          onDone={(saved) =>
            finish(t(dialog.kind === 'edit' ? 'rounds.inspection.updated' : 'rounds.inspection.created', { unit: saved.unitName }))
          }
        />
      )}
      {dialog?.kind === 'batch' && (
        <BatchInspectionsDialog page={page} catalogs={catalogs} onClose={() => setDialog(null)} onChanged={onChanged} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('rounds.inspection.delete')}
          body={t('rounds.inspection.deleteBody', { unit: dialog.inspection.unitName })}
          confirmLabel={t('rounds.inspection.delete')}
          coreDetail
          onConfirm={() => invoke('inspections.delete', { id: dialog.inspection.id })}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('rounds.inspection.deleted', { unit: dialog.inspection.unitName }))}
        />
      )}
    </Stack>
  );
}
