import { Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconRefresh, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Catalogs, Person } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import { EmptyRow } from '../../components/EmptyRow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { useT } from '../../i18n';
import { useFocusRequest } from '../../state/focus-request';
import { isGroupRole, regionLabel } from './labels';
import { PersonDialog } from './PersonDialog';
import { useChannel } from '../../components/useChannel';


/** 巡察人才库: the cadres who can be drawn into inspection groups, and where each has served. */
export function PeoplePanel({ catalogs, canWrite }: { catalogs: Catalogs | null; canWrite: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<{ person: Person | null } | null>(null);
  // A person chosen in quick search (Ctrl+K): the list filtered by the name.
  useFocusRequest('person', (request) => {
    setDraft(request.title);
    setText(request.title);
    setPage(1);
  });
  const { data, error, loading } = useChannel('people.list', { ...(text ? { text } : {}), page, pageSize }, version);

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

      <PagedTable
        minWidth={1100}
        testId="people-table"
        verticalSpacing="sm"
        horizontalSpacing="md"
        headNoWrap={false}
        head={
          <>
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
          </>
        }
        pager={{
          page,
          pageSize,
          total: data?.total ?? 0,
          totalLabel: (total) => t('registry.people.total', { total }),
          loading,
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
          testId: 'people',
        }}
      >
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
          <EmptyRow colSpan={canWrite ? 8 : 7}>{text ? t('registry.empty.filtered') : t('registry.people.empty')}</EmptyRow>
        )}
      </PagedTable>

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
