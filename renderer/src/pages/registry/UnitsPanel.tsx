import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowsJoin,
  IconDownload,
  IconFileImport,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTableExport,
  IconAward,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Catalogs, Unit, UnitFilter } from '../../../../shared/contract';
import { unitStatuses, type UnitStatus } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { notifyError, notifySuccess } from '../../components/notify';
import { TablePager } from '../../components/TablePager';
import { useT } from '../../i18n';
import { useFocusRequest } from '../../state/focus-request';
import { saveDownload } from './files';
import { ImportDialog, type ImportKind } from './ImportDialog';
import { kindOptions, regionLabel, regionOptions } from './labels';
import { StatusBadge } from './StatusBadge';
import { UnitDialog, UnitStatusDialog } from './UnitDialog';
import { UnitDrawer } from './UnitDrawer';
import { useChannel } from '../../components/useChannel';
import { useListQuery } from '../../components/useListQuery';

interface Filters {
  text: string;
  kindId: string | null;
  regionId: string | null;
  status: UnitStatus | null;
}

const emptyFilters: Filters = { text: '', kindId: null, regionId: null, status: null };

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'status'; unit: Unit }
  | { kind: 'import'; what: ImportKind }
  | null;

function toFilter(filters: Filters): UnitFilter {
  return {
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(filters.kindId ? { kindId: Number(filters.kindId) } : {}),
    ...(filters.regionId !== null ? { regionId: Number(filters.regionId) } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

function isUnitStatus(value: string | null): value is UnitStatus {
  return value !== null && (unitStatuses as readonly string[]).includes(value);
}

/** 被巡察单位: the registry, server-paged, with import and export. */
export function UnitsPanel({ catalogs, canWrite }: { catalogs: Catalogs | null; canWrite: boolean }) {
  const t = useT();
  const list = useListQuery(emptyFilters);
  const { draft, setDraft } = list;
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  // A unit chosen in quick search (Ctrl+K).
  useFocusRequest('unit', (request) => setOpenUnit(request.id));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<AppErrorShape | null>(null);

  const filter = useMemo(() => toFilter(list.applied), [list.applied]);
  const { data, error, loading } = useChannel('units.list', { ...filter, page: list.page, pageSize: list.pageSize }, version);
  const changed = (message: string) => {
    setDialog(null);
    notifySuccess(t, message);
    setVersion((current) => current + 1);
  };

  const exportUnits = async () => {
    setExporting(true);
    setExportError(null);
    const result = await invoke('units.export', filter);
    setExporting(false);
    if (!result.ok) {
      setExportError(result.error);
      return;
    }
    saveDownload(result.value);
  };

  const downloadTemplate = async () => {
    const result = await invoke('units.importTemplate', {});
    if (!result.ok) {
      notifyError(t, result.error);
      return;
    }
    saveDownload(result.value);
  };

  const statusOptions = unitStatuses.map((status) => ({ value: status, label: t(`registry.status.${status}`) }));

  return (
    <Stack gap="md" data-testid="units-panel">
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {canWrite && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'create' })} data-testid="unit-create">
              {t('registry.toolbar.create')}
            </Button>
          )}
          {canWrite && (
            <Button
              variant="outline"
              leftSection={<IconFileImport size={18} />}
              onClick={() => setDialog({ kind: 'import', what: 'units' })}
              data-testid="unit-import"
            >
              {t('registry.toolbar.import')}
            </Button>
          )}
          {canWrite && (
            <Button
              variant="outline"
              leftSection={<IconAward size={18} />}
              onClick={() => setDialog({ kind: 'import', what: 'assessments' })}
              data-testid="assessment-import"
            >
              {t('registry.toolbar.importAssessments')}
            </Button>
          )}
        </Group>
        <Group gap="sm">
          {canWrite && (
            <Button variant="subtle" leftSection={<IconDownload size={18} />} onClick={() => void downloadTemplate()} data-testid="unit-template">
              {t('registry.toolbar.template')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconTableExport size={18} />}
            onClick={() => void exportUnits()}
            loading={exporting}
            data-testid="unit-export"
          >
            {t('registry.toolbar.export')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={exportError} />

      <Card withBorder radius="md" padding="md">
        <form onSubmit={list.submit} data-testid="unit-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <TextInput
              label={t('registry.filter.text')}
              placeholder={t('registry.filter.text.placeholder')}
              value={draft.text}
              maxLength={80}
              onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
              leftSection={<IconSearch size={16} />}
              data-testid="unit-filter-text"
            />
            <Select
              label={t('registry.col.kind')}
              placeholder={t('common.all')}
              data={kindOptions(catalogs)}
              value={draft.kindId}
              onChange={(value) => list.choose({ ...draft, kindId: value })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="unit-filter-kind"
            />
            <Select
              label={t('registry.col.region')}
              placeholder={t('common.all')}
              data={regionOptions(t, catalogs)}
              value={draft.regionId}
              onChange={(value) => list.choose({ ...draft, regionId: value })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="unit-filter-region"
            />
            <Select
              label={t('registry.col.status')}
              placeholder={t('common.all')}
              data={statusOptions}
              value={draft.status}
              onChange={(value) => list.choose({ ...draft, status: isUnitStatus(value) ? value : null })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="unit-filter-status"
            />
          </SimpleGrid>
          <FilterActions onReset={list.reset} submitTestId="unit-filter-submit" />
        </form>
      </Card>

      <ErrorAlert error={error} />

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={1060}>
          <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" data-testid="units-table">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th miw={180}>{t('registry.col.name')}</Table.Th>
                <Table.Th>{t('registry.col.kind')}</Table.Th>
                <Table.Th>{t('registry.col.region')}</Table.Th>
                <Table.Th>{t('registry.col.parent')}</Table.Th>
                <Table.Th>{t('registry.col.partyOrgType')}</Table.Th>
                <Table.Th>{t('registry.col.assessment')}</Table.Th>
                <Table.Th ta="right">{t('registry.col.inspections')}</Table.Th>
                <Table.Th>{t('registry.col.lastInspected')}</Table.Th>
                <Table.Th>{t('registry.col.status')}</Table.Th>
                {canWrite && <Table.Th ta="right">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.map((unit) => (
                <Table.Tr key={unit.id} data-unit-id={unit.id} data-unit-name={unit.name}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={500}
                      ta="left"
                      style={{ whiteSpace: 'normal' }}
                      onClick={() => setOpenUnit(unit.id)}
                      data-testid="unit-open"
                    >
                      {unit.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{unit.kindName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{regionLabel(t, unit.regionName)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={unit.parentName ? undefined : 'dimmed'}>
                      {unit.parentName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{unit.partyOrgType}</Text>
                  </Table.Td>
                  <Table.Td>
                    {unit.latestAssessment ? (
                      <Text size="sm">
                        {t('registry.assessment', { year: unit.latestAssessment.year, result: unit.latestAssessment.result })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={unit.inspectionCount ? undefined : 'dimmed'}>
                      {unit.inspectionCount}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={unit.lastInspectedIn ? undefined : 'dimmed'}>
                      {unit.lastInspectedIn ?? t('registry.never')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={unit.status} on={unit.statusChangedOn} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('registry.action.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('registry.action.edit')}
                            onClick={() => setDialog({ kind: 'edit', unit })}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={unit.status === 'active' ? t('registry.action.retire') : t('registry.action.restore')}>
                          <ActionIcon
                            variant="subtle"
                            color={unit.status === 'active' ? 'red' : 'teal'}
                            aria-label={unit.status === 'active' ? t('registry.action.retire') : t('registry.action.restore')}
                            onClick={() => setDialog({ kind: 'status', unit })}
                          >
                            <IconArrowsJoin size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {data && data.items.length === 0 && (
                <EmptyRow colSpan={canWrite ? 10 : 9}>
                  {data.total === 0 && !Object.keys(filter).length ? t('registry.empty.none') : t('registry.empty.filtered')}
                </EmptyRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePager
          page={list.page}
          pageSize={list.pageSize}
          total={data?.total ?? 0}
          totalLabel={(total) => t('registry.total', { total })}
          loading={loading}
          onChange={list.turn}
          testId="units"
        />
      </Card>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UnitDialog
          unit={dialog.kind === 'edit' ? dialog.unit : null}
          catalogs={catalogs}
          onClose={() => setDialog(null)}
          onDone={(unit) => changed(dialog.kind === 'edit' ? t('registry.unit.updated', { name: unit.name }) : t('registry.unit.created', { name: unit.name }))}
        />
      )}
      {dialog?.kind === 'status' && (
        <UnitStatusDialog
          unit={dialog.unit}
          onClose={() => setDialog(null)}
          onDone={(unit) => changed(t('registry.status.changed', { name: unit.name, status: t(`registry.status.${unit.status}`) }))}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          kind={dialog.what}
          onClose={() => setDialog(null)}
          onImported={(count) =>
            changed(dialog.what === 'units' ? t('registry.import.doneUnits', { count }) : t('registry.import.doneAssessments', { count }))
          }
        />
      )}
      <UnitDrawer
        unitId={openUnit}
        version={version}
        canWrite={canWrite}
        onClose={() => setOpenUnit(null)}
        onOpenUnit={setOpenUnit}
        onEdit={(unit) => setDialog({ kind: 'edit', unit })}
        onStatus={(unit) => setDialog({ kind: 'status', unit })}
      />
    </Stack>
  );
}
