import {
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPencil, IconRefresh, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Catalogs, Person } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT, type MessageKey } from '../../i18n';
import { isGroupRole, regionLabel } from './labels';
import { UnitPicker, type UnitRef } from './UnitPicker';
import { useChannel } from '../../components/useChannel';

const pageSizes = [20, 50, 100];
/** Common ranks of cadres drawn into inspection groups; free text is allowed too. */
const rankSuggestions = ['正处级', '副处级', '正科级', '副科级', '一级主任科员', '二级主任科员', '四级主任科员', '科员'];

/** 巡察人才库: the cadres who can be drawn into inspection groups, and where each has served. */
export function PeoplePanel({ catalogs, canWrite }: { catalogs: Catalogs | null; canWrite: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<{ person: Person | null } | null>(null);
  const { data, error, loading } = useChannel('people.list', { ...(text ? { text } : {}), page, pageSize }, version);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setText(draft.trim());
    setPage(1);
  };

  const roleText = (role: string) => (isGroupRole(role) ? t(`registry.people.role.${role}`) : role);

  return (
    <Stack gap="md" data-testid="people-panel">
      <Card withBorder radius="md" padding="md">
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('registry.people.search')}
              placeholder={t('registry.people.search.placeholder')}
              value={draft}
              maxLength={40}
              onChange={(event) => setDraft(event.currentTarget.value)}
              leftSection={<IconSearch size={16} />}
              w={360}
              data-testid="people-search"
            />
            <Button type="submit" leftSection={<IconSearch size={16} />}>
              {t('common.search')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={() => {
                setDraft('');
                setText('');
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
            {canWrite && (
              <Button ml="auto" leftSection={<IconUserPlus size={18} />} onClick={() => setDialog({ person: null })} data-testid="person-create">
                {t('registry.people.create')}
              </Button>
            )}
          </Group>
        </form>
      </Card>

      <ErrorAlert error={error} />

      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={1100}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>{t('registry.people.col.name')}</Table.Th>
                <Table.Th miw={160}>{t('registry.people.col.unit')}</Table.Th>
                <Table.Th w={150}>{t('registry.people.col.position')}</Table.Th>
                <Table.Th w={110}>{t('registry.people.col.rank')}</Table.Th>
                <Table.Th w={160}>{t('registry.people.col.specialities')}</Table.Th>
                <Table.Th w={100}>{t('registry.col.region')}</Table.Th>
                <Table.Th w={280}>{t('registry.people.col.service')}</Table.Th>
                {canWrite && (
                  <Table.Th w={90} ta="right">
                    {t('common.actions')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.map((person) => (
                <Table.Tr key={person.id} data-person-name={person.name}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {person.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.unitName ?? (person.unitText || '—')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.position || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.rank || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.specialities || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{person.regionId !== null ? regionLabel(t, person.regionName) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {person.service.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('registry.people.noService')}
                      </Text>
                    ) : (
                      <Stack gap={2} data-testid="person-service">
                        {person.service.map((service) => (
                          <Text size="xs" key={`${service.roundId}-${service.groupNumber}`}>
                            {service.roundLabel} {groupLabel(service.groupNumber)}{' '}
                            <Badge size="xs" variant="light" color={service.role === 'leader' ? 'xuncha' : 'gray'} radius="sm">
                              {roleText(service.role)}
                            </Badge>
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setDialog({ person })}
                      >
                        {t('registry.action.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {data && data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={canWrite ? 8 : 7}>
                    <Text ta="center" c="dimmed" py="xl">
                      {text ? t('registry.empty.filtered') : t('registry.people.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" p="md" gap="md" wrap="wrap">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="people-total">
              {t('registry.people.total', { total: data?.total ?? 0 })}
            </Text>
            {loading && <Loader size="xs" />}
          </Group>
          <Group gap="md">
            <Select
              size="xs"
              w={120}
              aria-label={t('registry.pageSize', { size: pageSize })}
              value={String(pageSize)}
              data={pageSizes.map((size) => ({ value: String(size), label: t('registry.pageSize', { size }) }))}
              onChange={(value) => {
                if (!value) return;
                setPageSize(Number(value));
                setPage(1);
              }}
              allowDeselect={false}
            />
            <Pagination
              total={totalPages}
              value={page}
              onChange={setPage}
              size="sm"
              withEdges
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            />
          </Group>
        </Group>
      </Card>

      {dialog && (
        <PersonDialog
          person={dialog.person}
          catalogs={catalogs}
          onClose={() => setDialog(null)}
          onDone={(person) => {
            setDialog(null);
            notifySuccess(t, dialog.person ? t('registry.people.updated', { name: person.name }) : t('registry.people.created', { name: person.name }));
            setVersion((current) => current + 1);
          }}
        />
      )}
    </Stack>
  );
}

type UnitSource = 'registry' | 'text';

interface PersonDraft {
  name: string;
  unitSource: UnitSource;
  unit: UnitRef | null;
  unitText: string;
  position: string;
  rank: string;
  specialities: string;
  regionId: string | null;
  note: string;
}

function personDraft(person: Person | null): PersonDraft {
  return {
    name: person?.name ?? '',
    unitSource: person && person.unitId === null && person.unitText ? 'text' : 'registry',
    unit: person?.unitId ? { id: person.unitId, name: person.unitName ?? '' } : null,
    unitText: person?.unitText ?? '',
    position: person?.position ?? '',
    rank: person?.rank ?? '',
    specialities: person?.specialities ?? '',
    regionId: person?.regionId ? String(person.regionId) : null,
    note: person?.note ?? '',
  };
}

function PersonDialog({
  person,
  catalogs,
  onClose,
  onDone,
}: {
  person: Person | null;
  catalogs: Catalogs | null;
  onClose: () => void;
  onDone: (person: Person) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<PersonDraft>(() => personDraft(person));
  const [nameError, setNameError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const set = <K extends keyof PersonDraft>(name: K, value: PersonDraft[K]) => setDraft((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!draft.name.trim()) {
      setNameError('validation.required');
      return;
    }
    setBusy(true);
    setError(null);
    const fields = {
      name: draft.name.trim(),
      unitId: draft.unitSource === 'registry' ? (draft.unit?.id ?? null) : null,
      unitText: draft.unitSource === 'text' ? draft.unitText.trim() : '',
      position: draft.position.trim(),
      rank: draft.rank.trim(),
      specialities: draft.specialities.trim(),
      regionId: draft.regionId ? Number(draft.regionId) : null,
      note: draft.note.trim(),
    };
    const result = person ? await invoke('people.update', { id: person.id, ...fields }) : await invoke('people.create', fields);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value);
  };

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={person ? t('registry.people.editTitle', { name: person.name }) : t('registry.people.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="person-form">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('registry.people.col.name')}
              required
              data-autofocus
              maxLength={40}
              value={draft.name}
              onChange={(event) => {
                set('name', event.currentTarget.value);
                setNameError(null);
              }}
              error={nameError ? t(nameError) : undefined}
              autoComplete="off"
            />
            <Select
              label={t('registry.col.region')}
              description={t('registry.people.regionHint')}
              data={(catalogs?.regions ?? []).map((region) => ({ value: String(region.id), label: region.name }))}
              value={draft.regionId}
              onChange={(value) => set('regionId', value)}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data-testid="person-form-region"
            />
          </SimpleGrid>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-end">
              <Text size="sm" fw={500}>
                {t('registry.people.col.unit')}
              </Text>
              <SegmentedControl
                size="xs"
                value={draft.unitSource}
                onChange={(value) => set('unitSource', value as UnitSource)}
                data={[
                  { value: 'registry', label: t('registry.people.unit.registry') },
                  { value: 'text', label: t('registry.people.unit.text') },
                ]}
                data-testid="person-form-unit-source"
              />
            </Group>
            {draft.unitSource === 'registry' ? (
              <UnitPicker
                label={t('registry.people.unit.registryLabel')}
                description={t('registry.people.unit.registryHint')}
                value={draft.unit}
                onChange={(value) => set('unit', value)}
                testId="person-form-unit"
              />
            ) : (
              <TextInput
                label={t('registry.people.unit.textLabel')}
                placeholder={t('registry.people.unit.textPlaceholder')}
                maxLength={80}
                value={draft.unitText}
                onChange={(event) => set('unitText', event.currentTarget.value)}
                data-testid="person-form-unit-text"
              />
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('registry.people.col.position')}
              maxLength={60}
              value={draft.position}
              onChange={(event) => set('position', event.currentTarget.value)}
            />
            <Autocomplete
              label={t('registry.people.col.rank')}
              maxLength={40}
              data={rankSuggestions}
              value={draft.rank}
              onChange={(value) => set('rank', value)}
            />
          </SimpleGrid>
          <TextInput
            label={t('registry.people.col.specialities')}
            placeholder={t('registry.people.specialities.placeholder')}
            maxLength={200}
            value={draft.specialities}
            onChange={(event) => set('specialities', event.currentTarget.value)}
          />
          <Textarea
            label={t('registry.unit.note')}
            maxLength={500}
            autosize
            minRows={2}
            maxRows={4}
            value={draft.note}
            onChange={(event) => set('note', event.currentTarget.value)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="person-form-submit">
              {person ? t('common.save') : t('registry.people.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
