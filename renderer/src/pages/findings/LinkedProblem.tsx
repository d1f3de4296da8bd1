import { Text, Tooltip } from '@mantine/core';
import type { Problem } from '../../../../shared/contract';
import { useT } from '../../i18n';

/** The problem an item is linked to: its unit and the start of its description. */
export function LinkedProblem({ id, problems }: { id: number | null; problems: Map<number, Problem> }) {
  const t = useT();
  if (id === null) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const problem = problems.get(id);
  if (!problem) {
    return (
      <Text size="sm" c="dimmed">
        {t('findings.loading')}
      </Text>
    );
  }
  return (
    <Tooltip label={problem.description} multiline w={380} events={{ hover: true, focus: true, touch: false }}>
      <Text size="xs" lineClamp={2} maw={260} tabIndex={0} data-testid="linked-problem">
        {problem.unitName}：{problem.description}
      </Text>
    </Tooltip>
  );
}
