/**
 * Messages of filing into a round's dossier beyond the first archives round: a file copy saved
 * as an audited export, corrections filed with their file, the unit an item concerns, and the
 * rectification ledgers offered for filing. Chinese first, English complete (a missing English
 * key is a type error); messages.ts joins them.
 */
const zh = {
  'audit.action.archive.saveFileCopy': '另存档案文件副本',
  'archives.item.saveCopyDone': '已另存 {name} 的副本',
  'archives.item.saveCopyCancelled': '未另存副本',
  'archives.item.correctFromDisk': '同时从磁盘选择更正后的文件（更正件登记后即封存，不能再添加文件）',
  'archives.field.unit': '被巡察单位',
  'archives.col.unit': '单位',
  'archives.offered.rectificationLedger': '整改台账',
};

const en: Record<keyof typeof zh, string> = {
  'audit.action.archive.saveFileCopy': 'Saved a copy of an archive file',
  'archives.item.saveCopyDone': 'A copy of {name} was saved',
  'archives.item.saveCopyCancelled': 'No copy was saved',
  'archives.item.correctFromDisk': 'Also choose the corrected file from disk (a correction is sealed once filed and takes no further files)',
  'archives.field.unit': 'Inspected unit',
  'archives.col.unit': 'Unit',
  'archives.offered.rectificationLedger': 'Rectification ledger',
};

export const archivesFilingMessages = { zh, en };
