import { quote, type CellRead } from './cells';

export type DateRead = { ok: true; date: string | null } | { ok: false; message: string };

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;
/** Day 0 of Excel's 1900 date system (it counts a 29 Feb 1900 that never was). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A calendar date from a cell: an Excel date, 'YYYY-MM-DD' (also / and . between), 'YYYY年M月D日',
 * '20190110', or a bare Excel serial number whose date format was lost. Empty is null.
 */
export function readDate(cell: CellRead): DateRead {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, date: null };
    case 'date':
      return calendarDate(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1, cell.date.getUTCDate(), cell.text);
    case 'number':
      return numberDate(cell.value, cell.text);
    case 'text':
      return textDate(cell.text);
    default:
      return { ok: false, message: '日期无法识别' };
  }
}

function numberDate(value: number, text: string): DateRead {
  if (Number.isInteger(value) && value >= EARLIEST_YEAR && value <= LATEST_YEAR) {
    return { ok: false, message: `只填了年份 ${text}，请填写完整日期，如 ${value}-01-01` };
  }
  if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
    return calendarDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100, text);
  }
  if (value >= 1 && value < 73051) {
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS);
    return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), text);
  }
  return unrecognised(text);
}

const PATTERNS = [
  /^(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

function textDate(raw: string): DateRead {
  // 全角 digits and punctuation folded (２０１９－０１－１０), spaces made single.
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), raw);
  }
  if (/^\d{4}$/.test(text)) return { ok: false, message: `只填了年份 ${text}，请填写完整日期，如 ${text}-01-01` };
  return unrecognised(raw);
}

function calendarDate(year: number, month: number, day: number, text: string): DateRead {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `日期 ${quote(text)} 不存在` };
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, message: `日期 ${quote(text)} 超出 ${EARLIEST_YEAR}—${LATEST_YEAR} 年的范围` };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

function unrecognised(text: string): DateRead {
  return { ok: false, message: `日期 ${quote(text)} 无法识别，请填写为 YYYY-MM-DD 或 YYYY年M月D日` };
}
