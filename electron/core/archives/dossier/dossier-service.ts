/**
 * A round's dossier (巡察档案): the defaults its items are filed under, the per-stage checklist,
 * closing (after which the round's items are read-only: seal.ts) and corrections filed after
 * closing. Filing from the app and from disk lives in filing-service.ts.
 */
import type { ArchiveItem, ChannelInput, Dossier, Retention } from '../../../../shared/contract';
import { roundLabel } from '../../../../shared/format';
import { actorOf, change, type ActiveSession, type CoreContext } from '../../context';
import { AppError } from '../../errors';
import type { Db } from '../../vault/database';
import { archiveAccess } from '../access';
import { chooseArchiveFile, chosenFile, createItem, createItemWithFile, getItem } from '../items-service';
import { visibleClause } from '../items-store';
import { checklistOf } from './checklist';

/** 机构(问题)代码 of a round's items unless the archivist sets another: 巡察办. */
const DEFAULT_ORG_CODE = 'XCB';
/** 巡察报告 and its supporting material: 定期30年 (STANDARDS.md). */
const DEFAULT_RETENTION: Retention = 'D30';

interface DossierRow {
  year: number;
  retention: Retention;
  org_code: string;
  status: 'open' | 'closed';
  closed_at: string | null;
  closed_by: string | null;
  close_reason: string;
}

function roundOf(db: Db, roundId: number): { year: number; label: string } {
  const round = db.prepare('SELECT r.year, r.number, t.name AS term FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?').get(roundId) as
    | { year: number; number: number; term: string }
    | undefined;
  if (!round) throw new AppError('NOT_FOUND', '轮次不存在');
  return { year: round.year, label: roundLabel(round.term, round.number) };
}

/** The year, 保管期限 and 机构代码 new items of the round take. */
export function dossierDefaults(db: Db, roundId: number): { year: number; retention: Retention; orgCode: string } {
  const row = db.prepare('SELECT year, retention, org_code FROM archive_dossiers WHERE round_id = ?').get(roundId) as Pick<DossierRow, 'year' | 'retention' | 'org_code'> | undefined;
  if (row) return { year: row.year, retention: row.retention, orgCode: row.org_code };
  return { year: roundOf(db, roundId).year, retention: DEFAULT_RETENTION, orgCode: DEFAULT_ORG_CODE };
}

function kindCounts(db: Db, roundId: number, visible: string): Map<string, number> {
  const rows = db.prepare(`SELECT a.kind, count(*) AS n FROM archive_items a WHERE a.round_id = ? AND ${visible} GROUP BY a.kind`).all(roundId) as { kind: string; n: number }[];
  return new Map(rows.map((r) => [r.kind, r.n]));
}

export function readDossier(session: ActiveSession, roundId: number): Dossier {
  const db = session.vault.db;
  const round = roundOf(db, roundId);
  const row = db
    .prepare(
      `SELECT d.year, d.retention, d.org_code, d.status, d.closed_at, a.display_name AS closed_by, d.close_reason
       FROM archive_dossiers d LEFT JOIN accounts a ON a.id = d.closed_by WHERE d.round_id = ?`,
    )
    .get(roundId) as DossierRow | undefined;
  const defaults = dossierDefaults(db, roundId);
  // Counts over what the reader may see: hidden items are not even counted (shared/channels/archives.ts).
  const counts = kindCounts(db, roundId, visibleClause(archiveAccess(session)));
  return {
    roundId,
    roundLabel: round.label,
    ...defaults,
    status: row?.status ?? 'open',
    closedAt: row?.closed_at ?? null,
    closedBy: row?.closed_by ?? null,
    closeReason: row?.close_reason ?? '',
    itemCount: [...counts.values()].reduce((sum, n) => sum + n, 0),
    ...checklistOf(counts),
  };
}

export function getDossier(ctx: CoreContext, roundId: number): Dossier {
  return readDossier(ctx.active(), roundId);
}

function upsert(db: Db, roundId: number, fields: { year: number; retention: Retention; orgCode: string }, at: string): void {
  db.prepare(
    `INSERT INTO archive_dossiers (round_id, year, retention, org_code, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id) DO UPDATE SET year = excluded.year, retention = excluded.retention, org_code = excluded.org_code, updated_at = excluded.updated_at`,
  ).run(roundId, fields.year, fields.retention, fields.orgCode, at);
}

export function setDefaults(ctx: CoreContext, input: ChannelInput<'archives.dossierDefaults'>): Dossier {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    roundOf(db, input.roundId);
    if (readDossier(session, input.roundId).status === 'closed') throw new AppError('ARCHIVE_DOSSIER_CLOSED');
    const fields = { year: input.year, retention: input.retention, orgCode: input.orgCode.toUpperCase() };
    upsert(db, input.roundId, fields, ctx.now().toISOString());
    record({ action: 'archive.dossierDefaults', target: { type: 'round', id: input.roundId }, detail: fields });
    return readDossier(session, input.roundId);
  });
}

/**
 * Closes the dossier. What is missing is decided over ALL the round's items (the reader may not
 * see clue material, but the dossier holds it); with anything missing a reason is required.
 */
export function closeDossier(ctx: CoreContext, input: ChannelInput<'archives.closeDossier'>): Dossier {
  return change(ctx, (session, record) => {
    const db = session.vault.db;
    const current = readDossier(session, input.roundId);
    if (current.status === 'closed') throw new AppError('ARCHIVE_DOSSIER_CLOSED');
    const { missing } = checklistOf(kindCounts(db, input.roundId, '1'));
    const reason = (input.reason ?? '').trim();
    if (missing.length > 0 && !reason) throw new AppError('ARCHIVE_DOSSIER_INCOMPLETE');
    const at = ctx.now().toISOString();
    upsert(db, input.roundId, dossierDefaults(db, input.roundId), at);
    db.prepare("UPDATE archive_dossiers SET status = 'closed', closed_at = ?, closed_by = ?, close_reason = ? WHERE round_id = ?").run(at, session.user.id, reason, input.roundId);
    const items = (db.prepare('SELECT count(*) AS n FROM archive_items WHERE round_id = ?').get(input.roundId) as { n: number }).n;
    record({ action: 'archive.dossierClose', target: { type: 'round', id: input.roundId }, detail: { items, missing, reason } });
    return readDossier(session, input.roundId);
  });
}

/**
 * A correction of a sealed item: a new item in the same year, 保管期限 and 机构代码 (the next
 * 件号), its note naming the 档号 it corrects; the old item stays as it was filed. With
 * `fromDisk` the corrected file is chosen first and filed with the item in one transaction;
 * after that the correction is sealed like every other item of the closed dossier.
 */
export async function correctItem(ctx: CoreContext, input: ChannelInput<'archives.correct'>): Promise<ArchiveItem> {
  const old = getItem(ctx, input.id);
  const { id, reason, fromDisk, ...fields } = input;
  const noteText = [`更正${old.archiveCode}：${reason}`, fields.note ?? ''].filter(Boolean).join('；').slice(0, 1000);
  const itemInput = { ...fields, year: old.year, retention: old.retention, orgCode: old.orgCode, roundId: old.roundId, note: noteText };
  const options = {
    correction: true,
    then: (session: ActiveSession, itemId: number) => {
      session.vault.db
        .prepare('INSERT INTO archive_corrections (item_id, corrects_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(itemId, id, reason, session.user.id, ctx.now().toISOString());
      session.audit.append({
        action: 'archive.correct',
        actor: actorOf(session.user),
        target: { type: 'archive', id: itemId },
        detail: { corrects: old.archiveCode, reason },
      });
    },
  };
  if (!fromDisk) return createItem(ctx, itemInput, options);
  const chosen = await chooseArchiveFile(ctx, `选择更正 ${old.archiveCode} 的文件`);
  return createItemWithFile(ctx, itemInput, chosenFile('original', chosen), options);
}
