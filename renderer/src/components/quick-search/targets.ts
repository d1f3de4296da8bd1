import type { QuickSearchKind } from '../../../../shared/channels/search';
import type { PageKey } from '../../shell/nav';

/** The page that lists each kind of record (people are the registry's 人才库 tab). */
export const pageOfKind: Record<QuickSearchKind, PageKey> = {
  unit: 'units',
  person: 'units',
  round: 'rounds',
  problem: 'findings',
  archiveItem: 'archives',
};
