import { Anchor, Badge, Box, Button, Group, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCirclePlus, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput, Problem } from '../../../../shared/contract';
import type { ChecklistAnswer } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { focusColors, isAnswer } from './labels';

export type ChecklistItem = ChannelOutput<'checklists.forInspection'>['templates'][number]['items'][number];

const answerColors: Record<ChecklistAnswer, string> = { yes: 'teal', no: 'red', na: 'gray' };

/**
 * One 是否 item: the answer (saved as soon as it is chosen), a note (saved when the field is
 * left), and on 否 the way to record the problem it points at. Linked problems show below.
 */
export function ChecklistItemRow({
  inspectionId,
  item,
  linked,
  canWrite,
  onMakeProblem,
  onOpenProblem,
  onAnswered,
}: {
  inspectionId: number;
  item: ChecklistItem;
  linked: Problem[];
  canWrite: boolean;
  onMakeProblem: (item: ChecklistItem, note: string) => void;
  onOpenProblem: (problem: Problem) => void;
  onAnswered: () => void;
}) {
  const t = useT();
  const [answer, setAnswer] = useState<ChecklistAnswer | null>(item.answer);
  const [note, setNote] = useState(item.note);
  const [savedNote, setSavedNote] = useState(item.note);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const save = async (nextAnswer: ChecklistAnswer, nextNote: string) => {
    const previous = answer;
    setAnswer(nextAnswer);
    setSaving(true);
    setSaved(false);
    setError(null);
    const result = await invoke('checklists.answer', { inspectionId, itemId: item.id, answer: nextAnswer, note: nextNote.trim() });
    setSaving(false);
    if (!result.ok) {
      setAnswer(previous);
      setError(result.error);
      return;
    }
    setSavedNote(nextNote);
    setSaved(true);
    onAnswered();
  };

  const label = `${item.ordinal}. ${item.text}`;
  return (
    <Box
      py="sm"
      px="md"
      data-testid="checklist-item"
      data-item-id={item.id}
      data-answer={answer ?? ''}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500} data-testid="checklist-item-text">
              {label}
            </Text>
            {item.isSample && (
              <Tooltip label={t('findings.checklist.sampleHint')}>
                <Badge size="xs" variant="outline" color="gray" radius="sm" data-testid="sample-badge">
                  {t('findings.checklist.sample')}
                </Badge>
              </Tooltip>
            )}
            {item.focus && (
              <Badge size="xs" variant="light" color={focusColors[item.focus]} radius="sm">
                {t(`findings.focusShort.${item.focus}`)}
              </Badge>
            )}
          </Group>
          {canWrite ? (
            <TextInput
              size="xs"
              aria-label={t('findings.checklist.noteFor', { item: item.ordinal })}
              placeholder={t('findings.checklist.note.placeholder')}
              value={note}
              maxLength={1000}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setSaved(false);
              }}
              onBlur={() => {
                if (answer && note !== savedNote) void save(answer, note);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && answer && note !== savedNote) void save(answer, note);
              }}
              data-testid="checklist-note"
            />
          ) : (
            note && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} data-testid="checklist-note-text">
                {t('findings.checklist.noteShown', { note })}
              </Text>
            )
          )}
          {linked.length > 0 && (
            <Stack gap={2} data-testid="item-linked">
              {linked.map((problem) => (
                <Group key={problem.id} gap={6} wrap="nowrap" data-testid="item-linked-problem" data-problem-id={problem.id}>
                  <IconLink size={14} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('findings.checklist.linkedProblem')}
                  </Text>
                  {canWrite ? (
                    <Anchor component="button" type="button" size="xs" lineClamp={1} ta="left" onClick={() => onOpenProblem(problem)}>
                      {problem.description}
                    </Anchor>
                  ) : (
                    <Text size="xs" lineClamp={1}>
                      {problem.description}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          <ErrorAlert error={error} />
        </Stack>
        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          <SegmentedControl
            size="xs"
            value={answer ?? ''}
            readOnly={!canWrite}
            color={answer ? answerColors[answer] : undefined}
            onChange={(value) => {
              if (isAnswer(value) && canWrite) void save(value, note);
            }}
            data={[
              { value: 'yes', label: t('findings.answer.yes') },
              { value: 'no', label: t('findings.answer.no') },
              { value: 'na', label: t('findings.answer.na') },
            ]}
            aria-label={t('findings.checklist.answerFor', { item: item.ordinal })}
            data-testid="checklist-answer"
          />
          <Group gap={6} wrap="nowrap">
            {saving ? (
              <Text size="xs" c="dimmed">
                {t('findings.checklist.saving')}
              </Text>
            ) : item.answeredBy && answer === item.answer ? (
              <Text size="xs" c="dimmed" data-testid="checklist-answered-by">
                {t('findings.checklist.answeredBy', { name: item.answeredBy })}
              </Text>
            ) : (
              saved && (
                <Text size="xs" c="teal">
                  {t('common.saved')}
                </Text>
              )
            )}
          </Group>
          {canWrite && answer === 'no' && (
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              leftSection={<IconCirclePlus size={14} />}
              onClick={() => onMakeProblem(item, note)}
              data-testid="checklist-make-problem"
            >
              {t('findings.checklist.makeProblem')}
            </Button>
          )}
        </Stack>
      </Group>
    </Box>
  );
}
