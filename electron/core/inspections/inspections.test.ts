import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const registry = await buildRegistry(env.app);
  const seventh = await env.app.call('rounds.create', { termId: registry.term.id, number: 7, year: 2019, actualEnd: '2019-11-30' });
  const eighth = await env.app.call('rounds.create', { termId: registry.term.id, number: 8, year: 2020 });
  return { ...env, ...registry, seventh, eighth };
}

describe('inspections', () => {
  it('needs a topic for 专项 and an earlier inspection of the same unit for 回头看', async () => {
    const { app, seventh, eighth, units, topic } = await setUp();
    expect((await app.fail('inspections.create', { roundId: eighth.id, unitId: units.audit.id, mode: 'special' })).code).toBe('TOPIC_REQUIRED');
    const special = await app.call('inspections.create', {
      roundId: eighth.id,
      unitId: units.audit.id,
      mode: 'special',
      topicId: topic('煤炭矿产资源领域'),
      linkage: true,
    });
    expect(special).toMatchObject({ mode: 'special', topicName: '煤炭矿产资源领域', linkage: true, roundLabel: '十二届市委第八轮巡察' });

    expect((await app.fail('inspections.create', { roundId: eighth.id, unitId: units.finance.id, mode: 'lookback' })).code).toBe('LOOKBACK_TARGET_REQUIRED');
    const earlier = await app.call('inspections.create', { roundId: seventh.id, unitId: units.finance.id, mode: 'routine' });
    const targets = await app.call('inspections.lookbackTargets', { roundId: eighth.id, unitId: units.finance.id });
    expect(targets.map((t) => t.id)).toEqual([earlier.id]);
    // Another unit's inspection is not a valid target.
    expect(
      (await app.fail('inspections.create', { roundId: eighth.id, unitId: units.township.id, mode: 'lookback', followsInspectionId: earlier.id })).code,
    ).toBe('LOOKBACK_TARGET_REQUIRED');
    const lookback = await app.call('inspections.create', { roundId: eighth.id, unitId: units.finance.id, mode: 'lookback', followsInspectionId: earlier.id });
    expect(lookback).toMatchObject({ followsInspectionId: earlier.id, followsLabel: '十二届市委第七轮巡察' });
    expect((await app.fail('inspections.delete', { id: earlier.id })).code).toBe('IN_USE');
    expect((await app.fail('inspections.create', { roundId: eighth.id, unitId: units.audit.id, mode: 'routine' })).code).toBe('ALREADY_IN_ROUND');
  });

  it('creates a batch for all 派出所 of one county in one step, skipping those already in the round', async () => {
    const { app, eighth, kind, region, units } = await setUp();
    const group = await app.call('groups.create', { roundId: eighth.id });
    await app.call('inspections.create', { roundId: eighth.id, unitId: units.policeA.id, mode: 'elevated_cross' });
    const saihanPolice = await app.call('units.list', { kindId: kind('派出所'), regionId: region('赛罕区'), page: 1, pageSize: 100 });
    expect(saihanPolice.total).toBe(2);
    const batch = await app.call('inspections.createBatch', {
      roundId: eighth.id,
      unitIds: saihanPolice.items.map((u) => u.id),
      groupId: group.id,
      mode: 'elevated_cross',
    });
    expect(batch.created.map((i) => i.unitName)).toEqual(['赛罕区公安分局昭乌达路派出所']);
    expect(batch.skipped).toEqual([{ unitId: units.policeA.id, unitName: units.policeA.name, reason: '已列入本轮巡察' }]);
    expect(batch.created[0]).toMatchObject({ groupNumber: 1, mode: 'elevated_cross', regionName: '赛罕区' });
  });

  it('a batch with one refused unit writes nothing', async () => {
    const { app, eighth, units } = await setUp();
    await app.call('units.setStatus', { id: units.policeC.id, status: 'abolished', on: '2020-01-01' });
    const error = await app.fail('inspections.createBatch', {
      roundId: eighth.id,
      unitIds: [units.policeA.id, units.policeB.id, units.policeC.id],
      mode: 'elevated_cross',
    });
    expect(error.code).toBe('INVALID_REFERENCE');
    expect(error.message).toContain('可可以力更派出所');
    expect(await app.call('inspections.list', { roundId: eighth.id })).toEqual([]);
  });

  it('a 回头看 batch follows each unit’s latest earlier inspection', async () => {
    const { app, seventh, eighth, units } = await setUp();
    const first = await app.call('inspections.create', { roundId: seventh.id, unitId: units.audit.id, mode: 'routine' });
    const second = await app.call('inspections.create', { roundId: seventh.id, unitId: units.finance.id, mode: 'routine' });
    const batch = await app.call('inspections.createBatch', { roundId: eighth.id, unitIds: [units.audit.id, units.finance.id], mode: 'lookback' });
    expect(batch.created.map((i) => i.followsInspectionId).sort()).toEqual([first.id, second.id].sort());
  });

  it('an inspection with problems recorded against it cannot be deleted, and stays whole', async () => {
    const { app, eighth, units } = await setUp();
    const inspection = await app.call('inspections.create', { roundId: eighth.id, unitId: units.audit.id, mode: 'routine' });
    await app.call('problems.create', { inspectionId: inspection.id, focus: 'corruption', description: '违规发放津贴补贴', source: 'interview' });
    expect((await app.fail('inspections.delete', { id: inspection.id })).code).toBe('IN_USE');
    const listed = await app.call('problems.list', { roundId: eighth.id });
    expect(listed.items.map((p) => p.inspectionId)).toEqual([inspection.id]);
  });
});
