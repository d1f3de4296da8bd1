import type { z } from 'zod';
import type { ChannelOutput, Channels, ScorecardRow } from '../../../shared/contract';
import type { TableDocument } from '../../../shared/documents';
import { chineseDate } from '../documents/engine/numbering';
import { actorOf, localDate, type CoreContext } from '../context';
import { documentEngine } from '../documents/engine-holder';
import { renderCopies } from '../documents/rendering';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * 前置整改成绩单: per unit, over the lists issued in a term (or one list), the items it was
 * issued, checked itself against, found, fixed and fixed on time.
 */

type In<C extends keyof Channels> = z.output<Channels[C]['input']>;
type Scope = { termId?: number | undefined; listId?: number | undefined };
type Figures = ChannelOutput<'scorecard.get'>['totals'];

interface Row {
  unit_id: number;
  unit_name: string;
  region_name: string | null;
  kind_name: string;
  issued: number;
  checked: number | null;
  found: number | null;
  fixed: number | null;
  on_time: number | null;
}

/**
 * Every unit of the scope, in registry order: per list the units it went to, with the figures
 * the triggers keep per list and unit (schema.ts), summed over the lists of the scope.
 */
export function scorecardRows(db: Db, scope: Scope): ScorecardRow[] {
  const byTerm = scope.termId !== undefined;
  const rows = db
    .prepare(
      // MATERIALIZED: each list's items counted once, not once per unit.
      `WITH lists AS MATERIALIZED (
         SELECT l.id, (SELECT count(*) FROM common_problems p WHERE p.list_id = l.id) AS items
         FROM common_problem_lists l WHERE l.status = 'issued' AND ${byTerm ? 'l.term_id = @scope' : 'l.id = @scope'}
       ),
       figures AS (
         SELECT lu.unit_id, sum(lists.items) AS issued, sum(s.checked) AS checked, sum(s.found) AS found, sum(s.fixed) AS fixed, sum(s.on_time) AS on_time
         FROM lists JOIN common_list_units lu ON lu.list_id = lists.id
           LEFT JOIN common_scorecard s ON s.list_id = lu.list_id AND s.unit_id = lu.unit_id
         GROUP BY lu.unit_id
       )
       SELECT u.id AS unit_id, u.name AS unit_name, r.name AS region_name, k.name AS kind_name, f.issued, f.checked, f.found, f.fixed, f.on_time
       FROM figures f JOIN units u ON u.id = f.unit_id JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions r ON r.id = u.region_id
       ORDER BY ifnull(r.sort_order, -1), r.id, k.sort_order, k.id, u.name, u.id`,
    )
    .all({ scope: byTerm ? scope.termId : scope.listId }) as Row[];
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    regionName: r.region_name,
    kindName: r.kind_name,
    issued: r.issued,
    checked: r.checked ?? 0,
    found: r.found ?? 0,
    fixed: r.fixed ?? 0,
    onTime: r.on_time ?? 0,
  }));
}

export function totalsOf(rows: readonly ScorecardRow[]): Figures {
  const totals: Figures = { issued: 0, checked: 0, found: 0, fixed: 0, onTime: 0 };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof Figures)[]) totals[key] += row[key];
  return totals;
}

function checkScope(db: Db, scope: Scope): string {
  if (scope.termId !== undefined) {
    const term = db.prepare('SELECT name FROM terms WHERE id = ?').get(scope.termId) as { name: string } | undefined;
    if (!term) throw new AppError('NOT_FOUND', '届次不存在');
    return term.name;
  }
  const list = db.prepare('SELECT title FROM common_problem_lists WHERE id = ?').get(scope.listId) as { title: string } | undefined;
  if (!list) throw new AppError('NOT_FOUND', '共性问题清单不存在');
  return list.title;
}

export function scorecard(ctx: CoreContext, input: In<'scorecard.get'>): ChannelOutput<'scorecard.get'> {
  const db = ctx.active().vault.db;
  checkScope(db, input);
  const rows = scorecardRows(db, input);
  const start = (input.page - 1) * input.pageSize;
  return { rows: rows.slice(start, start + input.pageSize), total: rows.length, totals: totalsOf(rows) };
}

/** 85.7% — one decimal, or a dash where nothing was found. */
export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

const WIDTHS: Record<string, number> = { 序号: 0.6, 单位: 3, 旗县区: 1.5, 单位类别: 2, 整改率: 1.2, 按期整改率: 1.3 };

export function scorecardTable(rows: readonly ScorecardRow[], scopeName: string, date: string): TableDocument {
  const totals = totalsOf(rows);
  const figures = (r: ScorecardRow | Figures) => [r.issued, r.checked, r.found, r.fixed, r.onTime].map(String).concat(percent(r.fixed, r.found), percent(r.onTime, r.found));
  return {
    classification: 'internal',
    classificationPeriod: '',
    title: '前置整改成绩单',
    subtitle: `${scopeName}\u3000截至${chineseDate(date)}`,
    columns: ['序号', '单位', '旗县区', '单位类别', '印发条目', '已自查', '发现问题', '已整改', '按期整改', '整改率', '按期整改率'].map((header) => ({
      header,
      // Wide enough that 市属国有企业 and 土默特左旗 stay on one line.
      width: WIDTHS[header] ?? 1,
    })),
    rows: [...rows.map((r, i) => [String(i + 1), r.unitName, r.regionName ?? '市本级', r.kindName, ...figures(r)]), ['', '合计', '', '', ...figures(totals)]],
    date,
  };
}

export async function scorecardPdf(ctx: CoreContext, input: In<'scorecard.pdf'>): Promise<ChannelOutput<'scorecard.pdf'>> {
  const session = ctx.active();
  const db = session.vault.db;
  const scopeName = checkScope(db, input);
  const rows = scorecardRows(db, input);
  const today = localDate(ctx.now());
  const table = scorecardTable(rows, scopeName, today);
  const rendered = await renderCopies(documentEngine(ctx), { table }, [{}]);
  session.audit.append({
    action: 'scorecard.print',
    actor: actorOf(session.user),
    target: input.termId !== undefined ? { type: 'term', id: input.termId } : { type: 'commonList', id: input.listId! },
    detail: { purpose: input.purpose, units: rows.length, pages: rendered.pages },
  });
  return { fileName: `前置整改成绩单（${scopeName.replace(/[\\/:*?"<>|\r\n\t]+/g, '_')}）.pdf`, base64: rendered.pdf.toString('base64'), pages: rendered.pages, substitutes: rendered.fonts.some((f) => f.substitute) };
}
