import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChannelInput, Problem } from '../../../../shared/contract';
import type { Focus, ProblemSource } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { focusOptions, isFocus, isSource, sourceOptions } from './labels';
import { useChannel } from '../../components/useChannel';

const NO_CATEGORY = 'none';

/**
 * 批量修改: one change to the selected problems (focus, category, 共性, source), in one call
 * and one audit entry. A category belongs to one focus, so a new focus comes with its category.
 */
export function BulkEditDialog({ problems, onClose, onDone }: { problems: Problem[]; onClose: () => void; onDone: (updated: number) => void }) {
  const t = useT();
  const categories = useChannel('problems.categories', {});
  const [changeFocus, setChangeFocus] = useState(false);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [changeCategory, setChangeCategory] = useState(false);
  const [categoryId, setCategoryId] = useState<string>(NO_CATEGORY);
  const [changeCommon, setChangeCommon] = useState(false);
  const [isCommon, setIsCommon] = useState<'yes' | 'no'>('yes');
  const [changeSource, setChangeSource] = useState(false);
  const [source, setSource] = useState<ProblemSource | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [invalid, setInvalid] = useState(false);

  const focuses = new Set(problems.map((problem) => problem.focus));
  // The focus whose categories apply: the new one, or the one all selected problems share.
  const categoryFocus: Focus | null = changeFocus ? focus : focuses.size === 1 ? [...focuses][0]! : null;
  const categoryAllowed = categoryFocus !== null;
  const categoryOn = changeFocus || changeCategory;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const changes: ChannelInput<'problems.bulkUpdate'>['changes'] = {};
    if (changeFocus) {
      if (!focus) {
        setInvalid(true);
        return;
      }
      changes.focus = focus;
    }
    if (categoryOn && categoryAllowed) changes.categoryId = categoryId === NO_CATEGORY ? null : Number(categoryId);
    if (changeCommon) changes.isCommon = isCommon === 'yes';
    if (changeSource) {
      if (!source) {
        setInvalid(true);
        return;
      }
      changes.source = source;
    }
    if (Object.keys(changes).length === 0) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await invoke('problems.bulkUpdate', { ids: problems.map((problem) => problem.id), changes });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(result.value.updated);
  };

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t('findings.bulk.title', { count: problems.length })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="bulk-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('findings.bulk.intro')}
          </Text>
          <Checkbox
            label={t('findings.bulk.changeFocus')}
            checked={changeFocus}
            onChange={(event) => {
              setChangeFocus(event.currentTarget.checked);
              setCategoryId(NO_CATEGORY);
              setInvalid(false);
            }}
            data-autofocus
            data-testid="bulk-change-focus"
          />
          {changeFocus && (
            <Select
              label={t('findings.col.focus')}
              data={focusOptions(t)}
              value={focus}
              onChange={(value) => {
                setFocus(isFocus(value) ? value : null);
                setCategoryId(NO_CATEGORY);
                setInvalid(false);
              }}
              allowDeselect={false}
              error={invalid && !focus ? t('findings.validation.choose') : undefined}
              ml="xl"
              data-testid="bulk-focus"
            />
          )}
          <Checkbox
            label={t('findings.bulk.changeCategory')}
            description={
              changeFocus ? t('findings.bulk.categoryWithFocus') : categoryAllowed ? undefined : t('findings.bulk.categoryMixed')
            }
            checked={categoryOn}
            disabled={changeFocus || !categoryAllowed}
            onChange={(event) => setChangeCategory(event.currentTarget.checked)}
            data-testid="bulk-change-category"
          />
          {categoryOn && categoryAllowed && (
            <Select
              label={t('findings.col.category')}
              data={[
                { value: NO_CATEGORY, label: t('findings.problem.noCategory') },
                ...(categories.data ?? [])
                  .filter((category) => category.focus === categoryFocus && !category.retired)
                  .map((category) => ({ value: String(category.id), label: category.name })),
              ]}
              value={categoryId}
              onChange={(value) => setCategoryId(value ?? NO_CATEGORY)}
              allowDeselect={false}
              ml="xl"
              data-testid="bulk-category"
            />
          )}
          <Checkbox
            label={t('findings.bulk.changeCommon')}
            checked={changeCommon}
            onChange={(event) => {
              setChangeCommon(event.currentTarget.checked);
              setInvalid(false);
            }}
            data-testid="bulk-change-common"
          />
          {changeCommon && (
            <SegmentedControl
              ml="xl"
              w="fit-content"
              value={isCommon}
              onChange={(value) => setIsCommon(value === 'no' ? 'no' : 'yes')}
              data={[
                { value: 'yes', label: t('findings.bulk.common.yes') },
                { value: 'no', label: t('findings.bulk.common.no') },
              ]}
              data-testid="bulk-common"
            />
          )}
          <Checkbox
            label={t('findings.bulk.changeSource')}
            checked={changeSource}
            onChange={(event) => {
              setChangeSource(event.currentTarget.checked);
              setInvalid(false);
            }}
            data-testid="bulk-change-source"
          />
          {changeSource && (
            <Select
              label={t('findings.col.source')}
              data={sourceOptions(t)}
              value={source}
              onChange={(value) => {
                setSource(isSource(value) ? value : null);
                setInvalid(false);
              }}
              allowDeselect={false}
              error={invalid && !source ? t('findings.validation.choose') : undefined}
              ml="xl"
              data-testid="bulk-source"
            />
          )}
          {invalid && !changeFocus && !changeCategory && !changeCommon && !changeSource && (
            <Text size="sm" c="red" role="alert">
              {t('findings.bulk.nothing')}
            </Text>
          )}
          <ErrorAlert error={error ?? categories.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="bulk-submit">
              {t('findings.bulk.submit', { count: problems.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
