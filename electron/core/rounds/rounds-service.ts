import type { ChannelInput, ChannelOutput, RoundPage, RoundSummary, Term } from '../../../shared/contract';
import { inspectionModes, roundStages } from '../../../shared/domain';
import { change, localDate, type CoreContext } from '../context';
import { AppError } from '../errors';
import { GroupsStore } from '../groups/groups-store';
import { InspectionsStore } from '../inspections/inspections-store';
import type { Db } from '../vault/database';
import { ProcedureStore } from './procedure-store';
import { nextStage, RoundsStore, TermsStore } from './rounds-store';

const stores = (db: Db) => ({ terms: new TermsStore(db), rounds: new RoundsStore(db), procedure: new ProcedureStore(db) });

// ---- terms ----------------------------------------------------------------------------------

export function listTerms(ctx: CoreContext): Term[] {
  return new TermsStore(ctx.active().vault.db).list();
}

export function createTerm(ctx: CoreContext, input: ChannelInput<'terms.create'>): Term {
  return change(ctx, ({ vault }, record) => {
    const terms = new TermsStore(vault.db);
    const fields = { name: input.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
    assertDateOrder(fields.startsOn, fields.endsOn);
    if (terms.byName(fields.name)) throw new AppError('DUPLICATE', `已有名为“${fields.name}”的届次`);
    const id = terms.insert(fields, ctx.now().toISOString());
    record({ action: 'term.create', target: { type: 'term', id }, detail: fields });
    return terms.byId(id)!;
  });
}

export function updateTerm(ctx: CoreContext, input: ChannelInput<'terms.update'>): Term {
  return change(ctx, ({ vault }, record) => {
    const terms = new TermsStore(vault.db);
    const before = terms.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = { name: input.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
    assertDateOrder(fields.startsOn, fields.endsOn);
    const clash = terms.byName(fields.name);
    if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', `已有名为“${fields.name}”的届次`);
    terms.update(input.id, fields);
    record({ action: 'term.update', target: { type: 'term', id: input.id }, detail: { before, after: fields } });
    return terms.byId(input.id)!;
  });
}

// ---- rounds ---------------------------------------------------------------------------------

export function listRounds(ctx: CoreContext, input: ChannelInput<'rounds.list'>): RoundSummary[] {
  return new RoundsStore(ctx.active().vault.db).list(input);
}

export function createRound(ctx: CoreContext, input: ChannelInput<'rounds.create'>): RoundSummary {
  return change(ctx, ({ vault }, record) => {
    const { terms, rounds } = stores(vault.db);
    const fields = roundFields(input);
    if (!terms.byId(fields.termId)) throw new AppError('INVALID_REFERENCE', '所选届次不存在');
    assertRoundNumberFree(vault.db, fields.termId, fields.number, null);
    const id = rounds.insert(fields, ctx.now().toISOString());
    // A round entered after the fact says when its planning began; a new one begins today.
    rounds.recordStageBegan(id, 'plan', input.planBeganOn ?? localDate(ctx.now()));
    record({ action: 'round.create', target: { type: 'round', id }, detail: { ...fields } });
    return rounds.byId(id)!;
  });
}

export function updateRound(ctx: CoreContext, input: ChannelInput<'rounds.update'>): RoundSummary {
  return change(ctx, ({ vault }, record) => {
    const { terms, rounds } = stores(vault.db);
    const before = rounds.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = roundFields(input);
    if (!terms.byId(fields.termId)) throw new AppError('INVALID_REFERENCE', '所选届次不存在');
    assertRoundNumberFree(vault.db, fields.termId, fields.number, input.id);
    rounds.update(input.id, fields, ctx.now().toISOString());
    record({ action: 'round.update', target: { type: 'round', id: input.id }, detail: { after: { ...fields } } });
    return rounds.byId(input.id)!;
  });
}

/**
 * Moves a round on to its next stage. Unticked steps of the stage being left refuse the move
 * unless the user gives a reason, which is kept on the stage and in the audit log: a round
 * cannot silently skip a step.
 */
export function advanceStage(ctx: CoreContext, input: ChannelInput<'rounds.advanceStage'>): RoundSummary {
  return change(ctx, ({ vault }, record) => {
    const { rounds, procedure } = stores(vault.db);
    const round = rounds.byId(input.id);
    if (!round) throw new AppError('NOT_FOUND');
    const to = nextStage(round.stage);
    if (!to) throw new AppError('ROUND_FINISHED');
    const began = rounds.stageRows(round.id).find((r) => r.stage === round.stage)?.began_on;
    if (began && input.on < began) throw new AppError('INVALID_INPUT', `下一阶段的开始日期不能早于本阶段的开始日期（${began}）`);
    const open = procedure.openSteps(round.id, round.stage);
    const reason = input.skipReason?.trim();
    if (open.length > 0 && !reason) {
      throw new AppError('STEPS_OPEN', undefined, { steps: open.map((s) => s.title) });
    }
    if (open.length > 0 && reason) rounds.recordSkippedSteps(round.id, round.stage, reason, input.on);
    rounds.recordStageBegan(round.id, to, input.on);
    rounds.setStage(round.id, to, ctx.now().toISOString());
    record({
      action: 'round.advanceStage',
      target: { type: 'round', id: round.id },
      detail: { from: round.stage, to, on: input.on, ...(open.length > 0 ? { skippedSteps: open.map((s) => s.title), reason } : {}) },
    });
    return rounds.byId(round.id)!;
  });
}

export function tickStep(ctx: CoreContext, input: ChannelInput<'rounds.tickStep'>): null {
  return change(ctx, ({ vault, user }, record) => {
    const { rounds, procedure } = stores(vault.db);
    if (!rounds.byId(input.roundId)) throw new AppError('NOT_FOUND');
    const step = procedure.byId(input.stepId);
    if (!step) throw new AppError('INVALID_REFERENCE', '工作环节不存在');
    if (input.done) procedure.tick(input.roundId, input.stepId, user.id, ctx.now().toISOString(), input.note ?? '');
    else procedure.untick(input.roundId, input.stepId);
    record({
      action: 'round.tickStep',
      target: { type: 'round', id: input.roundId },
      detail: { step: step.title, stage: step.stage, done: input.done, note: input.note ?? '' },
    });
    return null;
  });
}

export function listProcedure(ctx: CoreContext): ChannelOutput<'procedure.list'> {
  return new ProcedureStore(ctx.active().vault.db).list();
}

export function saveProcedure(ctx: CoreContext, input: ChannelInput<'procedure.save'>): ChannelOutput<'procedure.save'> {
  return change(ctx, ({ vault }, record) => {
    const procedure = new ProcedureStore(vault.db);
    const known = new Set(procedure.list().map((s) => s.id));
    for (const step of input.steps) {
      if (step.id !== null && !known.has(step.id)) throw new AppError('INVALID_REFERENCE', '工作环节不存在');
    }
    procedure.save(input.steps);
    record({ action: 'procedure.save', detail: { steps: input.steps.length } });
    return procedure.list();
  });
}

// ---- the round page -------------------------------------------------------------------------

/** Everything the round page shows, in one read. */
export function roundPage(ctx: CoreContext, id: number): RoundPage {
  const db = ctx.active().vault.db;
  const { rounds, procedure } = stores(db);
  const round = rounds.byId(id);
  if (!round) throw new AppError('NOT_FOUND');
  const groups = new GroupsStore(db).ofRound(id);
  const inspections = new InspectionsStore(db).list({ roundId: id });
  const stageRows = new Map(rounds.stageRows(id).map((r) => [r.stage, r]));
  const ticks = new Map(procedure.ticks(id).map((t) => [t.step_id, t]));
  const steps = procedure.list();

  const stages = roundStages.map((stage) => ({
    stage,
    beganOn: stageRows.get(stage)?.began_on ?? null,
    skippedStepsReason: stageRows.get(stage)?.skipped_steps_reason ?? null,
    steps: steps
      .filter((s) => s.stage === stage && (!s.retired || ticks.has(s.id)))
      .map((s) => {
        const tick = ticks.get(s.id);
        return { stepId: s.id, title: s.title, doneBy: tick?.done_by_name ?? null, doneAt: tick?.done_at ?? null, note: tick?.note ?? '' };
      }),
  }));
  const allSteps = stages.flatMap((s) => s.steps);
  const count = (key: (i: (typeof inspections)[number]) => string) =>
    inspections.reduce<Record<string, number>>((acc, i) => ((acc[key(i)] = (acc[key(i)] ?? 0) + 1), acc), {});
  const byMode = Object.fromEntries(inspectionModes.map((m) => [m, 0]));
  Object.assign(byMode, count((i) => i.mode));

  return {
    round,
    stages,
    groups,
    unassigned: inspections.filter((i) => i.groupId === null),
    counts: {
      groups: groups.length,
      members: groups.reduce((n, g) => n + g.members.length, 0),
      inspections: inspections.length,
      byMode,
      byKind: count((i) => i.unitKind),
      stepsDone: allSteps.filter((s) => s.doneAt !== null).length,
      stepsTotal: allSteps.length,
      conflictsOpen: groups.reduce((n, g) => n + g.members.filter((m) => m.conflicts.length > 0 && !m.overrideReason).length, 0),
    },
  };
}

// ---- helpers --------------------------------------------------------------------------------

function roundFields(input: ChannelInput<'rounds.create'>) {
  const fields = {
    termId: input.termId,
    number: input.number,
    year: input.year,
    title: input.title ?? '',
    plannedStart: input.plannedStart ?? null,
    plannedEnd: input.plannedEnd ?? null,
    actualStart: input.actualStart ?? null,
    actualEnd: input.actualEnd ?? null,
    peopleDrawn: input.peopleDrawn ?? 0,
  };
  assertDateOrder(fields.plannedStart, fields.plannedEnd);
  assertDateOrder(fields.actualStart, fields.actualEnd);
  return fields;
}

function assertDateOrder(from: string | null, to: string | null): void {
  if (from && to && to < from) throw new AppError('INVALID_INPUT', '结束日期不能早于开始日期');
}

function assertRoundNumberFree(db: Db, termId: number, number: number, exceptId: number | null): void {
  const clash = db.prepare('SELECT id FROM rounds WHERE term_id = ? AND number = ?').get(termId, number) as { id: number } | undefined;
  if (clash && clash.id !== exceptId) throw new AppError('DUPLICATE', `本届已有第${number}轮巡察`);
}
