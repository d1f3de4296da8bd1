import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { ResultEntry, ResultKind } from '../../../shared/channels/results-ledger';
import { change, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { mayReadClues } from '../findings/clue-access';
import { assertMayReadClues } from '../findings/clues-service';
import type { Db } from '../vault/database';
import { emptyTotals, ResultsStore } from './results-store';

/**
 * Entering and summing the results ledger (巡察成果运用台账). Every change is audited in its own
 * transaction. A linked clue is chosen only by those who may read clues; everyone else sees that
 * an entry has one, never which.
 */

type EntryInput = Omit<ChannelInput<'resultsLedger.create'>, 'roundId'>;
interface Fields {
  inspectionId: number | null;
  kind: ResultKind;
  subject: string;
  quantity: number;
  decidedOn: string | null;
  note: string;
  problemId: number | null;
  clueId: number | null;
}

function fieldsOf(input: EntryInput): Fields {
  return {
    inspectionId: input.inspectionId ?? null,
    kind: input.kind,
    subject: input.subject,
    quantity: input.quantity,
    decidedOn: input.decidedOn ?? null,
    note: input.note ?? '',
    problemId: input.problemId ?? null,
    clueId: input.clueId ?? null,
  };
}

function assertRound(db: Db, roundId: number): void {
  if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw new AppError('NOT_FOUND', '轮次不存在');
}

/** The inspection, problem and clue must belong to the entry's round (and the problem to its inspection). */
function assertLinks(session: ActiveSession, roundId: number, fields: Fields): void {
  const db = session.vault.db;
  if (fields.inspectionId !== null) {
    const row = db.prepare('SELECT round_id FROM inspections WHERE id = ?').get(fields.inspectionId) as { round_id: number } | undefined;
    if (!row || row.round_id !== roundId) throw new AppError('INVALID_REFERENCE', '被巡察单位不属于本轮巡察');
  }
  if (fields.problemId !== null) {
    const row = db.prepare('SELECT i.round_id, p.inspection_id FROM problems p JOIN inspections i ON i.id = p.inspection_id WHERE p.id = ?').get(fields.problemId) as
      | { round_id: number; inspection_id: number }
      | undefined;
    if (!row || row.round_id !== roundId || (fields.inspectionId !== null && row.inspection_id !== fields.inspectionId)) {
      throw new AppError('INVALID_REFERENCE', '关联的问题不属于所选的被巡察单位或本轮巡察');
    }
  }
  if (fields.clueId !== null) {
    assertMayReadClues(session);
    const row = db.prepare('SELECT round_id FROM clues WHERE id = ?').get(fields.clueId) as { round_id: number } | undefined;
    if (!row || row.round_id !== roundId) throw new AppError('INVALID_REFERENCE', '关联的问题线索不属于本轮巡察');
  }
}

/** What the audit entry keeps of an entry: enough to see what changed, never the note's text. */
const auditView = (f: Fields) => ({
  inspectionId: f.inspectionId,
  kind: f.kind,
  subject: f.subject,
  quantity: f.quantity,
  decidedOn: f.decidedOn,
  problemId: f.problemId,
  clueLinked: f.clueId !== null,
});

function readEntry(session: ActiveSession, id: number): ResultEntry {
  const entry = new ResultsStore(session.vault.db).entry(id, mayReadClues(session));
  if (!entry) throw new AppError('NOT_FOUND', '成果运用记录不存在');
  return entry;
}

export function createEntry(ctx: CoreContext, input: ChannelInput<'resultsLedger.create'>): ResultEntry {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    assertRound(db, input.roundId);
    const fields = fieldsOf(input);
    assertLinks(session, input.roundId, fields);
    const id = Number(
      db
        .prepare(
          `INSERT INTO result_entries (round_id, inspection_id, kind, subject, quantity, decided_on, note, problem_id, clue_id, updated_by, updated_at)
           VALUES (@roundId, @inspectionId, @kind, @subject, @quantity, @decidedOn, @note, @problemId, @clueId, @by, @at)`,
        )
        .run({ roundId: input.roundId, ...fields, by: session.user.id, at: ctx.now().toISOString() }).lastInsertRowid,
    );
    record({ action: 'resultsLedger.create', target: { type: 'resultEntry', id }, detail: { roundId: input.roundId, ...auditView(fields) } });
    return readEntry(session, id);
  });
}

export function updateEntry(ctx: CoreContext, input: ChannelInput<'resultsLedger.update'>): ResultEntry {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const before = db.prepare('SELECT * FROM result_entries WHERE id = ?').get(input.id) as
      | { round_id: number; inspection_id: number | null; kind: ResultKind; subject: string; quantity: number; decided_on: string | null; note: string; problem_id: number | null; clue_id: number | null }
      | undefined;
    if (!before) throw new AppError('NOT_FOUND', '成果运用记录不存在');
    const fields = fieldsOf(input);
    // Who may not read clues cannot know the linked clue's id: their edit keeps it.
    const keepsClue = !mayReadClues(session) && fields.clueId === null;
    if (keepsClue) fields.clueId = before.clue_id;
    assertLinks(session, before.round_id, keepsClue ? { ...fields, clueId: null } : fields);
    db.prepare(
      `UPDATE result_entries SET inspection_id = @inspectionId, kind = @kind, subject = @subject, quantity = @quantity, decided_on = @decidedOn,
         note = @note, problem_id = @problemId, clue_id = @clueId, updated_by = @by, updated_at = @at WHERE id = @id`,
    ).run({ id: input.id, ...fields, by: session.user.id, at: ctx.now().toISOString() });
    const old: Fields = {
      inspectionId: before.inspection_id,
      kind: before.kind,
      subject: before.subject,
      quantity: before.quantity,
      decidedOn: before.decided_on,
      note: before.note,
      problemId: before.problem_id,
      clueId: before.clue_id,
    };
    record({
      action: 'resultsLedger.update',
      target: { type: 'resultEntry', id: input.id },
      detail: { roundId: before.round_id, before: auditView(old), after: auditView(fields), noteChanged: old.note !== fields.note },
    });
    return readEntry(session, input.id);
  });
}

export function deleteEntry(ctx: CoreContext, id: number): null {
  return change(ctx, ({ vault: { db } }, record) => {
    const row = db.prepare('SELECT * FROM result_entries WHERE id = ?').get(id) as
      | { round_id: number; inspection_id: number | null; kind: ResultKind; subject: string; quantity: number; decided_on: string | null; problem_id: number | null; clue_id: number | null }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', '成果运用记录不存在');
    db.prepare('DELETE FROM result_entries WHERE id = ?').run(id);
    record({
      action: 'resultsLedger.delete',
      target: { type: 'resultEntry', id },
      detail: { roundId: row.round_id, inspectionId: row.inspection_id, kind: row.kind, subject: row.subject, quantity: row.quantity, decidedOn: row.decided_on },
    });
    return null;
  });
}

export function listEntries(ctx: CoreContext, input: ChannelInput<'resultsLedger.list'>): ChannelOutput<'resultsLedger.list'> {
  const session = ctx.active();
  assertRound(session.vault.db, input.roundId);
  return new ResultsStore(session.vault.db).page(input, input.page ?? 1, input.pageSize ?? 50, mayReadClues(session));
}

/** Sums by kind over the round and per inspection (every inspection of the round, then the round-level row). */
export function summary(db: Db, roundId: number): ChannelOutput<'resultsLedger.summary'> {
  const store = new ResultsStore(db);
  const label = store.roundLabel(roundId);
  if (label === null) throw new AppError('NOT_FOUND', '轮次不存在');
  const clues = store.clueCounts(roundId);
  const totals = emptyTotals();
  const rows = new Map<number | null, ChannelOutput<'resultsLedger.summary'>['byInspection'][number]>();
  for (const inspection of store.inspections(roundId)) {
    rows.set(inspection.id, { inspectionId: inspection.id, unitName: inspection.unitName, groupNumber: inspection.groupNumber, entries: 0, totals: emptyTotals(), cluesHandedOver: clues.handedOverByInspection.get(inspection.id) ?? 0 });
  }
  const roundLevel = () => {
    let row = rows.get(null);
    if (!row) {
      row = { inspectionId: null, unitName: null, groupNumber: null, entries: 0, totals: emptyTotals(), cluesHandedOver: clues.handedOverByInspection.get(null) ?? 0 };
      rows.set(null, row);
    }
    return row;
  };
  if (clues.handedOverByInspection.has(null)) roundLevel();
  let entries = 0;
  for (const sum of store.sums(roundId)) {
    const row = sum.inspectionId === null ? roundLevel() : rows.get(sum.inspectionId);
    if (!row) continue;
    row.entries += sum.entries;
    row.totals[sum.kind] += sum.quantity;
    totals[sum.kind] += sum.quantity;
    entries += sum.entries;
  }
  return {
    roundId,
    roundLabel: label,
    entries,
    totals,
    byInspection: [...rows.values()],
    clues: { registered: clues.registered, handedOver: clues.handedOver, disposed: clues.disposed, byDisposal: clues.byDisposal },
  };
}

