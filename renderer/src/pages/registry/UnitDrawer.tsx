import { Anchor, Badge, Button, DataList, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsJoin, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Unit } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatDate, useT } from '../../i18n';
import { isInspectionMode, modeColors, modeLabel, regionLabel } from './labels';
import { StatusBadge } from './StatusBadge';
import { useChannel } from '../../components/useChannel';

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group gap="xs">
        <Title order={3} fz="sm">
          {title}
        </Title>
        {count !== undefined && (
          <Badge size="sm" variant="light" color="gray" radius="sm">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

/** One unit: its particulars, 党建考核 by year, units below it, and every inspection of it. */
export function UnitDrawer({
  unitId,
  version,
  canWrite,
  onClose,
  onOpenUnit,
  onEdit,
  onStatus,
}: {
  unitId: number | null;
  version: number;
  canWrite: boolean;
  onClose: () => void;
  onOpenUnit: (id: number) => void;
  onEdit: (unit: Unit) => void;
  onStatus: (unit: Unit) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const { data, error, loading } = useChannel('units.get', unitId === null ? null : { id: unitId }, version);
  const unit = data && data.id === unitId ? data : null;

  return (
    <Drawer
      opened={unitId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={unit?.name ?? t('registry.drawer.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      data-testid="unit-drawer"
    >
      <ErrorAlert error={error} />
      {!unit && loading && <Loader size="sm" />}
      {unit && (
        <Stack gap="lg">
          <Group justify="space-between" align="center">
            <Group gap="xs">
              <StatusBadge status={unit.status} on={unit.statusChangedOn} />
              <Badge variant="outline" color="gray" radius="sm">
                {unit.kindName}
              </Badge>
              <Badge variant="outline" color="gray" radius="sm">
                {regionLabel(t, unit.regionName)}
              </Badge>
            </Group>
            {canWrite && (
              <Group gap="xs">
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => onEdit(unit)}>
                  {t('registry.action.edit')}
                </Button>
                <Button size="xs" variant="default" leftSection={<IconArrowsJoin size={14} />} onClick={() => onStatus(unit)}>
                  {unit.status === 'active' ? t('registry.action.retire') : t('registry.action.restore')}
                </Button>
              </Group>
            )}
          </Group>

          <DataList labelWidth={120}>
            <DataList.Item>
              <DataList.ItemLabel>{t('registry.col.parent')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {unit.parentId !== null ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpenUnit(unit.parentId!)}>
                    {unit.parentName}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('registry.col.partyOrgType')}</DataList.ItemLabel>
              <DataList.ItemValue>{unit.partyOrgType}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('registry.unit.establishedOn')}</DataList.ItemLabel>
              <DataList.ItemValue>{unit.establishedOn ? formatDate(unit.establishedOn, 'date') : t('registry.unknown')}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('registry.col.inspections')}</DataList.ItemLabel>
              <DataList.ItemValue>{t('registry.times', { count: unit.inspectionCount })}</DataList.ItemValue>
            </DataList.Item>
            {unit.note && (
              <DataList.Item>
                <DataList.ItemLabel>{t('registry.unit.note')}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{unit.note}</DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>

          <Section title={t('registry.drawer.inspections')} count={unit.inspections.length}>
            {unit.inspections.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registry.drawer.noInspections')}
              </Text>
            ) : (
              <Table withTableBorder verticalSpacing={6} data-testid="unit-drawer-inspections">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.drawer.round')}</Table.Th>
                    <Table.Th>{t('registry.drawer.group')}</Table.Th>
                    <Table.Th>{t('registry.drawer.mode')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {unit.inspections.map((inspection) => (
                    <Table.Tr key={inspection.id}>
                      <Table.Td>{inspection.roundLabel}</Table.Td>
                      <Table.Td>{inspection.groupNumber !== null ? groupLabel(inspection.groupNumber) : '—'}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          radius="sm"
                          color={isInspectionMode(inspection.mode) ? modeColors[inspection.mode] : 'gray'}
                        >
                          {modeLabel(t, inspection.mode)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          <Section title={t('registry.drawer.assessments')} count={unit.assessments.length}>
            {unit.assessments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registry.drawer.noAssessments')}
              </Text>
            ) : (
              <Table withTableBorder verticalSpacing={6} maw={360} data-testid="unit-drawer-assessments">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.drawer.year')}</Table.Th>
                    <Table.Th>{t('registry.drawer.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...unit.assessments]
                    .sort((a, b) => b.year - a.year)
                    .map((assessment) => (
                      <Table.Tr key={assessment.year}>
                        <Table.Td>{t('registry.year', { year: assessment.year })}</Table.Td>
                        <Table.Td>{assessment.result}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          <Section title={t('registry.drawer.children')} count={unit.children.length}>
            {unit.children.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registry.drawer.noChildren')}
              </Text>
            ) : (
              <Group gap="xs" data-testid="unit-drawer-children">
                {unit.children.map((child) => (
                  <Button key={child.id} size="compact-sm" variant="light" color="gray" onClick={() => onOpenUnit(child.id)}>
                    {child.name}
                  </Button>
                ))}
              </Group>
            )}
          </Section>
        </Stack>
      )}
    </Drawer>
  );
}
