/** Printing a dossier's 归档文件目录 (landscape PDF) and its 归档章 labels. (Being built.) */
export function CatalogueActions(_props: { roundId: number | null; year: number | null }) {
  return null;
}
