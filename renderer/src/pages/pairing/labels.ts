/** Vocabularies of the pairing module (四包联): colours, pickers and what a role may do. */
import type { PairingCheckStatus, PairingOverview } from '../../../../shared/contract';
import { roleMay, type Role } from '../../../../shared/roles';

export const statusColors: Record<PairingCheckStatus, string> = { notStarted: 'gray', inProgress: 'blue', closed: 'teal' };

/** What the signed-in role may do here; the core decides again on every call. */
export interface PairingRights {
  write: boolean;
  print: boolean;
}

export function rightsOf(role: Role): PairingRights {
  return { write: roleMay(role, 'records.write'), print: roleMay(role, 'documents.print') };
}

/** The years offered: from the first year of the records in the report (2018) to next year. */
export function yearOptions(current: number): { value: string; label: string }[] {
  const years: number[] = [];
  for (let year = current + 1; year >= Math.min(2018, current); year -= 1) years.push(year);
  return years.map((year) => ({ value: String(year), label: `${year}` }));
}

export const countyOptions = (overview: PairingOverview | null) =>
  (overview?.counties ?? []).map((county) => ({ value: String(county.regionId), label: county.name }));

export const leaderOptions = (overview: PairingOverview | null) =>
  (overview?.leaders ?? []).map((leader) => ({ value: String(leader.id), label: leader.position ? `${leader.name}（${leader.position}）` : leader.name }));
