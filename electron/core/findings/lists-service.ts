import ExcelJS from 'exceljs';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { roundLabel } from '../../../shared/format';
import { actorOf, change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { assertMayReadClues } from './clues-service';

/** 追责问责 and 点人点事 items of a round, and the four lists (四个清单) as spreadsheets. */

interface LinkRow {
  id: number;
  round_id: number;
  problem_id: number | null;
  clue_id: number | null;
  receiver_id: number | null;
  receiver_name: string | null;
}

function checkLinks(db: Db, input: { roundId: number; problemId?: number | null; clueId?: number | null; receiverId?: number | null }): void {
  if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(input.roundId)) throw new AppError('INVALID_REFERENCE', '所选轮次不存在');
  if (input.problemId != null) {
    const problem = db.prepare('SELECT i.round_id FROM problems p JOIN inspections i ON i.id = p.inspection_id WHERE p.id = ?').get(input.problemId) as
      | { round_id: number }
      | undefined;
    if (!problem || problem.round_id !== input.roundId) throw new AppError('INVALID_REFERENCE', '所关联的问题不属于本轮');
  }
  if (input.clueId != null) {
    const clue = db.prepare('SELECT round_id FROM clues WHERE id = ?').get(input.clueId) as { round_id: number } | undefined;
    if (!clue || clue.round_id !== input.roundId) throw new AppError('INVALID_REFERENCE', '所关联的线索不属于本轮');
  }
  if (input.receiverId != null && !db.prepare('SELECT 1 FROM receivers WHERE id = ?').get(input.receiverId)) throw new AppError('INVALID_REFERENCE', '接收单位不存在');
}

const linkFields = (r: LinkRow) => ({ id: r.id, roundId: r.round_id, problemId: r.problem_id, clueId: r.clue_id, receiverId: r.receiver_id, receiverName: r.receiver_name });

export function listAccountability(db: Db, roundId: number): ChannelOutput<'accountability.list'> {
  const rows = db
    .prepare('SELECT a.*, r.name AS receiver_name FROM accountability_items a LEFT JOIN receivers r ON r.id = a.receiver_id WHERE a.round_id = ? ORDER BY a.id')
    .all(roundId) as (LinkRow & { subject_kind: 'person' | 'unit'; subject_name: string; matter: string; proposed_handling: string })[];
  return rows.map((r) => ({ ...linkFields(r), subjectKind: r.subject_kind, subjectName: r.subject_name, matter: r.matter, proposedHandling: r.proposed_handling }));
}

export function listPersonMatters(db: Db, roundId: number): ChannelOutput<'personMatters.list'> {
  const rows = db
    .prepare('SELECT m.*, r.name AS receiver_name FROM person_matters m LEFT JOIN receivers r ON r.id = m.receiver_id WHERE m.round_id = ? ORDER BY m.id')
    .all(roundId) as (LinkRow & { person_name: string; unit: string; position: string; matter: string })[];
  return rows.map((r) => ({ ...linkFields(r), personName: r.person_name, unit: r.unit, position: r.position, matter: r.matter }));
}

export function createAccountability(ctx: CoreContext, input: ChannelInput<'accountability.create'>) {
  return change(ctx, ({ vault }, record) => {
    checkLinks(vault.db, input);
    const id = Number(
      vault.db
        .prepare(
          `INSERT INTO accountability_items (round_id, problem_id, clue_id, subject_kind, subject_name, matter, proposed_handling, receiver_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.roundId, input.problemId ?? null, input.clueId ?? null, input.subjectKind, input.subjectName, input.matter, input.proposedHandling ?? '', input.receiverId ?? null, ctx.now().toISOString())
        .lastInsertRowid,
    );
    record({ action: 'accountability.create', target: { type: 'accountability', id }, detail: { roundId: input.roundId, subject: input.subjectName } });
    return listAccountability(vault.db, input.roundId).find((a) => a.id === id)!;
  });
}

export function createPersonMatter(ctx: CoreContext, input: ChannelInput<'personMatters.create'>) {
  return change(ctx, ({ vault }, record) => {
    checkLinks(vault.db, input);
    const id = Number(
      vault.db
        .prepare('INSERT INTO person_matters (round_id, problem_id, clue_id, person_name, unit, position, matter, receiver_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.roundId, input.problemId ?? null, input.clueId ?? null, input.personName, input.unit ?? '', input.position ?? '', input.matter, input.receiverId ?? null, ctx.now().toISOString())
        .lastInsertRowid,
    );
    record({ action: 'personMatter.create', target: { type: 'personMatter', id }, detail: { roundId: input.roundId, person: input.personName } });
    return listPersonMatters(vault.db, input.roundId).find((m) => m.id === id)!;
  });
}

const FOCUS_LABELS = { corruption: '群众身边腐败问题和不正之风', grassroots: '基层党组织软弱涣散、组织力欠缺', rectification: '巡视巡察整改不落实、不到位' } as const;
const SOURCE_LABELS = { interview: '个别谈话', documents: '查阅资料', petition: '信访举报', visit: '实地走访', questionnaire: '问卷调查', other: '其他' } as const;
const STATUS_LABELS = { registered: '已登记', handedOver: '已移交', disposed: '已处置' } as const;
const TITLES = { problems: '问题清单', clues: '问题线索清单', accountability: '追责问责清单', personMatters: '点人点事清单' } as const;

/** One of the four lists as rows: the .xlsx export and the PDF table (electron/core/documents) both start here. */
export interface FourListRows {
  /** 十二届市委第八轮巡察 */
  label: string;
  /** 问题清单 … */
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** The clue numbers listed (clue list only), for the audit entry. */
  codes: string[];
}

/**
 * The rows of one of the four lists. The caller checks who may read the clue list
 * (assertMayReadClues) and audits the export.
 */
export function fourListRows(db: Db, input: { kind: ChannelInput<'fourLists.export'>['kind']; roundId: number; inspectionId?: number | undefined }): FourListRows {
  const round = db.prepare('SELECT r.number, t.name FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?').get(input.roundId) as
    | { number: number; name: string }
    | undefined;
  if (!round) throw new AppError('NOT_FOUND');
  const label = roundLabel(round.name, round.number);
  const scope = input.inspectionId !== undefined ? ' AND i.id = @inspectionId' : '';
  const params = { roundId: input.roundId, inspectionId: input.inspectionId ?? null };
  let headers: string[];
  let rows: (string | number)[][];
  let codes: string[] = [];

  if (input.kind === 'problems') {
    headers = ['序号', '被巡察单位', '巡察组', '聚焦方向', '问题类别', '问题描述', '依据', '来源', '共性问题'];
    rows = (
      db
        .prepare(
          `SELECT u.name AS unit, g.number AS grp, p.focus, c.name AS category, p.description, p.evidence, p.source, p.is_common
           FROM problems p JOIN inspections i ON i.id = p.inspection_id JOIN units u ON u.id = i.unit_id
           LEFT JOIN inspection_groups g ON g.id = i.group_id LEFT JOIN problem_categories c ON c.id = p.category_id
           WHERE i.round_id = @roundId${scope} ORDER BY g.number, u.name, p.id`,
        )
        .all(params) as { unit: string; grp: number | null; focus: keyof typeof FOCUS_LABELS; category: string | null; description: string; evidence: string; source: keyof typeof SOURCE_LABELS; is_common: number }[]
    ).map((r, i) => [i + 1, r.unit, r.grp ? `第${r.grp}组` : '', FOCUS_LABELS[r.focus], r.category ?? '', r.description, r.evidence, SOURCE_LABELS[r.source], r.is_common ? '是' : '否']);
  } else if (input.kind === 'clues') {
    headers = ['序号', '线索编号', '被巡察单位', '反映对象', '线索摘要', '来源', '收到日期', '状态'];
    const clueRows = db
      .prepare(
        `SELECT c.id, c.code, u.name AS unit, c.summary, c.source, c.received_on, c.status,
           (SELECT group_concat(name || coalesce('（' || nullif(position, '') || '）', ''), '、') FROM clue_persons WHERE clue_id = c.id) AS persons
         FROM clues c LEFT JOIN inspections i ON i.id = c.inspection_id LEFT JOIN units u ON u.id = i.unit_id
         WHERE c.round_id = @roundId${input.inspectionId !== undefined ? ' AND c.inspection_id = @inspectionId' : ''} ORDER BY c.sequence`,
      )
      .all(params) as { code: string; unit: string | null; summary: string; source: string; received_on: string; status: keyof typeof STATUS_LABELS; persons: string | null }[];
    codes = clueRows.map((r) => r.code);
    rows = clueRows.map((r, i) => [i + 1, r.code, r.unit ?? '', r.persons ?? '', r.summary, r.source, r.received_on, STATUS_LABELS[r.status]]);
  } else if (input.kind === 'accountability') {
    headers = ['序号', '对象类型', '追责问责对象', '问题事项', '处理建议', '移交单位'];
    rows = listAccountability(db, input.roundId).map((a, i) => [i + 1, a.subjectKind === 'person' ? '个人' : '单位', a.subjectName, a.matter, a.proposedHandling, a.receiverName ?? '']);
  } else {
    headers = ['序号', '姓名', '单位', '职务', '具体事项', '移交单位'];
    rows = listPersonMatters(db, input.roundId).map((m, i) => [i + 1, m.personName, m.unit, m.position, m.matter, m.receiverName ?? '']);
  }
  return { label, title: TITLES[input.kind], headers, rows, codes };
}

/** One of the four lists as an .xlsx workbook; the clue list only for those who may read clues. */
export async function exportFourList(ctx: CoreContext, input: ChannelInput<'fourLists.export'>): Promise<ChannelOutput<'fourLists.export'>> {
  const session = ctx.active();
  if (input.kind === 'clues') assertMayReadClues(session);
  const { label, headers, rows, codes } = fourListRows(session.vault.db, input);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '巡察工作台';
  const sheet = workbook.addWorksheet(TITLES[input.kind], { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${label}${TITLES[input.kind]}`;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  // Plain values become string or number cells; exceljs writes a formula only from a
  // { formula } object, so text that starts with = stays text.
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.pageSetup.printTitlesRow = '2:2';
  headers.forEach((h, i) => (sheet.getColumn(i + 1).width = h === '问题描述' || h === '线索摘要' || h === '问题事项' || h === '具体事项' ? 60 : h === '序号' ? 6 : 18));
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  session.audit.append({
    action: 'fourLists.export',
    actor: actorOf(session.user),
    target: { type: 'round', id: input.roundId },
    detail: { kind: input.kind, inspectionId: input.inspectionId ?? null, rows: rows.length, ...(codes.length ? { codes } : {}) },
  });
  return { fileName: `${label}${TITLES[input.kind]}.xlsx`, base64: buffer.toString('base64') };
}
