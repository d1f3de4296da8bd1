import type { Classification, TableDocument } from '../../../shared/documents';
import type { FourListRows } from '../findings/lists-service';

/** Columns that hold running text get the room; 序号 gets little. */
const WIDE = new Set(['问题描述', '线索摘要', '问题事项', '具体事项', '依据']);
const NARROW = new Set(['序号', '共性问题', '对象类型']);

/**
 * One of the four lists as a landscape table document, from the same rows as the .xlsx export
 * (lists-service.fourListRows). Cells go in as text, printed literally.
 */
export function fourListTable(
  list: FourListRows,
  options: { classification: Classification; classificationPeriod: string; unit: string | null; date: string },
): TableDocument {
  return {
    classification: options.classification,
    classificationPeriod: options.classificationPeriod,
    title: `${list.label}${list.title}`,
    subtitle: options.unit ? `被巡察单位：${options.unit}` : '',
    columns: list.headers.map((header) => ({ header, width: WIDE.has(header) ? (header === '依据' ? 2 : 4) : NARROW.has(header) ? 0.6 : 1.3 })),
    rows: list.rows.map((row) => row.map(String)),
    date: options.date,
  };
}
