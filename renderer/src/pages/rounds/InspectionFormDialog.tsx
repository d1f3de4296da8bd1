import { Alert, Checkbox, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Catalogs, Inspection, RoundPage, Unit } from '../../../../shared/contract';
import type { InspectionMode } from '../../../../shared/domain';
import { groupLabel } from '../../../../shared/format';
import { invoke } from '../../api/client';
import { datesReversed } from '../../components/dates';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { GroupSelect, ModeSelect, TopicSelect } from './InspectionFields';
import { UnitPicker } from './UnitPicker';
import { useRemote } from './useRemote';

interface Errors {
  unit?: MessageKey;
  topic?: MessageKey;
  follows?: MessageKey;
  endsOn?: MessageKey;
}

/**
 * 新建巡察任务 / 编辑: the unit, the group, the mode (专项 with its topic; 回头看 with the earlier
 * inspection it follows up), 联动, and dates when they differ from the round's.
 */
export function InspectionFormDialog({
  page,
  catalogs,
  inspection,
  onClose,
  onDone,
}: {
  page: RoundPage;
  catalogs: Catalogs | null;
  inspection: Inspection | null;
  onClose: () => void;
  onDone: (inspection: Inspection) => void;
}) {
  const t = useT();
  const roundId = page.round.id;
  const [unit, setUnit] = useState<Unit | null>(null);
  const unitId = inspection?.unitId ?? unit?.id ?? null;
  const [groupId, setGroupId] = useState<string | null>(inspection?.groupId ? String(inspection.groupId) : page.groups[0] ? String(page.groups[0].id) : null);
  const [mode, setMode] = useState<InspectionMode>(inspection?.mode ?? 'routine');
  const [topicId, setTopicId] = useState<string | null>(inspection?.topicId ? String(inspection.topicId) : null);
  const [followsId, setFollowsId] = useState<string | null>(inspection?.followsInspectionId ? String(inspection.followsInspectionId) : null);
  const [linkage, setLinkage] = useState(inspection?.linkage ?? false);
  const [startsOn, setStartsOn] = useState(inspection?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(inspection?.endsOn ?? '');
  const [note, setNote] = useState(inspection?.note ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error, run } = useSubmit();

  const targets = useRemote(
    useCallback(
      () =>
        mode === 'lookback' && unitId !== null
          ? invoke('inspections.lookbackTargets', { roundId, unitId })
          : Promise.resolve({ ok: true as const, value: [] as Inspection[] }),
      [mode, unitId, roundId],
    ),
  );
  const targetList = targets.data ?? [];
  // The latest earlier inspection is the usual target: offered until the user picks another.
  const follows = followsId ?? (targetList[0] ? String(targetList[0].id) : null);

  const submit = async () => {
    const found: Errors = {};
    if (unitId === null) found.unit = 'rounds.inspection.unitRequired';
    if (mode === 'special' && !topicId) found.topic = 'rounds.inspection.topicRequired';
    if (mode === 'lookback' && !follows) found.follows = 'rounds.inspection.followsRequired';
    if (datesReversed(startsOn, endsOn)) found.endsOn = 'rounds.validation.dateOrder';
    setErrors(found);
    if (Object.keys(found).length > 0 || unitId === null) return;
    const fields = {
      groupId: groupId ? Number(groupId) : null,
      mode,
      topicId: mode === 'special' && topicId ? Number(topicId) : null,
      followsInspectionId: mode === 'lookback' && follows ? Number(follows) : null,
      linkage,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      note: note.trim(),
    };
    await run(
      () => (inspection ? invoke('inspections.update', { id: inspection.id, ...fields }) : invoke('inspections.create', { roundId, unitId, ...fields })),
      onDone,
    );
  };

  const targetLabel = (target: Inspection) =>
    [target.roundLabel, target.groupNumber !== null ? groupLabel(target.groupNumber) : null, t(`rounds.mode.${target.mode}`)].filter(Boolean).join(' · ');

  return (
    <FormDialog
      title={inspection ? t('rounds.inspection.editNamed', { unit: inspection.unitName }) : t('rounds.inspection.create')}
      size="lg"
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={inspection ? t('common.save') : t('rounds.inspection.create')}
      submitTestId="inspection-submit"
      testId="inspection-form"
    >
      {inspection ? (
        <TextInput label={t('rounds.inspection.col.unit')} value={inspection.unitName} readOnly disabled />
      ) : (
        <UnitPicker
          label={t('rounds.inspection.col.unit')}
          placeholder={t('rounds.picker.unitPlaceholder')}
          required
          selected={unit}
          onSelect={(next) => {
            setUnit(next);
            setFollowsId(null);
            setErrors((current) => ({ ...current, unit: undefined }));
          }}
          error={errors.unit ? t(errors.unit) : undefined}
          data-autofocus
          data-testid="inspection-unit"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <GroupSelect groups={page.groups} value={groupId} onChange={setGroupId} testId="inspection-group" />
        <ModeSelect
          value={mode}
          onChange={(value) => {
            setMode(value);
            setErrors({});
          }}
          testId="inspection-mode"
        />
      </SimpleGrid>
      {mode === 'special' && (
        <TopicSelect
          catalogs={catalogs}
          placeholder={t('rounds.inspection.topicPlaceholder')}
          value={topicId}
          onChange={(value) => {
            setTopicId(value);
            setErrors((current) => ({ ...current, topic: undefined }));
          }}
          error={errors.topic ? t(errors.topic) : undefined}
          testId="inspection-topic-select"
        />
      )}
      {mode === 'lookback' &&
        (unitId === null ? (
          <Text size="sm" c="dimmed">
            {t('rounds.inspection.followsPickUnit')}
          </Text>
        ) : !targets.loading && targetList.length === 0 ? (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} data-testid="lookback-none">
            {t('rounds.inspection.followsNone')}
          </Alert>
        ) : (
          <Select
            label={t('rounds.inspection.follows.label')}
            description={t('rounds.inspection.follows.description')}
            required
            data={targetList.map((target) => ({ value: String(target.id), label: targetLabel(target) }))}
            value={follows}
            onChange={(value) => {
              setFollowsId(value);
              setErrors((current) => ({ ...current, follows: undefined }));
            }}
            allowDeselect={false}
            error={errors.follows ? t(errors.follows) : undefined}
            comboboxProps={{ withinPortal: true }}
            data-testid="inspection-follows"
          />
        ))}
      <Checkbox
        label={t('rounds.inspection.linkage')}
        description={t('rounds.inspection.linkage.description')}
        checked={linkage}
        onChange={(event) => setLinkage(event.currentTarget.checked)}
        data-testid="inspection-linkage"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('rounds.inspection.startsOn')} value={startsOn} onChange={(value) => setStartsOn(value ?? '')} description={t('rounds.inspection.dates.description')} />
        <DateField
          label={t('rounds.inspection.endsOn')}
          value={endsOn}
          onChange={(value) => {
            setEndsOn(value ?? '');
            setErrors((current) => ({ ...current, endsOn: undefined }));
          }}
          error={errors.endsOn ? t(errors.endsOn) : undefined}
          minDate={startsOn}
          description=" "
        />
      </SimpleGrid>
      <Textarea label={t('rounds.inspection.note')} autosize minRows={2} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
    </FormDialog>
  );
}
