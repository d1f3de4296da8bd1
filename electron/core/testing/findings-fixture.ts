/** A round with two inspections and accounts for each role, for findings tests. */
import type { TestApp } from './harness';
import { buildRegistry } from './registry-fixture';

export const PASSWORD = 'Role2020ab';

export async function buildFindings(app: TestApp) {
  const registry = await buildRegistry(app);
  const round = await app.call('rounds.create', { termId: registry.term.id, number: 8, year: 2020 });
  const group = await app.call('groups.create', { roundId: round.id });
  const auditInspection = await app.call('inspections.create', { roundId: round.id, unitId: registry.units.audit.id, groupId: group.id, mode: 'routine' });
  const townInspection = await app.call('inspections.create', { roundId: round.id, unitId: registry.units.township.id, groupId: group.id, mode: 'routine' });
  for (const role of ['staff', 'clueOfficer', 'auditor'] as const) {
    await app.call('accounts.create', { username: role, displayName: `${role}用户`, role, password: PASSWORD });
  }
  return { ...registry, round, group, auditInspection, townInspection };
}

/** Signs in as a role (first sign-in: must change password, which we leave for the tests). */
export async function signInAs(app: TestApp, role: 'staff' | 'clueOfficer' | 'auditor') {
  await app.call('session.signOut', {});
  return app.call('session.signIn', { username: role, password: PASSWORD });
}
