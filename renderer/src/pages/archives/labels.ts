import { archiveKinds, retentions, type ArchiveItemSummary } from '../../../../shared/contract';
import { classifications } from '../../../../shared/documents';
import { roleMay, type Role } from '../../../../shared/roles';
import type { Translate } from '../../i18n';

export const kindOptions = (t: Translate) => archiveKinds.map((kind) => ({ value: kind, label: t(`archives.kind.${kind}`) }));
export const retentionOptions = (t: Translate) => retentions.map((value) => ({ value, label: t(`archives.retention.${value}`) }));
export const classificationOptions = (t: Translate) => classifications.map((value) => ({ value, label: t(`documents.classification.${value}`) }));

export interface ArchiveRights {
  write: boolean;
}

export function rightsOf(role: Role): ArchiveRights {
  return { write: roleMay(role, 'archives.write') };
}

/** The fields an archivist may change, as the edit form and the channels take them. */
export type EditableItem = Pick<ArchiveItemSummary, 'title' | 'titleSupplied' | 'responsible' | 'docNumber' | 'docDate' | 'pages' | 'classification' | 'note' | 'roundId' | 'kind' | 'clueMaterial' | 'unitId'>;

export function editableOf(item: EditableItem): EditableItem {
  const { title, titleSupplied, responsible, docNumber, docDate, pages, classification, note, roundId, kind, clueMaterial, unitId } = item;
  return { title, titleSupplied, responsible, docNumber, docDate, pages, classification, note, roundId, kind, clueMaterial, unitId };
}

/** The unit of an item or offer as the unit picker shows it. */
export const unitRefOf = (item: { unitId: number | null; unitName: string | null }) => (item.unitId !== null ? { id: item.unitId, name: item.unitName ?? '' } : null);
