import { ModulePlaceholder } from '../ModulePlaceholder';

/** 档案: round dossiers, archive items, search, catalogue and borrowing. (Being built.) */
export function ArchivesModule() {
  return <ModulePlaceholder module="archives" />;
}
