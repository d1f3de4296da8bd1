import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { groupLabel } from '../../../../../shared/format';
import type { ResultEntry, ResultKind, ResultsSummary } from '../../../../../shared/contract';
import { invoke } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { FormDialog } from '../../../components/FormDialog';
import { useChannel } from '../../../components/useChannel';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';
import { useActiveStatus } from '../../../state/status';
import { countOf, fenToYuanText, isKind, isMoney, kindOptions, yuanToFen } from './labels';

const NONE = 'round';

interface Values {
  inspection: string;
  kind: ResultKind;
  subject: string;
  figure: string;
  decidedOn: string | null;
  note: string;
  problemId: string | null;
  clueId: string | null;
}

function valuesOf(entry: ResultEntry | null): Values {
  if (!entry) return { inspection: NONE, kind: 'partyDiscipline', subject: '', figure: '1', decidedOn: null, note: '', problemId: null, clueId: null };
  return {
    inspection: entry.inspectionId === null ? NONE : String(entry.inspectionId),
    kind: entry.kind,
    subject: entry.subject,
    figure: isMoney(entry.kind) ? fenToYuanText(entry.quantity) : String(entry.quantity),
    decidedOn: entry.decidedOn,
    note: entry.note,
    problemId: entry.problemId === null ? null : String(entry.problemId),
    clueId: entry.clueId === null ? null : String(entry.clueId),
  };
}

/**
 * 登记 or 修改 one result: unit (or the round as a whole), kind, person or matter, the figure —
 * a count, or yuan for the money kinds (kept in 分) — date, note and an optional linked problem
 * of that unit. Checked here for a clear message, and again by the core.
 */
export function EntryDialog({
  roundId,
  summary,
  entry,
  defaultInspectionId,
  onClose,
  onSaved,
}: {
  roundId: number;
  summary: ResultsSummary;
  entry: ResultEntry | null;
  defaultInspectionId: number | null;
  onClose: () => void;
  onSaved: (entry: ResultEntry) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<Values>(() => ({ ...valuesOf(entry), ...(entry === null && defaultInspectionId !== null ? { inspection: String(defaultInspectionId) } : {}) }));
  const [shown, setShown] = useState<Partial<Record<'subject' | 'figure', string>>>({});
  const { busy, error, run } = useSubmit();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 300);
  const inspectionId = values.inspection === NONE ? null : Number(values.inspection);
  // Only those who may read clues choose one (the core checks again); the others keep what is linked.
  const { user, settings } = useActiveStatus();
  const readsClues = user.role === 'clueOfficer' || (user.role === 'admin' && settings.adminsMayReadClues);
  const [clueSearch, setClueSearch] = useState('');
  const [clueQuery] = useDebouncedValue(clueSearch, 300);
  const clues = useChannel('clues.list', readsClues ? { roundId, ...(clueQuery.trim() ? { text: clueQuery.trim() } : {}), page: 1, pageSize: 20 } : null);
  const problems = useChannel('problems.list', inspectionId === null ? null : { inspectionId, ...(query.trim() ? { text: query.trim() } : {}), page: 1, pageSize: 20 });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  const inspectionOptions = useMemo(
    () => [
      { value: NONE, label: t('results.field.inspection.none') },
      ...summary.byInspection
        .filter((row) => row.inspectionId !== null)
        .map((row) => ({ value: String(row.inspectionId), label: row.groupNumber === null ? row.unitName ?? '' : `${row.unitName ?? ''}（${groupLabel(row.groupNumber)}）` })),
    ],
    [summary, t],
  );
  const problemOptions = useMemo(() => {
    const options = (problems.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.description.slice(0, 80) }));
    if (entry?.problemId && entry.problemDescription && !options.some((o) => o.value === String(entry.problemId))) {
      options.unshift({ value: String(entry.problemId), label: entry.problemDescription.slice(0, 80) });
    }
    return options;
  }, [problems.data, entry]);

  const clueOptions = useMemo(() => {
    const options = (clues.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.code} ${c.summary.slice(0, 40)}` }));
    if (entry?.clueId && entry.clueCode && !options.some((o) => o.value === String(entry.clueId))) options.unshift({ value: String(entry.clueId), label: entry.clueCode });
    return options;
  }, [clues.data, entry]);

  const money = isMoney(values.kind);
  const submit = () => {
    const quantity = money ? yuanToFen(values.figure) : countOf(values.figure);
    const subject = values.subject.trim();
    const problems = {
      subject: subject.length === 0 || subject.length > 200 ? t('results.invalid.subject') : undefined,
      figure: quantity === null ? t(money ? 'results.invalid.amount' : 'results.invalid.count') : undefined,
    };
    setShown(problems);
    if (problems.subject || problems.figure || quantity === null) return;
    const fields = {
      inspectionId,
      kind: values.kind,
      subject,
      quantity,
      decidedOn: values.decidedOn,
      note: values.note.trim(),
      problemId: values.problemId === null ? null : Number(values.problemId),
      clueId: readsClues && values.clueId !== null ? Number(values.clueId) : null,
    };
    return run(() => (entry ? invoke('resultsLedger.update', { id: entry.id, ...fields }) : invoke('resultsLedger.create', { roundId, ...fields })), onSaved);
  };

  return (
    <FormDialog
      title={t(entry ? 'results.dialog.edit' : 'results.dialog.add')}
      size="lg"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitTestId="results-entry-save"
      testId="results-entry-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('results.field.inspection')}
          data={inspectionOptions}
          value={values.inspection}
          onChange={(value) => setValues((current) => ({ ...current, inspection: value ?? NONE, problemId: null }))}
          searchable
          allowDeselect={false}
          data-autofocus
          data-testid="results-entry-inspection"
        />
        <Select
          label={t('results.field.kind')}
          data={kindOptions(t)}
          value={values.kind}
          onChange={(value) => isKind(value) && set('kind', value)}
          allowDeselect={false}
          data-testid="results-entry-kind"
        />
      </SimpleGrid>
      <TextInput
        label={values.kind === 'rulesMade' ? t('results.field.subject.rulesMade') : t('results.field.subject')}
        placeholder={t('results.field.subject.placeholder')}
        value={values.subject}
        maxLength={200}
        required
        error={shown.subject}
        onChange={(e) => set('subject', e.currentTarget.value)}
        data-testid="results-entry-subject"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={money ? t('results.field.amount') : t('results.field.count')}
          description={money ? t('results.field.amount.hint') : undefined}
          value={values.figure}
          inputMode="decimal"
          required
          error={shown.figure}
          onChange={(e) => set('figure', e.currentTarget.value)}
          data-testid="results-entry-figure"
        />
        <DateField label={t('results.field.date')} value={values.decidedOn} onChange={(value) => set('decidedOn', value)} testId="results-entry-date" />
      </SimpleGrid>
      {inspectionId !== null && (
        <Select
          label={t('results.field.problem')}
          placeholder={t('results.field.problem.placeholder')}
          data={problemOptions}
          value={values.problemId}
          onChange={(value) => set('problemId', value)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('results.field.problem.none')}
          data-testid="results-entry-problem"
        />
      )}
      {readsClues && (
        <Select
          label={t('results.field.clue')}
          placeholder={t('results.field.clue.placeholder')}
          data={clueOptions}
          value={values.clueId}
          onChange={(value) => set('clueId', value)}
          searchable
          searchValue={clueSearch}
          onSearchChange={setClueSearch}
          filter={({ options }) => options}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('results.field.clue.none')}
          data-testid="results-entry-clue"
        />
      )}
      <Textarea label={t('results.field.note')} value={values.note} maxLength={1000} autosize minRows={2} maxRows={6} onChange={(e) => set('note', e.currentTarget.value)} data-testid="results-entry-note" />
    </FormDialog>
  );
}
