/**
 * The findings of 第八轮 and 第九轮, entered as the office enters them, through the channels and
 * signed in as the role that does each thing:
 *   - the administrator saves the office's own 是否 checklists (new versions of the three the
 *     findings migration seeds as samples);
 *   - an inspection staff member (张慧) attaches them to the inspections, answers them item by
 *     item and enters the problems one by one (problems.create), each 否 linked to the problems
 *     it stands for, then marks the recurring ones as 共性 in one batch (problems.bulkUpdate);
 *     and lists the 追责问责 and 点人点事 items.
 * 第八轮 gets exactly the report's 1,496 problems (the clues are in clues.ts); 第九轮, at 移交,
 * fewer. Descriptions are generated from findings-data.ts with a seeded generator.
 */
import type { ChannelInput, Inspection, Problem } from '../../../shared/contract';
import type { Focus, ProblemSource } from '../../../shared/domain';
import { roundLabel } from '../../../shared/format';
import { DEMO_ADMIN, DEMO_PEOPLE } from './data';
import { TERM } from './earlier-rounds';
import {
  CHECKLISTS,
  evidenceFor,
  fictionalName,
  FOLLOW_UPS,
  forCommunity,
  PROBLEM_TEMPLATES,
  type ChecklistData,
  type Fill,
  type FindingContext,
  type ProblemTemplate,
} from './findings-data';
import { DEMO_SEED, seededRandom, type DemoRandom } from './random';
import { BUSINESS_TOPIC, COAL_TOPIC, KIND } from './registry-data';
import type { DemoContext, DemoStep } from './types';
import { idOf, worldOf } from './world';

/** The report: 2020 first half, 1,496 problems and 82 clues. */
export const ROUND_8_PROBLEMS = 1496;
export const ROUND_8_CLUES = 82;
/** 第九轮 stands at 移交: its findings are in, fewer than the first half's. */
export const ROUND_9_PROBLEMS = 860;
export const ROUND_9_CLUES = 30;
/** Share of problems marked 共性 (recurring across units). */
const COMMON_SHARE = 0.1;

export const FOCUS_LABELS: Record<Focus, string> = {
  corruption: '群众身边腐败问题和不正之风',
  grassroots: '基层党组织软弱涣散、组织力欠缺',
  rectification: '巡视巡察整改不落实、不到位',
};

// ---- signing in as the role that does the work --------------------------------------------------

/** Signs in as the demo account of a role (they all have the demo password). */
export async function signInAs(ctx: DemoContext, role: 'admin' | 'staff' | 'clueOfficer'): Promise<void> {
  const person = role === 'admin' ? DEMO_ADMIN : DEMO_PEOPLE.find((p) => p.role === role);
  if (!person) throw new Error(`the demo has no ${role} account`);
  await ctx.core.call('session.signIn', { username: person.username, password: ctx.password });
}

// ---- what each inspection can have found ---------------------------------------------------------

/** How many findings and clues an inspection of a kind yields, and of which focus. */
interface Profile {
  context: FindingContext;
  /** Contexts whose templates it draws on, with weights: a special inspection mostly its topic. */
  contexts: readonly (readonly [FindingContext, number])[];
  focus: readonly [number, number, number];
  problems: readonly [number, number];
  clues: number;
}

const profile = (context: FindingContext, focus: Profile['focus'], problems: Profile['problems'], clues: number, also: FindingContext[] = []): Profile => ({
  context,
  contexts: [[context, 2], ...also.map((c) => [c, 1] as const)],
  focus,
  problems,
  clues,
});

const PROFILES = {
  dept: profile('dept', [0.42, 0.38, 0.2], [34, 46], 2.5),
  coal: profile('coal', [0.62, 0.13, 0.25], [26, 36], 2, ['dept']),
  business: profile('business', [0.6, 0.15, 0.25], [20, 30], 1, ['dept']),
  soe: profile('soe', [0.3, 0.2, 0.5], [6, 12], 0.5),
  civil: profile('civil', [0.35, 0.15, 0.5], [4, 9], 0.2),
  town: profile('town', [0.45, 0.38, 0.17], [16, 24], 1.5),
  village: profile('village', [0.48, 0.42, 0.1], [4, 9], 0.6),
  pinpoint: profile('village', [0.55, 0.35, 0.1], [6, 12], 1.5),
  keyVillage: profile('village', [0.5, 0.4, 0.1], [8, 14], 0.8),
  police: profile('police', [0.45, 0.4, 0.15], [1, 4], 0.08),
  land: profile('land', [0.55, 0.25, 0.2], [2, 5], 0.12),
  court: profile('court', [0.45, 0.3, 0.25], [6, 12], 0.6),
  routine9: profile('dept', [0.42, 0.38, 0.2], [28, 40], 2),
} satisfies Record<string, Profile>;

export function profileOf(inspection: Inspection, round: number): Profile {
  if (inspection.mode === 'special' && inspection.topicName === COAL_TOPIC) return PROFILES.coal;
  if (inspection.mode === 'special' && inspection.topicName === BUSINESS_TOPIC) return PROFILES.business;
  if (inspection.unitKind === KIND.soe) return PROFILES.soe;
  if (inspection.mode === 'lookback') return PROFILES.civil;
  if (inspection.unitKind === KIND.township) return PROFILES.town;
  if (inspection.unitKind === KIND.village) {
    if (inspection.mode === 'pinpoint') return PROFILES.pinpoint;
    return inspection.mode === 'routine' ? PROFILES.keyVillage : PROFILES.village;
  }
  if (inspection.unitKind === KIND.police) return PROFILES.police;
  if (inspection.unitKind === KIND.land) return PROFILES.land;
  if (inspection.unitKind === KIND.court) return PROFILES.court;
  return round === 9 ? PROFILES.routine9 : PROFILES.dept;
}

/** Splits `total` over weights, as whole numbers that add up exactly (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); left > 0; k += 1, left -= 1) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

export function fillOf(random: DemoRandom): Fill {
  const n = (min: number, max: number) => random.int(min, max);
  return {
    random,
    n,
    year: () => n(2017, 2019),
    amount: (min, max) => {
      const wan = min * (max / min) ** random.next();
      return wan < 1 ? `${Math.round(wan * 100) * 100}元` : `${wan.toFixed(1)}万元`;
    },
    person: () => fictionalName(random),
  };
}

function weightedIndex(random: DemoRandom, weights: readonly number[]): number {
  let roll = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i += 1) {
    roll -= weights[i]!;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

const FOCUS_ORDER: readonly Focus[] = ['corruption', 'grassroots', 'rectification'];

/** One template for an inspection of this profile: the focus first, then a context that has templates for it. */
function drawTemplate(random: DemoRandom, p: Profile): ProblemTemplate {
  const focus = FOCUS_ORDER[weightedIndex(random, p.focus)]!;
  const usable = p.contexts.filter(([context]) => PROBLEM_TEMPLATES.some((t) => t.focus === focus && t.contexts.includes(context)));
  const [context] = usable[weightedIndex(random, usable.map(([, w]) => w))]!;
  const candidates = PROBLEM_TEMPLATES.filter((t) => t.focus === focus && t.contexts.includes(context));
  // 回头看 is about the follow-up of 2019: its own theme comes up more often.
  return candidates[weightedIndex(random, candidates.map((t) => (t.key === 'lookback' ? 4 : 1)))]!;
}

export interface PlannedProblem {
  template: ProblemTemplate;
  input: Omit<ChannelInput<'problems.create'>, 'checklistItemIds'>;
}

/** `count` problems for one inspection, no two with the same description. */
export function planProblems(random: DemoRandom, inspection: Inspection, round: number, count: number, categories: Map<string, number>): PlannedProblem[] {
  const p = profileOf(inspection, round);
  const fill = fillOf(random);
  const seen = new Set<string>();
  const planned: PlannedProblem[] = [];
  while (planned.length < count) {
    let template: ProblemTemplate;
    let description: string;
    let tries = 0;
    do {
      template = drawTemplate(random, p);
      description = template.text(fill);
      if (random.chance(0.35)) description += `，${random.pick(FOLLOW_UPS)}`;
      description += '。';
      if (inspection.unitName.endsWith('社区')) description = forCommunity(description);
    } while (seen.has(description) && ++tries < 8);
    seen.add(description);
    const source: ProblemSource = random.pick(template.sources);
    planned.push({
      template,
      input: {
        inspectionId: inspection.id,
        focus: template.focus,
        categoryId: template.category ? (categories.get(`${template.focus}:${template.category}`) ?? null) : null,
        description,
        evidence: evidenceFor(source, template, fill, inspection.unitName),
        source,
        isCommon: false,
      },
    });
  }
  return planned;
}

// ---- what the steps pass on ----------------------------------------------------------------------

export interface CreatedProblem {
  id: number;
  inspection: Inspection;
  template: ProblemTemplate;
  description: string;
}

export interface RoundFindings {
  number: number;
  roundId: number;
  label: string;
  inspections: Inspection[];
  problems: CreatedProblem[];
}

interface FindingsState {
  /** Template name → the office's version (ids of its items, and the themes they stand for). */
  checklists: Map<string, { templateId: number; items: { id: number; keys: readonly string[]; notFor: readonly FindingContext[] }[] }>;
  rounds: RoundFindings[];
}

const states = new WeakMap<DemoContext, FindingsState>();

export function findingsOf(ctx: DemoContext): FindingsState {
  let state = states.get(ctx);
  if (!state) {
    state = { checklists: new Map(), rounds: [] };
    states.set(ctx, state);
  }
  return state;
}

/** The round's inspections, read back through rounds.get as the round page shows them. */
export async function roundInspections(ctx: DemoContext, number: number): Promise<{ roundId: number; inspections: Inspection[] }> {
  const world = worldOf(ctx);
  if (world.termId === null) throw new Error('the demo term has not been made');
  const round = (await ctx.core.call('rounds.list', { termId: world.termId })).find((r) => r.number === number);
  if (!round) throw new Error(`the demo has no round ${number}`);
  const page = await ctx.core.call('rounds.get', { id: round.id });
  return { roundId: round.id, inspections: [...page.groups.flatMap((g) => g.inspections), ...page.unassigned].sort((a, b) => a.id - b.id) };
}

// ---- step: the office's checklists -----------------------------------------------------------------

export const checklistsStep: DemoStep = {
  id: 'checklists',
  title: { zh: '本机构“是否”清单（常规、煤炭矿产资源领域专项、优化营商环境专项）', en: 'The office’s own 是否 checklists (routine, coal and minerals, business environment)' },
  async run(ctx) {
    const world = worldOf(ctx);
    const state = findingsOf(ctx);
    const templates = await ctx.core.call('checklists.templates', {});
    for (const data of CHECKLISTS) {
      const seeded = templates.find((t) => t.name === data.name);
      if (!seeded) throw new Error(`the findings migration has no template “${data.name}”`);
      const saved = await ctx.core.call('checklists.saveTemplate', {
        id: seeded.id,
        name: data.name,
        mode: data.mode,
        topicId: data.topic ? idOf(world.topics, data.topic) : null,
        items: data.items.map((item) => ({ section: item.section, focus: item.focus, text: item.text, isSample: false })),
      });
      state.checklists.set(data.name, {
        templateId: saved.id,
        items: saved.items.map((item, i) => ({ id: item.id, keys: data.items[i]!.keys, notFor: data.items[i]!.notFor ?? [] })),
      });
    }
    ctx.summary.push({
      zh: `“是否”清单：${CHECKLISTS.map((c) => `${c.name}（${c.items.length} 项）`).join('、')}`,
      en: `是否 checklists: ${CHECKLISTS.map((c) => `${c.name} (${c.items.length} items)`).join(', ')}`,
    });
  },
};

// ---- step: problems --------------------------------------------------------------------------------

/** Which checklist an inspection of a round answers, if any. */
function checklistFor(round: number, inspection: Inspection): ChecklistData | null {
  const byName = (name: string) => CHECKLISTS.find((c) => c.name === name)!;
  if (inspection.mode === 'special' && inspection.topicName === COAL_TOPIC) return byName('煤炭矿产资源领域专项巡察“是否”清单');
  if (inspection.mode === 'special' && inspection.topicName === BUSINESS_TOPIC) return byName('优化营商环境专项巡察内容清单');
  if (inspection.mode === 'routine' && inspection.unitKind === KIND.cityDept) return byName('常规巡察“是否”清单');
  if (round === 8 && inspection.unitKind === KIND.township) return byName('常规巡察“是否”清单');
  return null;
}

async function enterRound(ctx: DemoContext, number: number, total: number, random: DemoRandom, categories: Map<string, number>): Promise<RoundFindings> {
  const { core } = ctx;
  const state = findingsOf(ctx);
  const { roundId, inspections } = await roundInspections(ctx, number);
  const counts = apportion(inspections.map((i) => {
    const [min, max] = profileOf(i, number).problems;
    return min + random.next() * (max - min);
  }), total);
  const findings: RoundFindings = { number, roundId, label: roundLabel(TERM.name, number), inspections, problems: [] };

  for (const [index, inspection] of inspections.entries()) {
    const planned = planProblems(random, inspection, number, counts[index]!, categories);
    // The checklist first: each item answered, a 否 wherever a problem of its theme was found.
    const links = new Map<PlannedProblem, number[]>();
    const checklist = checklistFor(number, inspection);
    if (checklist) {
      const office = state.checklists.get(checklist.name);
      if (!office) throw new Error(`the checklist step has not saved “${checklist.name}”`);
      await core.call('checklists.attach', { inspectionId: inspection.id, templateId: office.templateId });
      const context = profileOf(inspection, number).context;
      for (const item of office.items) {
        const found = planned.filter((p) => item.keys.includes(p.template.key));
        for (const p of found) links.set(p, [...(links.get(p) ?? []), item.id]);
        const first = found[0]?.input.description;
        const answer = found.length > 0 ? 'no' : item.notFor.includes(context) ? 'na' : 'yes';
        const note =
          answer === 'no'
            ? `发现问题 ${found.length} 个：${first!.length > 40 ? `${first!.slice(0, 40)}…` : first!}`
            : answer === 'na'
              ? '本单位无此项业务'
              : random.chance(0.3)
                ? '经查阅资料、个别谈话，未发现问题'
                : '';
        await core.call('checklists.answer', { inspectionId: inspection.id, itemId: item.id, answer, note });
      }
    }
    for (const p of planned) {
      const made: Problem = await core.call('problems.create', { ...p.input, checklistItemIds: links.get(p) ?? [] });
      findings.problems.push({ id: made.id, inspection, template: p.template, description: made.description });
    }
  }

  // 共性问题: after the round the office marks the recurring ones, in one batch.
  const common = random
    .shuffle(findings.problems.filter((p) => p.template.common))
    .slice(0, Math.round(total * COMMON_SHARE))
    .map((p) => p.id)
    .sort((a, b) => a - b);
  for (let i = 0; i < common.length; i += 1000) {
    await core.call('problems.bulkUpdate', { ids: common.slice(i, i + 1000), changes: { isCommon: true } });
  }
  return findings;
}

export const problemsStep: DemoStep = {
  id: 'problems',
  title: { zh: '第八轮、第九轮发现的问题（“是否”清单作答、问题清单、共性问题；巡察干部录入）', en: 'Problems found in rounds 8 and 9 (checklists answered, problems, 共性; entered by inspection staff)' },
  async run(ctx) {
    await signInAs(ctx, 'staff');
    const random = seededRandom(DEMO_SEED + 1496);
    const categories = new Map((await ctx.core.call('problems.categories', {})).map((c) => [`${c.focus}:${c.name}`, c.id]));
    const state = findingsOf(ctx);
    for (const [number, total] of [[8, ROUND_8_PROBLEMS], [9, ROUND_9_PROBLEMS]] as const) {
      const findings = await enterRound(ctx, number, total, random, categories);
      state.rounds.push(findings);
      const byFocus = FOCUS_ORDER.map((f) => findings.problems.filter((p) => p.template.focus === f).length);
      const answered = findings.inspections.filter((i) => checklistFor(number, i)).length;
      ctx.summary.push({
        zh: `${findings.label}发现问题 ${findings.problems.length} 个（${FOCUS_ORDER.map((f, i) => `${FOCUS_LABELS[f]} ${byFocus[i]}`).join('，')}；共性问题 ${Math.round(total * COMMON_SHARE)} 个），${answered} 个巡察任务作答“是否”清单`,
        en: `Round ${number}: ${findings.problems.length} problems (corruption ${byFocus[0]}, grassroots ${byFocus[1]}, rectification ${byFocus[2]}; ${Math.round(total * COMMON_SHARE)} common), checklists answered for ${answered} inspections`,
      });
    }
  },
};

// ---- step: 追责问责 and 点人点事 ---------------------------------------------------------------------

const RESPONSIBILITY = ['主要领导责任', '重要领导责任', '直接责任'] as const;
const HANDLING: Record<'discipline' | 'organisation', readonly string[]> = {
  discipline: ['建议由市纪委监委依规依纪依法处理', '建议给予党内警告处分', '建议责令作出书面检查', '建议进行诫勉谈话'],
  organisation: ['建议进行提醒谈话', '建议进行诫勉谈话', '建议组织处理，调整工作岗位'],
};
const PERSON_POSITIONS: Partial<Record<FindingContext, readonly string[]>> = {
  dept: ['副局长', '办公室主任', '财务科科长', '人事科科长'],
  coal: ['副局长', '矿管科科长'],
  business: ['副局长', '审批科科长'],
  soe: ['副总经理', '财务部部长', '党委副书记'],
  civil: ['副主任'],
  town: ['副镇长', '党委副书记', '财政所所长'],
  village: ['党支部书记', '村委会主任', '村会计'],
  police: ['所长', '副所长'],
  land: ['所长'],
  court: ['执行局局长', '副庭长'],
};

/** The problem's finding, without the follow-up clause, for a matter line. */
const findingOf = (description: string) => description.replace(/。$/, '').split('，')[0]!;

async function enterLists(ctx: DemoContext, findings: RoundFindings, counts: { accountability: number; personMatters: number }, random: DemoRandom, receivers: Map<string, number>) {
  const discipline = receivers.get('市纪委监委')!;
  const organisation = receivers.get('市委组织部')!;
  const positionFor = (problem: CreatedProblem) => {
    const position = random.pick(PERSON_POSITIONS[profileOf(problem.inspection, findings.number).context] ?? ['负责人']);
    return problem.inspection.unitName.endsWith('社区') ? forCommunity(position) : position;
  };

  const serious = random.shuffle(findings.problems.filter((p) => ['allowance', 'reception', 'tender', 'funds', 'assets', 'soeAssets', 'coalRights', 'lastRound', 'lookback'].includes(p.template.key)));
  for (const [k, problem] of serious.slice(0, counts.accountability).entries()) {
    const unitSubject = k % 4 === 3;
    const unit = problem.inspection.unitName;
    const toDiscipline = problem.template.focus !== 'rectification' || random.chance(0.5);
    await ctx.core.call('accountability.create', {
      roundId: findings.roundId,
      problemId: problem.id,
      receiverId: toDiscipline ? discipline : organisation,
      subjectKind: unitSubject ? 'unit' : 'person',
      subjectName: unitSubject ? `${unit}党组织` : `${fictionalName(random)}（${unit}${positionFor(problem)}）`,
      matter: unitSubject
        ? `落实全面从严治党主体责任不力：${findingOf(problem.description)}`
        : `对“${findingOf(problem.description)}”问题负有${random.pick(RESPONSIBILITY)}`,
      proposedHandling: unitSubject ? '建议责令作出书面检查，并在全市范围内通报' : random.pick(HANDLING[toDiscipline ? 'discipline' : 'organisation']),
    });
  }

  const people = random.shuffle(findings.problems.filter((p) => ['cadres', 'cadreTeam', 'villageParty', 'responsibility'].includes(p.template.key)));
  for (const problem of people.slice(0, counts.personMatters)) {
    const matter =
      problem.template.key === 'cadres'
        ? `提拔任用程序存疑（${findingOf(problem.description)}），建议组织部门核查其任职资格并作出处理`
        : problem.template.key === 'responsibility'
          ? `履行管党治党责任不力（${findingOf(problem.description)}），建议组织部门进行提醒谈话`
          : `履职不力、群众反映较大（${findingOf(problem.description)}），建议组织部门研究调整`;
    await ctx.core.call('personMatters.create', {
      roundId: findings.roundId,
      problemId: problem.id,
      receiverId: organisation,
      personName: fictionalName(random),
      unit: problem.inspection.unitName,
      position: positionFor(problem),
      matter,
    });
  }
}

export const listsStep: DemoStep = {
  id: 'lists',
  title: { zh: '追责问责和点人点事事项（巡察干部录入），最后以系统管理员身份登录', en: 'Accountability and person-matter items (inspection staff); then back to the administrator' },
  async run(ctx) {
    await signInAs(ctx, 'staff');
    const random = seededRandom(DEMO_SEED + 2020);
    const { receivers } = await ctx.core.call('handover.lists', {});
    const byName = new Map(receivers.map((r) => [r.name, r.id]));
    const state = findingsOf(ctx);
    const plan = { 8: { accountability: 14, personMatters: 9 }, 9: { accountability: 5, personMatters: 4 } } as const;
    for (const findings of state.rounds) {
      await enterLists(ctx, findings, plan[findings.number as 8 | 9], random, byName);
      const accountability = (await ctx.core.call('accountability.list', { roundId: findings.roundId })).length;
      const personMatters = (await ctx.core.call('personMatters.list', { roundId: findings.roundId })).length;
      ctx.summary.push({
        zh: `${findings.label}追责问责 ${accountability} 项、点人点事 ${personMatters} 项`,
        en: `Round ${findings.number}: ${accountability} accountability items, ${personMatters} person-matter items`,
      });
    }
    await signInAs(ctx, 'admin');
  },
};
