/**
 * The 四包联 section of `xuncha stats`: per year with any pairing work, the leaders and the
 * counties paired, the visits, and the counties' self-check problems closed and overdue (the
 * figures of the 通报, by the core's clock). Read-only, through the same channels as the app.
 */
import type { PairingReportRow } from '../../shared/contract';
import { writeLine } from './io';
import { formatTable } from './output';
import type { StatsSection } from './stats';

export interface PairingYearStats {
  year: number;
  leaders: number;
  pairedCounties: number;
  visits: number;
  items: number;
  closed: number;
  /** closed / items in per cent, one decimal; null when nothing was recorded. */
  rate: number | null;
  overdue: number;
  counties: PairingReportRow[];
}

export const pairingSection: StatsSection<{ years: PairingYearStats[] }> = {
  id: 'pairing',
  title: { zh: '四包联（按年度）', en: 'Pairing supervision per year' },
  async collect({ core, rounds }) {
    const years = [...new Set(rounds.map((r) => r.year))].sort((a, b) => a - b);
    const result: PairingYearStats[] = [];
    for (const year of years) {
      const overview = await core.call('pairing.overview', { year });
      const counties = await core.call('pairing.report', { year });
      const sum = (key: 'items' | 'closed' | 'overdue' | 'visits') => counties.reduce((n, c) => n + c[key], 0);
      const items = sum('items');
      const entry = {
        year,
        leaders: new Set(overview.pairings.map((p) => p.leaderId)).size,
        pairedCounties: overview.pairings.length,
        visits: sum('visits'),
        items,
        closed: sum('closed'),
        rate: items === 0 ? null : Math.round((sum('closed') / items) * 1000) / 10,
        overdue: sum('overdue'),
        counties,
      };
      if (entry.pairedCounties > 0 || entry.visits > 0 || entry.items > 0) result.push(entry);
    }
    return { years: result };
  },
  print({ years }, out) {
    if (years.length === 0) {
      writeLine(out, '  尚无包联督导记录 / no pairing records yet');
      return;
    }
    for (const y of years) {
      writeLine(out, `  ${y.year}年：${y.leaders} 名领导包联 ${y.pairedCounties} 个旗县区，走访 ${y.visits} 次，自查问题 ${y.items} 项，已销号 ${y.closed} 项，逾期 ${y.overdue} 项`);
      writeLine(out, `  ${y.year}: ${y.leaders} leaders over ${y.pairedCounties} counties, ${y.visits} visits, ${y.items} problems, ${y.closed} closed, ${y.overdue} overdue`);
      const header = ['旗县区 County', '包联领导 Leader', '问题 Items', '已销号 Closed', '完成率 Rate', '逾期 Overdue', '走访 Visits'];
      const rows = y.counties.map((c) => [c.countyName, c.leaderName ?? '—', String(c.items), String(c.closed), c.rate === null ? '—' : `${c.rate}%`, String(c.overdue), String(c.visits)]);
      for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
      writeLine(out);
    }
  },
};
