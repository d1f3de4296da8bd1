/**
 * The file types clue material (and rectification evidence) is stored as, by extension: the
 * renderer checks a chosen file against them before reading it and the core before storing it,
 * from one list so the two never disagree. A file's own type can be empty, hence the extension.
 */
export const clueFileTypes: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain',
};
