import { cellText, matchKey, type CellRead } from './cells';

/** One column of an import sheet: its header as the template writes it, and the spellings also accepted. */
export interface ColumnSpec<F extends string = string> {
  field: F;
  header: string;
  aliases: readonly string[];
  /** The column must be present (its cells may still be optional). */
  required: boolean;
}

/** The columns of the unit template and import, in the template's order. */
export const unitColumns = [
  { field: 'name', header: '单位名称', aliases: ['被巡察单位', '被巡察单位名称', '单位全称'], required: true },
  { field: 'kind', header: '单位类别', aliases: ['单位类型', '类别'], required: true },
  { field: 'region', header: '所属旗县区', aliases: ['旗县区', '所属地区', '所属区县', '地区'], required: true },
  { field: 'parent', header: '上级单位', aliases: ['上级单位名称', '上级党组织'], required: false },
  { field: 'partyOrgType', header: '党组织类型', aliases: ['党组织类别', '党组织形式'], required: true },
  { field: 'establishedOn', header: '成立日期', aliases: ['成立时间'], required: false },
  { field: 'note', header: '备注', aliases: ['说明'], required: false },
] as const satisfies readonly ColumnSpec[];
export type UnitField = (typeof unitColumns)[number]['field'];

/** The columns of a 党建考核 list. */
export const assessmentColumns = [
  { field: 'name', header: '单位名称', aliases: ['被考核单位', '单位全称', '党组织名称'], required: true },
  { field: 'region', header: '所属旗县区', aliases: ['旗县区', '所属地区', '所属区县', '地区'], required: false },
  { field: 'result', header: '考核结果', aliases: ['考核等次', '评定等次', '等次', '考核结果等次', '结果'], required: true },
] as const satisfies readonly ColumnSpec[];
export type AssessmentField = (typeof assessmentColumns)[number]['field'];

/** A header as compared: 全角/半角 and spaces ignored, a trailing note such as （必填） or a * marker dropped. */
export function headerKey(text: string): string {
  return matchKey(text)
    .replace(/[*＊]/g, '')
    .replace(/[(（【[][^)）】\]]*[)）】\]]$/, '')
    .replace(/[:：]$/, '');
}

export interface HeaderMatch<F extends string> {
  /** The Excel row number of the header row. */
  row: number;
  columns: Map<F, number>;
  /** Every header cell as written, by column number (for issues in columns the import does not read). */
  written: Map<number, string>;
  missing: ColumnSpec<F>[];
  /** Headers of read columns that appear more than once. */
  repeated: string[];
}

/**
 * Finds the header row among the first rows (a title row above it is common): the row that
 * names the most known columns. Column order does not matter; unknown columns are ignored.
 */
export function matchHeader<F extends string>(
  rows: readonly { number: number; cells: ReadonlyMap<number, CellRead> }[],
  specs: readonly ColumnSpec<F>[],
): HeaderMatch<F> | null {
  let best: HeaderMatch<F> | null = null;
  let bestScore = 0;
  for (const row of rows) {
    const match = matchRow(row, specs);
    if (match.columns.size > bestScore) {
      best = match;
      bestScore = match.columns.size;
    }
  }
  if (best) return best;
  const first = rows[0];
  return first ? matchRow(first, specs) : null;
}

function matchRow<F extends string>(row: { number: number; cells: ReadonlyMap<number, CellRead> }, specs: readonly ColumnSpec<F>[]): HeaderMatch<F> {
  const lookup = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) for (const name of [spec.header, ...spec.aliases]) lookup.set(headerKey(name), spec);
  const columns = new Map<F, number>();
  const written = new Map<number, string>();
  const repeated: string[] = [];
  for (const [column, cell] of [...row.cells].sort(([a], [b]) => a - b)) {
    const text = cellText(cell).trim();
    if (!text) continue;
    written.set(column, text);
    const spec = lookup.get(headerKey(text));
    if (!spec) continue;
    if (columns.has(spec.field)) {
      if (!repeated.includes(spec.header)) repeated.push(spec.header);
    } else {
      columns.set(spec.field, column);
    }
  }
  const missing = specs.filter((spec) => spec.required && !columns.has(spec.field));
  return { row: row.number, columns, written, missing, repeated };
}
