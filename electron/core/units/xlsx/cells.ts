import ExcelJS from 'exceljs';
import type { Cell, CellValue } from 'exceljs';

/**
 * One cell as the import sees it. Formulas are never evaluated and their cached results never
 * used: the archivist pastes values. Rich text, hyperlinks and numbers become plain text.
 */
export type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'date'; date: Date; text: string }
  | { kind: 'formula' }
  | { kind: 'error'; code: string };

export function readCell(cell: Cell): CellRead {
  // A merged cell reads as the top-left cell of its range (a 旗县区 merged down several rows
  // applies to each of them); a formula there is reported once, at the top-left cell.
  if (cell.type === ExcelJS.ValueType.Merge && cell.master && cell.master !== cell) {
    const master = readValue(cell.master.value, cell.master.type);
    return master.kind === 'formula' ? { kind: 'empty' } : master;
  }
  return readValue(cell.value, cell.type);
}

function readValue(value: CellValue, type: ExcelJS.ValueType): CellRead {
  if (type === ExcelJS.ValueType.Formula) return { kind: 'formula' };
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return textOrEmpty(value);
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, text: numberText(value) } : { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: 'error', code: '#VALUE!' } : { kind: 'date', date: value, text: isoDate(value) };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
    if ('error' in value) return { kind: 'error', code: String(value.error) };
    if ('richText' in value) return textOrEmpty(richText(value.richText));
    if ('text' in value) {
      const inner = value.text as unknown;
      if (typeof inner === 'string') return textOrEmpty(inner);
      if (inner && typeof inner === 'object' && 'richText' in inner) return textOrEmpty(richText((inner as { richText: unknown }).richText));
    }
  }
  return { kind: 'empty' };
}

function richText(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join('') : '';
}

function textOrEmpty(text: string): CellRead {
  return cleanText(text) === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/** 12345 → '12345', 0.5 → '0.5'; the shortest text that reads back as the same number. */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** Excel dates arrive as UTC midnight of the calendar day. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The cell's content as text, for text columns (a number or date typed into a text column is kept as written). */
export function cellText(read: CellRead): string {
  return read.kind === 'text' || read.kind === 'number' || read.kind === 'date' ? read.text : '';
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Trimmed, with Windows line ends made plain and zero-width characters (from web pages) removed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').trim();
}

/** A name on one line: line breaks (Alt+Enter) dropped, runs of spaces (also 全角) made one. */
export function singleLine(text: string): string {
  return cleanText(text)
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * The form two spellings are compared in (headers, catalogue entries): 全角 letters, digits
 * and punctuation folded to 半角 (NFKC), all spaces removed.
 */
export function matchKey(text: string): string {
  return cleanText(text).normalize('NFKC').replace(/\s+/g, '');
}

/** A cell value quoted back in a message, cut short. */
export function quote(text: string, max = 20): string {
  const chars = Array.from(text);
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : text}”`;
}
