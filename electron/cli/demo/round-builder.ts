/**
 * Builds one round the way an office enters it: the round, its groups, each group's targets
 * (inspections.createBatch), then the people drawn into the groups (leader, deputy, members;
 * the core checks 回避 on every one), then the stages it has passed with their procedure steps
 * ticked.
 */
import type { RoundSummary } from '../../../shared/contract';
import { roundStages, type InspectionMode, type RoundStage } from '../../../shared/domain';
import { groupLabel } from '../../../shared/format';
import type { DemoContext } from './types';
import { hasConflict, idOf, type DemoCadre, type DemoUnit, type DemoWorld } from './world';

export interface TargetBatch {
  units: readonly DemoUnit[];
  mode: InspectionMode;
  topic?: string;
  linkage?: boolean;
  note?: string;
}

export interface GroupPlan {
  batches: readonly TargetBatch[];
  /** People in the group, leader and deputy included. */
  size: number;
  /** A member placed on purpose despite a 回避 conflict, with the reason kept and audited. */
  override?: { person: DemoCadre; reason: string };
}

export interface RoundPlan {
  number: number;
  year: number;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  groups: readonly GroupPlan[];
  /** The stages the round entered after 计划, each with the date it began; the last is where it stands. */
  stages: readonly { stage: RoundStage; on: string }[];
  /** Steps already ticked in the stage the round stands in (every earlier stage is complete). */
  ticksInCurrentStage: number;
}

export interface BuiltRound {
  round: RoundSummary;
  members: number;
  inspections: number;
}

/** Planning begins a month before the round's first later stage (or its planned start). */
function planningBegan(plan: RoundPlan): string {
  const first = plan.stages[0]?.on ?? plan.plannedStart;
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 30);
  return date.toISOString().slice(0, 10);
}

export async function buildRound(ctx: DemoContext, world: DemoWorld, plan: RoundPlan): Promise<BuiltRound> {
  const { core } = ctx;
  if (world.termId === null) throw new Error('the demo term has not been made');
  const peopleDrawn = plan.groups.reduce((n, g) => n + g.size, 0);
  const created = await core.call('rounds.create', {
    termId: world.termId,
    number: plan.number,
    year: plan.year,
    title: plan.title,
    plannedStart: plan.plannedStart,
    plannedEnd: plan.plannedEnd,
    actualStart: plan.actualStart,
    actualEnd: plan.actualEnd,
    peopleDrawn,
    planBeganOn: planningBegan(plan),
  });

  let inspections = 0;
  const groupIds: number[] = [];
  for (const [index, group] of plan.groups.entries()) {
    const made = await core.call('groups.create', { roundId: created.id, number: index + 1 });
    groupIds.push(made.id);
    for (const batch of group.batches) {
      const result = await core.call('inspections.createBatch', {
        roundId: created.id,
        unitIds: batch.units.map((u) => u.id),
        groupId: made.id,
        mode: batch.mode,
        topicId: batch.topic ? idOf(world.topics, batch.topic) : null,
        linkage: batch.linkage ?? false,
        startsOn: plan.actualStart,
        endsOn: plan.actualEnd,
        note: batch.note ?? '',
      });
      if (result.skipped.length > 0 || result.created.length !== batch.units.length) {
        throw new Error(`第${plan.number}轮${groupLabel(index + 1)}: ${result.skipped.map((s) => `${s.unitName} ${s.reason}`).join('; ')}`);
      }
      inspections += result.created.length;
    }
  }

  const drawn = drawMembers(world, plan);
  for (const [index, members] of drawn.entries()) {
    const groupId = groupIds[index]!;
    for (const { person, role } of members) {
      await core.call('groups.addMember', { groupId, personId: person.id, role });
    }
    const override = plan.groups[index]!.override;
    if (override) {
      await core.call('groups.addMember', { groupId, personId: override.person.id, role: 'member', overrideReason: override.reason });
    }
  }

  const round = await passStages(ctx, world, created, plan);
  return { round, members: peopleDrawn, inspections };
}

type Drawn = { person: DemoCadre; role: 'leader' | 'deputy' | 'member' }[];

/**
 * Draws each group's people from the pool: nobody twice in a round, nobody with a 回避 conflict
 * against the group's targets. Groups with the fewest eligible people draw first, so that
 * the groups inspecting every 旗县区 (only city cadres may go) are not left short.
 */
function drawMembers(world: DemoWorld, plan: RoundPlan): Drawn[] {
  const used = new Set<number>(plan.groups.flatMap((g) => (g.override ? [g.override.person.id] : [])));
  const targetsOf = (group: GroupPlan) => group.batches.flatMap((b) => b.units.map((unit) => ({ unit, mode: b.mode })));
  const eligible = (group: GroupPlan) => world.people.filter((p) => !used.has(p.id) && !hasConflict(p, targetsOf(group)));
  const order = plan.groups
    .map((group, index) => ({ group, index, slack: eligible(group).length - group.size }))
    .sort((a, b) => a.slack - b.slack || a.index - b.index);

  const result: Drawn[] = plan.groups.map(() => []);
  for (const { group, index } of order) {
    const pool = world.random.shuffle(eligible(group));
    const take = (tiers: readonly DemoCadre['tier'][]): DemoCadre => {
      for (const tier of tiers) {
        const found = pool.find((p) => p.tier === tier && !used.has(p.id));
        if (found) {
          used.add(found.id);
          return found;
        }
      }
      throw new Error(`第${plan.number}轮${groupLabel(index + 1)}: the pool has too few people without a 回避 conflict`);
    };
    const members: Drawn = [
      { person: take(['leader']), role: 'leader' },
      { person: take(['deputy', 'leader']), role: 'deputy' },
    ];
    const count = group.size - 2 - (group.override ? 1 : 0);
    for (let i = 0; i < count; i += 1) members.push({ person: take(['member', 'deputy', 'leader']), role: 'member' });
    result[index] = members;
  }
  return result;
}

/** Ticks every step of each stage passed and moves the round on, as the round page does. */
async function passStages(ctx: DemoContext, world: DemoWorld, round: RoundSummary, plan: RoundPlan): Promise<RoundSummary> {
  const { core } = ctx;
  const stepsOf = (stage: RoundStage) => world.steps.filter((s) => s.stage === stage && !s.retired);
  let current: RoundStage = 'plan';
  let summary = round;
  for (const { stage, on } of plan.stages) {
    if (roundStages.indexOf(stage) !== roundStages.indexOf(current) + 1) throw new Error(`stage ${stage} does not follow ${current}`);
    for (const step of stepsOf(current)) await core.call('rounds.tickStep', { roundId: round.id, stepId: step.id, done: true, note: '' });
    summary = await core.call('rounds.advanceStage', { id: round.id, on });
    current = stage;
  }
  for (const step of stepsOf(current).slice(0, plan.ticksInCurrentStage)) {
    await core.call('rounds.tickStep', { roundId: round.id, stepId: step.id, done: true, note: '' });
  }
  return summary;
}

/** The stages from 动员部署 on, with dates relative to the days on site. */
export function stagesUpTo(last: RoundStage, dates: Partial<Record<RoundStage, string>>): { stage: RoundStage; on: string }[] {
  const out: { stage: RoundStage; on: string }[] = [];
  for (const stage of roundStages.slice(1, roundStages.indexOf(last) + 1)) {
    const on = dates[stage];
    if (!on) throw new Error(`no date for stage ${stage}`);
    out.push({ stage, on });
  }
  return out;
}

/** 'YYYY-MM-DD' plus days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Stage dates of a finished round from its days on site: 动员 a week before, then report, feedback, hand-over, rectification, filing. */
export function stageDates(actualStart: string, actualEnd: string): Record<Exclude<RoundStage, 'plan'>, string> {
  return {
    mobilise: addDays(actualStart, -7),
    onSite: actualStart,
    report: addDays(actualEnd, 1),
    feedback: addDays(actualEnd, 30),
    handover: addDays(actualEnd, 40),
    rectification: addDays(actualEnd, 45),
    filed: addDays(actualEnd, 150),
  };
}
