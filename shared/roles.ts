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
  'archives.write',
  'documents.print',
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
  'archives.write': ['archivist'],
  'documents.print': ['admin', 'staff', 'auditor'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return permissionTable[permission].includes(role);
}
