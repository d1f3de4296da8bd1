import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, signedInApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('回头看 candidates and the rectification ledger', () => {
  it('ranks units with overdue, then open, rectification items before older inspections, with the reason', async () => {
    const env = await signedInApp({ now: manualClock(new Date('2020-11-02T02:00:00Z')).now });
    cleanups.push(env.remove);
    const { app } = env;
    const { term, units } = await buildRegistry(app);
    const r6 = await app.call('rounds.create', { termId: term.id, number: 6, year: 2019, actualEnd: '2019-05-31' });
    const r7 = await app.call('rounds.create', { termId: term.id, number: 7, year: 2019, actualEnd: '2019-11-30' });
    const oldest = await app.call('inspections.create', { roundId: r6.id, unitId: units.audit.id, mode: 'routine' });
    const open = await app.call('inspections.create', { roundId: r7.id, unitId: units.finance.id, mode: 'routine' });
    const overdue = await app.call('inspections.create', { roundId: r7.id, unitId: units.township.id, mode: 'routine' });
    const problem = (inspectionId: number, description: string) => app.call('problems.create', { inspectionId, focus: 'corruption', description, source: 'documents' });
    await problem(open.id, '公务接待超标准');
    await problem(overdue.id, '集体资金白条入账');
    await problem(overdue.id, '村务公开不及时');
    await app.call('rectification.createItems', { inspectionId: open.id, deadline: '2021-01-31' });
    await app.call('rectification.createItems', { inspectionId: overdue.id, deadline: '2020-06-30' });

    const candidates = await app.call('coverage.lookbackCandidates', { termId: term.id });
    expect(candidates.map((c) => [c.unitName, c.reason, c.openRectificationItems, c.overdueRectificationItems])).toEqual([
      ['金河镇', 'overdueRectification', 2, 2],
      ['市财政局', 'openRectification', 1, 0],
      ['市审计局', 'notFollowedUp', 0, 0],
    ]);
    expect(candidates[2]!.inspectionId).toBe(oldest.id);
  });
});
