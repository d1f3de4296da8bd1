/** Vocabularies of the results ledger in the UI: kind names with their measure, money typed in yuan. */
import { fenToWanYuan, MAX_AMOUNT_FEN, MAX_COUNT, resultKinds, resultMeasures, type ResultKind } from '../../../../../shared/contract';
import type { Translate } from '../../../i18n';

export const isMoney = (kind: ResultKind) => resultMeasures[kind] === 'money';

/** 党纪处分（人）, 追缴资金（万元）. */
export function kindWithMeasure(t: Translate, kind: ResultKind): string {
  return t('results.kindWithMeasure', { kind: t(`results.kind.${kind}`), measure: t(`results.measure.${resultMeasures[kind]}`) });
}

export const kindOptions = (t: Translate) => resultKinds.map((kind) => ({ value: kind, label: t(`results.kind.${kind}`) }));

export function isKind(value: string | null | undefined): value is ResultKind {
  return typeof value === 'string' && (resultKinds as readonly string[]).includes(value);
}

/** A sum as shown: money in 万元 with two decimals, counts as they are. */
export function figure(kind: ResultKind, quantity: number): string {
  return isMoney(kind) ? fenToWanYuan(quantity) : String(quantity);
}

/**
 * Yuan as typed (12345.6, 1,234.56) → 分, by the digits so that no float creeps in; null when it
 * is not an amount of 0 or more with at most two decimals, up to the core's limit.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_AMOUNT_FEN ? fen : null;
}

/** 分 → yuan as the form shows it: 3600000 → "36000", 12345678 → "123456.78". */
export function fenToYuanText(fen: number): string {
  const cents = fen % 100;
  return cents === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`;
}

export function countOf(text: string): number | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= MAX_COUNT ? n : null;
}
