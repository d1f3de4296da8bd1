import type { ChannelInput, ChannelOutput, PairingReportRow } from '../../../shared/contract';
import type { TableDocument } from '../../../shared/documents';
import { actorOf, localDate, type CoreContext } from '../context';
import { documentEngine } from '../documents/engine-holder';
import { renderCopies } from '../documents/rendering';
import type { Db } from '../vault/database';

/**
 * 通报: completion of the self-check ledgers by county, for the leading group (定期通报市委巡察
 * 工作领导小组): problems found, closed, rate, overdue by the core's clock, and the visits of the
 * period (the year, or one month of it).
 */

type Period = { year: number; month?: number | undefined };

function visitRange({ year, month }: Period): [string, string] {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === undefined) return [`${year}-01-01`, `${year + 1}-01-01`];
  return [`${year}-${pad(month)}-01`, month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`];
}

export function reportRows(db: Db, period: Period, today: string): PairingReportRow[] {
  const [from, to] = visitRange(period);
  const rows = db
    .prepare(
      `SELECT r.id AS regionId, r.name AS countyName, l.name AS leaderName,
         (SELECT count(*) FROM pairing_checks c WHERE c.region_id = r.id AND c.year = @year) AS items,
         (SELECT count(*) FROM pairing_checks c WHERE c.region_id = r.id AND c.year = @year AND c.status = 'closed') AS closed,
         (SELECT count(*) FROM pairing_checks c WHERE c.region_id = r.id AND c.year = @year AND c.status <> 'closed' AND c.deadline < @today) AS overdue,
         (SELECT count(*) FROM pairing_visits v WHERE v.region_id = r.id AND v.visited_on >= @from AND v.visited_on < @to) AS visits
       FROM regions r
       LEFT JOIN pairings p ON p.region_id = r.id AND p.year = @year
       LEFT JOIN pairing_leaders l ON l.id = p.leader_id
       ORDER BY r.sort_order, r.id`,
    )
    .all({ year: period.year, today, from, to }) as Omit<PairingReportRow, 'rate'>[];
  return rows.map((row) => ({ ...row, rate: row.items === 0 ? null : Math.round((row.closed / row.items) * 1000) / 10 }));
}

export function report(ctx: CoreContext, input: ChannelInput<'pairing.report'>): PairingReportRow[] {
  return reportRows(ctx.active().vault.db, input, localDate(ctx.now()));
}

const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

export function periodName({ year, month }: Period): string {
  return month === undefined ? `${year}年` : `${year}年${month}月`;
}

/** The 通报 as a landscape table: one line a county and a 合计 line. Cells are plain text. */
export function reportTable(rows: readonly PairingReportRow[], period: Period, today: string): TableDocument {
  const sum = (key: 'items' | 'closed' | 'overdue' | 'visits') => rows.reduce((n, row) => n + row[key], 0);
  const items = sum('items');
  const closed = sum('closed');
  return {
    classification: 'internal',
    classificationPeriod: '',
    title: `关于${periodName(period)}旗县区巡察机构包联督导事项整改完成情况的通报`,
    // Full-width spaces between the parts, as in a printed heading.
    subtitle: `市委巡察办\u3000截至${chineseDate(today)}\u3000（走访次数按${periodName(period)}统计）`,
    columns: [
      { header: '序号', width: 0.6 },
      { header: '旗县区', width: 1.6 },
      { header: '包联领导', width: 1.2 },
      { header: '自查问题', width: 1 },
      { header: '已销号', width: 1 },
      { header: '完成率', width: 1 },
      { header: '逾期未销号', width: 1.2 },
      { header: '走访次数', width: 1 },
    ],
    rows: [
      ...rows.map((row, i) => [String(i + 1), row.countyName, row.leaderName ?? '未安排', String(row.items), String(row.closed), rateText(row.rate), String(row.overdue), String(row.visits)]),
      ['', '合计', '', String(items), String(closed), rateText(items === 0 ? null : Math.round((closed / items) * 1000) / 10), String(sum('overdue')), String(sum('visits'))],
    ],
    date: today,
  };
}

export async function printReport(ctx: CoreContext, input: ChannelInput<'pairing.printReport'>): Promise<ChannelOutput<'pairing.printReport'>> {
  const session = ctx.active();
  const today = localDate(ctx.now());
  const rows = reportRows(session.vault.db, input, today);
  const table = reportTable(rows, input, today);
  const engine = documentEngine(ctx);
  const rendered = await renderCopies(engine, { table }, [{}]);
  // Audited once the PDF exists: the entry says which figures left the vault.
  session.audit.append({
    action: 'pairing.printReport',
    actor: actorOf(session.user),
    target: { type: 'pairingReport', id: input.year },
    detail: { year: input.year, month: input.month ?? null, pages: rendered.copyPages, items: rows.reduce((n, r) => n + r.items, 0), closed: rows.reduce((n, r) => n + r.closed, 0) },
  });
  return {
    fileName: `${table.title}.pdf`,
    base64: rendered.pdf.toString('base64'),
    pages: rendered.copyPages,
    fonts: rendered.fonts,
    substitutes: rendered.fonts.some((f) => f.substitute),
  };
}
