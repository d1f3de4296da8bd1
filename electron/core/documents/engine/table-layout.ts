/**
 * A table document (the four lists, registers) on landscape A4: the classification mark top
 * left, title and subtitle centred, the header row repeated on every page, long cells wrapped
 * and split across pages, “— n —” on the outer side. pdfmake's own table flow does the work.
 */
import { classificationNames, numberedClassifications, type CopyOptions, type TableDocument } from '../../../../shared/documents';
import { mm, pageNumberGap, smallSize, titleSize } from './grid';
import type { DocDefinition } from './pdfmake-runtime';
import { cleanText } from './shaping';
import { chineseDate } from './numbering';

/** The landscape text area: the portrait one turned, 225 × 156 mm. */
const width = mm(297);
const height = mm(210);
const areaWidth = mm(225);
const areaHeight = mm(156);
const side = (width - areaWidth) / 2;
const top = mm(28);
const bottom = height - top - areaHeight;
const CELL_SIZE = 12;
const CELL_PADDING = 4;

/** The content of one copy: marks, title, subtitle, date and the table. */
function tableContent(doc: TableDocument, copy: CopyOptions, used: Set<string>): unknown[] {
  used.add('fangsong').add('heiti').add('xiaobiaosong').add('songti');
  const marks: string[] = [];
  if (numberedClassifications.includes(doc.classification) && copy.copyNumber) marks.push(copy.copyNumber);
  if (doc.classification !== 'public') {
    const period = numberedClassifications.includes(doc.classification) && doc.classificationPeriod ? `★${doc.classificationPeriod}` : '';
    marks.push(`${classificationNames[doc.classification]}${period}`);
  }
  const total = doc.columns.reduce((sum, column) => sum + column.width, 0);
  // pdfmake adds the padding of both sides and the rule to the widths it is given.
  const widths = doc.columns.map((column) => (areaWidth * column.width) / total - 2 * CELL_PADDING - 1);
  const header = doc.columns.map((column) => ({ text: cleanText(column.header), font: 'heiti', alignment: 'center' }));
  const body = doc.rows.map((row) => doc.columns.map((_, i) => ({ text: cleanText(row[i] ?? '') })));

  const content: unknown[] = [];
  for (const mark of marks) content.push({ text: mark, font: 'heiti', fontSize: 16 });
  content.push({ text: cleanText(doc.title), font: 'xiaobiaosong', fontSize: titleSize, alignment: 'center', margin: [0, marks.length ? 4 : 0, 0, 6] });
  if (doc.subtitle) {
    used.add('kaiti');
    content.push({ text: cleanText(doc.subtitle), font: 'kaiti', fontSize: 16, alignment: 'center', margin: [0, 0, 0, 4] });
  }
  if (doc.date) content.push({ text: chineseDate(doc.date), fontSize: 14, alignment: 'right', margin: [0, 0, 0, 4] });
  content.push({
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [header, ...body] },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  });
  return content;
}

/** “— n —”: odd pages one character in from the right edge of the area, even pages from the left. */
const pageNumber = (page: number): Record<string, unknown> => ({
  text: `— ${page} —`,
  font: 'songti',
  fontSize: smallSize,
  alignment: page % 2 === 1 ? 'right' : 'left',
  margin: [side + smallSize, pageNumberGap - smallSize / 2, side + smallSize, 0],
});

const page = { pageSize: { width, height }, pageMargins: [side, top, side, bottom], defaultStyle: { font: 'fangsong', fontSize: CELL_SIZE, lineHeight: 1.2 } };

export function tableDefinition(doc: TableDocument, copy: CopyOptions, used: Set<string>): DocDefinition {
  return { ...page, content: tableContent(doc, copy, used), footer: pageNumber };
}

/**
 * Every copy in one document, each in a section of its own (its own watermark), page numbers
 * restarting for each copy. All copies paginate alike (only the 份号 differs), so `copyPages`
 * (the pages of one copy, from a first rendering) turns the document's page number into the copy's.
 */
export function tableCopiesDefinition(doc: TableDocument, copies: readonly { copy: CopyOptions; watermark: unknown }[], copyPages: number, used: Set<string>): DocDefinition {
  return {
    ...page,
    content: copies.map(({ copy, watermark }) => ({ section: tableContent(doc, copy, used), watermark })),
    footer: (number: number) => pageNumber(((number - 1) % copyPages) + 1),
  };
}
