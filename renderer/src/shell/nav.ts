import {
  IconArchive,
  IconBuildingCommunity,
  IconChecklist,
  IconFileText,
  IconFlag,
  IconHistory,
  IconHome,
  IconListSearch,
  IconSettings,
  IconTarget,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { roleMay, type Permission, type Role } from '../../../shared/roles';
import type { MessageKey } from '../i18n';

export type PageKey =
  | 'home'
  | 'rounds'
  | 'units'
  | 'coverage'
  | 'findings'
  | 'rectification'
  | 'pairing'
  | 'documents'
  | 'archives'
  | 'audit'
  | 'settings';

export type ModuleKey = Exclude<PageKey, 'home' | 'audit' | 'settings' | 'coverage' | 'pairing'>;

export interface NavItem {
  key: PageKey;
  label: MessageKey;
  icon: Icon;
  /** The permission the page needs; null: every signed-in user. */
  permission: Permission | null;
}

export const navItems: readonly NavItem[] = [
  { key: 'home', label: 'nav.home', icon: IconHome, permission: null },
  { key: 'rounds', label: 'nav.rounds', icon: IconFlag, permission: 'records.read' },
  { key: 'units', label: 'nav.units', icon: IconBuildingCommunity, permission: 'records.read' },
  { key: 'coverage', label: 'nav.coverage', icon: IconTarget, permission: 'records.read' },
  { key: 'findings', label: 'nav.findings', icon: IconListSearch, permission: 'records.read' },
  { key: 'rectification', label: 'nav.rectification', icon: IconChecklist, permission: 'records.read' },
  { key: 'pairing', label: 'nav.pairing', icon: IconUsersGroup, permission: 'records.read' },
  { key: 'documents', label: 'nav.documents', icon: IconFileText, permission: 'records.read' },
  { key: 'archives', label: 'nav.archives', icon: IconArchive, permission: 'records.read' },
  { key: 'audit', label: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
  { key: 'settings', label: 'nav.settings', icon: IconSettings, permission: null },
];

export function visibleNavItems(role: Role): NavItem[] {
  return navItems.filter((item) => item.permission === null || roleMay(role, item.permission));
}
