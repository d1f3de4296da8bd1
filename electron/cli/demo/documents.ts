/**
 * The documents side of 第八轮 and 第九轮, entered through the channels as the office does:
 *   - each group records what it did on site (谈话人次, 信访件数, 调阅资料 …) for every inspection,
 *     signed in as inspection staff; the figures follow the work each inspection produced (its
 *     problems, from the report's 1,496 and the second half's 860) and its days on site;
 *   - for the first inspections of 第八轮 the feedback meeting is recorded (the leading group,
 *     纪委监委 and 组织部 at the table) and the feedback letter drafted from the vault, dated on
 *     the meeting day in a second version and finalised; 第九轮's first letter stays a draft.
 * Nothing is printed: copy numbers start at 000001 for whoever prints first.
 */
import type { Inspection } from '../../../shared/contract';
import { findingsOf, signInAs } from './findings';
import { DEMO_SEED, seededRandom, type DemoRandom } from './random';
import { KIND } from './registry-data';
import type { DemoStep } from './types';

/** Working days the groups were on site: 第八轮 8 April – 31 May, 第九轮 55 days from 3 August. */
const DAYS_ON_SITE: Record<number, number> = { 8: 54, 9: 55 };

/** Small units (a village, a police station, a land office) see fewer people and files per problem. */
function scaleOf(inspection: Inspection): number {
  if (([KIND.village, KIND.police, KIND.land] as string[]).includes(inspection.unitKind)) return 0.45;
  if (inspection.unitKind === KIND.township || inspection.unitKind === KIND.court) return 0.75;
  return 1;
}

export function figuresFor(random: DemoRandom, inspection: Inspection, problems: number, days: number) {
  const scale = scaleOf(inspection);
  const around = (x: number) => Math.max(0, Math.round(x * (0.85 + random.next() * 0.3)));
  const interviews = around(Math.max(12, problems * 2.6 + days * 0.9) * scale);
  const documentsReviewed = around((problems * 38 + days * 6) * scale);
  return {
    inspectionId: inspection.id,
    interviews,
    petitions: around(Math.max(2, problems * 0.7) * scale),
    documentsReviewed,
    volumesReviewed: around(documentsReviewed / 24),
    visits: around(Math.max(4, problems / 3 + days / 8) * scale),
    questionnaires: around((scale < 1 ? 60 : 180) + problems * 2),
    forums: Math.max(1, around(2 + days / 20)),
  };
}

const MEETING_ATTENDEES = [
  { name: '郝振华', capacity: 'leadingGroup' as const, position: '市委巡察工作领导小组副组长、市委组织部部长' },
  { name: '白秀英', capacity: 'leadingGroup' as const, position: '市委巡察工作领导小组成员、市委巡察办主任' },
  { name: '乔国栋', capacity: 'discipline' as const, position: '市纪委副书记、市监委副主任' },
  { name: '邢丽萍', capacity: 'organisation' as const, position: '市委组织部副部长' },
];

export const documentsStep: DemoStep = {
  id: 'documents',
  title: {
    zh: '进驻工作量（谈话、信访、调阅资料等）、第八轮的反馈会议和巡察反馈意见（巡察干部录入），最后以系统管理员身份登录',
    en: 'On-site figures (interviews, petitions, records reviewed …), round 8 feedback meetings and letters (inspection staff); then back to the administrator',
  },
  async run(ctx) {
    await signInAs(ctx, 'staff');
    const random = seededRandom(DEMO_SEED + 9704);
    const state = findingsOf(ctx);
    let recorded = 0;
    let interviews = 0;
    for (const findings of state.rounds) {
      const perInspection = new Map<number, number>();
      for (const p of findings.problems) perInspection.set(p.inspection.id, (perInspection.get(p.inspection.id) ?? 0) + 1);
      for (const inspection of findings.inspections) {
        const figures = figuresFor(random, inspection, perInspection.get(inspection.id) ?? 0, DAYS_ON_SITE[findings.number] ?? 40);
        await ctx.core.call('onSiteFigures.update', figures);
        recorded += 1;
        interviews += figures.interviews;
      }
    }

    const round8 = state.rounds.find((r) => r.number === 8);
    const round9 = state.rounds.find((r) => r.number === 9);
    const withProblems = (r: typeof round8) => (r ? r.inspections.filter((i) => r.problems.some((p) => p.inspection.id === i.id)) : []);
    const letters: { final: number; draft: number } = { final: 0, draft: 0 };
    for (const [k, inspection] of withProblems(round8).slice(0, 3).entries()) {
      const heldOn = `2020-06-${29 + k}`;
      await ctx.core.call('feedbackMeetings.save', {
        inspectionId: inspection.id,
        heldOn,
        place: `${inspection.unitName}会议室`,
        attendees: [...MEETING_ATTENDEES, { name: `${inspection.unitName}主要负责人`, capacity: 'unit', position: '党组织书记' }],
      });
      const draft = await ctx.core.call('documents.create', { kind: 'feedbackLetter', inspectionId: inspection.id });
      const dated = await ctx.core.call('documents.saveVersion', {
        id: draft.id,
        baseVersion: draft.version,
        content: { ...draft.content, date: heldOn, printedOn: heldOn },
        note: '按反馈会议日期成文',
      });
      await ctx.core.call('documents.finalise', { id: dated.id, version: dated.version });
      letters.final += 1;
    }
    const next = withProblems(round9)[0];
    if (next) {
      await ctx.core.call('documents.create', { kind: 'feedbackLetter', inspectionId: next.id });
      letters.draft += 1;
    }
    ctx.summary.push({
      zh: `进驻工作量：${recorded} 个巡察任务，个别谈话共 ${interviews} 人次；巡察反馈意见 ${letters.final} 份已定稿、${letters.draft} 份草稿`,
      en: `On-site figures for ${recorded} inspections (${interviews} interviews); feedback letters: ${letters.final} final, ${letters.draft} draft`,
    });
    await signInAs(ctx, 'admin');
  },
};
