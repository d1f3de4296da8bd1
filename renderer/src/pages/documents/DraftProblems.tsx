import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useT } from '../../i18n';
import type { DraftProblem } from './draft';

/** What stops a version from being saved, in the user's words (the draft itself is kept). */
export function DraftProblems({ problems }: { problems: DraftProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('documents.problems.title')} role="alert" data-testid="draft-problems">
      <List size="sm">
        {problems.slice(0, 8).map((problem, index) => (
          <List.Item key={index}>
            {problem.kind === 'required'
              ? t('documents.problems.required', { field: t(`documents.field.${problem.field}`) })
              : problem.kind === 'emptyBlock'
                ? t('documents.problems.emptyBlock', { position: problem.position })
                : t('documents.problems.longHeading', { position: problem.position })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
