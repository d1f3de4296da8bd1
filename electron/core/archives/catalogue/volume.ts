import type { Retention } from '../../../../shared/contract';
import type { Classification } from '../../../../shared/documents';
import type { Db } from '../../vault/database';

/** A volume (卷) as DA/T 22 binds it: the items of one year, retention and organisation code. */
export interface Volume {
  year: number;
  retention: Retention;
  orgCode: string;
}

export interface VolumeItem {
  id: number;
  fondsCode: string;
  archiveCode: string;
  itemNumber: number;
  docNumber: string;
  responsible: string;
  title: string;
  titleSupplied: boolean;
  docDate: string | null;
  classification: Classification;
  pages: number | null;
  note: string;
  clueMaterial: boolean;
}

/** Every item of the volume in 件号 order (the catalogue's and the labels' order). */
export function volumeItems(db: Db, volume: Volume, itemNumbers?: readonly number[]): VolumeItem[] {
  const rows = db
    .prepare(
      `SELECT id, fonds_code, archive_code, item_number, doc_number, responsible, title, title_supplied, doc_date, classification, pages, note, clue_material
       FROM archive_items WHERE year = ? AND retention = ? AND org_code = ?
       ${itemNumbers ? 'AND item_number IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY item_number`,
    )
    .all(volume.year, volume.retention, volume.orgCode.toUpperCase(), ...(itemNumbers ? [JSON.stringify(itemNumbers)] : [])) as {
    id: number;
    fonds_code: string;
    archive_code: string;
    item_number: number;
    doc_number: string;
    responsible: string;
    title: string;
    title_supplied: number;
    doc_date: string | null;
    classification: Classification;
    pages: number | null;
    note: string;
    clue_material: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    fondsCode: row.fonds_code,
    archiveCode: row.archive_code,
    itemNumber: row.item_number,
    docNumber: row.doc_number,
    responsible: row.responsible,
    title: row.title,
    titleSupplied: row.title_supplied === 1,
    docDate: row.doc_date,
    classification: row.classification,
    pages: row.pages,
    note: row.note,
    clueMaterial: row.clue_material === 1,
  }));
}

const RETENTION_ORDER = "CASE retention WHEN 'Y' THEN 0 WHEN 'D30' THEN 1 ELSE 2 END";

/** The volumes of a year, or those holding items of a round, with their item counts. */
export function listVolumes(db: Db, filter: { year?: number | undefined; roundId?: number | undefined }): (Volume & { items: number })[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.year !== undefined) {
    where.push('year = ?');
    params.push(filter.year);
  }
  if (filter.roundId !== undefined) {
    where.push('(year, retention, org_code) IN (SELECT year, retention, org_code FROM archive_items WHERE round_id = ?)');
    params.push(filter.roundId);
  }
  return db
    .prepare(
      `SELECT year, retention, org_code AS orgCode, count(*) AS items FROM archive_items
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY year, retention, org_code ORDER BY year DESC, ${RETENTION_ORDER}, org_code`,
    )
    .all(...params) as (Volume & { items: number })[];
}
