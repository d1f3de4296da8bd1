import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Modal, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ChecklistTemplate } from '../../../../shared/contract';
import { inspectionModes, type Focus } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { focusOptions, isFocus } from './labels';
import { useChannel } from '../../components/useChannel';

interface ItemDraft {
  key: number;
  focus: Focus | null;
  text: string;
  isSample: boolean;
}
interface SectionDraft {
  key: number;
  name: string;
  items: ItemDraft[];
}
interface Draft {
  id: number | null;
  name: string;
  mode: string | null;
  topicId: string | null;
  sections: SectionDraft[];
}

const NEW = 'new';
const ANY_FOCUS = 'any';
let lastKey = 0;
const nextKey = () => (lastKey += 1);

function draftOf(template: ChecklistTemplate | null): Draft {
  if (!template) return { id: null, name: '', mode: null, topicId: null, sections: [{ key: nextKey(), name: '', items: [{ key: nextKey(), focus: null, text: '', isSample: false }] }] };
  const sections: SectionDraft[] = [];
  for (const item of template.items) {
    let last = sections[sections.length - 1];
    if (!last || last.name !== item.section) {
      last = { key: nextKey(), name: item.section, items: [] };
      sections.push(last);
    }
    last.items.push({ key: nextKey(), focus: item.focus, text: item.text, isSample: item.isSample });
  }
  return { id: template.id, name: template.name, mode: template.mode, topicId: template.topicId === null ? null : String(template.topicId), sections };
}

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * The office's 是否 templates (administrators). Items are grouped by section, each with its
 * focus and a 示例 flag. Saving makes a new version: inspections already answering an older
 * version keep its wording and their answers; new attachments get the newest.
 */
export function TemplateEditor({ templates, onClose, onSaved }: { templates: ChecklistTemplate[]; onClose: () => void; onSaved: (template: ChecklistTemplate) => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<string>(() => (templates[0] ? String(templates[0].id) : NEW));
  const [current, setCurrent] = useState<ChecklistTemplate | null>(() => templates[0] ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(templates[0] ?? null));
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [dirty, setDirty] = useState(false);
  const catalogs = useChannel('catalogs.get', {});

  const update = (change: (draft: Draft) => Draft) => {
    setDraft((value) => change(value));
    setDirty(true);
  };
  const updateSection = (key: number, change: (section: SectionDraft) => SectionDraft) =>
    update((value) => ({ ...value, sections: value.sections.map((section) => (section.key === key ? change(section) : section)) }));
  const updateItem = (sectionKey: number, itemKey: number, change: Partial<ItemDraft>) =>
    updateSection(sectionKey, (section) => ({ ...section, items: section.items.map((item) => (item.key === itemKey ? { ...item, ...change } : item)) }));

  const choose = (value: string | null) => {
    if (!value) return;
    const template = templates.find((candidate) => String(candidate.id) === value) ?? null;
    setChosen(value);
    setCurrent(template);
    setDraft(draftOf(template));
    setShowErrors(false);
    setError(null);
    setDirty(false);
  };

  const itemCount = draft.sections.reduce((n, section) => n + section.items.length, 0);
  const invalid =
    !draft.name.trim() ||
    draft.name.trim().length > 80 ||
    itemCount === 0 ||
    itemCount > 500 ||
    draft.sections.some((section) => !section.name.trim() || section.name.trim().length > 80 || section.items.some((item) => !item.text.trim() || item.text.trim().length > 500));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (invalid) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await invoke('checklists.saveTemplate', {
      id: draft.id,
      name: draft.name.trim(),
      mode: draft.mode,
      topicId: draft.mode === 'special' && draft.topicId ? Number(draft.topicId) : null,
      items: draft.sections.flatMap((section) =>
        section.items.map((item) => ({ section: section.name.trim(), focus: item.focus, text: item.text.trim(), isSample: item.isSample })),
      ),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setChosen(String(result.value.id));
    setCurrent(result.value);
    setDraft(draftOf(result.value));
    setShowErrors(false);
    setDirty(false);
    onSaved(result.value);
  };

  const nextVersion = current ? current.version + 1 : 1;
  const required = (value: string, max: number) =>
    showErrors && (!value.trim() ? t('validation.required') : value.trim().length > max ? t('validation.tooLong', { max }) : undefined);

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t('findings.template.title')}
      size="80rem"
      centered
      scrollAreaComponent={ScrollArea.Autosize}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="template-editor">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('findings.template.choose')}
              data={[
                ...templates.map((template) => ({ value: String(template.id), label: template.name })),
                { value: NEW, label: t('findings.template.new') },
              ]}
              value={chosen}
              onChange={choose}
              allowDeselect={false}
              data-autofocus
              data-testid="template-choose"
            />
            <TextInput
              label={t('findings.template.name')}
              required
              maxLength={80}
              value={draft.name}
              onChange={(event) => {
                const name = event.currentTarget.value;
                update((value) => ({ ...value, name }));
              }}
              error={required(draft.name, 80)}
              data-testid="template-name"
            />
            <Select
              label={t('findings.template.mode')}
              placeholder={t('findings.template.mode.any')}
              data={inspectionModes.map((mode) => ({ value: mode, label: t(`findings.mode.${mode}`) }))}
              value={draft.mode}
              onChange={(mode) => update((value) => ({ ...value, mode, topicId: mode === 'special' ? value.topicId : null }))}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
            />
            <Select
              label={t('findings.template.topic')}
              placeholder={draft.mode === 'special' ? t('findings.template.topic.any') : t('findings.template.topic.specialOnly')}
              data={(catalogs.data?.specialTopics ?? []).map((topic) => ({ value: String(topic.id), label: topic.name }))}
              value={draft.topicId}
              onChange={(topicId) => update((value) => ({ ...value, topicId }))}
              disabled={draft.mode !== 'special'}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
            />
          </SimpleGrid>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="template-version-note">
            <Text size="sm">
              {current
                ? t('findings.template.versionNote', { current: current.version, next: nextVersion })
                : t('findings.template.newNote')}
            </Text>
          </Alert>

          {draft.sections.map((section, sectionIndex) => (
            <Card key={section.key} withBorder radius="md" padding="sm" data-testid="template-section">
              <Group gap="xs" align="flex-end" wrap="nowrap" mb="xs">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('findings.template.section', { index: sectionIndex + 1 })}
                  required
                  maxLength={80}
                  value={section.name}
                  onChange={(event) => {
                    const name = event.currentTarget.value;
                    updateSection(section.key, (value) => ({ ...value, name }));
                  }}
                  error={required(section.name, 80)}
                  data-testid="template-section-name"
                />
                <Tooltip label={t('findings.template.sectionUp')}>
                  <ActionIcon variant="subtle" size="lg" aria-label={t('findings.template.sectionUp')} disabled={sectionIndex === 0} onClick={() => update((value) => ({ ...value, sections: move(value.sections, sectionIndex, -1) }))}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('findings.template.sectionDown')}>
                  <ActionIcon
                    variant="subtle"
                    size="lg"
                    aria-label={t('findings.template.sectionDown')}
                    disabled={sectionIndex === draft.sections.length - 1}
                    onClick={() => update((value) => ({ ...value, sections: move(value.sections, sectionIndex, 1) }))}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('findings.template.sectionDelete')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('findings.template.sectionDelete')}
                    onClick={() => update((value) => ({ ...value, sections: value.sections.filter((candidate) => candidate.key !== section.key) }))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Stack gap={6}>
                {section.items.map((item, itemIndex) => (
                  <Group key={item.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="template-item">
                    <Text size="sm" c="dimmed" w={28} pt={6} ta="right">
                      {itemIndex + 1}.
                    </Text>
                    <Textarea
                      style={{ flex: 1 }}
                      aria-label={t('findings.template.itemText', { index: itemIndex + 1 })}
                      autosize
                      minRows={1}
                      maxRows={4}
                      maxLength={500}
                      value={item.text}
                      onChange={(event) => updateItem(section.key, item.key, { text: event.currentTarget.value })}
                      error={required(item.text, 500)}
                      data-testid="template-item-text"
                    />
                    <Select
                      w={150}
                      aria-label={t('findings.template.itemFocus', { index: itemIndex + 1 })}
                      data={[{ value: ANY_FOCUS, label: t('findings.template.focusAny') }, ...focusOptions(t).map((option) => ({ ...option, label: t(`findings.focusShort.${option.value}`) }))]}
                      value={item.focus ?? ANY_FOCUS}
                      onChange={(value) => updateItem(section.key, item.key, { focus: isFocus(value) ? value : null })}
                      allowDeselect={false}
                    />
                    <Checkbox
                      mt={8}
                      label={<Badge size="xs" variant="outline" color="gray" radius="sm">{t('findings.checklist.sample')}</Badge>}
                      aria-label={t('findings.template.itemSample', { index: itemIndex + 1 })}
                      checked={item.isSample}
                      onChange={(event) => updateItem(section.key, item.key, { isSample: event.currentTarget.checked })}
                    />
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('findings.template.itemUp', { index: itemIndex + 1 })}
                        disabled={itemIndex === 0}
                        onClick={() => updateSection(section.key, (value) => ({ ...value, items: move(value.items, itemIndex, -1) }))}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('findings.template.itemDown', { index: itemIndex + 1 })}
                        disabled={itemIndex === section.items.length - 1}
                        onClick={() => updateSection(section.key, (value) => ({ ...value, items: move(value.items, itemIndex, 1) }))}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('findings.template.itemDelete', { index: itemIndex + 1 })}
                        onClick={() => updateSection(section.key, (value) => ({ ...value, items: value.items.filter((candidate) => candidate.key !== item.key) }))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Group>
                ))}
                <Group>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => updateSection(section.key, (value) => ({ ...value, items: [...value.items, { key: nextKey(), focus: value.items.at(-1)?.focus ?? null, text: '', isSample: false }] }))}
                    data-testid="template-item-add"
                  >
                    {t('findings.template.itemAdd')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => update((value) => ({ ...value, sections: [...value.sections, { key: nextKey(), name: '', items: [{ key: nextKey(), focus: null, text: '', isSample: false }] }] }))}
              data-testid="template-section-add"
            >
              {t('findings.template.sectionAdd')}
            </Button>
          </Group>
          {showErrors && itemCount === 0 && (
            <Text size="sm" c="red" role="alert">
              {t('findings.template.noItems')}
            </Text>
          )}
          <ErrorAlert error={error ?? catalogs.error} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('findings.template.count', { sections: draft.sections.length, items: itemCount })}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('common.close')}
              </Button>
              <Button type="submit" loading={busy} disabled={!dirty && draft.id !== null} data-testid="template-save">
                {current ? t('findings.template.saveVersion', { version: nextVersion }) : t('findings.template.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
