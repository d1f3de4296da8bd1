import { Badge, Card, EmptyState, Stack } from '@mantine/core';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { navItems, type ModuleKey } from '../shell/nav';

/** A module that arrives in a later version: its real title and purpose, and an honest empty state. */
export function ModulePlaceholder({ module }: { module: ModuleKey }) {
  const t = useT();
  const item = navItems.find((candidate) => candidate.key === module);
  const Icon = item?.icon;
  const title = item ? t(item.label) : '';
  return (
    <Stack gap="lg" data-testid={`module-${module}`}>
      <PageHeader
        title={title}
        subtitle={t(`module.${module}.description`)}
        actions={
          <Badge variant="light" color="gray" size="lg" radius="sm">
            {t('module.later')}
          </Badge>
        }
      />
      <Card withBorder radius="md" py={64}>
        <EmptyState
          icon={Icon ? <Icon size={30} stroke={1.5} /> : undefined}
          variant="light"
          color="xuncha"
          title={t('module.later')}
          description={t('module.later.body')}
          size="md"
        />
      </Card>
    </Stack>
  );
}
