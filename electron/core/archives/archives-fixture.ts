/** Accounts of every role and helpers for archives tests (only imported by *.test.ts files). */
import type { ArchiveJob, ChannelInput } from '../../../shared/contract';
import type { TestApp } from '../testing/harness';

export const PASSWORD = 'Role2020ab';
export const ROLES = ['archivist', 'staff', 'clueOfficer', 'auditor'] as const;

export async function createRoleAccounts(app: TestApp): Promise<void> {
  for (const role of ROLES) await app.call('accounts.create', { username: role, displayName: `${role}用户`, role, password: PASSWORD });
}

export async function signInAs(app: TestApp, role: (typeof ROLES)[number]) {
  await app.call('session.signOut', {});
  return app.call('session.signIn', { username: role, password: PASSWORD });
}

export function itemInput(overrides: Partial<ChannelInput<'archives.create'>> = {}): ChannelInput<'archives.create'> {
  return {
    year: 2020,
    retention: 'D30',
    orgCode: 'XCB',
    title: '市委第三巡察组关于巡察某某局党组的反馈意见',
    responsible: '市委第三巡察组',
    docNumber: '市巡办〔2020〕8号',
    docDate: '2020-10-15',
    pages: 6,
    classification: 'internal',
    note: '',
    ...overrides,
  };
}

/** Polls archives.job until the job has ended. */
export async function waitForJob(app: TestApp): Promise<ArchiveJob> {
  for (;;) {
    const job = await app.call('archives.job', {});
    if (!job) throw new Error('no archive job');
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
