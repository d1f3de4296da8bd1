import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useT } from '../../i18n';

/** 轮次 › current page; the first crumb goes back to the list of rounds. */
export function RoundsBreadcrumbs({ current, onBack }: { current: string; onBack: () => void }) {
  const t = useT();
  return (
    <Breadcrumbs separator="›" separatorMargin={6} aria-label={t('rounds.breadcrumbs')} data-testid="rounds-breadcrumbs">
      <Anchor component="button" type="button" size="sm" onClick={onBack} data-testid="rounds-back">
        {t('nav.rounds')}
      </Anchor>
      <Text size="sm" c="dimmed" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );
}
