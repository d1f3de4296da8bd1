import { Anchor, Badge, Card, DataList, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconInfoCircle, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { permissions } from '../../../shared/roles';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import type { PageKey } from '../shell/nav';
import { useActiveStatus } from '../state/status';

function InfoCard({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group gap="sm" mb="md">
        <ThemeIcon variant="light" color="xuncha" size={34} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} fz="md">
          {title}
        </Title>
      </Group>
      {children}
    </Card>
  );
}

export function HomePage({ onNavigate }: { onNavigate: (key: PageKey) => void }) {
  const t = useT();
  const { office, user, settings } = useActiveStatus();
  const granted = permissions.filter((permission) => user.permissions.includes(permission));

  return (
    <Stack gap="lg" data-testid="home-page">
      <PageHeader title={t('home.greeting', { name: user.displayName })} subtitle={t('home.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <InfoCard icon={<IconBuildingCommunity size={20} />} title={t('home.office')}>
          <DataList labelWidth={110}>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.name')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="home-office-name">{office.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.fondsCode')}</DataList.ItemLabel>
              <DataList.ItemValue>{office.fondsCode}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.office.level')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`level.${office.level}`)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </InfoCard>

        <InfoCard icon={<IconUserCircle size={20} />} title={t('home.user')}>
          <DataList labelWidth={110}>
            <DataList.Item>
              <DataList.ItemLabel>{t('accounts.displayName')}</DataList.ItemLabel>
              <DataList.ItemValue>{user.displayName}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.user.username')}</DataList.ItemLabel>
              <DataList.ItemValue>{user.username}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.user.role')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Text span fw={500} data-testid="home-role">
                  {t(`role.${user.role}`)}
                </Text>
                <Text span size="xs" c="dimmed" ml="xs">
                  {t(`role.${user.role}.description`)}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('home.user.permissions')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Group gap={6}>
                  {granted.map((permission) => (
                    <Badge key={permission} variant="outline" color="gray" radius="sm" fw={500}>
                      {t(`permission.${permission}`)}
                    </Badge>
                  ))}
                </Group>
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </InfoCard>

        <InfoCard icon={<IconInfoCircle size={20} />} title={t('home.release')}>
          <Text size="sm" lh={1.7}>
            {t('home.release.body')}
          </Text>
        </InfoCard>

        <InfoCard icon={<IconShieldLock size={20} />} title={t('home.security')}>
          <Text size="sm" lh={1.7}>
            {t('home.security.body', { minutes: settings.idleLockMinutes })}
          </Text>
          <Group mt="sm">
            <Anchor component="button" type="button" size="sm" onClick={() => onNavigate('settings')}>
              {t('home.security.link')}
            </Anchor>
          </Group>
        </InfoCard>
      </SimpleGrid>
    </Stack>
  );
}
