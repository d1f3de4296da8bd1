import { AppShell, Badge, Box, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLogout, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { invoke } from '../api/client';
import { ForcedPasswordChange } from '../components/ForcedPasswordChange';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { QuickSearch } from '../components/QuickSearch';
import { notifyError } from '../components/notify';
import { useT } from '../i18n';
import { AuditPage } from '../pages/AuditPage';
import { CoveragePage } from '../pages/coverage/CoveragePage';
import { DashboardPage } from '../pages/home/DashboardPage';
import { FindingsModule } from '../pages/findings/FindingsModule';
import { ModulePlaceholder } from '../pages/ModulePlaceholder';
import { ArchivesModule } from '../pages/archives/ArchivesModule';
import { PairingModule } from '../pages/pairing/PairingModule';
import { RectificationModule } from '../pages/rectification/RectificationModule';
import { DocumentsModule } from '../pages/documents/DocumentsModule';
import { RegistryPage } from '../pages/registry/RegistryPage';
import { RoundsModule } from '../pages/rounds/RoundsModule';
import { SettingsPage } from '../pages/SettingsPage';
import { useActiveStatus, useStatus } from '../state/status';
import { visibleNavItems, type PageKey } from './nav';
import { useIdleLock } from './useIdleLock';

/**
 * The page survives a lock: locking unmounts the workbench (nothing of the closed vault stays
 * on screen), and unlocking as the same user returns to where they were.
 */
let remembered: { userId: number; page: PageKey } | null = null;

export function Shell() {
  const t = useT();
  const status = useActiveStatus();
  const { refresh } = useStatus();
  const { user, office, settings } = status;
  const [chosenPage, setPage] = useState<PageKey>(() => (remembered?.userId === user.id ? remembered.page : 'home'));
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const lock = useIdleLock(settings.idleLockMinutes);
  const items = useMemo(() => visibleNavItems(user.role), [user.role]);

  // A page the role cannot see (e.g. after a role change) falls back to 首页.
  const page: PageKey = items.some((item) => item.key === chosenPage) ? chosenPage : 'home';
  useEffect(() => {
    remembered = { userId: user.id, page };
  }, [user.id, page]);

  const signOut = async () => {
    remembered = null;
    const result = await invoke('session.signOut', {});
    if (!result.ok) notifyError(t, result.error);
    await refresh();
  };

  const go = (key: PageKey) => {
    setPage(key);
    closeNav();
    // Move focus to the page heading so keyboard and screen-reader users land on the content.
    window.requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.mainNav')} />
            <ThemeIcon size={34} radius="md" color="xuncha" aria-hidden>
              <IconShieldCheck size={20} />
            </ThemeIcon>
            <Text fw={700} fz="lg" visibleFrom="xs">
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" visibleFrom="md" />
            <Text fz="sm" c="dimmed" truncate data-testid="header-office" visibleFrom="md">
              {office.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm" data-testid="header-user">
              <Text size="sm" fw={600} lh={1.3}>
                {user.displayName}
              </Text>
              <Badge size="xs" variant="light" color="xuncha" radius="sm">
                {t(`role.${user.role}`)}
              </Badge>
            </Stack>
            <QuickSearch onNavigate={go} />
            <LanguageSwitch />
            <Tooltip label={t('shell.lock.hint')}>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLock size={16} />}
                onClick={() => void lock()}
                aria-keyshortcuts="Control+L"
                data-testid="lock-button"
              >
                {t('shell.lock')}
              </Button>
            </Tooltip>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconLogout size={16} />}
              onClick={() => void signOut()}
              data-testid="sign-out-button"
            >
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" className="app-navbar">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('shell.mainNav')} data-testid="main-nav">
            <Stack gap={2}>
              {items.map((item) => {
                const Icon = item.icon;
                const active = item.key === page;
                return (
                  <NavLink
                    key={item.key}
                    component="button"
                    type="button"
                    label={t(item.label)}
                    leftSection={<Icon size={18} stroke={1.6} />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={() => go(item.key)}
                    data-nav={item.key}
                    variant="light"
                    className="nav-link"
                  />
                );
              })}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="xs" />
          <Box px="xs" pb={4}>
            <Text size="xs" c="dimmed" truncate>
              {office.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('home.office.fondsCode')} {office.fondsCode}
            </Text>
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" className="app-main">
        <Page page={page} onNavigate={go} />
      </AppShell.Main>

      <ForcedPasswordChange opened={user.mustChangePassword} />
    </AppShell>
  );
}

function Page({ page, onNavigate }: { page: PageKey; onNavigate: (key: PageKey) => void }) {
  switch (page) {
    case 'home':
      return <DashboardPage onNavigate={onNavigate} />;
    case 'units':
      return <RegistryPage />;
    case 'coverage':
      return <CoveragePage />;
    case 'rounds':
      return <RoundsModule />;
    case 'findings':
      return <FindingsModule />;
    case 'rectification':
      return <RectificationModule />;
    case 'pairing':
      return <PairingModule />;
    case 'documents':
      return <DocumentsModule />;
    case 'archives':
      return <ArchivesModule />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ModulePlaceholder module={page} />;
  }
}
