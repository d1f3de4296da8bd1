import { Box, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Problem } from '../../../../../shared/contract';
import { focuses, type Focus } from '../../../../../shared/domain';
import { invoke } from '../../../api/client';
import { EmptyRow } from '../../../components/EmptyRow';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TablePager } from '../../../components/TablePager';
import { useChannel } from '../../../components/useChannel';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';
import { RoundSelect, useRounds } from '../../findings/pickers';
import { focusColors, focusOptions } from '../../findings/labels';

const isFocus = (value: string | null): value is Focus => focuses.includes(value as Focus);

/**
 * 从问题合并: search the problems of every round (the problems list's own filters and Chinese
 * full-text search), tick the ones that are the same fault, and write the common wording and
 * focus. The ticks survive paging and new searches, so problems of several rounds go together.
 */
export function MergeDialog({ listId, onClose, onDone }: { listId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const rounds = useRounds();
  // All rounds to begin with: common problems are found across rounds.
  const [round, setRound] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 300);
  const [filterFocus, setFilterFocus] = useState<Focus | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [selected, setSelected] = useState<Map<number, Problem>>(new Map());
  const [wording, setWording] = useState('');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const found = useChannel('problems.list', {
    ...(round !== null ? { roundId: round } : {}),
    ...(query ? { text: query.slice(0, 100) } : {}),
    ...(filterFocus ? { focus: filterFocus } : {}),
    page,
    pageSize,
  });

  const toggle = (problem: Problem) => {
    setSelected((before) => {
      const next = new Map(before);
      if (next.has(problem.id)) next.delete(problem.id);
      else next.set(problem.id, problem);
      return next;
    });
    if (focus === null) setFocus(problem.focus);
  };
  const picked = [...selected.values()];
  const roundCount = new Set(picked.map((p) => p.roundId)).size;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (picked.length === 0) return setLocalError(t('commonList.merge.noneSelected'));
    setLocalError(null);
    void run(
      () => invoke('commonProblems.merge', { listId, problemIds: picked.map((p) => p.id), wording: wording.trim(), focus: focus ?? picked[0]!.focus }),
      () => onDone(),
    );
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('commonList.merge.title')} size="90%" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid="common-merge-dialog">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <Box w={280}>
              <RoundSelect
                rounds={rounds.data}
                value={round}
                onChange={(next) => {
                  setRound(next);
                  setPage(1);
                }}
                label={t('commonList.merge.round')}
                clearable
                testId="common-merge-round"
              />
            </Box>
            <Select
              label={t('commonList.items.focus')}
              placeholder={t('common.all')}
              data={focusOptions(t)}
              value={filterFocus}
              onChange={(value) => {
                setFilterFocus(isFocus(value) ? value : null);
                setPage(1);
              }}
              clearable
              w={260}
            />
            <TextInput
              label={t('commonList.merge.search')}
              leftSection={<IconSearch size={16} />}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setPage(1);
              }}
              w={260}
              data-autofocus
              data-testid="common-merge-search"
            />
          </Group>
          <ErrorAlert error={found.error} />
          <Table.ScrollContainer minWidth={760} mah={340}>
            <Table striped highlightOnHover verticalSpacing={4} data-testid="common-merge-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th w={200}>{t('commonList.merge.roundCol')}</Table.Th>
                  <Table.Th w={160}>{t('commonList.merge.unit')}</Table.Th>
                  <Table.Th>{t('commonList.merge.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.data && found.data.items.length === 0 && <EmptyRow colSpan={4} py="md">{t('findings.problems.empty')}</EmptyRow>}
                {found.data?.items.map((problem) => (
                  <Table.Tr key={problem.id} data-testid="common-merge-problem">
                    <Table.Td>
                      <Checkbox checked={selected.has(problem.id)} onChange={() => toggle(problem)} aria-label={problem.description.slice(0, 40)} data-testid="common-merge-pick" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{problem.roundLabel}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{problem.unitName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{problem.description}</Text>
                      <Text size="xs" c={`${focusColors[problem.focus]}.8`}>
                        {t(`findings.focus.${problem.focus}`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager
            page={page}
            pageSize={pageSize}
            total={found.data?.total}
            totalIsLowerBound={found.data?.totalIsLowerBound}
            totalLabel={(total) => t('findings.problems.total', { total })}
            loading={found.loading}
            onChange={(nextPage, nextSize) => {
              setPage(nextPage);
              setPageSize(nextSize);
            }}
            testId="common-merge"
          />
          <Text size="sm" fw={600} data-testid="common-merge-selected">
            {t('commonList.merge.selected', { count: picked.length, rounds: roundCount })}
          </Text>
          <Group align="flex-start" gap="sm" grow>
            <Textarea
              label={t('commonList.merge.wording')}
              description={t('commonList.merge.wordingHint')}
              value={wording}
              onChange={(e) => setWording(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              maxLength={1000}
              data-testid="common-merge-wording"
            />
            <Select
              label={t('commonList.items.focus')}
              data={focusOptions(t)}
              value={focus}
              onChange={(value) => setFocus(isFocus(value) ? value : null)}
              required
              allowDeselect={false}
              data-testid="common-merge-focus"
            />
          </Group>
          {localError && (
            <Text c="red" size="sm" role="alert">
              {localError}
            </Text>
          )}
          <ErrorAlert error={error} coreDetail />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="common-merge-submit">
              {t('commonList.merge.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
