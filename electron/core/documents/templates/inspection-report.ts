import type { BodyBlock, LetterDocument } from '../../../../shared/documents';
import type { InspectionFacts } from './facts';
import { DEFAULT_CLASSIFICATION, DEFAULT_PERIOD, FOCUS_ADVICE, groupName, methodsPhrase, modePhrase, periodPhrase, problemBlocks } from './wording';

/**
 * 巡察情况报告: the group reports to the leading group (an upward document, so the group leader
 * signs it as 签发人). Clues, accountability and person-matter items appear as counts only.
 */
export function inspectionReport(facts: InspectionFacts, today: string): LetterDocument {
  const org = facts.partyOrganisation;
  const group = groupName(facts);
  const period = periodPhrase(facts);
  const team = facts.group
    ? `巡察组共${facts.group.members}人${facts.group.leader ? `，组长${facts.group.leader}` : ''}${facts.group.deputies.length ? `，副组长${facts.group.deputies.join('、')}` : ''}。`
    : '';

  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: `按照${facts.committee}巡察工作领导小组统一部署，${period ? `${period}，` : ''}${group}对${org}开展了${modePhrase(facts)}。${team}现将巡察情况报告如下。`,
    },
    { kind: 'heading', level: 1, text: '巡察工作开展情况' },
    {
      kind: 'paragraph',
      text: `巡察组坚持政治巡察定位，紧扣“三个聚焦”，通过${methodsPhrase(facts)}等方式，全面了解${org}履行职责和党的建设情况，共发现问题${facts.problemCount}个。`,
    },
    { kind: 'heading', level: 1, text: '发现的主要问题' },
    ...problemBlocks(facts, 2),
    { kind: 'heading', level: 1, text: '问题线索及有关事项' },
    {
      kind: 'paragraph',
      text:
        `巡察中发现问题线索${facts.clueCount}件，提出追责问责事项${facts.accountabilityCount}项、点人点事事项${facts.personMatterCount}项。` +
        '问题线索已逐件登记，拟按规定移交纪检监察机关和组织部门处理。',
    },
    { kind: 'heading', level: 1, text: '意见建议' },
    ...facts.problems.flatMap((f): BodyBlock[] => [
      { kind: 'heading', level: 2, text: FOCUS_ADVICE[f.focus].heading },
      { kind: 'paragraph', text: FOCUS_ADVICE[f.focus].text },
    ]),
    { kind: 'paragraph', text: '以上报告，请审示。' },
  ];

  return {
    classification: DEFAULT_CLASSIFICATION,
    classificationPeriod: DEFAULT_PERIOD,
    urgency: 'none',
    issuerMark: facts.office.name,
    documentNumber: '',
    separatorStar: true,
    signer: facts.group?.leader ?? '',
    title: `关于${modePhrase(facts)}${org}情况的报告`,
    addressee: `${facts.committee}巡察工作领导小组`,
    body,
    attachments: [],
    signature: group,
    date: today,
    note: '',
    copiedTo: [],
    printedBy: facts.office.name,
    printedOn: today,
  };
}
