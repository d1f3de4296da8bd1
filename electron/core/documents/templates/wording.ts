import type { BodyBlock } from '../../../../shared/documents';
import type { Focus } from '../../../../shared/domain';
import { chineseNumber } from '../../../../shared/format';
import type { InspectionFacts } from './facts';

/** Wording the document templates share: dates, names, the on-site figures, the problems by focus. */

/** 秘密 with the office's usual period for inspection documents; the user may change both per document. */
export const DEFAULT_CLASSIFICATION = 'secret' as const;
export const DEFAULT_PERIOD = '1年';

/** '2020-03-16' → 2020年3月16日, as body text writes dates (Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The group as it signs: 呼和浩特市委第一巡察组. */
export function groupName(facts: InspectionFacts): string {
  return facts.group ? `${facts.committee}第${chineseNumber(facts.group.number)}巡察组` : `${facts.committee}巡察组`;
}

/** 常规巡察, 煤炭矿产资源领域专项巡察, 提级交叉巡察, “回头看” … */
export function modePhrase(facts: InspectionFacts): string {
  const { mode, topicName } = facts.inspection;
  switch (mode) {
    case 'routine':
      return '常规巡察';
    case 'special':
      return `${topicName ?? ''}专项巡察`;
    case 'cross':
      return '交叉巡察';
    case 'elevated_cross':
      return '提级交叉巡察';
    case 'pinpoint':
      return '“点穴式”巡察';
    case 'lookback':
      return '巡察“回头看”';
  }
}

/** 2020年3月16日至5月10日 (the year once when both fall in it), or the round's dates, or nothing. */
export function periodPhrase(facts: InspectionFacts): string | null {
  const start = facts.inspection.startsOn ?? facts.round.actualStart;
  const end = facts.inspection.endsOn ?? facts.round.actualEnd;
  if (!start) return null;
  if (!end) return `${chineseDate(start)}起`;
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${chineseDate(start)}至${sameYear ? chineseDate(end).replace(/^\d+年/, '') : chineseDate(end)}`;
}

/** 呼和浩特市纪委监委 and 呼和浩特市委组织部, from 呼和浩特市委. */
export function disciplineBody(facts: InspectionFacts): string {
  return `${facts.committee.replace(/委$/, '')}纪委监委`;
}
export function organisationBody(facts: InspectionFacts): string {
  return `${facts.committee}组织部`;
}

/** 听取工作汇报、个别谈话126人次、受理信访举报31件 … (only what was recorded). */
export function methodsPhrase(facts: InspectionFacts): string {
  const f = facts.figures;
  const parts = ['听取工作汇报'];
  if (f.interviews) parts.push(`个别谈话${f.interviews}人次`);
  if (f.forums) parts.push(`召开座谈会${f.forums}次`);
  if (f.petitions) parts.push(`受理信访举报${f.petitions}件`);
  if (f.documentsReviewed || f.volumesReviewed) {
    const amounts = [f.documentsReviewed ? `${f.documentsReviewed}件` : '', f.volumesReviewed ? `${f.volumesReviewed}卷` : ''].filter(Boolean);
    parts.push(`调阅资料${amounts.join('、')}`);
  }
  if (f.visits) parts.push(`实地走访${f.visits}次`);
  if (f.questionnaires) parts.push(`发放调查问卷${f.questionnaires}份`);
  if (parts.length === 1) parts.push('个别谈话', '受理信访举报', '调阅资料', '实地走访');
  return parts.join('、');
}

export const FOCUS_HEADINGS: Record<Focus, string> = {
  corruption: '群众身边腐败问题和不正之风方面',
  grassroots: '基层党组织软弱涣散、组织力欠缺方面',
  rectification: '巡视巡察整改不落实、不到位方面',
};

/**
 * The problems found, by focus (heading level `level`), then by category (one level below,
 * left out when a focus has only uncategorised problems), each problem its own paragraph.
 * Problem texts go in as they were entered: the engine prints them literally.
 */
export function problemBlocks(facts: InspectionFacts, level: 2 | 3): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const focus of facts.problems) {
    blocks.push({ kind: 'heading', level, text: FOCUS_HEADINGS[focus.focus] });
    const headed = focus.categories.some((c) => c.name !== null);
    for (const category of focus.categories) {
      if (headed) blocks.push({ kind: 'heading', level: (level + 1) as 3 | 4, text: category.name ?? '其他问题' });
      for (const text of category.problems) blocks.push({ kind: 'paragraph', text });
    }
  }
  if (facts.problems.length === 0) blocks.push({ kind: 'paragraph', text: '巡察中未发现需要反馈的问题。' });
  return blocks;
}

/** What the office asks for under each focus found. */
export const FOCUS_ADVICE: Record<Focus, { heading: string; text: string }> = {
  corruption: {
    heading: '坚决整治群众身边腐败问题和不正之风',
    text: '对巡察发现的侵害群众利益问题逐项核查、逐项整改，严格执行财经纪律和中央八项规定精神，完善资金、资产、资源管理制度，堵塞管理漏洞，以整改实效取信于民。',
  },
  grassroots: {
    heading: '切实加强基层党组织建设',
    text: '严格落实党建工作责任制，严肃党内政治生活，规范“三会一课”、组织生活会和民主评议党员等制度，加强党员教育管理监督，提升基层党组织的政治功能和组织力。',
  },
  rectification: {
    heading: '从严从实抓好各类整改任务',
    text: '对照以往巡视巡察、审计和各类监督检查发现的问题，逐项回头检视，对整改不到位、不彻底的重新制定措施、明确时限，坚决防止问题反弹回潮。',
  },
};
