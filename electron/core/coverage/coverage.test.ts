import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  return { ...env, ...(await buildRegistry(env.app)) };
}

describe('full coverage per term', () => {
  it('counts covered units by kind and region, leaves 回头看 out, and handles new and abolished units', async () => {
    const { app, term, units, kind, region, topic } = await setUp();
    const r7 = await app.call('rounds.create', { termId: term.id, number: 7, year: 2019, actualEnd: '2019-11-30' });
    const r8 = await app.call('rounds.create', { termId: term.id, number: 8, year: 2020 });
    const first = await app.call('inspections.create', { roundId: r7.id, unitId: units.audit.id, mode: 'routine' });
    await app.call('inspections.create', { roundId: r8.id, unitId: units.audit.id, mode: 'lookback', followsInspectionId: first.id });
    await app.call('inspections.create', { roundId: r8.id, unitId: units.policeA.id, mode: 'elevated_cross' });
    await app.call('inspections.create', { roundId: r8.id, unitId: units.township.id, mode: 'special', topicId: topic('优化营商环境') });

    // policeC was abolished during the term without being inspected: it drops out.
    await app.call('units.setStatus', { id: units.policeC.id, status: 'abolished', on: '2019-06-01' });
    // A unit set up mid-term joins the count; one set up after the term does not.
    await app.call('units.create', { name: '市医疗保障局', kindId: kind('市直部门'), regionId: null, partyOrgType: '党组', establishedOn: '2019-01-10' });
    await app.call('units.create', { name: '市数据局', kindId: kind('市直部门'), regionId: null, partyOrgType: '党组', establishedOn: '2023-05-01' });

    const result = await app.call('coverage.get', { termId: term.id });
    // 7 registry units − policeC + 医疗保障局 = 7 due; covered: 审计局, 派出所A, 金河镇.
    expect(result).toMatchObject({ total: 7, covered: 3, newUnits: 1, retiredUncovered: 1 });
    const byKind = Object.fromEntries(result.byKind.map((k) => [k.label, [k.covered, k.total]]));
    expect(byKind['市直部门']).toEqual([1, 3]);
    expect(byKind['派出所']).toEqual([1, 2]);
    const byRegion = Object.fromEntries(result.byRegion.map((r) => [r.label, [r.covered, r.total]]));
    expect(byRegion['市本级']).toEqual([1, 3]);
    expect(byRegion['赛罕区']).toEqual([2, 4]);
    expect(result.byMode.find((m) => m.mode === 'lookback')).toEqual({ mode: 'lookback', inspections: 1, units: 1 });

    const matrix = await app.call('coverage.matrix', { termId: term.id, page: 1, pageSize: 50 });
    expect(matrix.rounds.map((r) => r.number)).toEqual([7, 8]);
    expect(matrix.total).toBe(7);
    expect(matrix.rows.find((r) => r.unitName === '市审计局')!.cells).toEqual(['routine', 'lookback']);
    const uncovered = await app.call('coverage.matrix', { termId: term.id, coverage: 'uncovered', regionId: region('赛罕区'), page: 1, pageSize: 50 });
    expect(uncovered.rows.map((r) => r.unitName).sort()).toEqual(['赛罕区公安分局昭乌达路派出所', '金河村'].sort());
  });

  it('proposes 回头看 candidates: inspected earlier in the term and not yet followed up, oldest first', async () => {
    const { app, term, units } = await setUp();
    const r6 = await app.call('rounds.create', { termId: term.id, number: 6, year: 2019, actualEnd: '2019-05-31' });
    const r7 = await app.call('rounds.create', { termId: term.id, number: 7, year: 2019, actualEnd: '2019-11-30' });
    const r8 = await app.call('rounds.create', { termId: term.id, number: 8, year: 2020 });
    await app.call('inspections.create', { roundId: r7.id, unitId: units.finance.id, mode: 'routine' });
    const auditInspection = await app.call('inspections.create', { roundId: r6.id, unitId: units.audit.id, mode: 'routine' });
    const township = await app.call('inspections.create', { roundId: r6.id, unitId: units.township.id, mode: 'routine' });
    await app.call('inspections.create', { roundId: r8.id, unitId: units.township.id, mode: 'lookback', followsInspectionId: township.id });
    const candidates = await app.call('coverage.lookbackCandidates', { termId: term.id });
    expect(candidates.map((c) => c.unitName)).toEqual(['市审计局', '市财政局']);
    expect(candidates[0]).toMatchObject({ inspectionId: auditInspection.id, endedOn: '2019-05-31' });
    expect(candidates[0]!.ageDays).toBeGreaterThan(candidates[1]!.ageDays!);
  });

  it('the dashboard sums a year', async () => {
    const { app, term, units } = await setUp();
    const r8 = await app.call('rounds.create', { termId: term.id, number: 8, year: 2020, peopleDrawn: 120 });
    const r9 = await app.call('rounds.create', { termId: term.id, number: 9, year: 2020, peopleDrawn: 214 });
    await app.call('groups.create', { roundId: r8.id });
    await app.call('groups.create', { roundId: r9.id });
    await app.call('inspections.create', { roundId: r9.id, unitId: units.policeA.id, mode: 'elevated_cross' });
    const dashboard = await app.call('dashboard.get', { year: 2020 });
    expect(dashboard).toMatchObject({ year: 2020, rounds: 2, groups: 2, peopleDrawn: 334, inspections: 1 });
    expect(dashboard.byRegion).toEqual([{ label: '赛罕区', count: 1 }]);
    expect(dashboard.coverage?.termName).toBe('十二届市委');
  });
});
