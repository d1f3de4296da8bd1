import { Alert, Checkbox, Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import type { Inspection, Problem } from '../../../../shared/contract';
import type { Focus, ProblemSource } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useChannel } from '../../components/useChannel';
import { useDraft, type DraftErrors } from '../../components/useDraft';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { focusOptions, isFocus, isSource, sourceOptions } from './labels';
import { InspectionSelect, RoundSelect, useRounds } from './pickers';

/** A new problem started from a 是否 item answered 否: fixed inspection, linked to the item. */
export interface ProblemPrefill {
  inspection: Inspection;
  focus: Focus | null;
  description: string;
  evidence: string;
  checklistItemIds: number[];
  itemText: string;
}

interface Draft {
  roundId: number | null;
  inspectionId: number | null;
  focus: Focus | null;
  categoryId: string | null;
  description: string;
  evidence: string;
  source: ProblemSource | null;
  isCommon: boolean;
}

const NO_CATEGORY = 'none';

function draftOf(problem: Problem | null, prefill: ProblemPrefill | null, roundId: number | null): Draft {
  if (problem) {
    return {
      roundId: problem.roundId,
      inspectionId: problem.inspectionId,
      focus: problem.focus,
      categoryId: problem.categoryId === null ? NO_CATEGORY : String(problem.categoryId),
      description: problem.description,
      evidence: problem.evidence,
      source: problem.source,
      isCommon: problem.isCommon,
    };
  }
  return {
    roundId: prefill?.inspection.roundId ?? roundId,
    inspectionId: prefill?.inspection.id ?? null,
    focus: prefill?.focus ?? null,
    categoryId: NO_CATEGORY,
    description: prefill?.description ?? '',
    evidence: prefill?.evidence ?? '',
    source: null,
    isCommon: false,
  };
}

function validate(draft: Draft): DraftErrors<Draft> {
  const errors: DraftErrors<Draft> = {};
  if (draft.roundId === null) errors.roundId = 'findings.validation.choose';
  if (draft.inspectionId === null) errors.inspectionId = 'findings.validation.choose';
  if (!draft.focus) errors.focus = 'findings.validation.choose';
  if (!draft.description.trim()) errors.description = 'validation.required';
  else if (draft.description.trim().length > 4000) errors.description = 'findings.validation.long4000';
  if (draft.evidence.trim().length > 4000) errors.evidence = 'findings.validation.long4000';
  if (!draft.source) errors.source = 'findings.validation.choose';
  return errors;
}

/** New problem (problem null), one started from a checklist item (prefill), or an edit. */
export function ProblemDialog({
  problem,
  prefill,
  roundId,
  onClose,
  onDone,
}: {
  problem: Problem | null;
  prefill?: ProblemPrefill | null;
  roundId: number | null;
  onClose: () => void;
  onDone: (problem: Problem) => void;
}) {
  const t = useT();
  const { draft, set, error: fieldError, check } = useDraft<Draft>(() => draftOf(problem, prefill ?? null, roundId));
  const { busy, error, run } = useSubmit();
  const rounds = useRounds();
  const inspections = useChannel('inspections.list', draft.roundId !== null ? { roundId: draft.roundId } : null);
  const categories = useChannel('problems.categories', {});
  const linkedItems = problem ? problem.checklistItemIds : (prefill?.checklistItemIds ?? []);
  // A problem linked to checklist items stays with the inspection whose checklist it answers.
  const inspectionFixed = linkedItems.length > 0;

  const categoryOptions = [
    { value: NO_CATEGORY, label: t('findings.problem.noCategory') },
    ...(categories.data ?? [])
      .filter((category) => category.focus === draft.focus && (!category.retired || String(category.id) === draft.categoryId))
      .map((category) => ({ value: String(category.id), label: category.name })),
  ];

  const submit = async () => {
    if (!check(validate(draft)) || draft.inspectionId === null || !draft.focus || !draft.source) return;
    const fields = {
      inspectionId: draft.inspectionId,
      focus: draft.focus,
      categoryId: draft.categoryId && draft.categoryId !== NO_CATEGORY ? Number(draft.categoryId) : null,
      description: draft.description.trim(),
      evidence: draft.evidence.trim(),
      source: draft.source,
      isCommon: draft.isCommon,
      checklistItemIds: linkedItems,
    };
    await run(() => (problem ? invoke('problems.update', { id: problem.id, ...fields }) : invoke('problems.create', fields)), onDone);
  };

  const title = problem ? t('findings.problem.editTitle') : prefill ? t('findings.problem.fromItemTitle') : t('findings.problem.createTitle');

  return (
    <FormDialog
      title={title}
      size="xl"
      busy={busy}
      error={error ?? inspections.error ?? categories.error}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitTestId="problem-form-submit"
      testId="problem-form"
    >
      {prefill && (
        <Alert variant="light" color="blue" icon={<IconLink size={18} />} data-testid="problem-form-item">
          <Text size="sm">{t('findings.problem.fromItem', { item: prefill.itemText })}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RoundSelect
          rounds={rounds.data}
          value={draft.roundId}
          onChange={(next) => set('roundId', next, { inspectionId: null })}
          label={t('findings.round.label')}
          required
          disabled={inspectionFixed}
          error={fieldError('roundId')}
          testId="problem-form-round"
        />
        <InspectionSelect
          inspections={inspections.data}
          value={draft.inspectionId}
          onChange={(inspection) => set('inspectionId', inspection?.id ?? null)}
          label={t('findings.problem.inspection')}
          description={inspectionFixed ? t('findings.problem.inspectionFixed') : undefined}
          required
          disabled={inspectionFixed || draft.roundId === null}
          error={fieldError('inspectionId')}
          testId="problem-form-inspection"
        />
        <Select
          label={t('findings.col.focus')}
          required
          data={focusOptions(t)}
          value={draft.focus}
          // Categories belong to one focus: a new focus starts without one.
          onChange={(value) => set('focus', isFocus(value) ? value : null, { categoryId: NO_CATEGORY })}
          allowDeselect={false}
          error={fieldError('focus')}
          data-testid="problem-form-focus"
        />
        <Select
          label={t('findings.col.category')}
          data={categoryOptions}
          value={draft.categoryId}
          onChange={(value) => set('categoryId', value ?? NO_CATEGORY)}
          allowDeselect={false}
          disabled={!draft.focus}
          description={draft.focus ? undefined : t('findings.problem.categoryAfterFocus')}
          data-testid="problem-form-category"
        />
      </SimpleGrid>
      <Textarea
        label={t('findings.col.description')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        value={draft.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={fieldError('description')}
        data-autofocus
        data-testid="problem-form-description"
      />
      <Textarea
        label={t('findings.problem.evidence')}
        description={t('findings.problem.evidence.description')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={4000}
        value={draft.evidence}
        onChange={(event) => set('evidence', event.currentTarget.value)}
        error={fieldError('evidence')}
        data-testid="problem-form-evidence"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('findings.col.source')}
          required
          data={sourceOptions(t)}
          value={draft.source}
          onChange={(value) => set('source', isSource(value) ? value : null)}
          allowDeselect={false}
          error={fieldError('source')}
          data-testid="problem-form-source"
        />
        <Checkbox
          mt={{ sm: 30 }}
          label={t('findings.problem.isCommon')}
          description={t('findings.problem.isCommon.description')}
          checked={draft.isCommon}
          onChange={(event) => set('isCommon', event.currentTarget.checked)}
          data-testid="problem-form-common"
        />
      </SimpleGrid>
    </FormDialog>
  );
}
