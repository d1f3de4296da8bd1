/**
 * A made-up 巡察反馈意见 of several pages (no real names or units), for the engine's tests,
 * the benchmark and the sample rendering. Its prose has the punctuation the line-break rules
 * care about, numbers and Latin text, and markup that must print as it is.
 */
import type { BodyBlock, LetterDocument, TableDocument } from '../../../../shared/documents';

const paragraphs = [
  '根据市委统一部署，市委第三巡察组于2020年4月20日至6月10日对某某局党组开展了常规巡察。巡察组通过听取工作汇报、个别谈话、调阅资料、走访调研、受理信访等方式，深入了解被巡察单位党组织落实全面从严治党主体责任、贯彻执行党的路线方针政策和上级决策部署的情况，共开展个别谈话86人次，受理信访件23件，调阅各类文件资料1200余份。',
  '巡察组认为，某某局党组能够认真学习贯彻习近平新时代中国特色社会主义思想，坚决落实上级党委的决策部署，在推动本行业高质量发展、服务保障民生等方面做了大量工作，取得了一定成效。同时，巡察也发现了一些问题：“两个责任”落实还不到位，干部队伍建设存在短板，基层党组织建设仍有薄弱环节。',
  '一是学习贯彻上级精神不够深入。党组理论学习中心组学习计划执行不严格，2019年计划安排的12次集中学习实际只开展了7次；部分学习以传达文件代替研讨，“学用结合”不紧密，对如何结合本单位实际抓落实研究不多。',
  '二是重点工作推进不够有力。对上级督办的3项重点任务，缺少细化的时间表和路线图，有的任务进度滞后（截至巡察时完成率不足60%）；对基层反映强烈的审批时限长、办事环节多等问题，推动解决的办法不多、力度不大。',
  '三是意识形态工作责任制落实不到位。党组每半年专题研究意识形态工作的要求没有落实，2019年仅研究1次；对所属网站、新媒体平台的审核把关不严，存在信息发布“三审”制度流于形式的问题。',
  '党组对全面从严治党主体责任认识不够到位，存在“重业务、轻党建”的倾向。党组书记履行第一责任人职责不够有力，对班子成员的廉政提醒谈话偏少；班子成员落实“一岗双责”不够主动，对分管领域的廉政风险排查不深入、不具体。',
  '违反中央八项规定精神问题仍有发生。抽查2019年以来的公务接待报销凭证，发现部分接待无公函、无接待清单；个别下属单位存在以会议费、培训费名义列支其他费用的情况（涉及金额4.6万元）；公务用车管理不规范，派车单填写不完整。',
  '选人用人工作存在不规范问题。动议环节研究不充分，个别岗位干部配备未按规定进行酝酿；干部档案管理不够严格，抽查的30卷干部人事档案中有5卷存在材料缺失、信息不一致等问题；年轻干部培养选拔力度不够，干部队伍年龄结构老化。',
  '基层党组织建设有待加强。部分党支部“三会一课”制度落实不严格，会议记录简单，组织生活会批评与自我批评辣味不足；发展党员工作程序不够规范，个别入党材料存在时间倒置问题；党费收缴不够及时、足额。',
  '针对以上问题，巡察组提出以下意见建议：某某局党组要切实提高政治站位，深入学习贯彻习近平新时代中国特色社会主义思想，把党的政治建设摆在首位，严格落实全面从严治党主体责任，以“零容忍”态度正风肃纪，持之以恒纠治“四风”，进一步规范选人用人工作，全面加强基层党组织建设。',
  '请某某局党组在收到本反馈意见后2个月内，将整改落实情况报送市委巡察工作领导小组办公室。整改报告（含整改台账）须经党组书记签字，并按要求通过单位门户网站等渠道向社会公开。对巡察移交的问题线索，要依规依纪依法处置，并及时反馈处置结果。',
  '附带说明：系统中录入的文字原样打印，例如 <b>加粗</b>、**星号**、{"text":"JSON"} 和 C:\\path\\file.docx 都不会被解释为格式。Version 2.0 of the ledger template (see https-free note) keeps English words intact.',
];

/** The body of the sample letter: headings of all four levels, paragraphs and a list. */
export const sampleBody: BodyBlock[] = [
  { kind: 'paragraph', text: paragraphs[0]! },
  { kind: 'paragraph', text: paragraphs[1]! },
  { kind: 'heading', level: 1, text: '巡察发现的主要问题' },
  { kind: 'heading', level: 2, text: '贯彻落实党的路线方针政策和上级决策部署方面' },
  { kind: 'paragraph', text: paragraphs[2]! },
  { kind: 'paragraph', text: paragraphs[3]! },
  { kind: 'paragraph', text: paragraphs[4]! },
  { kind: 'heading', level: 2, text: '落实全面从严治党战略部署方面' },
  { kind: 'heading', level: 3, text: '主体责任落实不到位' },
  { kind: 'paragraph', text: paragraphs[5]! },
  { kind: 'heading', level: 3, text: '作风建设方面' },
  { kind: 'heading', level: 4, text: '违反中央八项规定精神问题' },
  { kind: 'paragraph', text: paragraphs[6]! },
  { kind: 'heading', level: 2, text: '落实新时代党的组织路线方面' },
  { kind: 'paragraph', text: paragraphs[7]! },
  { kind: 'paragraph', text: paragraphs[8]! },
  { kind: 'heading', level: 1, text: '意见建议' },
  { kind: 'paragraph', text: paragraphs[9]! },
  { kind: 'list', items: ['（一）强化理论武装，提高政治站位。', '（二）压实管党治党责任，持续正风肃纪。', '（三）规范选人用人，加强干部队伍建设。', '（四）夯实基层基础，提升组织力。'] },
  { kind: 'heading', level: 1, text: '整改要求' },
  { kind: 'paragraph', text: paragraphs[10]! },
  { kind: 'paragraph', text: paragraphs[11]! },
];

export const sampleLetter: LetterDocument = {
  classification: 'secret',
  classificationPeriod: '1年',
  urgency: 'none',
  issuerMark: '中共某某市委巡察工作领导小组办公室',
  documentNumber: '市巡办〔2020〕8号',
  signer: '',
  title: '市委第三巡察组关于巡察某某局党组的反馈意见',
  addressee: '中共某某局党组',
  body: sampleBody,
  attachments: ['巡察发现问题清单', '问题线索移交清单（共3件，其中涉及处级干部的线索需由纪委监委按有关规定分类处置）'],
  signature: '市委第三巡察组',
  date: '2020-10-15',
  note: '此件发至被巡察单位党组',
  copiedTo: ['市纪委监委', '市委组织部', '市委巡察工作领导小组成员'],
  printedBy: '中共某某市委巡察工作领导小组办公室',
  printedOn: '2020-10-16',
  separatorStar: true,
};

/**
 * A letter of about `pages` pages: the sample's body repeated, each copy's paragraphs opened
 * differently so that no two copies break into the same lines (a real letter repeats nothing).
 */
export function letterOfPages(pages: number): LetterDocument {
  // The sample's body fills about three and a half pages.
  const repeats = Math.max(1, Math.round(pages / 3.4));
  const body = Array.from({ length: repeats }, (_, copy) =>
    sampleBody.map((block, i): BodyBlock => (block.kind === 'paragraph' ? { ...block, text: `${'经查'.repeat((copy + i) % 5)}${copy + 1}.${i}${block.text}` } : block)),
  ).flat();
  return { ...sampleLetter, body };
}

export const sampleTable: TableDocument = {
  classification: 'secret',
  classificationPeriod: '1年',
  title: '巡察发现问题清单',
  subtitle: '市委第三巡察组 · 某某局党组',
  columns: [
    { header: '序号', width: 0.6 },
    { header: '问题类别', width: 1.6 },
    { header: '问题描述', width: 5 },
    { header: '问题来源', width: 1.2 },
    { header: '责任单位', width: 1.6 },
  ],
  rows: Array.from({ length: 60 }, (_, i) => [
    String(i + 1),
    ['政治建设', '作风建设', '组织建设', '纪律建设'][i % 4]!,
    paragraphs[(i % 9) + 2]!.slice(0, 40 + ((i * 37) % 120)),
    ['个别谈话', '调阅资料', '受理信访', '走访调研'][i % 4]!,
    ['办公室', '财务科', '人事科', '执法大队'][i % 4]!,
  ]),
  date: '2020-10-15',
};
