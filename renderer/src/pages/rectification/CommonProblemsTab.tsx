import { Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { CommonItemsTable } from './common/CommonItemsTable';
import { IssueDialog } from './common/IssueDialog';
import { MergeDialog } from './common/MergeDialog';
import { NewListDialog } from './common/NewListDialog';
import { SelfChecksPanel } from './common/SelfChecksPanel';
import type { RectificationRights } from './labels';

/**
 * 共性问题清单: the lists, each built from problems of several rounds merged into common
 * problems (从问题合并), issued (印发) to units with a date and a deadline, and then each unit's
 * self-check (对照自查) of every item. Lists span rounds, so the round picker
 * above does not narrow them.
 */
export function CommonProblemsTab({ rights }: { roundId: number | null; rights: RectificationRights }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'new' | 'merge' | 'issue' | null>(null);
  const lists = useChannel('commonLists.list', {}, version);
  const listId = chosen ?? lists.data?.[0]?.id ?? null;
  const list = lists.data?.find((l) => l.id === listId) ?? null;
  const changed = () => setVersion((v) => v + 1);
  const draft = list?.status === 'draft';

  return (
    <Stack gap="md" data-testid="common-tab">
      <ErrorAlert error={lists.error} />
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <Group align="flex-end" gap="md">
            <Select
              label={t('commonList.lists.pick')}
              data={(lists.data ?? []).map((l) => ({ value: String(l.id), label: l.title }))}
              value={listId !== null ? String(listId) : null}
              onChange={(value) => value && setChosen(Number(value))}
              allowDeselect={false}
              w={360}
              data-testid="common-list-select"
            />
            {list && (
              <Stack gap={2} pb={4}>
                <Group gap="xs">
                  <Badge color={draft ? 'gray' : 'teal'} variant="light" data-testid="common-list-status">
                    {t(`commonList.status.${list.status}`)}
                  </Badge>
                  <Text size="sm" data-testid="common-list-summary">
                    {t('commonList.lists.summary', { items: list.items, units: list.units, checks: list.checks })}
                  </Text>
                </Group>
                {list.issuedOn && list.deadline && (
                  <Text size="xs" c="dimmed" data-testid="common-list-dates">
                    {t('commonList.lists.issuedOn', { date: formatDate(list.issuedOn, 'date'), deadline: formatDate(list.deadline, 'date') })}
                  </Text>
                )}
              </Stack>
            )}
          </Group>
          {rights.write && (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')} data-testid="common-list-new">
                {t('commonList.lists.new')}
              </Button>
              {list && draft && (
                <>
                  <Button variant="light" leftSection={<IconGitMerge size={16} />} onClick={() => setDialog('merge')} data-testid="common-merge-open">
                    {t('commonList.merge.open')}
                  </Button>
                  <Button leftSection={<IconSend size={16} />} onClick={() => setDialog('issue')} disabled={list.items === 0} data-testid="common-issue-open">
                    {t('commonList.issue.open')}
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
      </Card>
      {lists.data && lists.data.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="common-lists-empty">
          {t('commonList.lists.empty')}
        </Text>
      )}
      {list && <CommonItemsTable list={list} mayEdit={rights.write && draft} version={version} onChanged={changed} />}
      {list && list.status === 'issued' && <SelfChecksPanel list={list} mayWrite={rights.write} onChanged={changed} />}
      {list && draft && (
        <Text size="sm" c="dimmed">
          {t('commonList.notIssued')}
        </Text>
      )}
      {dialog === 'new' && (
        <NewListDialog
          onClose={() => setDialog(null)}
          onDone={(id) => {
            setDialog(null);
            setChosen(id);
            changed();
          }}
        />
      )}
      {dialog === 'merge' && list && (
        <MergeDialog
          listId={list.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
      {dialog === 'issue' && list && (
        <IssueDialog
          list={list}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
    </Stack>
  );
}
