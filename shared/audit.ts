/**
 * Audit action names, one per kind of event. Stored in the hash-chained audit log, so a name,
 * once used, is never renamed.
 */
export const auditActions = [
  'vault.create',
  'vault.migrate',
  'session.signIn',
  'session.signInFailed',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.recover',
  'session.passwordChange',
  'account.create',
  'account.update',
  'account.disable',
  'account.enable',
  'account.passwordReset',
  'settings.update',
  'audit.verify',
  'permission.denied',
] as const;

export type AuditAction = (typeof auditActions)[number];
