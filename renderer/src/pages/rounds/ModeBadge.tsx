import { Badge, Group } from '@mantine/core';
import type { InspectionMode } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { modeColors } from './roundsFormat';

/** 常规 / 专项 / 交叉 / 提级交叉 / 点穴式 / 回头看, with 联动 beside it when city and county inspect together. */
export function ModeBadge({ mode, linkage = false }: { mode: InspectionMode; linkage?: boolean }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" radius="sm" variant="light" color={modeColors[mode]} data-mode={mode}>
        {t(`rounds.mode.${mode}`)}
      </Badge>
      {linkage && (
        <Badge size="sm" radius="sm" variant="outline" color="gray" data-testid="linkage-badge">
          {t('rounds.linkage')}
        </Badge>
      )}
    </Group>
  );
}
