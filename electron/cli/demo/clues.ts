/**
 * The clues (问题线索) of 第八轮 (the report's 82) and 第九轮, entered by the demo's clue officer
 * (李强), the only role that may: registered with the persons reflected on (all 王某某, 李某 …),
 * a few with a generated PDF (clues.attachFile), most handed over in batches to 市纪委监委 or
 * 市委组织部 with an answer deadline (clues.handOver), most of those with the disposal that came
 * back (clues.recordDisposal); a handful still open past the deadline (overdue), a few not yet
 * handed over. 立案审查 clues also go on the 追责问责 list, linked to the clue.
 */
import type { Inspection } from '../../../shared/contract';
import { addDays } from './round-builder';
import {
  CLUE_SOURCES,
  CLUE_TEMPLATES,
  DISPOSAL_NOTES,
  fictionalName,
  forCommunity,
  LEADING_POSITIONS,
  POSITIONS,
  type ClueReceiver,
  type ClueTemplate,
  type FindingContext,
} from './findings-data';
import { apportion, findingsOf, profileOf, ROUND_8_CLUES, ROUND_9_CLUES, signInAs, type RoundFindings } from './findings';
import { demoPdf } from './pdf';
import { DEMO_SEED, seededRandom, type DemoRandom } from './random';
import type { DemoContext, DemoStep } from './types';

const RECEIVER_NAMES: Record<ClueReceiver, string> = { discipline: '市纪委监委', organisation: '市委组织部' };

interface Batch {
  receiver: ClueReceiver;
  handedOn: string;
  answerDueOn: string;
  receivingPerson: string;
  /** When the answers came back. */
  answers: readonly [string, string];
  /** Discipline clues registered last go in a later batch, after more checking. */
  late?: number;
  /** Handed over and never answered: past the deadline (overdue). */
  open: number;
}

interface CluePlan {
  number: 8 | 9;
  total: number;
  /** Clues about no one inspection (letters that came after the groups left). */
  roundLevel: number;
  received: readonly [string, string];
  /** The last ones registered, still being checked: not handed over yet. */
  registeredOnly: number;
  files: number;
  batches: readonly Batch[];
}

const PLANS: readonly CluePlan[] = [
  {
    number: 8,
    total: ROUND_8_CLUES,
    roundLevel: 2,
    received: ['2020-04-10', '2020-06-05'],
    registeredOnly: 4,
    files: 5,
    batches: [
      { receiver: 'discipline', handedOn: '2020-07-10', answerDueOn: '2020-10-10', receivingPerson: '案件监督管理室 赵某某', answers: ['2020-08-03', '2020-10-09'], open: 3 },
      { receiver: 'organisation', handedOn: '2020-07-10', answerDueOn: '2020-09-10', receivingPerson: '干部监督科 孙某', answers: ['2020-07-24', '2020-09-08'], open: 0 },
      { receiver: 'discipline', handedOn: '2020-08-14', answerDueOn: '2020-11-13', receivingPerson: '案件监督管理室 赵某某', answers: ['2020-09-07', '2020-11-12'], late: 6, open: 2 },
    ],
  },
  {
    number: 9,
    total: ROUND_9_CLUES,
    roundLevel: 0,
    received: ['2020-08-05', '2020-09-30'],
    registeredOnly: 4,
    files: 1,
    batches: [
      { receiver: 'discipline', handedOn: '2020-11-09', answerDueOn: '2021-02-09', receivingPerson: '案件监督管理室 赵某某', answers: ['2020-11-23', '2021-02-05'], open: 3 },
      { receiver: 'organisation', handedOn: '2020-11-09', answerDueOn: '2021-01-08', receivingPerson: '干部监督科 孙某', answers: ['2020-11-20', '2021-01-06'], open: 0 },
    ],
  },
];

/** How the receiving bodies dispose of what they get. */
const DISPOSALS: Record<ClueReceiver, readonly (readonly [string, number])[]> = {
  discipline: [['初步核实', 0.35], ['谈话函询', 0.28], ['予以了结', 0.15], ['暂存待查', 0.1], ['立案审查', 0.12]],
  organisation: [['谈话函询', 0.6], ['予以了结', 0.25], ['初步核实', 0.15]],
};

const FILE_TITLES: Record<string, string> = { 信访举报: '举报信（扫描件）', 查阅资料: '相关凭证复印件', 巡察谈话: '谈话笔录摘要' };

function dateBetween(random: DemoRandom, from: string, to: string): string {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, random.int(0, days));
}

function weighted<T>(random: DemoRandom, items: readonly (readonly [T, number])[]): T {
  let roll = random.next() * items.reduce((n, [, w]) => n + w, 0);
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

interface PlannedClue {
  inspection: Inspection;
  linked: boolean;
  template: ClueTemplate;
  persons: { name: string; unit: string; position: string; rank: string }[];
  summary: string;
  source: string;
  receivedOn: string;
}

function planClue(random: DemoRandom, round: number, inspection: Inspection, linked: boolean, plan: CluePlan): PlannedClue {
  const profile = profileOf(inspection, round);
  const usable = profile.contexts.filter(([c]) => CLUE_TEMPLATES.some((t) => t.contexts.includes(c)));
  const context: FindingContext = weighted(random, usable);
  const template = random.pick(CLUE_TEMPLATES.filter((t) => t.contexts.includes(context)));
  const unit = inspection.unitName;
  const community = unit.endsWith('社区');
  const positions = random.shuffle(template.leaders ? POSITIONS[context].slice(0, LEADING_POSITIONS[context]) : POSITIONS[context]);
  const names = new Set<string>();
  const persons = positions.slice(0, random.chance(0.15) ? 2 : 1).map(([position, rank]) => {
    let name: string;
    do name = fictionalName(random);
    while (names.has(name));
    names.add(name);
    return { name, unit, position: community ? forCommunity(position) : position, rank };
  });
  const who = persons.map((p) => `${p.position}${p.name}`).join('、');
  const source = linked ? random.pick(CLUE_SOURCES) : '信访举报';
  const receivedOn = linked ? dateBetween(random, plan.received[0], addDays(plan.received[1], -5)) : dateBetween(random, addDays(plan.received[1], -5), plan.received[1]);
  return { inspection, linked, template, persons, summary: `反映${unit}${who}${template.matter}`, source, receivedOn };
}

async function enterClues(ctx: DemoContext, findings: RoundFindings, plan: CluePlan, random: DemoRandom, ids: { receivers: Map<string, number>; disposals: Map<string, number> }) {
  const { core } = ctx;
  const weights = findings.inspections.map((i) => profileOf(i, plan.number).clues * (0.5 + random.next()));
  const counts = apportion(weights, plan.total - plan.roundLevel);
  const planned: PlannedClue[] = [];
  findings.inspections.forEach((inspection, index) => {
    for (let k = 0; k < counts[index]!; k += 1) planned.push(planClue(random, plan.number, inspection, true, plan));
  });
  for (let k = 0; k < plan.roundLevel; k += 1) planned.push(planClue(random, plan.number, random.pick(findings.inspections), false, plan));
  // Registered in the order they came in, so the numbers (八轮-线索-001 …) follow the dates.
  planned.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));

  const made: { id: number; code: string; clue: PlannedClue }[] = [];
  for (const clue of planned) {
    const created = await core.call('clues.create', {
      roundId: findings.roundId,
      inspectionId: clue.linked ? clue.inspection.id : null,
      summary: clue.summary,
      source: clue.source,
      receivedOn: clue.receivedOn,
      persons: clue.persons,
    });
    made.push({ id: created.id, code: created.code, clue });
  }

  // A few come with a scan or a copy: a small PDF through clues.attachFile.
  const withFiles = random.shuffle(made.filter((m) => FILE_TITLES[m.clue.source])).slice(0, plan.files);
  for (const m of withFiles) {
    const title = `${FILE_TITLES[m.clue.source]!}（${m.code}）`;
    const pdf = demoPdf(title, [`线索编号：${m.code}`, `收到日期：${m.clue.receivedOn}，来源：${m.clue.source}`, m.clue.summary, '本材料为巡察工作台演示数据，人物和事项纯属虚构。']);
    await core.call('clues.attachFile', { clueId: m.id, fileName: `${FILE_TITLES[m.clue.source]!}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') });
  }

  // Hand-over in batches; the last few registered stay with the office for now.
  const toHand = made.slice(0, made.length - plan.registeredOnly);
  const remaining = new Map<ClueReceiver, typeof toHand>([
    ['discipline', toHand.filter((m) => m.clue.template.to === 'discipline')],
    ['organisation', toHand.filter((m) => m.clue.template.to === 'organisation')],
  ]);
  const batches = [...plan.batches].sort((a, b) => (b.late ?? 0) - (a.late ?? 0));
  const handed: { batch: Batch; clues: typeof toHand }[] = [];
  for (const batch of batches) {
    const pool = remaining.get(batch.receiver)!;
    const clues = batch.late ? pool.splice(pool.length - batch.late, batch.late) : pool.splice(0, pool.length);
    if (clues.length === 0) continue;
    handed.push({ batch, clues });
  }
  handed.sort((a, b) => a.batch.handedOn.localeCompare(b.batch.handedOn) || a.batch.receiver.localeCompare(b.batch.receiver));
  let disposed = 0;
  let overdue = 0;
  const byReceiver: Record<ClueReceiver, number> = { discipline: 0, organisation: 0 };
  for (const { batch, clues } of handed) {
    await core.call('clues.handOver', {
      clueIds: clues.map((m) => m.id),
      receiverId: ids.receivers.get(RECEIVER_NAMES[batch.receiver])!,
      handedOn: batch.handedOn,
      receivingPerson: batch.receivingPerson,
      answerDueOn: batch.answerDueOn,
      note: `${findings.label}问题线索移交（${clues.length} 件）`,
    });
    byReceiver[batch.receiver] += clues.length;
    const open = new Set(random.shuffle(clues).slice(0, batch.open).map((m) => m.id));
    overdue += open.size;
    for (const m of clues) {
      if (open.has(m.id)) continue;
      const type = weighted(random, DISPOSALS[batch.receiver]);
      const name = m.clue.persons[0]!.name;
      const decidedOn = dateBetween(random, ...batch.answers);
      await core.call('clues.recordDisposal', { clueId: m.id, disposalTypeId: ids.disposals.get(type)!, decidedOn, note: random.pick(DISPOSAL_NOTES[type]!)(name) });
      disposed += 1;
      if (type === '立案审查') {
        const person = m.clue.persons[0]!;
        await core.call('accountability.create', {
          roundId: findings.roundId,
          clueId: m.id,
          receiverId: ids.receivers.get('市纪委监委')!,
          subjectKind: 'person',
          subjectName: `${person.name}（${person.unit}${person.position}）`,
          matter: `${m.clue.summary.replace(/^反映/, '')}，经市纪委监委批准立案审查调查（${m.code}）`,
          proposedHandling: '待审查调查结束后依规依纪依法处理',
        });
      }
    }
  }
  ctx.summary.push({
    zh: `${findings.label}问题线索 ${made.length} 个（移交市纪委监委 ${byReceiver.discipline}、市委组织部 ${byReceiver.organisation}，尚未移交 ${plan.registeredOnly}；已处置 ${disposed}，逾期未反馈 ${overdue}；线索材料 ${withFiles.length} 份）`,
    en: `Round ${plan.number}: ${made.length} clues (${byReceiver.discipline} to 市纪委监委, ${byReceiver.organisation} to 市委组织部, ${plan.registeredOnly} not yet handed over; ${disposed} disposed, ${overdue} overdue; ${withFiles.length} files)`,
  });
}

export const cluesStep: DemoStep = {
  id: 'clues',
  title: { zh: '问题线索：登记、线索材料、移交、处置（线索管理员录入）', en: 'Clues: registered, files, hand-over, disposal (entered by the clue officer)' },
  async run(ctx) {
    await signInAs(ctx, 'clueOfficer');
    const random = seededRandom(DEMO_SEED + 82);
    const lists = await ctx.core.call('handover.lists', {});
    const ids = {
      receivers: new Map(lists.receivers.map((r) => [r.name, r.id])),
      disposals: new Map(lists.disposalTypes.map((d) => [d.name, d.id])),
    };
    const state = findingsOf(ctx);
    for (const plan of PLANS) {
      const findings = state.rounds.find((r) => r.number === plan.number);
      if (!findings) throw new Error(`the problems step has not entered round ${plan.number}`);
      await enterClues(ctx, findings, plan, random, ids);
    }
  },
};
