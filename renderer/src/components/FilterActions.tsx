import { Button, Group } from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import { useT } from '../i18n';

/** 重置 and 查询 under a filter form (查询 submits it, so Enter in a field does the same). */
export function FilterActions({ onReset, submitTestId }: { onReset: () => void; submitTestId?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end" mt="md" gap="sm">
      <Button variant="default" onClick={onReset} leftSection={<IconRefresh size={16} />}>
        {t('common.reset')}
      </Button>
      <Button type="submit" leftSection={<IconSearch size={16} />} data-testid={submitTestId}>
        {t('common.search')}
      </Button>
    </Group>
  );
}
