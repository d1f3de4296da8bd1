import type { Retention } from '../../../shared/channels/archives';

/**
 * The 档号 by DA/T 22: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, e.g.
 * 0123-WS·2020-Y-XCB-0001 (STANDARDS.md). The 件号 is four digits, longer when a year runs past 9999.
 */
export function composeArchiveCode(parts: { fondsCode: string; year: number; retention: Retention; orgCode: string; itemNumber: number }): string {
  return `${parts.fondsCode}-WS·${parts.year}-${parts.retention}-${parts.orgCode}-${String(parts.itemNumber).padStart(4, '0')}`;
}

/** The title as the catalogue shows it: in [ ] when the archivist wrote it (DA/T 22). */
export function displayTitle(title: string, supplied: boolean): string {
  return supplied ? `[${title}]` : title;
}
