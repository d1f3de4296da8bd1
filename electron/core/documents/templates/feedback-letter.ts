import type { BodyBlock, LetterDocument } from '../../../../shared/documents';
import type { InspectionFacts } from './facts';
import {
  DEFAULT_CLASSIFICATION,
  DEFAULT_PERIOD,
  disciplineBody,
  FOCUS_ADVICE,
  groupName,
  methodsPhrase,
  modePhrase,
  organisationBody,
  periodPhrase,
  problemBlocks,
} from './wording';

/**
 * 巡察反馈意见: what the group found at the unit, by the three focuses, what it asks the unit to
 * do and by when. A first draft: the group edits every word of it before it is finalised.
 */
export function feedbackLetter(facts: InspectionFacts, today: string): LetterDocument {
  const org = facts.partyOrganisation;
  const group = groupName(facts);
  const period = periodPhrase(facts);
  const clues = facts.clueCount + facts.accountabilityCount + facts.personMatterCount;

  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text:
        `根据${facts.committee}统一部署，${period ? `${period}，` : ''}${group}对${org}开展了${modePhrase(facts)}。` +
        `巡察期间，巡察组坚持政治巡察定位，紧扣“三个聚焦”，通过${methodsPhrase(facts)}等方式，深入了解情况，共发现问题${facts.problemCount}个。` +
        `${facts.committee}巡察工作领导小组听取了巡察情况汇报，并报${facts.committee}专题研究。现将巡察情况反馈如下。`,
    },
    { kind: 'heading', level: 1, text: '巡察发现的主要问题' },
    ...problemBlocks(facts, 2),
  ];
  if (clues > 0) {
    body.push({
      kind: 'paragraph',
      text: `巡察中发现的问题线索和追责问责、点人点事等事项，已按照有关规定分别移交${disciplineBody(facts)}、${organisationBody(facts)}等有关部门处理。`,
    });
  }
  body.push(
    { kind: 'heading', level: 1, text: '整改意见' },
    { kind: 'heading', level: 2, text: '切实扛起全面从严治党主体责任' },
    {
      kind: 'paragraph',
      text: `${org}要把巡察整改作为重要政治任务，主要负责人履行第一责任人职责，班子成员落实“一岗双责”，以问题为导向，举一反三，标本兼治，确保件件有着落、事事有回音。`,
    },
    ...facts.problems.flatMap((f): BodyBlock[] => [
      { kind: 'heading', level: 2, text: FOCUS_ADVICE[f.focus].heading },
      { kind: 'paragraph', text: FOCUS_ADVICE[f.focus].text },
    ]),
    { kind: 'heading', level: 2, text: '建立健全长效机制' },
    {
      kind: 'paragraph',
      text: '针对巡察发现问题暴露出的制度短板，及时修订完善相关制度，强化制度执行和监督检查，推动解决问题与建章立制相结合，巩固巡察整改成果。',
    },
    { kind: 'heading', level: 1, text: '整改要求' },
    {
      kind: 'paragraph',
      text:
        `${org}要在收到本反馈意见后，及时制定整改方案，建立问题清单、任务清单和责任清单，实行整改台账管理、动态销号。` +
        `请于2个月内将整改情况报告报送${facts.committee}巡察工作领导小组办公室，同时抄送${disciplineBody(facts)}和${organisationBody(facts)}。` +
        '整改报告须经主要负责人签字，整改进展情况应按规定在党内通报，并以适当方式向社会公开（涉密内容除外）。',
    },
  );

  return {
    classification: DEFAULT_CLASSIFICATION,
    classificationPeriod: DEFAULT_PERIOD,
    urgency: 'none',
    issuerMark: facts.office.name,
    documentNumber: '',
    separatorStar: true,
    signer: '',
    title: `${group}关于对${org}开展${modePhrase(facts)}的反馈意见`,
    addressee: org,
    body,
    attachments: [],
    signature: group,
    date: today,
    note: '',
    copiedTo: [disciplineBody(facts), organisationBody(facts)],
    printedBy: facts.office.name,
    printedOn: today,
  };
}
