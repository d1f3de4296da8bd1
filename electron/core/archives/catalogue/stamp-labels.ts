/**
 * 归档章 labels to stick on paper originals (DA/T 22): a grid of stamps on portrait A4, each
 * stamp 45 × 16 mm in 2 rows × 3 boxes — 全宗号, 年度, 件号 above; 机构（问题）, 保管期限, 页数
 * below — each box with its small caption and its value. Drawn as pdfmake tables (the boxes)
 * placed absolutely, through the engine's pdfmake runtime and font cache.
 */
import { retentionNames, type Retention } from '../../../../shared/contract';
import { findFonts, type FontSearch } from '../../documents/engine/fonts';
import { mm } from '../../documents/engine/grid';
import { renderPdf, type DocDefinition, type FontFile } from '../../documents/engine/pdfmake-runtime';

export interface StampValues {
  fondsCode: string;
  year: number;
  itemNumber: number;
  orgCode: string;
  retention: Retention;
  pages: number | null;
}

export const STAMP = { width: mm(45), height: mm(16), columns: 3, rows: 11 } as const;
const CELL_WIDTH = STAMP.width / 3;
const CELL_HEIGHT = STAMP.height / 2;
const GAP_X = mm(12);
const GAP_Y = mm(8);
const PAGE = { width: mm(210), height: mm(297) };
const LEFT = (PAGE.width - STAMP.columns * STAMP.width - (STAMP.columns - 1) * GAP_X) / 2;
const TOP = (PAGE.height - STAMP.rows * STAMP.height - (STAMP.rows - 1) * GAP_Y) / 2;
export const STAMPS_PER_PAGE = STAMP.columns * STAMP.rows;
const RULE = 0.75;
const CAPTION_SIZE = 5;
const VALUE_SIZE = 9;

/** The six boxes in reading order: caption and value. */
export function stampBoxes(values: StampValues): [string, string][] {
  return [
    ['全宗号', values.fondsCode],
    ['年度', String(values.year)],
    ['件号', String(values.itemNumber).padStart(4, '0')],
    ['机构（问题）', values.orgCode],
    ['保管期限', retentionNames[values.retention]],
    ['页数', values.pages === null ? '' : String(values.pages)],
  ];
}

/** A value shrinks to fit its box (定期30年 is the longest common one). */
const fitSize = (value: string) => Math.min(VALUE_SIZE, (CELL_WIDTH - 4) / Math.max(1, [...value].length));

function cell([caption, value]: [string, string]): unknown {
  const size = fitSize(value);
  return {
    stack: [
      { text: caption, fontSize: CAPTION_SIZE, lineHeight: 1, alignment: 'center' },
      { text: value || ' ', fontSize: size, lineHeight: 1, alignment: 'center', margin: [0, (CELL_HEIGHT - CAPTION_SIZE - size - 4) / 2, 0, 0] },
    ],
  };
}

function stamp(values: StampValues, x: number, y: number): unknown {
  const boxes = stampBoxes(values).map(cell);
  return {
    absolutePosition: { x, y },
    table: {
      // pdfmake adds the padding and the rule to the widths and heights it is given.
      widths: Array.from({ length: 3 }, () => CELL_WIDTH - 2 - RULE),
      heights: Array.from({ length: 2 }, () => CELL_HEIGHT - 2 - RULE),
      body: [boxes.slice(0, 3), boxes.slice(3)],
    },
    layout: {
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
      paddingLeft: () => 1,
      paddingRight: () => 1,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  };
}

export function stampSheetDefinition(stamps: readonly StampValues[]): DocDefinition {
  const content: unknown[] = [];
  stamps.forEach((values, i) => {
    const slot = i % STAMPS_PER_PAGE;
    if (slot === 0 && i > 0) content.push({ text: '', pageBreak: 'before' });
    const x = LEFT + (slot % STAMP.columns) * (STAMP.width + GAP_X);
    const y = TOP + Math.floor(slot / STAMP.columns) * (STAMP.height + GAP_Y);
    content.push(stamp(values, x, y));
  });
  return {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageMargins: [LEFT, TOP, LEFT, TOP],
    defaultStyle: { font: 'songti' },
    content,
    info: { title: '归档章', creator: '巡察工作台 Xuncha Desk' },
  };
}

/** Fonts are looked up once per font folder, as the engine does (engine-holder.ts). */
const fontSets = new Map<string, FontFile>();

function labelFont(search: FontSearch): FontFile {
  const key = JSON.stringify(search);
  let font = fontSets.get(key);
  if (!font) {
    const source = findFonts(search).songti;
    font = { file: source.file, ...(source.postscriptName ? { postscriptName: source.postscriptName } : {}) };
    fontSets.set(key, font);
  }
  return font;
}

export async function renderStampSheet(stamps: readonly StampValues[], search: FontSearch): Promise<{ pdf: Buffer; pages: number }> {
  if (stamps.length === 0) throw new Error('no stamps to print');
  return renderPdf(stampSheetDefinition(stamps), { songti: labelFont(search) });
}
