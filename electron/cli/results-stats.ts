/**
 * The results-ledger section of `xuncha stats` (成果运用台账): per round with any entry or handed-over
 * clue, the entries, the sums by kind (money in 万元, two decimals) and the clues handed over and
 * disposed of (counts only). Read-only, through the same channels as the app.
 */
import { fenToWanYuan, resultKinds, resultMeasures, type ResultKindTotals } from '../../shared/contract';
import { writeLine, type Bilingual } from './io';
import { formatTable } from './output';
import type { StatsSection } from './stats';

export interface RoundResultsStats {
  roundId: number;
  label: string;
  entries: number;
  /** Persons, cases and rules as counts; money in 分. */
  totals: ResultKindTotals;
  cluesHandedOver: number;
  cluesDisposed: number;
  byDisposal: { name: string; count: number }[];
}

const kindLabels: Record<(typeof resultKinds)[number], Bilingual> = {
  accountability: { zh: '问责', en: 'accountability' },
  partyDiscipline: { zh: '党纪处分', en: 'Party discipline' },
  governmentSanction: { zh: '政务处分', en: 'government sanctions' },
  organisationalHandling: { zh: '组织处理', en: 'organisational' },
  caseFiled: { zh: '立案', en: 'cases' },
  judicialTransfer: { zh: '移送司法', en: 'to judiciary' },
  lossRecovered: { zh: '挽回损失(万元)', en: 'losses (10k yuan)' },
  fundsRecovered: { zh: '追缴资金(万元)', en: 'funds (10k yuan)' },
  rulesMade: { zh: '建章立制', en: 'rules made' },
};

export const resultsLedgerSection: StatsSection<{ rounds: RoundResultsStats[] }> = {
  id: 'results',
  title: { zh: '成果运用台账（按轮次）', en: 'Results ledger per round' },
  async collect({ core, rounds }) {
    const result: RoundResultsStats[] = [];
    for (const round of rounds) {
      const summary = await core.call('resultsLedger.summary', { roundId: round.id });
      result.push({
        roundId: round.id,
        label: round.label,
        entries: summary.entries,
        totals: summary.totals,
        cluesHandedOver: summary.clues.handedOver,
        cluesDisposed: summary.clues.disposed,
        byDisposal: summary.clues.byDisposal,
      });
    }
    return { rounds: result };
  },
  print({ rounds }, out) {
    const kept = rounds.filter((r) => r.entries > 0 || r.cluesHandedOver > 0);
    if (kept.length === 0) {
      writeLine(out, '  尚无成果运用记录 / no results yet');
      return;
    }
    const header = ['轮次 Round', '条目 Entries', '移交线索 Clues handed over', '已处置 Disposed', ...resultKinds.map((k) => `${kindLabels[k].zh} ${kindLabels[k].en}`)];
    const rows = kept.map((r) => [
      r.label,
      String(r.entries),
      String(r.cluesHandedOver),
      String(r.cluesDisposed),
      ...resultKinds.map((k) => (resultMeasures[k] === 'money' ? fenToWanYuan(r.totals[k]) : String(r.totals[k]))),
    ]);
    for (const line of formatTable(header, rows, '    ')) writeLine(out, line);
    for (const r of kept.filter((k) => k.byDisposal.length > 0)) {
      writeLine(out, `    ${r.label} 线索处置 / disposals: ${r.byDisposal.map((d) => `${d.name} ${d.count}`).join('，')}`);
    }
    writeLine(out);
  },
};
