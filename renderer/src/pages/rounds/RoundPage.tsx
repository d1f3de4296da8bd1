import { Badge, Button, Center, Group, Loader, Stack, Tabs } from '@mantine/core';
import { IconListCheck, IconPencil, IconTargetArrow, IconUsersGroup } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Catalogs, RoundPage as RoundPageData } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RoundOriginBadge } from '../exchange/RoundOriginBadge';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { GroupsTab } from './GroupsTab';
import { InspectionsTab } from './InspectionsTab';
import { RoundFormDialog } from './RoundFormDialog';
import { RoundHeader } from './RoundHeader';
import { RoundsBreadcrumbs } from './RoundsBreadcrumbs';
import { StagesTab } from './StagesTab';
import { useRemote } from './useRemote';

type TabKey = 'groups' | 'inspections' | 'stages';
let rememberedTab: { roundId: number; tab: TabKey } | null = null;

/** One round: its header figures and the tabs 巡察组, 巡察任务, 阶段与环节. */
export function RoundPage({ roundId, onBack }: { roundId: number; onBack: () => void }) {
  const t = useT();
  const { user } = useActiveStatus();
  const mayWrite = roleMay(user.role, 'records.write');
  const [tab, setTab] = useState<TabKey>(() => (rememberedTab?.roundId === roundId ? rememberedTab.tab : 'groups'));
  const [editing, setEditing] = useState(false);

  const page = useRemote(useCallback(() => invoke('rounds.get', { id: roundId }), [roundId]));
  const catalogs = useRemote(useCallback(() => invoke('catalogs.get', {}), []));
  const terms = useRemote(useCallback(() => invoke('terms.list', {}), []));
  const reload = page.reload;
  const data = page.data;

  const chooseTab = (value: string | null) => {
    if (value !== 'groups' && value !== 'inspections' && value !== 'stages') return;
    rememberedTab = { roundId, tab: value };
    setTab(value);
  };

  // One tree for loading and loaded, so the heading (focused on navigation) stays the same element.
  const round = data?.round ?? null;
  return (
    <Stack gap="md" data-testid={data ? 'round-page' : 'round-page-loading'} data-round-id={roundId}>
      <RoundsBreadcrumbs current={round?.label ?? t('rounds.round.loading')} onBack={onBack} />
      <PageHeader
        title={round?.label ?? t('rounds.round.loading')}
        subtitle={round ? [round.title, t('rounds.round.yearOf', { year: round.year })].filter(Boolean).join(' · ') : undefined}
        actions={
          <Group gap="sm">
            <RoundOriginBadge roundId={roundId} />
            {page.loading && <Loader size="xs" aria-label={t('rounds.loading')} />}
            {mayWrite && round && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="round-edit">
                {t('rounds.round.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <CoreErrorAlert error={page.error} />
      {!data ? (
        !page.error && (
          <Center py={80} aria-busy="true">
            <Loader color="xuncha" />
          </Center>
        )
      ) : (
        <RoundBody
          data={data}
          tab={tab}
          onTab={chooseTab}
          catalogs={catalogs.data}
          mayWrite={mayWrite}
          onChanged={reload}
        />
      )}
      {editing && round && terms.data && (
        <RoundFormDialog
          terms={terms.data}
          termId={round.termId}
          round={round}
          existing={[]}
          onClose={() => setEditing(false)}
          onDone={(saved) => {
            setEditing(false);
            notifySuccess(t, t('rounds.round.updated', { label: saved.label }));
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function RoundBody({
  data,
  tab,
  onTab,
  catalogs,
  mayWrite,
  onChanged,
}: {
  data: RoundPageData;
  tab: TabKey;
  onTab: (value: string | null) => void;
  catalogs: Catalogs | null;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { counts } = data;
  return (
    <>
      <RoundHeader page={data} />

      <Tabs value={tab} onChange={onTab} keepMounted={false} variant="outline" mt="sm">
        <Tabs.List>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} />} rightSection={<CountBadge value={counts.groups} />} data-testid="tab-groups">
            {t('rounds.tab.groups')}
          </Tabs.Tab>
          <Tabs.Tab
            value="inspections"
            leftSection={<IconTargetArrow size={16} />}
            rightSection={<CountBadge value={counts.inspections} />}
            data-testid="tab-inspections"
          >
            {t('rounds.tab.inspections')}
          </Tabs.Tab>
          <Tabs.Tab
            value="stages"
            leftSection={<IconListCheck size={16} />}
            rightSection={<CountBadge value={`${counts.stepsDone}/${counts.stepsTotal}`} />}
            data-testid="tab-stages"
          >
            {t('rounds.tab.stages')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="groups" pt="lg">
          <GroupsTab page={data} catalogs={catalogs} mayWrite={mayWrite} onChanged={onChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="inspections" pt="lg">
          <InspectionsTab page={data} catalogs={catalogs} mayWrite={mayWrite} onChanged={onChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="stages" pt="lg">
          <StagesTab page={data} mayWrite={mayWrite} onChanged={onChanged} />
        </Tabs.Panel>
      </Tabs>

    </>
  );
}

function CountBadge({ value }: { value: number | string }) {
  return (
    <Badge size="sm" variant="light" color="gray" radius="sm">
      {value}
    </Badge>
  );
}
