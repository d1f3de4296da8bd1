/**
 * The 共性问题清单 / 前置整改成绩单 section of `xuncha stats`: per issued list, its items and the
 * units it went to, and per term the scorecard totals (items issued to units, checked, found,
 * fixed, fixed on time). Read-only, through the same channels as the app.
 */
import type { ScorecardRow } from '../../shared/contract';
import { writeLine } from './io';
import { formatTable } from './output';
import type { StatsSection } from './stats';

type Figures = Pick<ScorecardRow, 'issued' | 'checked' | 'found' | 'fixed' | 'onTime'>;

export interface CommonListStats {
  title: string;
  issuedOn: string;
  deadline: string;
  items: number;
  units: number;
}

export interface ScorecardTermStats extends Figures {
  termName: string;
  units: number;
  /** Units that recorded at least one self-check. */
  unitsReported: number;
  /** fixed / found and onTime / found in per cent, one decimal; null when nothing was found. */
  fixRate: number | null;
  onTimeRate: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export const scorecardSection: StatsSection<{ lists: CommonListStats[]; terms: ScorecardTermStats[] }> = {
  id: 'scorecard',
  title: { zh: '共性问题清单与前置整改成绩单', en: 'Common-problem lists and the scorecard' },
  async collect({ core, terms }) {
    const lists = (await core.call('commonLists.list', {}))
      .filter((l) => l.status === 'issued')
      .map((l) => ({ title: l.title, issuedOn: l.issuedOn ?? '', deadline: l.deadline ?? '', items: l.items, units: l.units }))
      .reverse();
    const result: ScorecardTermStats[] = [];
    for (const term of terms) {
      const rows: ScorecardRow[] = [];
      for (let page = 1; ; page += 1) {
        const card = await core.call('scorecard.get', { termId: term.id, page, pageSize: 500 });
        rows.push(...card.rows);
        if (rows.length >= card.total) break;
      }
      if (rows.length === 0) continue;
      const sum = (key: keyof Figures) => rows.reduce((n, r) => n + r[key], 0);
      const totals = { issued: sum('issued'), checked: sum('checked'), found: sum('found'), fixed: sum('fixed'), onTime: sum('onTime') };
      result.push({
        termName: term.name,
        units: rows.length,
        unitsReported: rows.filter((r) => r.checked > 0).length,
        ...totals,
        fixRate: rate(totals.fixed, totals.found),
        onTimeRate: rate(totals.onTime, totals.found),
      });
    }
    return { lists, terms: result };
  },
  print({ lists, terms }, out) {
    if (lists.length === 0) {
      writeLine(out, '  尚未印发共性问题清单 / no common-problem list issued yet');
      return;
    }
    for (const l of lists) {
      writeLine(out, `  ${l.title}：${l.items} 个共性问题，${l.issuedOn} 印发 ${l.units} 个单位，${l.deadline} 前报送`);
      writeLine(out, `  ${l.title}: ${l.items} common problems, issued ${l.issuedOn} to ${l.units} units, due ${l.deadline}`);
    }
    writeLine(out);
    const header = ['届 Term', '单位 Units', '已报送 Reported', '印发条目 Issued', '已自查 Checked', '发现 Found', '已整改 Fixed', '按期 On time', '整改率 Fix rate', '按期率 On-time rate'];
    const pct = (value: number | null) => (value === null ? '—' : `${value}%`);
    const rows = terms.map((t) => [t.termName, t.units, t.unitsReported, t.issued, t.checked, t.found, t.fixed, t.onTime].map(String).concat(pct(t.fixRate), pct(t.onTimeRate)));
    for (const line of formatTable(header, rows, '  ')) writeLine(out, line);
  },
};
