import { Group, Stack, Tabs } from '@mantine/core';
import { SettingsSection } from '../components/SettingsSection';
import { IconArrowsExchange, IconDatabaseExport, IconKey, IconSend, IconSettings, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { roleMay } from '../../../shared/roles';
import { invoke } from '../api/client';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { notifySuccess } from '../components/notify';
import { NumberSettingForm } from '../components/NumberSettingForm';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { useActiveStatus } from '../state/status';
import { AccountsPanel } from './AccountsPanel';
import { BackupPanel } from './backup/BackupPanel';
import { ExchangePanel } from './exchange/ExchangePanel';
import { FontStatusCard } from './documents/FontStatusCard';
import { HandoverCatalogPanel } from './findings/HandoverCatalogPanel';
import { AdminsReadCluesSwitch, AnswerDaysForm } from './findings/HandoverSettings';


export function SettingsPage() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const isAdmin = roleMay(user.role, 'accounts.manage');
  const mayManage = roleMay(user.role, 'settings.manage');
  const mayBackUp = roleMay(user.role, 'vault.backup');
  const [tab, setTab] = useState<string | null>('general');

  return (
    <Stack gap="lg" data-testid="settings-page">
      <PageHeader title={t('settings.title')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="general" leftSection={<IconSettings size={16} />}>
            {t('settings.tab.general')}
          </Tabs.Tab>
          <Tabs.Tab value="password" leftSection={<IconKey size={16} />}>
            {t('settings.tab.password')}
          </Tabs.Tab>
          {isAdmin && (
            <Tabs.Tab value="accounts" leftSection={<IconUsers size={16} />} data-testid="tab-accounts">
              {t('settings.tab.accounts')}
            </Tabs.Tab>
          )}
          {mayManage && (
            <Tabs.Tab value="handover" leftSection={<IconSend size={16} />} data-testid="tab-handover-catalog">
              {t('handover.settings.tab')}
            </Tabs.Tab>
          )}
          {mayBackUp && (
            <Tabs.Tab value="backup" leftSection={<IconDatabaseExport size={16} />} data-testid="tab-backup">
              {t('backup.title')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="exchange" leftSection={<IconArrowsExchange size={16} />} data-testid="tab-exchange">
            {t('exchange.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general" pt="lg">
          <GeneralSettings key={settings.idleLockMinutes} />
        </Tabs.Panel>
        <Tabs.Panel value="password" pt="lg">
          <SettingsSection title={t('settings.tab.password')}>
            <Stack maw={480}>
              <ChangePasswordForm onChanged={() => notifySuccess(t, t('password.changed'))} />
            </Stack>
          </SettingsSection>
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="accounts" pt="lg">
            <AccountsPanel />
          </Tabs.Panel>
        )}
        {mayManage && (
          <Tabs.Panel value="handover" pt="lg">
            <HandoverCatalogPanel />
          </Tabs.Panel>
        )}
        {mayBackUp && (
          <Tabs.Panel value="backup" pt="lg">
            <BackupPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="exchange" pt="lg">
          <ExchangePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function GeneralSettings() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const mayManage = roleMay(user.role, 'settings.manage');

  return (
    <Stack gap="lg">
      <SettingsSection title={t('settings.idle')} description={t('settings.idle.description')}>
        <NumberSettingForm
          label={t('settings.idle')}
          initial={settings.idleLockMinutes}
          min={1}
          max={240}
          invalidText={t('validation.idleMinutes')}
          adminOnlyText={t('settings.idle.adminOnly')}
          savedText={t('settings.saved')}
          save={(idleLockMinutes) => invoke('settings.update', { idleLockMinutes })}
          testId="idle-settings"
          inputTestId="idle-minutes"
        />
      </SettingsSection>
      <SettingsSection title={t('handover.settings.days')} description={t('handover.settings.days.description')}>
        <AnswerDaysForm key={settings.handoverAnswerDays ?? 'default'} />
      </SettingsSection>
      <SettingsSection title={t('handover.settings.clues')} description={t('handover.settings.clues.description')}>
        <AdminsReadCluesSwitch />
      </SettingsSection>
      <FontStatusCard />
      <SettingsSection
        title={t('locale.label')}
        description={mayManage ? t('settings.language.description') : t('settings.language.personal')}
      >
        <Group>
          <LanguageSwitch size="sm" />
        </Group>
      </SettingsSection>
    </Stack>
  );
}
