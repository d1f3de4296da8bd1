import { retentionNames } from '../../../../shared/contract';
import { classificationNames, classifications, type Classification, type TableDocument } from '../../../../shared/documents';
import { displayTitle } from '../archive-code';
import type { Volume, VolumeItem } from './volume';

/**
 * DA/T 22 归档文件目录 columns (STANDARDS.md). Widths are millimetres of the 225 mm landscape
 * text area: the 档号 (up to 25 characters, D30 and a four-letter 全宗号) and an eight-digit date fit on one line at the engine's
 * 12 pt, the headers of the narrow columns too; the 题名 takes what is left and wraps.
 */
export const catalogueColumns = [
  { header: '序号', width: 13 },
  { header: '档号', width: 66 },
  { header: '文号', width: 22 },
  { header: '责任者', width: 21 },
  { header: '题名', width: 42 },
  { header: '日期', width: 23 },
  { header: '密级', width: 13 },
  { header: '页数', width: 13 },
  { header: '备注', width: 12 },
] as const;

/** What stands in a row the printer may not read (clue material): its place and number stay. */
export const RESTRICTED_TITLE = '（线索材料，限阅）';

const IDEOGRAPHIC_SPACE = '\u3000';

/** DA/T 22 writes dates as eight digits: 20201015. */
const compactDate = (date: string | null) => (date ? date.replaceAll('-', '') : '');

/** The catalogue is as secret as the most secret item it names. */
function highest(items: readonly VolumeItem[], shown: (item: VolumeItem) => boolean): Classification {
  let rank = 0;
  for (const item of items) if (shown(item)) rank = Math.max(rank, classifications.indexOf(item.classification));
  return classifications[rank]!;
}

export function catalogueTable(volume: Volume, items: readonly VolumeItem[], mayReadClueMaterial: boolean): TableDocument {
  const shown = (item: VolumeItem) => !item.clueMaterial || mayReadClueMaterial;
  const fondsCode = items[0]?.fondsCode ?? '';
  return {
    classification: highest(items, shown),
    classificationPeriod: '',
    title: '归档文件目录',
    subtitle: [`全宗号 ${fondsCode}`, `${volume.year}年度`, retentionNames[volume.retention], `机构（问题）${volume.orgCode.toUpperCase()}`].join(IDEOGRAPHIC_SPACE),
    columns: catalogueColumns.map((column) => ({ ...column })),
    rows: items.map((item, i) =>
      shown(item)
        ? [
            String(i + 1),
            item.archiveCode,
            item.docNumber,
            item.responsible,
            displayTitle(item.title, item.titleSupplied),
            compactDate(item.docDate),
            item.classification === 'public' ? '' : classificationNames[item.classification],
            item.pages === null ? '' : String(item.pages),
            item.note,
          ]
        : [String(i + 1), item.archiveCode, '', '', RESTRICTED_TITLE, '', '', item.pages === null ? '' : String(item.pages), ''],
    ),
    date: null,
  };
}
