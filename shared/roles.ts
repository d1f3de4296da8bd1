/**
 * Roles and the permission table. The table lives here so the renderer can hide what a role
 * cannot do, but the decision that counts is made in the core (electron/core/permissions),
 * which consults this same table on every service call.
 */
export const roles = ['admin', 'staff', 'clueOfficer', 'archivist', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'accounts.manage',
  'audit.read',
  'settings.manage',
  'records.read',
  'records.write',
  'clues.read',
  'clues.write',
  'archives.read',
  'archives.readClassified',
  'archives.write',
  'archives.approve',
  'documents.read',
  'documents.write',
  'documents.print',
  'documents.printClassified',
  'rectification.read',
  'rectification.write',
  'rectification.review',
  'vault.backup',
  'vault.restore',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Role[] = roles;

export const permissionTable: Record<Permission, readonly Role[]> = {
  'accounts.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'settings.manage': ['admin'],
  'records.read': everyone,
  'records.write': ['admin', 'staff', 'clueOfficer', 'archivist'],
  // Administrators only where the office allows it (setting adminsMayReadClues, checked in the core).
  'clues.read': ['clueOfficer', 'admin'],
  'clues.write': ['clueOfficer'],
  // Archive items: everyone reads the unclassified ones; 秘密 and 机密 items for the archivist,
  // the administrator, the leaders and the clue officer; clue material only for those who may
  // read clues (checked in the core). The clue officer files the clue material himself.
  'archives.read': everyone,
  'archives.readClassified': ['archivist', 'admin', 'auditor', 'clueOfficer'],
  'archives.write': ['archivist', 'admin', 'clueOfficer'],
  // Approving requests to view or borrow archive items (借阅): the archivist, the administrator
  // and the leaders (auditor accounts), never for their own request (checked in the core).
  'archives.approve': ['archivist', 'admin', 'auditor'],
  'documents.read': everyone,
  // Drafting, saving versions, finalising and recording the feedback meeting.
  'documents.write': ['admin', 'staff'],
  // Printing or exporting a PDF; clue officers print the clue list they alone may read.
  'documents.print': ['admin', 'staff', 'clueOfficer', 'auditor'],
  // Numbered copies of 秘密 and 机密 documents: the office's leaders (auditor accounts), the
  // administrator (综合室) and the clue officer, not every inspector. Checked in the core on top
  // of documents.print, since one channel prints every classification.
  'documents.printClassified': ['admin', 'clueOfficer', 'auditor'],
  'rectification.read': everyone,
  // Inspection staff keep the ledger for the unit; the office's leaders (auditor accounts) and
  // the administrator review and close items (销号).
  'rectification.write': ['admin', 'staff'],
  'rectification.review': ['admin', 'auditor'],
  // Backups open only with an administrator password or the recovery key, so the archivist may
  // make and check them (to a removable disk) without being able to read them.
  'vault.backup': ['admin', 'archivist'],
  // Restoring replaces the whole vault: administrators only.
  'vault.restore': ['admin'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return permissionTable[permission].includes(role);
}
