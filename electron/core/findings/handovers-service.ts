import type { ChannelInput, ChannelOutput, HandoverRow } from '../../../shared/contract';
import { mayReadClues } from './clue-access';
import { fourListKinds } from '../../../shared/contract';
import { roundLabel } from '../../../shared/format';
import { roleMay } from '../../../shared/roles';
import { actorOf, change, localDate, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import type { Db } from '../vault/database';
import { assertMayReadClues } from './clues-service';

/**
 * Hand-over (移交): clues, or one of the four lists of a round, go to a receiving body with a
 * deadline for its answer; the signed receipt (回执) comes back and is scanned into the
 * encrypted file store. A hand-over that holds clues (or the clue list) is confidential: only
 * clue officers change it, only those who may read clues see its numbers, note and receipt.
 */

type ListKind = (typeof fourListKinds)[number];
const LIST_ITEM_TYPES: Record<ListKind, string> = {
  problems: 'problemList',
  clues: 'clueList',
  accountability: 'accountabilityList',
  personMatters: 'personMatterList',
};
const KIND_OF_ITEM_TYPE = Object.fromEntries(Object.entries(LIST_ITEM_TYPES).map(([kind, type]) => [type, kind as ListKind]));
const LIST_TITLES: Record<ListKind, string> = { problems: '问题清单', clues: '问题线索清单', accountability: '追责问责清单', personMatters: '点人点事清单' };

/** Files are stored under this owner type with the hand-over's id; the newest is the receipt. */
const RECEIPT_OWNER = 'handover';
const RECEIPT_MIME = /^(application\/pdf|image\/(png|jpeg|gif|webp|tiff))$/;

function activeReceiver(db: Db, receiverId: number): string {
  const receiver = db.prepare('SELECT name, retired FROM receivers WHERE id = ?').get(receiverId) as { name: string; retired: number } | undefined;
  if (!receiver) throw new AppError('INVALID_REFERENCE', '接收单位不存在');
  if (receiver.retired) throw new AppError('INVALID_REFERENCE', `接收单位“${receiver.name}”已停用`);
  return receiver.name;
}

function checkDates(input: { handedOn: string; answerDueOn?: string | null }): void {
  if (input.answerDueOn && input.answerDueOn < input.handedOn) throw new AppError('INVALID_INPUT', '反馈期限不能早于移交日期');
}

function insertHandover(ctx: CoreContext, session: ActiveSession, roundId: number, input: ChannelInput<'clues.handOver'>): number {
  return Number(
    session.vault.db
      .prepare('INSERT INTO handovers (round_id, receiver_id, handed_on, receiving_person, answer_due_on, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(roundId, input.receiverId, input.handedOn, input.receivingPerson ?? '', input.answerDueOn ?? null, input.note ?? '', session.user.id, ctx.now().toISOString()).lastInsertRowid,
  );
}

export function handOver(ctx: CoreContext, input: ChannelInput<'clues.handOver'>): ChannelOutput<'clues.handOver'> {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const receiver = activeReceiver(db, input.receiverId);
    const clues = input.clueIds.map((id) => db.prepare('SELECT id, round_id, code FROM clues WHERE id = ?').get(id) as { id: number; round_id: number; code: string } | undefined);
    if (clues.some((c) => !c)) throw new AppError('NOT_FOUND', '所选线索不存在');
    const roundIds = new Set(clues.map((c) => c!.round_id));
    if (roundIds.size !== 1) throw new AppError('INVALID_INPUT', '一次移交只能包含同一轮次的线索');
    checkDates(input);
    const handoverId = insertHandover(ctx, session, [...roundIds][0]!, input);
    const item = db.prepare("INSERT INTO handover_items (handover_id, item_type, item_id) VALUES (?, 'clue', ?)");
    const status = db.prepare("UPDATE clues SET status = CASE WHEN status = 'registered' THEN 'handedOver' ELSE status END, updated_at = ? WHERE id = ?");
    for (const clue of clues) {
      item.run(handoverId, clue!.id);
      status.run(ctx.now().toISOString(), clue!.id);
    }
    record({ action: 'clue.handOver', target: { type: 'handover', id: handoverId }, detail: { receiver, handedOn: input.handedOn, codes: clues.map((c) => c!.code) } });
    return { handoverId };
  });
}

/** Refuses (and audits the refusal) a change to a clue hand-over by anyone but a clue officer. */
function assertMayChange(session: ActiveSession, concernsClues: boolean): void {
  if (!concernsClues || roleMay(session.user.role, 'clues.write')) return;
  session.audit.append({ action: 'permission.denied', actor: actorOf(session.user), outcome: 'denied', detail: { what: 'clueHandover' } });
  throw new AppError('PERMISSION_DENIED', '涉及问题线索的移交仅限线索管理员办理');
}

export function handOverList(ctx: CoreContext, input: ChannelInput<'handover.handOverList'>): ChannelOutput<'handover.handOverList'> {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    assertMayChange(session, input.kind === 'clues');
    if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(input.roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
    const receiver = activeReceiver(db, input.receiverId);
    checkDates(input);
    const handoverId = insertHandover(ctx, session, input.roundId, { ...input, clueIds: [] });
    // The list of that round: the item is the round itself.
    db.prepare('INSERT INTO handover_items (handover_id, item_type, item_id) VALUES (?, ?, ?)').run(handoverId, LIST_ITEM_TYPES[input.kind], input.roundId);
    record({ action: 'handover.handOverList', target: { type: 'handover', id: handoverId }, detail: { roundId: input.roundId, list: LIST_TITLES[input.kind], receiver, handedOn: input.handedOn } });
    return { handoverId };
  });
}

interface HandoverDbRow {
  id: number;
  round_id: number;
  round_number: number;
  term_name: string;
  receiver_id: number;
  receiver_name: string;
  receiving_person: string;
  handed_on: string;
  answer_due_on: string | null;
  receipt_returned_on: string | null;
  note: string;
  clue_count: number;
  disposed_count: number;
  clue_list: number;
}

const SELECT_HANDOVERS = `
  SELECT h.id, h.round_id, r.number AS round_number, t.name AS term_name, h.receiver_id, rc.name AS receiver_name,
    h.receiving_person, h.handed_on, h.answer_due_on, h.receipt_returned_on, h.note,
    (SELECT count(*) FROM handover_items hi WHERE hi.handover_id = h.id AND hi.item_type = 'clue') AS clue_count,
    (SELECT count(*) FROM handover_items hi JOIN clues c ON c.id = hi.item_id
       WHERE hi.handover_id = h.id AND hi.item_type = 'clue' AND c.status = 'disposed') AS disposed_count,
    EXISTS (SELECT 1 FROM handover_items hi WHERE hi.handover_id = h.id AND hi.item_type = 'clueList') AS clue_list
  FROM handovers h JOIN rounds r ON r.id = h.round_id JOIN terms t ON t.id = r.term_id JOIN receivers rc ON rc.id = h.receiver_id`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Rows as the caller may see them: clue numbers, note and receipt name only for clue readers. */
function toRows(db: Db, rows: HandoverDbRow[], today: string, readsClues: boolean): HandoverRow[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(', ');
  const items = db
    .prepare(
      `SELECT hi.handover_id, hi.item_type, c.code FROM handover_items hi LEFT JOIN clues c ON hi.item_type = 'clue' AND c.id = hi.item_id
       WHERE hi.handover_id IN (${marks}) ORDER BY c.sequence`,
    )
    .all(...ids) as { handover_id: number; item_type: string; code: string | null }[];
  return rows.map((r) => {
    const mine = items.filter((i) => i.handover_id === r.id);
    const concernsClues = r.clue_count > 0 || r.clue_list === 1;
    const visible = !concernsClues || readsClues;
    const open = r.clue_count - r.disposed_count;
    const overdue = r.answer_due_on !== null && r.answer_due_on < today && open > 0;
    return {
      id: r.id,
      roundId: r.round_id,
      roundLabel: roundLabel(r.term_name, r.round_number),
      receiverId: r.receiver_id,
      receiverName: r.receiver_name,
      receivingPerson: r.receiving_person,
      handedOn: r.handed_on,
      answerDueOn: r.answer_due_on,
      note: visible ? r.note : null,
      concernsClues,
      clueCount: r.clue_count,
      disposedCount: r.disposed_count,
      clueCodes: readsClues ? mine.filter((i) => i.code !== null).map((i) => i.code!) : null,
      lists: fourListKinds.filter((kind) => mine.some((i) => KIND_OF_ITEM_TYPE[i.item_type] === kind)),
      daysOverdue: overdue ? daysBetween(r.answer_due_on!, today) : null,
      receiptReturnedOn: r.receipt_returned_on,
      receipt: null,
    } satisfies HandoverRow;
  });
}

function withReceipts(session: ActiveSession, rows: HandoverRow[]): HandoverRow[] {
  const store = new FileStore(session.vault);
  return rows.map((row) => {
    const files = store.ofOwner(RECEIPT_OWNER, row.id);
    const latest = files.at(-1);
    if (!latest) return row;
    const visible = !row.concernsClues || row.clueCodes !== null;
    return {
      ...row,
      receipt: {
        fileId: latest.id,
        fileName: visible ? latest.fileName : null,
        mime: latest.mime,
        size: latest.size,
        sha256: latest.sha256,
        uploadedAt: latest.createdAt,
        earlier: files.length - 1,
      },
    };
  });
}

export function register(ctx: CoreContext, input: ChannelInput<'handover.register'> & { page: number; pageSize: number }): ChannelOutput<'handover.register'> {
  const session = ctx.active();
  const db = session.vault.db;
  const where = input.roundId !== undefined ? 'WHERE h.round_id = @roundId' : '';
  const params = { roundId: input.roundId ?? null };
  const total = (db.prepare(`SELECT count(*) AS n FROM handovers h ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${SELECT_HANDOVERS} ${where} ORDER BY h.handed_on DESC, h.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as HandoverDbRow[];
  const readsClues = mayReadClues(session);
  const items = withReceipts(session, toRows(db, rows, localDate(ctx.now()), readsClues));
  const codes = items.flatMap((row) => row.clueCodes ?? []);
  // Clue numbers shown are a read of clue records: audited with the numbers, as clue.list is.
  if (codes.length > 0) session.audit.append({ action: 'handover.register', actor: actorOf(session.user), detail: { roundId: input.roundId ?? null, codes } });
  return { items, total };
}

function oneRow(ctx: CoreContext, session: ActiveSession, id: number): HandoverRow {
  const row = session.vault.db.prepare(`${SELECT_HANDOVERS} WHERE h.id = ?`).get(id) as HandoverDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return withReceipts(session, toRows(session.vault.db, [row], localDate(ctx.now()), mayReadClues(session)))[0]!;
}

function concernsClues(db: Db, id: number): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM handover_items WHERE handover_id = ? AND item_type IN ('clue', 'clueList')").get(id) as { n: number };
  return row.n > 0;
}

function requireHandover(db: Db, id: number): { round_id: number } {
  const row = db.prepare('SELECT round_id FROM handovers WHERE id = ?').get(id) as { round_id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function attachReceipt(ctx: CoreContext, input: ChannelInput<'handover.attachReceipt'>): Promise<HandoverRow> {
  const session = ctx.active();
  const db = session.vault.db;
  requireHandover(db, input.handoverId);
  assertMayChange(session, concernsClues(db, input.handoverId));
  if (!RECEIPT_MIME.test(input.mime)) throw new AppError('INVALID_INPUT', '回执只接受 PDF 或图片（扫描件、照片）');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '回执文件是空的');
  async function* source() {
    yield bytes;
  }
  const file = await new FileStore(session.vault).put(source(), {
    fileName: input.fileName,
    mime: input.mime,
    ownerType: RECEIPT_OWNER,
    ownerId: input.handoverId,
    createdBy: session.user.id,
    at: ctx.now().toISOString(),
  });
  session.audit.append({
    action: 'handover.attachReceipt',
    actor: actorOf(session.user),
    target: { type: 'handover', id: input.handoverId },
    detail: { fileId: file.id, size: file.size, sha256: file.sha256 },
  });
  return oneRow(ctx, session, input.handoverId);
}

export async function viewReceipt(ctx: CoreContext, input: ChannelInput<'handover.viewReceipt'>): Promise<ChannelOutput<'handover.viewReceipt'>> {
  const session = ctx.active();
  const db = session.vault.db;
  requireHandover(db, input.handoverId);
  if (concernsClues(db, input.handoverId)) assertMayReadClues(session);
  const store = new FileStore(session.vault);
  const file = store.ofOwner(RECEIPT_OWNER, input.handoverId).at(-1);
  if (!file) throw new AppError('NOT_FOUND', '这次移交还没有上传回执');
  const audit = (outcome: 'ok' | 'failed', extra: Record<string, unknown> = {}) =>
    session.audit.append({ action: 'handover.viewReceipt', actor: actorOf(session.user), outcome, target: { type: 'handover', id: input.handoverId }, detail: { fileId: file.id, ...extra } });
  try {
    const { bytes } = await store.readVerified(file.id);
    audit('ok');
    return { fileName: file.fileName, mime: file.mime, base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_TAMPERED') audit('failed', { tampered: true });
    throw error;
  }
}

export function setReceiptReturned(ctx: CoreContext, input: ChannelInput<'handover.setReceiptReturned'>): HandoverRow {
  change(ctx, (session, record) => {
    const db = session.vault.db;
    requireHandover(db, input.handoverId);
    assertMayChange(session, concernsClues(db, input.handoverId));
    const handedOn = (db.prepare('SELECT handed_on FROM handovers WHERE id = ?').get(input.handoverId) as { handed_on: string }).handed_on;
    if (input.returnedOn && input.returnedOn < handedOn) throw new AppError('INVALID_INPUT', '回执返回日期不能早于移交日期');
    db.prepare('UPDATE handovers SET receipt_returned_on = ? WHERE id = ?').run(input.returnedOn, input.handoverId);
    record({ action: 'handover.receiptReturned', target: { type: 'handover', id: input.handoverId }, detail: { returnedOn: input.returnedOn } });
  });
  return oneRow(ctx, ctx.active(), input.handoverId);
}

/** Hand-overs whose answer deadline has passed while some of their clues have no disposal yet. */
export function overdueHandovers(db: Db, today: string): ChannelOutput<'handover.overdue'> {
  const rows = db
    .prepare(
      `SELECT h.id, h.round_id, r.number AS round_number, t.name AS term_name, rc.name AS receiver_name, h.handed_on, h.answer_due_on,
         count(*) AS open_clues
       FROM handovers h
       JOIN rounds r ON r.id = h.round_id JOIN terms t ON t.id = r.term_id JOIN receivers rc ON rc.id = h.receiver_id
       JOIN handover_items hi ON hi.handover_id = h.id AND hi.item_type = 'clue'
       JOIN clues c ON c.id = hi.item_id AND c.status <> 'disposed'
       WHERE h.answer_due_on IS NOT NULL AND h.answer_due_on < ?
       GROUP BY h.id ORDER BY h.answer_due_on`,
    )
    .all(today) as { id: number; round_id: number; round_number: number; term_name: string; receiver_name: string; handed_on: string; answer_due_on: string; open_clues: number }[];
  return rows.map((r) => ({
    handoverId: r.id,
    roundId: r.round_id,
    roundLabel: roundLabel(r.term_name, r.round_number),
    receiverName: r.receiver_name,
    handedOn: r.handed_on,
    answerDueOn: r.answer_due_on,
    daysOverdue: daysBetween(r.answer_due_on, today),
    openClues: r.open_clues,
  }));
}
