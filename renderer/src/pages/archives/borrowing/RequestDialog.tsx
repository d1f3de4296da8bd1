import { ActionIcon, Button, Group, Paper, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { borrowingModes, type ArchiveSearchResult, type BorrowingMode } from '../../../../../shared/contract';
import { invoke } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { today } from '../../../components/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';
import type { AppErrorShape } from '../../../../../shared/result';

/** A full 档号 (0123-WS·2020-Y-XCB-0001): a 密件 one cannot find is asked for by it, as on the paper catalogue. */
const ARCHIVE_CODE = /^[A-Za-z0-9]+-WS·\d{4}-(Y|D30|D10)-[A-Za-z0-9]+-\d{4,}$/;

interface Chosen {
  archiveCode: string;
  title: string | null;
}

/** 申请借阅: items found by 档号 or 题名 (or a full 档号 typed), the kind, the purpose and the due date. */
export function RequestDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ArchiveSearchResult['items'] | null>(null);
  const [searchError, setSearchError] = useState<AppErrorShape | null>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [mode, setMode] = useState<BorrowingMode>('view');
  const [purpose, setPurpose] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ items?: string; purpose?: string; due?: string; code?: string }>({});
  const { busy, error, run } = useSubmit();

  const add = (item: Chosen) => {
    setChosen((now) => (now.some((c) => c.archiveCode === item.archiveCode) ? now : [...now, item]));
    setErrors((now) => ({ ...now, items: undefined }));
  };
  const search = async () => {
    const text = query.trim();
    if (!text) return;
    const result = await invoke('archives.search', { query: text, pageSize: 10 });
    setSearchError(result.ok ? null : result.error);
    setFound(result.ok ? result.value.items : null);
  };
  const addCode = () => {
    const code = query.trim();
    if (!ARCHIVE_CODE.test(code)) return setErrors((now) => ({ ...now, code: t('borrowing.form.codeInvalid') }));
    setErrors((now) => ({ ...now, code: undefined }));
    add({ archiveCode: code, title: null });
    setQuery('');
  };
  // Enter in the search box searches; it must not send the request.
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  const submit = async () => {
    const next = {
      items: chosen.length ? undefined : t('borrowing.form.needItems'),
      purpose: purpose.trim() ? undefined : t('borrowing.form.needPurpose'),
      due: dueDate ? undefined : t('borrowing.form.needDue'),
    };
    setErrors(next);
    if (next.items || next.purpose || next.due) return;
    await run(() => invoke('archives.borrow', { archiveCodes: chosen.map((c) => c.archiveCode), mode, purpose, dueDate: dueDate! }), onDone);
  };

  return (
    <FormDialog title={t('borrowing.form.title')} size="lg" busy={busy} error={error} coreDetail onClose={onClose} onSubmit={submit} submitLabel={t('borrowing.form.submit')} submitTestId="borrowing-submit" testId="borrowing-form">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('borrowing.form.search')}
            description={t('borrowing.form.searchHint')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onSearchKey}
            error={errors.code}
            maxLength={100}
            data-autofocus
            data-testid="borrowing-search"
          />
          <Button variant="default" leftSection={<IconSearch size={16} />} onClick={() => void search()} data-testid="borrowing-search-run">
            {t('borrowing.form.searchButton')}
          </Button>
          <Button variant="default" onClick={addCode} data-testid="borrowing-add-code">
            {t('borrowing.form.addCode')}
          </Button>
        </Group>
        <ErrorAlert error={searchError} />
        {found && found.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('borrowing.form.noResults')}
          </Text>
        )}
        {found?.map(({ item }) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="borrowing-found">
            <Text size="sm" truncate>
              {item.archiveCode} {item.displayTitle}
            </Text>
            <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => add({ archiveCode: item.archiveCode, title: item.displayTitle })} data-testid="borrowing-found-add">
              {t('borrowing.form.add')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Paper withBorder p="xs" data-testid="borrowing-chosen">
        <Text size="sm" fw={500} mb={4}>
          {t('borrowing.form.chosen', { n: chosen.length })}
        </Text>
        {chosen.length === 0 && (
          <Text size="sm" c={errors.items ? 'red' : 'dimmed'}>
            {errors.items ?? t('borrowing.form.noneChosen')}
          </Text>
        )}
        {chosen.map((item) => (
          <Group key={item.archiveCode} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" truncate>
              {item.archiveCode} {item.title ?? ''}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={t('borrowing.form.remove', { code: item.archiveCode })} onClick={() => setChosen((now) => now.filter((c) => c.archiveCode !== item.archiveCode))}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
      </Paper>
      <Radio.Group label={t('borrowing.form.mode')} value={mode} onChange={(value) => setMode(value as BorrowingMode)} required>
        <Group gap="lg" mt={4}>
          {borrowingModes.map((value) => (
            <Radio key={value} value={value} label={t(`borrowing.mode.${value}`)} data-testid={`borrowing-mode-${value}`} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea label={t('borrowing.form.purpose')} value={purpose} onChange={(event) => {
          setPurpose(event.currentTarget.value);
          setErrors((now) => ({ ...now, purpose: undefined }));
        }} error={errors.purpose} maxLength={500} autosize minRows={2} required data-testid="borrowing-purpose" />
      <DateField label={t('borrowing.form.due')} value={dueDate}
        onChange={(value) => {
          setDueDate(value);
          setErrors((now) => ({ ...now, due: undefined }));
        }} minDate={today()} error={errors.due} required testId="borrowing-due" />
    </FormDialog>
  );
}
