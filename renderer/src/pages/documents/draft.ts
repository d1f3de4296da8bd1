/**
 * The letter as the editor holds it: every field as typed (lists of names one per line) and the
 * body as blocks with a stable key, so that a block keeps its focus and input while it moves.
 * `toContent` turns it back into the shared model, `problemsOf` says in Chinese what stops a save.
 */
import type { BodyBlock, LetterDocument } from '../../../../shared/documents';

export type BlockKind = BodyBlock['kind'];

export interface EditableBlock {
  key: number;
  kind: BlockKind;
  level: 1 | 2 | 3 | 4;
  /** A heading's or paragraph's text; a list's items, one per line. */
  text: string;
}

export type LetterFields = Omit<LetterDocument, 'body' | 'attachments' | 'copiedTo'> & {
  attachments: string;
  copiedTo: string;
};

export interface LetterDraft {
  fields: LetterFields;
  blocks: EditableBlock[];
}

let nextKey = 1;
export function newBlock(kind: BlockKind, level: 1 | 2 | 3 | 4 = 1, text = ''): EditableBlock {
  return { key: nextKey++, kind, level, text };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toDraft(content: LetterDocument): LetterDraft {
  const { body, attachments, copiedTo, ...rest } = content;
  return {
    fields: { ...rest, attachments: attachments.join('\n'), copiedTo: copiedTo.join('\n') },
    blocks: body.map((block) =>
      block.kind === 'heading'
        ? newBlock('heading', block.level, block.text)
        : block.kind === 'paragraph'
          ? newBlock('paragraph', 1, block.text)
          : newBlock('list', 1, block.items.join('\n')),
    ),
  };
}

/** The shared model; blocks left empty are skipped (the preview shows the rest while one is typed). */
export function toContent(draft: LetterDraft): LetterDocument {
  const body: BodyBlock[] = [];
  for (const block of draft.blocks) {
    if (block.kind === 'list') {
      const items = lines(block.text);
      if (items.length) body.push({ kind: 'list', items });
    } else if (block.text.trim()) {
      body.push(block.kind === 'heading' ? { kind: 'heading', level: block.level, text: block.text.trim() } : { kind: 'paragraph', text: block.text.trim() });
    }
  }
  const { attachments, copiedTo, ...rest } = draft.fields;
  return { ...rest, body, attachments: lines(attachments), copiedTo: lines(copiedTo) };
}

export type DraftProblem =
  | { kind: 'emptyBlock'; position: number }
  | { kind: 'longHeading'; position: number }
  | { kind: 'required'; field: 'title' | 'issuerMark' | 'date' };

/** What must be put right before the draft can be saved as a version (nothing is dropped silently). */
export function problemsOf(draft: LetterDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.fields.title.trim()) problems.push({ kind: 'required', field: 'title' });
  if (!draft.fields.issuerMark.trim()) problems.push({ kind: 'required', field: 'issuerMark' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.fields.date)) problems.push({ kind: 'required', field: 'date' });
  draft.blocks.forEach((block, index) => {
    const empty = block.kind === 'list' ? lines(block.text).length === 0 : !block.text.trim();
    if (empty) problems.push({ kind: 'emptyBlock', position: index + 1 });
    else if (block.kind === 'heading' && block.text.trim().length > 200) problems.push({ kind: 'longHeading', position: index + 1 });
  });
  return problems;
}

/** Moves the block at `from` by one place up (-1) or down (+1); unchanged at either end. */
export function moveBlock(blocks: EditableBlock[], from: number, by: -1 | 1): EditableBlock[] {
  const to = from + by;
  if (from < 0 || to < 0 || to >= blocks.length) return blocks;
  const next = blocks.slice();
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
