/**
 * The pieces clue material (ClueFiles) and rectification evidence (EvidenceFiles) list their
 * encrypted files with: the name with its type and size, the 查看 button, and the refusal of a
 * chosen file before it is read.
 */
import { Alert, Button, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { sizeText, type UploadCheck } from './files';
import { typeKey } from './FileViewer';

export type UploadProblem = Extract<UploadCheck, { problem: unknown }>['problem'];

/** The file's name, and under it its type, its size and whatever `more` adds (the upload date). */
export function StoredFileCell({ file, more = [] }: { file: { fileName: string; mime: string; size: number }; more?: string[] }) {
  const t = useT();
  return (
    <Table.Td>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {file.fileName}
      </Text>
      <Text size="xs" c="dimmed">
        {[t(typeKey(file.mime)), sizeText(file.size), ...more].join(' · ')}
      </Text>
    </Table.Td>
  );
}

export function ViewFileButton({ fileName, onClick, testId }: { fileName: string; onClick: () => void; testId: string }) {
  const t = useT();
  return (
    <Button size="compact-sm" variant="subtle" leftSection={<IconEye size={14} />} onClick={onClick} aria-label={t('findings.file.viewNamed', { name: fileName })} data-testid={testId}>
      {t('findings.file.view')}
    </Button>
  );
}

export function UploadProblemAlert({ problem, testId }: { problem: UploadProblem | null; testId?: string }): ReactNode {
  const t = useT();
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid={testId}>
      <Text size="sm">{t(problem.key, { name: problem.name })}</Text>
    </Alert>
  );
}
