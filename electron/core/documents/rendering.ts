import type { CopyOptions, LetterDocument, TableDocument } from '../../../shared/documents';
import { AppError } from '../errors';
import type { DocumentEngine, Rendered } from './engine';

/** What to render: a letter or a table. */
export type Renderable = { letter: LetterDocument } | { table: TableDocument };

/**
 * Renders every copy into ONE PDF (each copy its own 份号 and page numbers; see
 * MultiCopyRenderer in shared/documents.ts), so the system print dialog prints the whole run at
 * once and the register's numbers match the paper. `copyPages` is the length of one copy,
 * `pages` the whole file. Any failure of the engine becomes DOCUMENT_RENDER_FAILED (with the
 * cause logged), never a half-made file.
 */
export async function renderCopies(engine: DocumentEngine, what: Renderable, copies: readonly CopyOptions[]): Promise<Rendered> {
  try {
    if (copies.length === 1) return 'letter' in what ? await engine.renderLetter(what.letter, copies[0]) : await engine.renderTable(what.table, copies[0]);
    return 'letter' in what ? await engine.renderLetterCopies(what.letter, copies) : await engine.renderTableCopies(what.table, copies);
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error('[documents] rendering failed', error);
    throw new AppError('DOCUMENT_RENDER_FAILED');
  }
}
