import { Badge, Button, DataList, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconPencil } from '@tabler/icons-react';
import type { Problem } from '../../../../shared/contract';
import { useFormatDate, useT } from '../../i18n';
import { focusColors, groupText } from './labels';

/** One problem in full (the table shows its description cut short), for every role. */
export function ProblemDetail({ problem, onClose, onEdit }: { problem: Problem; onClose: () => void; onEdit: (() => void) | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  const row = (label: string, value: ReactNode) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
  return (
    <Modal opened onClose={onClose} title={t('findings.problem.detailTitle')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="problem-detail">
        <DataList labelWidth={110}>
          {row(t('findings.round.label'), problem.roundLabel)}
          {row(t('findings.col.unit'), `${problem.unitName}（${groupText(t, problem.groupNumber)}）`)}
          {row(
            t('findings.col.focus'),
            <Badge variant="light" color={focusColors[problem.focus]} radius="sm">
              {t(`findings.focus.${problem.focus}`)}
            </Badge>,
          )}
          {row(t('findings.col.category'), problem.categoryName ?? t('findings.problem.noCategory'))}
          {row(t('findings.col.source'), t(`findings.source.${problem.source}`))}
          {row(t('findings.col.common'), problem.isCommon ? t('common.yes') : t('common.no'))}
          {row(
            t('findings.col.description'),
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="problem-detail-description">
              {problem.description}
            </Text>,
          )}
          {row(
            t('findings.problem.evidence'),
            problem.evidence ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {problem.evidence}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('common.none')}
              </Text>
            ),
          )}
          {problem.checklistItemIds.length > 0 && row(t('findings.problem.linkedItems'), t('findings.problem.linkedItemsCount', { count: problem.checklistItemIds.length }))}
          {row(t('findings.problem.createdAt'), formatDate(problem.createdAt))}
        </DataList>
        <Group justify="flex-end">
          {onEdit && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
              {t('findings.problem.edit')}
            </Button>
          )}
          <Button onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
