import { Badge, Box, Button, Card, EmptyState, Group, Loader, Menu, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconPencilCog, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ChannelOutput, ChecklistTemplate, Inspection, Problem, RoundSummary } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { ChecklistItemRow, type ChecklistItem } from './ChecklistItemRow';
import type { FindingsRights } from './FindingsModule';
import { InspectionSelect } from './pickers';
import { ProblemDialog, type ProblemPrefill } from './ProblemDialog';
import { TemplateEditor } from './TemplateEditor';
import { useChannel } from '../../components/useChannel';

type Sheet = ChannelOutput<'checklists.forInspection'>['templates'][number];
type Dialog = { kind: 'problem'; prefill: ProblemPrefill } | { kind: 'edit'; problem: Problem } | { kind: 'templates' } | null;

/** The inspection last opened here, per round: switching tabs comes back to it. */
const lastInspection = new Map<number, number>();

/** The template that fits an inspection: 专项 by its topic's name, otherwise by mode. */
function suggestedTemplate(templates: ChecklistTemplate[], inspection: Inspection): ChecklistTemplate | undefined {
  if (inspection.mode === 'special' && inspection.topicName) {
    const topic = inspection.topicName;
    const byTopic = templates.find((template) => template.topicId === inspection.topicId || template.name.includes(topic));
    if (byTopic) return byTopic;
  }
  return templates.find((template) => template.mode === inspection.mode) ?? templates.find((template) => template.mode === 'routine');
}

/** Consecutive items of one section, as the template orders them. */
function sections(items: ChecklistItem[]): { section: string; items: ChecklistItem[] }[] {
  const groups: { section: string; items: ChecklistItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.section === item.section) last.items.push(item);
    else groups.push({ section: item.section, items: [item] });
  }
  return groups;
}

/** 是否清单: pick the inspection, attach a template, answer item by item, turn a 否 into a problem. */
export function ChecklistTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  const t = useT();
  const roundId = round?.id ?? null;
  const [inspectionId, setInspectionId] = useState<number | null>(() => (roundId !== null ? (lastInspection.get(roundId) ?? null) : null));
  const [version, setVersion] = useState(0);
  const [templatesVersion, setTemplatesVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [chosenTemplate, setChosenTemplate] = useState<string | null>(null);
  const [attaching, setAttaching] = useState(false);
  const [attachError, setAttachError] = useState<AppErrorShape | null>(null);

  const inspections = useChannel('inspections.list', roundId !== null ? { roundId } : null);
  const inspection = inspections.data?.find((candidate) => candidate.id === inspectionId) ?? null;
  const sheet = useChannel('checklists.forInspection', inspectionId !== null ? { inspectionId } : null, version);
  const templates = useChannel('checklists.templates', {}, templatesVersion);
  const problems = useChannel('problems.list', inspectionId !== null ? { inspectionId, page: 1, pageSize: 500 } : null, version);
  const problemsById = useMemo(() => new Map((problems.data?.items ?? []).map((problem) => [problem.id, problem])), [problems.data]);

  const attached = new Set((sheet.data?.templates ?? []).map((template) => template.templateId));
  const sheetReady = sheet.data?.inspectionId === inspectionId;
  const attachedCount = sheetReady ? attached.size : 0;
  const available = (templates.data ?? []).filter((template) => !attached.has(template.id));
  const suggestion = inspection ? suggestedTemplate(available, inspection) : undefined;
  const templateValue = chosenTemplate && available.some((template) => String(template.id) === chosenTemplate) ? chosenTemplate : suggestion ? String(suggestion.id) : null;

  const chooseInspection = (next: Inspection | null) => {
    setInspectionId(next?.id ?? null);
    setChosenTemplate(null);
    setAttachError(null);
    if (roundId !== null) {
      if (next) lastInspection.set(roundId, next.id);
      else lastInspection.delete(roundId);
    }
  };

  const attach = async (templateId: number) => {
    if (inspectionId === null) return;
    setAttaching(true);
    setAttachError(null);
    const result = await invoke('checklists.attach', { inspectionId, templateId });
    setAttaching(false);
    if (!result.ok) {
      setAttachError(result.error);
      return;
    }
    setChosenTemplate(null);
    notifySuccess(t, t('findings.checklist.attached'));
    setVersion((current) => current + 1);
  };

  const makeProblem = (item: ChecklistItem, note: string) => {
    if (!inspection) return;
    setDialog({
      kind: 'problem',
      prefill: { inspection, focus: item.focus, description: item.text, evidence: note.trim(), checklistItemIds: [item.id], itemText: item.text },
    });
  };

  if (roundId === null) {
    return (
      <Card withBorder radius="md" py={48} data-testid="checklist-tab">
        <EmptyState icon={<IconChecklist size={30} stroke={1.5} />} variant="light" color="xuncha" title={t('findings.needsRound')} description={t('findings.checklist.needsRound')} />
      </Card>
    );
  }

  return (
    <Stack gap="md" data-testid="checklist-tab">
      <Card withBorder radius="md" padding="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Box w={420} maw="100%">
            <InspectionSelect
              inspections={inspections.data}
              value={inspectionId}
              onChange={chooseInspection}
              label={t('findings.checklist.inspection')}
              testId="checklist-inspection"
            />
          </Box>
          {inspection && sheetReady && rights.write && available.length > 0 && attachedCount === 0 && (
            <>
              <Box w={340} maw="100%">
                <Select
                  label={t('findings.checklist.template')}
                  data={available.map((template) => ({ value: String(template.id), label: template.name }))}
                  value={templateValue}
                  onChange={setChosenTemplate}
                  allowDeselect={false}
                  data-testid="checklist-template"
                />
              </Box>
              <Button
                leftSection={<IconPlus size={18} />}
                onClick={() => templateValue && void attach(Number(templateValue))}
                loading={attaching}
                disabled={!templateValue}
                data-testid="checklist-attach"
              >
                {t('findings.checklist.attach')}
              </Button>
            </>
          )}
          {inspection && sheetReady && rights.write && available.length > 0 && attachedCount > 0 && (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button variant="default" leftSection={<IconPlus size={18} />} loading={attaching} data-testid="checklist-attach-more">
                  {t('findings.checklist.attachMore')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {available.map((template) => (
                  <Menu.Item key={template.id} onClick={() => void attach(template.id)}>
                    {template.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {rights.editTemplates && (
            <Button variant="subtle" ml="auto" leftSection={<IconPencilCog size={18} />} onClick={() => setDialog({ kind: 'templates' })} data-testid="template-editor-open">
              {t('findings.template.open')}
            </Button>
          )}
        </Group>
      </Card>
      <ErrorAlert error={attachError ?? inspections.error ?? sheet.error ?? templates.error ?? problems.error} />

      {inspectionId === null && (
        <Card withBorder radius="md" py={48}>
          <EmptyState icon={<IconChecklist size={30} stroke={1.5} />} variant="light" color="xuncha" title={t('findings.checklist.pickInspection')} description={t('findings.checklist.pickInspection.body')} />
        </Card>
      )}
      {inspectionId !== null && !sheetReady && !sheet.error && <Loader size="sm" />}
      {inspectionId !== null && sheetReady && attachedCount === 0 && (
        <Card withBorder radius="md" py={48} data-testid="checklist-empty">
          <EmptyState
            icon={<IconChecklist size={30} stroke={1.5} />}
            variant="light"
            color="xuncha"
            title={t('findings.checklist.none')}
            description={rights.write ? t('findings.checklist.none.body') : t('findings.checklist.none.readOnly')}
          />
        </Card>
      )}
      {inspectionId !== null &&
        sheet.data?.inspectionId === inspectionId &&
        sheet.data.templates.map((template) => (
          <ChecklistCard
            key={`${template.versionId}`}
            inspectionId={inspectionId}
            sheet={template}
            problemsById={problemsById}
            canWrite={rights.write}
            onMakeProblem={makeProblem}
            onOpenProblem={(problem) => setDialog({ kind: 'edit', problem })}
            onAnswered={() => setVersion((current) => current + 1)}
          />
        ))}

      {dialog?.kind === 'problem' && (
        <ProblemDialog
          problem={null}
          prefill={dialog.prefill}
          roundId={roundId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('findings.problem.createdFromItem'));
            setVersion((current) => current + 1);
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ProblemDialog
          problem={dialog.problem}
          roundId={roundId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('findings.problem.updated'));
            setVersion((current) => current + 1);
          }}
        />
      )}
      {dialog?.kind === 'templates' && (
        <TemplateEditor
          templates={templates.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={(template) => {
            notifySuccess(t, t('findings.template.saved', { name: template.name, version: template.version }));
            setTemplatesVersion((current) => current + 1);
          }}
        />
      )}
    </Stack>
  );
}

function ChecklistCard({
  inspectionId,
  sheet,
  problemsById,
  canWrite,
  onMakeProblem,
  onOpenProblem,
  onAnswered,
}: {
  inspectionId: number;
  sheet: Sheet;
  problemsById: Map<number, Problem>;
  canWrite: boolean;
  onMakeProblem: (item: ChecklistItem, note: string) => void;
  onOpenProblem: (problem: Problem) => void;
  onAnswered: () => void;
}) {
  const t = useT();
  const answered = sheet.items.filter((item) => item.answer !== null).length;
  const noes = sheet.items.filter((item) => item.answer === 'no').length;
  return (
    <Card withBorder radius="md" padding={0} data-testid="checklist-card" data-template={sheet.name}>
      <Group justify="space-between" p="md" gap="md" wrap="wrap">
        <Group gap="sm">
          <Title order={3} fz="md">
            {sheet.name}
          </Title>
          <Badge variant="light" color="gray" radius="sm">
            {t('findings.template.version', { version: sheet.version })}
          </Badge>
        </Group>
        <Group gap="sm" w={300}>
          <Text size="xs" c="dimmed" data-testid="checklist-progress">
            {t('findings.checklist.progress', { answered, total: sheet.items.length, no: noes })}
          </Text>
          <Progress value={sheet.items.length ? (answered / sheet.items.length) * 100 : 0} size="sm" style={{ flex: 1 }} aria-hidden />
        </Group>
      </Group>
      {sections(sheet.items).map((group, index) => (
        <Box key={`${index}-${group.section}`}>
          <Text size="xs" fw={700} c="dimmed" px="md" py={6} bg="var(--mantine-color-gray-0)" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            {group.section}
          </Text>
          {group.items.map((item) => (
            <ChecklistItemRow
              key={item.id}
              inspectionId={inspectionId}
              item={item}
              linked={item.problemIds.map((id) => problemsById.get(id)).filter((problem): problem is Problem => problem !== undefined)}
              canWrite={canWrite}
              onMakeProblem={onMakeProblem}
              onOpenProblem={onOpenProblem}
              onAnswered={onAnswered}
            />
          ))}
        </Box>
      ))}
    </Card>
  );
}
