import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconHeading, IconList, IconPilcrow, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useT } from '../../i18n';
import { moveBlock, newBlock, type BlockKind, type EditableBlock } from './draft';
import { blockNumbers } from './numbering';

const levels = ['1', '2', '3', '4'] as const;

/**
 * The body as structured text: headings of four levels (shown with the number the engine will
 * print), paragraphs and lists. Alt+↑/Alt+↓ move the block being typed in, Alt+Delete removes it,
 * Alt+Enter adds a paragraph after it; the buttons do the same for the mouse.
 */
export function BodyEditor({ blocks, readOnly, onChange }: { blocks: EditableBlock[]; readOnly: boolean; onChange: (blocks: EditableBlock[]) => void }) {
  const t = useT();
  const numbers = blockNumbers(blocks);
  const root = useRef<HTMLDivElement>(null);
  // After a move or an insert, focus follows the block (by key) into its new place once drawn.
  const focusLater = (key: number | undefined) => {
    if (key === undefined) return;
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLTextAreaElement>(`[data-block-key="${key}"]`)?.focus());
  };

  const update = (index: number, patch: Partial<EditableBlock>) => onChange(blocks.map((block, at) => (at === index ? { ...block, ...patch } : block)));
  const move = (index: number, by: -1 | 1) => {
    onChange(moveBlock(blocks, index, by));
    focusLater(blocks[index]!.key);
  };
  const remove = (index: number) => {
    onChange(blocks.filter((_, at) => at !== index));
    focusLater(blocks[index + 1]?.key ?? blocks[index - 1]?.key);
  };
  const insert = (index: number, kind: BlockKind) => {
    const previousHeading = blocks
      .slice(0, index)
      .reverse()
      .find((block) => block.kind === 'heading');
    const block = newBlock(kind, kind === 'heading' ? (previousHeading?.level ?? 1) : 1);
    onChange([...blocks.slice(0, index), block, ...blocks.slice(index)]);
    focusLater(block.key);
  };

  return (
    <Stack gap="xs" ref={root} data-testid="body-editor">
      {blocks.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.body.empty')}
        </Text>
      )}
      {blocks.map((block, index) => (
        <Card key={block.key} withBorder padding="xs" radius="sm" data-testid="body-block" data-kind={block.kind} data-level={block.kind === 'heading' ? block.level : undefined}>
          <Group gap="xs" justify="space-between" mb={6} wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color={block.kind === 'heading' ? 'red' : 'gray'} radius="sm">
                {t(`documents.body.kind.${block.kind}`)}
              </Badge>
              {block.kind === 'heading' && (
                <SegmentedControl
                  size="xs"
                  data={levels.map((level) => ({ value: level, label: t(`documents.body.level.${level}`) }))}
                  value={String(block.level)}
                  onChange={(value) => update(index, { level: Number(value) as 1 | 2 | 3 | 4 })}
                  disabled={readOnly}
                  aria-label={t('documents.body.level')}
                  data-testid="body-block-level"
                />
              )}
            </Group>
            {!readOnly && (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('documents.body.up')}>
                  <ActionIcon variant="subtle" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('documents.body.up')} data-testid="body-block-up">
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('documents.body.down')}>
                  <ActionIcon variant="subtle" onClick={() => move(index, 1)} disabled={index === blocks.length - 1} aria-label={t('documents.body.down')} data-testid="body-block-down">
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('documents.body.remove')}>
                  <ActionIcon variant="subtle" color="red" onClick={() => remove(index)} aria-label={t('documents.body.remove')} data-testid="body-block-remove">
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            {numbers[index] && (
              <Text fw={700} size="sm" pt={6} miw={44} style={{ whiteSpace: 'nowrap' }} data-testid="body-block-number">
                {numbers[index]}
              </Text>
            )}
            <Textarea
              style={{ flex: 1 }}
              value={block.text}
              onChange={(event) => update(index, { text: event.currentTarget.value })}
              readOnly={readOnly}
              autosize
              minRows={block.kind === 'heading' ? 1 : 2}
              maxRows={16}
              aria-label={t('documents.body.textLabel', { position: index + 1, kind: t(`documents.body.kind.${block.kind}`) })}
              description={block.kind === 'list' ? t('documents.body.listHint') : undefined}
              fw={block.kind === 'heading' && block.level <= 2 ? 600 : undefined}
              data-block-key={block.key}
              data-testid="body-block-text"
              onKeyDown={(event) => {
                if (readOnly) return;
                getHotkeyHandler([
                  ['alt+ArrowUp', () => move(index, -1)],
                  ['alt+ArrowDown', () => move(index, 1)],
                  ['alt+Delete', () => remove(index)],
                  ['alt+Enter', () => insert(index + 1, 'paragraph')],
                ])(event);
              }}
            />
          </Group>
        </Card>
      ))}
      {!readOnly && (
        <Group gap="xs">
          <Button variant="light" size="xs" leftSection={<IconHeading size={16} />} onClick={() => insert(blocks.length, 'heading')} data-testid="body-add-heading">
            {t('documents.body.addHeading')}
          </Button>
          <Button variant="light" size="xs" leftSection={<IconPilcrow size={16} />} onClick={() => insert(blocks.length, 'paragraph')} data-testid="body-add-paragraph">
            {t('documents.body.addParagraph')}
          </Button>
          <Button variant="light" size="xs" leftSection={<IconList size={16} />} onClick={() => insert(blocks.length, 'list')} data-testid="body-add-list">
            {t('documents.body.addList')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('documents.body.shortcuts')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
