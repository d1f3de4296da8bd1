import type { ChannelInput, ChannelOutput, Clue } from '../../../shared/contract';
import { mayReadClues } from './clue-access';
import type { ClueStatus } from '../../../shared/domain';
import { clueFileTypes } from '../../../shared/file-types';
import { roundLabel } from '../../../shared/format';
import { dirname } from 'node:path';
import { actorOf, change, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { chooseFileFromDisk } from '../files/choose-from-disk';
import { FileStore } from '../files/file-store';
import { bigramQuery, likePattern } from '../search/bigrams';
import type { Db } from '../vault/database';

/**
 * Confidential clues (问题线索). Only clue officers (and administrators where the office allows
 * it) can list or open them; everyone else sees counts. Every list, open, file view and
 * disposal is audited with the clue numbers it touched. Hand-over: handovers-service.ts.
 */

interface ClueRow {
  id: number;
  round_id: number;
  term_name: string;
  round_number: number;
  inspection_id: number | null;
  unit_name: string | null;
  code: string;
  summary: string;
  source: string;
  received_on: string;
  status: ClueStatus;
}

const SELECT = `
  SELECT c.*, r.number AS round_number, t.name AS term_name, u.name AS unit_name
  FROM clues c JOIN rounds r ON r.id = c.round_id JOIN terms t ON t.id = r.term_id
  LEFT JOIN inspections i ON i.id = c.inspection_id LEFT JOIN units u ON u.id = i.unit_id`;

/** Administrators read clues only where the office turned that on; refusals are audited. */
export function assertMayReadClues(session: ActiveSession): void {
  if (mayReadClues(session)) return;
  session.audit.append({ action: 'permission.denied', actor: actorOf(session.user), outcome: 'denied', detail: { what: 'clues' } });
  throw new AppError('PERMISSION_DENIED', '问题线索仅限线索管理员查看');
}

function summaryOf(db: Db, row: ClueRow) {
  const persons = db.prepare('SELECT id, name, unit, position, rank FROM clue_persons WHERE clue_id = ? ORDER BY id').all(row.id) as {
    id: number;
    name: string;
    unit: string;
    position: string;
    rank: string;
  }[];
  return {
    id: row.id,
    roundId: row.round_id,
    roundLabel: roundLabel(row.term_name, row.round_number),
    inspectionId: row.inspection_id,
    unitName: row.unit_name,
    code: row.code,
    summary: row.summary,
    source: row.source,
    receivedOn: row.received_on,
    status: row.status,
    persons,
  };
}

function full(session: ActiveSession, id: number): Clue {
  const db = session.vault.db;
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ClueRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const files = new FileStore(session.vault).ofOwner('clue', id).map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 }));
  const handovers = db
    .prepare(
      `SELECT h.id, r.name AS receiver_name, h.handed_on, h.answer_due_on FROM handovers h JOIN handover_items hi ON hi.handover_id = h.id
       JOIN receivers r ON r.id = h.receiver_id WHERE hi.item_type = 'clue' AND hi.item_id = ? ORDER BY h.handed_on`,
    )
    .all(id) as { id: number; receiver_name: string; handed_on: string; answer_due_on: string | null }[];
  const disposals = db
    .prepare('SELECT d.id, t.name AS type_name, d.decided_on, d.note FROM clue_disposals d JOIN disposal_types t ON t.id = d.disposal_type_id WHERE d.clue_id = ? ORDER BY d.decided_on, d.id')
    .all(id) as { id: number; type_name: string; decided_on: string; note: string }[];
  return {
    ...summaryOf(db, row),
    files,
    handovers: handovers.map((h) => ({ id: h.id, receiverName: h.receiver_name, handedOn: h.handed_on, answerDueOn: h.answer_due_on })),
    disposals: disposals.map((d) => ({ id: d.id, typeName: d.type_name, decidedOn: d.decided_on, note: d.note })),
  };
}

export function counts(ctx: CoreContext, roundId: number | undefined): ChannelOutput<'clues.counts'> {
  const db = ctx.active().vault.db;
  const rows = db
    .prepare(`SELECT status, count(*) AS n FROM clues ${roundId !== undefined ? 'WHERE round_id = ?' : ''} GROUP BY status`)
    .all(...(roundId !== undefined ? [roundId] : [])) as { status: string; n: number }[];
  return { total: rows.reduce((n, r) => n + r.n, 0), byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
}

export function listClues(ctx: CoreContext, input: ChannelInput<'clues.list'> & { page: number; pageSize: number }): ChannelOutput<'clues.list'> {
  const session = ctx.active();
  assertMayReadClues(session);
  const db = session.vault.db;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.roundId !== undefined) {
    where.push('c.round_id = @roundId');
    params.roundId = input.roundId;
  }
  if (input.status !== undefined) {
    where.push('c.status = @status');
    params.status = input.status;
  }
  if (input.text) {
    // Clues are few (82 in a half year): a LIKE over summary, code and the persons is exact and fast enough.
    bigramQuery(input.text).terms.forEach((term, i) => {
      where.push(`(c.summary LIKE @t${i} ESCAPE '\\' OR c.code LIKE @t${i} ESCAPE '\\' OR EXISTS (SELECT 1 FROM clue_persons p WHERE p.clue_id = c.id AND p.name LIKE @t${i} ESCAPE '\\'))`);
      params[`t${i}`] = likePattern(term);
    });
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM clues c ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${SELECT} ${clause} ORDER BY c.round_id DESC, c.sequence DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as ClueRow[];
  const items = rows.map((r) => summaryOf(db, r));
  session.audit.append({ action: 'clue.list', actor: actorOf(session.user), detail: { roundId: input.roundId ?? null, status: input.status ?? null, searched: Boolean(input.text), codes: items.map((c) => c.code) } });
  return { items, total };
}

export function getClue(ctx: CoreContext, id: number): Clue {
  const session = ctx.active();
  assertMayReadClues(session);
  const clue = full(session, id);
  session.audit.append({ action: 'clue.view', actor: actorOf(session.user), target: { type: 'clue', id }, detail: { clueCode: clue.code } });
  return clue;
}

export function createClue(ctx: CoreContext, input: ChannelInput<'clues.create'>): Clue {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const round = db.prepare('SELECT r.number, t.name AS term_name FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?').get(input.roundId) as
      | { number: number; term_name: string }
      | undefined;
    if (!round) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
    if (input.inspectionId != null) {
      const inspection = db.prepare('SELECT round_id FROM inspections WHERE id = ?').get(input.inspectionId) as { round_id: number } | undefined;
      if (!inspection || inspection.round_id !== input.roundId) throw new AppError('INVALID_REFERENCE', '巡察任务不属于所选轮次');
    }
    const sequence = ((db.prepare('SELECT max(sequence) AS n FROM clues WHERE round_id = ?').get(input.roundId) as { n: number | null }).n ?? 0) + 1;
    // 八轮-线索-012: the round in Chinese numerals, then the number within the round.
    const code = `${roundLabel('', round.number).replace(/^第|巡察$/g, '')}-线索-${String(sequence).padStart(3, '0')}`;
    const at = ctx.now().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO clues (round_id, inspection_id, sequence, code, summary, source, received_on, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.roundId, input.inspectionId ?? null, sequence, code, input.summary, input.source, input.receivedOn, session.user.id, at, at).lastInsertRowid,
    );
    const person = db.prepare('INSERT INTO clue_persons (clue_id, name, unit, position, rank) VALUES (?, ?, ?, ?, ?)');
    for (const p of input.persons ?? []) person.run(id, p.name, p.unit ?? '', p.position ?? '', p.rank ?? '');
    record({ action: 'clue.create', target: { type: 'clue', id }, detail: { clueCode: code } });
    return full(session, id);
  });
}

const ALLOWED_MIME = new Set(Object.values(clueFileTypes));

export async function attachFile(ctx: CoreContext, input: ChannelInput<'clues.attachFile'>): Promise<Clue> {
  const session = ctx.active();
  const exists = session.vault.db.prepare('SELECT code FROM clues WHERE id = ?').get(input.clueId) as { code: string } | undefined;
  if (!exists) throw new AppError('NOT_FOUND');
  if (!ALLOWED_MIME.has(input.mime)) throw new AppError('INVALID_INPUT', '只接受 PDF、图片、Word 和文本文件');
  const bytes = Buffer.from(input.base64, 'base64');
  async function* source() {
    yield bytes;
  }
  const record = await new FileStore(session.vault).put(source(), {
    fileName: input.fileName,
    mime: input.mime,
    ownerType: 'clue',
    ownerId: input.clueId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  session.audit.append({
    action: 'clue.attachFile',
    actor: actorOf(session.user),
    target: { type: 'clue', id: input.clueId },
    detail: { clueCode: exists.code, fileId: record.id, size: record.size, sha256: record.sha256 },
  });
  return full(session, input.clueId);
}

function filePort(ctx: CoreContext) {
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  return ctx.options.files;
}

export async function attachFromDisk(ctx: CoreContext, clueId: number): Promise<Clue> {
  const session = ctx.active();
  const clue = session.vault.db.prepare('SELECT code FROM clues WHERE id = ?').get(clueId) as { code: string } | undefined;
  if (!clue) throw new AppError('NOT_FOUND');
  const chosen = await chooseFileFromDisk(ctx, {
    title: `为 ${clue.code} 添加线索材料`,
    filterName: 'PDF、图片、Word、文本',
    types: clueFileTypes,
    typesText: '只接受 PDF、图片、Word 和文本文件',
  });
  const record = await new FileStore(session.vault).put(chosen.open(), {
    fileName: chosen.fileName,
    mime: chosen.mime,
    ownerType: 'clue',
    ownerId: clueId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  session.audit.append({
    action: 'clue.attachFile',
    actor: actorOf(session.user),
    target: { type: 'clue', id: clueId },
    detail: { clueCode: clue.code, fileId: record.id, size: record.size, sha256: record.sha256 },
  });
  return full(session, clueId);
}

export async function saveFileCopy(ctx: CoreContext, input: ChannelInput<'clues.saveFileCopy'>): Promise<{ saved: boolean }> {
  const session = ctx.active();
  assertMayReadClues(session);
  const clue = session.vault.db.prepare('SELECT code FROM clues WHERE id = ?').get(input.clueId) as { code: string } | undefined;
  const store = new FileStore(session.vault);
  const file = store.get(input.fileId);
  if (!clue || !file || file.ownerType !== 'clue' || file.ownerId !== input.clueId) throw new AppError('NOT_FOUND');
  const target = await filePort(ctx).chooseFileToSave({ title: `另存 ${clue.code} 的线索材料`, defaultName: file.fileName });
  if (!target) return { saved: false };
  await store.exportTo(file.id, target);
  session.audit.append({
    action: 'clue.saveFileCopy',
    actor: actorOf(session.user),
    target: { type: 'clue', id: input.clueId },
    // The folder, not the file name: a name often names the person the clue is about.
    detail: { clueCode: clue.code, fileId: file.id, savedToFolder: dirname(target), sha256: file.sha256 },
  });
  return { saved: true };
}

export async function viewFile(ctx: CoreContext, input: ChannelInput<'clues.viewFile'>): Promise<ChannelOutput<'clues.viewFile'>> {
  const session = ctx.active();
  assertMayReadClues(session);
  const clue = session.vault.db.prepare('SELECT code FROM clues WHERE id = ?').get(input.clueId) as { code: string } | undefined;
  const store = new FileStore(session.vault);
  const file = store.get(input.fileId);
  if (!clue || !file || file.ownerType !== 'clue' || file.ownerId !== input.clueId) throw new AppError('NOT_FOUND');
  try {
    const { bytes } = await store.readVerified(input.fileId);
    session.audit.append({ action: 'clue.viewFile', actor: actorOf(session.user), target: { type: 'clue', id: input.clueId }, detail: { clueCode: clue.code, fileId: file.id } });
    return { fileName: file.fileName, mime: file.mime, base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_TAMPERED') {
      session.audit.append({ action: 'clue.viewFile', actor: actorOf(session.user), outcome: 'failed', target: { type: 'clue', id: input.clueId }, detail: { clueCode: clue.code, fileId: file.id, tampered: true } });
    }
    throw error;
  }
}

export function recordDisposal(ctx: CoreContext, input: ChannelInput<'clues.recordDisposal'>): Clue {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const clue = db.prepare('SELECT code, status FROM clues WHERE id = ?').get(input.clueId) as { code: string; status: ClueStatus } | undefined;
    if (!clue) throw new AppError('NOT_FOUND');
    if (clue.status === 'registered') throw new AppError('INVALID_INPUT', '线索尚未移交，不能登记处置结果');
    const type = db.prepare('SELECT name FROM disposal_types WHERE id = ? AND retired = 0').get(input.disposalTypeId) as { name: string } | undefined;
    if (!type) throw new AppError('INVALID_REFERENCE', '处置方式不存在或已停用');
    const at = ctx.now().toISOString();
    db.prepare('INSERT INTO clue_disposals (clue_id, disposal_type_id, decided_on, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.clueId,
      input.disposalTypeId,
      input.decidedOn,
      input.note ?? '',
      session.user.id,
      at,
    );
    db.prepare("UPDATE clues SET status = 'disposed', updated_at = ? WHERE id = ?").run(at, input.clueId);
    record({ action: 'clue.disposal', target: { type: 'clue', id: input.clueId }, detail: { clueCode: clue.code, disposal: type.name, decidedOn: input.decidedOn } });
    return full(session, input.clueId);
  });
}
