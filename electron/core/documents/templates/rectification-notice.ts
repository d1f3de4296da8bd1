import type { LetterDocument } from '../../../../shared/documents';
import type { FeedbackMeeting } from '../../../../shared/contract';
import type { InspectionFacts } from './facts';
import { chineseDate, DEFAULT_CLASSIFICATION, DEFAULT_PERIOD, disciplineBody, FOCUS_HEADINGS, groupName, organisationBody } from './wording';

/** Two months after the feedback (巡视工作条例), as a date. */
function twoMonthsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y, m - 1 + 2, d));
  // 31 March + 2 months is 31 May; 31 December + 2 months lands in March: take the month's last day.
  if (due.getUTCDate() !== d) due.setUTCDate(0);
  return due.toISOString().slice(0, 10);
}

/**
 * 整改通知: the office tells the unit how to rectify what the feedback named: a plan, the three
 * lists, a ledger closed item by item, a report within two months of the feedback meeting.
 */
export function rectificationNotice(facts: InspectionFacts, meeting: FeedbackMeeting | null, today: string): LetterDocument {
  const org = facts.partyOrganisation;
  const fedBack = meeting ? `${chineseDate(meeting.heldOn)}，${groupName(facts)}向你单位反馈了巡察意见` : `${groupName(facts)}已向你单位反馈了巡察意见`;
  const due = meeting ? `于${chineseDate(twoMonthsAfter(meeting.heldOn))}前` : '在收到反馈意见后2个月内';
  const byFocus = facts.problems.map((f) => `${FOCUS_HEADINGS[f.focus]}${f.count}个`).join('，');

  return {
    classification: DEFAULT_CLASSIFICATION,
    classificationPeriod: DEFAULT_PERIOD,
    urgency: 'none',
    issuerMark: facts.office.name,
    documentNumber: '',
    separatorStar: true,
    signer: '',
    title: `关于认真做好${facts.committee}巡察反馈问题整改工作的通知`,
    addressee: org,
    body: [
      {
        kind: 'paragraph',
        text: `${fedBack}，指出问题${facts.problemCount}个${byFocus ? `（其中${byFocus}）` : ''}。为推动巡察发现问题真改实改、全面整改，现就有关事项通知如下。`,
      },
      { kind: 'heading', level: 1, text: '提高思想认识，压实整改责任' },
      {
        kind: 'paragraph',
        text: `${org}要切实履行整改主体责任，主要负责人是整改第一责任人，对重要问题亲自部署、重要环节亲自协调、重要事项亲自督办；班子成员按照分工抓好分管领域的整改。`,
      },
      { kind: 'heading', level: 1, text: '制定整改方案，建立“三个清单”' },
      {
        kind: 'paragraph',
        text: '对照反馈意见逐条研究，制定整改方案，建立问题清单、任务清单、责任清单，明确整改措施、责任人、责任单位和完成时限，做到问题不查清不放过、整改不到位不放过。',
      },
      { kind: 'heading', level: 1, text: '建立整改台账，实行动态销号' },
      {
        kind: 'paragraph',
        text: '建立整改台账，逐项记录整改进展和佐证材料，完成一项、审核一项、销号一项；对需要长期坚持的，明确阶段目标，持续推进。',
      },
      { kind: 'heading', level: 1, text: '按时报告整改情况' },
      {
        kind: 'paragraph',
        text: `请${due}将整改情况报告和整改台账报送${facts.committee}巡察工作领导小组办公室，同时抄送${disciplineBody(facts)}和${organisationBody(facts)}。整改报告须经主要负责人签字。`,
      },
      { kind: 'heading', level: 1, text: '强化监督检查' },
      {
        kind: 'paragraph',
        text: `${facts.committee}巡察工作领导小组办公室将会同纪检监察机关和组织部门对整改情况进行督促检查，对整改不力、敷衍整改的，按照有关规定严肃问责。`,
      },
    ],
    attachments: [],
    signature: facts.office.name,
    date: today,
    note: '',
    copiedTo: [disciplineBody(facts), organisationBody(facts)],
    printedBy: facts.office.name,
    printedOn: today,
  };
}
