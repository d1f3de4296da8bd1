import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { version } from '../../../package.json';

/** The frame of every screen before the workbench: brand, a card, the office and the language. */
export function AuthLayout({
  children,
  width = 440,
  office,
}: {
  children: ReactNode;
  width?: number;
  office?: string | null;
}) {
  const t = useT();
  return (
    <Box className="auth-backdrop" component="main">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Group gap="sm" justify="center" wrap="nowrap">
            <ThemeIcon size={44} radius="md" color="xuncha" variant="filled" aria-hidden>
              <IconShieldCheck size={26} />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={1} fz={24} lh={1.25}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed">
                {office || t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t('app.version', { version: version })}
            </Text>
            <LanguageSwitch />
          </Group>
        </Stack>
      </Center>
    </Box>
  );
}
