import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp } from '../testing/harness';
import { buildRegistry } from '../testing/registry-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function setUp() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const registry = await buildRegistry(env.app);
  return { ...env, ...registry };
}

describe('rounds', () => {
  it('creates a numbered round in a term with its dates and days on site', async () => {
    const { app, term } = await setUp();
    const round = await app.call('rounds.create', {
      termId: term.id,
      number: 8,
      year: 2020,
      actualStart: '2020-08-03',
      actualEnd: '2020-09-26',
      peopleDrawn: 214,
    });
    expect(round).toMatchObject({ label: '十二届市委第八轮巡察', stage: 'plan', daysOnSite: 55, peopleDrawn: 214 });
    expect((await app.fail('rounds.create', { termId: term.id, number: 8, year: 2020 })).code).toBe('DUPLICATE');
    expect((await app.fail('rounds.create', { termId: term.id, number: 9, year: 2020, actualStart: '2020-09-01', actualEnd: '2020-08-01' })).code).toBe(
      'INVALID_INPUT',
    );
    const page = await app.call('rounds.get', { id: round.id });
    expect(page.stages[0]).toMatchObject({ stage: 'plan' });
    expect(page.stages[0]!.beganOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.counts.stepsTotal).toBeGreaterThan(20);
  });

  it('cannot silently skip a procedure step: open steps refuse the next stage unless a reason is given', async () => {
    const { app, term } = await setUp();
    const round = await app.call('rounds.create', { termId: term.id, number: 1, year: 2020, planBeganOn: '2020-02-20' });
    const page = await app.call('rounds.get', { id: round.id });
    expect(page.stages[0]!.beganOn).toBe('2020-02-20');
    const planSteps = page.stages.find((s) => s.stage === 'plan')!.steps;

    const refused = await app.fail('rounds.advanceStage', { id: round.id, on: '2020-03-01' });
    expect(refused.code).toBe('STEPS_OPEN');
    expect(refused.details?.steps).toEqual(planSteps.map((s) => s.title));

    for (const step of planSteps) await app.call('rounds.tickStep', { roundId: round.id, stepId: step.stepId, done: true, note: '' });
    const mobilising = await app.call('rounds.advanceStage', { id: round.id, on: '2020-03-10' });
    expect(mobilising.stage).toBe('mobilise');

    expect((await app.fail('rounds.advanceStage', { id: round.id, on: '2020-03-01', skipReason: '日期倒退' })).code).toBe('INVALID_INPUT');
    const skipped = await app.call('rounds.advanceStage', { id: round.id, on: '2020-03-20', skipReason: '动员会与进驻会合并召开' });
    expect(skipped.stage).toBe('onSite');
    const after = await app.call('rounds.get', { id: round.id });
    expect(after.stages.find((s) => s.stage === 'mobilise')).toMatchObject({ beganOn: '2020-03-10', skippedStepsReason: '动员会与进驻会合并召开' });
    expect(after.stages.find((s) => s.stage === 'onSite')!.beganOn).toBe('2020-03-20');
    expect(after.stages.find((s) => s.stage === 'plan')!.steps.every((s) => s.doneBy === '王建国')).toBe(true);

    const log = await app.call('audit.list', { page: 1, pageSize: 10, action: 'round.advanceStage' });
    expect(log.items[0]!.detail).toMatchObject({ from: 'mobilise', to: 'onSite', reason: '动员会与进驻会合并召开' });
  });

  it('retired steps no longer hold a round back; the template is edited in one save', async () => {
    const { app, term } = await setUp();
    const steps = await app.call('procedure.list', {});
    const edited: { id: number | null; stage: (typeof steps)[number]['stage']; title: string; retired: boolean }[] = steps.map((s) => ({ id: s.id, stage: s.stage, title: s.title, retired: s.stage === 'plan' }));
    edited.push({ id: null, stage: 'plan', title: '召开书记专题会研究巡察计划', retired: false });
    const saved = await app.call('procedure.save', { steps: edited });
    expect(saved.filter((s) => s.stage === 'plan' && !s.retired).map((s) => s.title)).toEqual(['召开书记专题会研究巡察计划']);
    const round = await app.call('rounds.create', { termId: term.id, number: 2, year: 2020, planBeganOn: '2020-03-01' });
    expect((await app.fail('rounds.advanceStage', { id: round.id, on: '2020-04-01' })).details?.steps).toEqual(['召开书记专题会研究巡察计划']);
  });
});
