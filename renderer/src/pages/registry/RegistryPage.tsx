import { Stack, Tabs } from '@mantine/core';
import { IconBuildingCommunity, IconListDetails, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { Catalogs } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useFocusRequest } from '../../state/focus-request';
import { useActiveStatus } from '../../state/status';
import { CatalogPanel } from './CatalogPanel';
import { PeoplePanel } from './PeoplePanel';
import { UnitsPanel } from './UnitsPanel';
import { useChannel } from '../../components/useChannel';

/** 被巡察单位: the unit registry, the talent pool (巡察人才库) and the office's catalogues. */
export function RegistryPage() {
  const t = useT();
  const { user } = useActiveStatus();
  // The core refuses writes from a read-only role anyway; the buttons are not offered.
  const canWrite = roleMay(user.role, 'records.write');
  const [tab, setTab] = useState<string | null>('units');
  // Quick search (Ctrl+K) asks for a unit or a person: show its tab; the panel opens the record.
  useFocusRequest('unit', () => setTab('units'), false);
  useFocusRequest('person', () => setTab('people'), false);
  const loaded = useChannel('catalogs.get', {});
  // A change answers with the new catalogues: use them from then on, without reading again.
  const [changed, setChanged] = useState<Catalogs | null>(null);
  const catalogs = changed ?? loaded.data;

  return (
    <Stack gap="lg" data-testid="registry-page">
      <PageHeader title={t('nav.units')} subtitle={t('registry.subtitle')} />
      <ErrorAlert error={loaded.error} />
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="units" leftSection={<IconBuildingCommunity size={16} />} data-testid="tab-units">
            {t('registry.tab.units')}
          </Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} />} data-testid="tab-people">
            {t('registry.tab.people')}
          </Tabs.Tab>
          <Tabs.Tab value="catalogs" leftSection={<IconListDetails size={16} />} data-testid="tab-catalogs">
            {t('registry.tab.catalogs')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units" pt="lg">
          <UnitsPanel catalogs={catalogs} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="lg">
          <PeoplePanel catalogs={catalogs} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="catalogs" pt="lg">
          <CatalogPanel
            catalogs={catalogs}
            canWrite={canWrite}
            onChanged={setChanged}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
