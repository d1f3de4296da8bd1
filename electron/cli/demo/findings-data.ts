/**
 * What the demo's findings are made of: problem descriptions by the three focuses and their
 * categories (the ones the findings migration seeds), the office's own 是否 checklists, and
 * clue matters. All of it is generated from these phrases with the demo's seeded generator:
 * the wording is what an inspection report says, every person is 张某某 or 李某, every figure
 * is invented.
 */
import type { Focus, ProblemSource } from '../../../shared/domain';
import type { DemoRandom } from './random';

/** What kind of place an inspection looked at, which decides what it can have found. */
export type FindingContext = 'dept' | 'soe' | 'civil' | 'town' | 'village' | 'police' | 'land' | 'court' | 'coal' | 'business';

/** Offices with a budget, staff and procurement of their own. */
const OFFICES: readonly FindingContext[] = ['dept', 'soe', 'civil', 'court', 'police', 'land', 'town'];
const ALL: readonly FindingContext[] = [...OFFICES, 'village'];

export interface Fill {
  random: DemoRandom;
  /** A year of the period inspected (2017–2019). */
  year(): number;
  /** An amount between min and max 万元 (log-uniform): 12.6万元, or 3460元 under 1 万元. */
  amount(min: number, max: number): string;
  n(min: number, max: number): number;
  /** An obviously fictional name: 王某某, 李某. */
  person(): string;
}

export interface ProblemTemplate {
  /** A theme: checklist items point at the themes they cover. */
  key: string;
  focus: Focus;
  /** A category name from problems.categories; null where none of them fits. */
  category: string | null;
  contexts: readonly FindingContext[];
  /** Drawn uniformly: repeat a source to make it likelier. */
  sources: readonly ProblemSource[];
  /** A problem that recurs from unit to unit (共性问题 candidates). */
  common?: boolean;
  text(f: Fill): string;
}

const pick = <T>(f: Fill, items: readonly T[]) => f.random.pick(items);

export const PROBLEM_TEMPLATES: readonly ProblemTemplate[] = [
  // ---- 聚焦群众身边腐败问题和不正之风 -------------------------------------------------------------
  {
    key: 'allowance', focus: 'corruption', category: '违反中央八项规定精神', contexts: OFFICES, sources: ['documents', 'documents', 'documents', 'interview'], common: true,
    text: (f) => `${f.year()}年以${pick(f, ['加班费', '值班补助', '工作补助', '慰问金', '绩效奖励'])}名义违规发放津贴补贴${f.amount(1, 60)}，涉及${f.n(5, 80)}人`,
  },
  {
    key: 'reception', focus: 'corruption', category: '违反中央八项规定精神', contexts: OFFICES, sources: ['documents', 'documents', 'interview'], common: true,
    text: (f) => `公务接待管理不规范，${f.year()}年有${f.n(6, 60)}批次接待无公函、无接待清单，超标准列支接待费${f.amount(0.3, 8)}`,
  },
  {
    key: 'car', focus: 'corruption', category: '违反中央八项规定精神', contexts: OFFICES, sources: ['documents', 'interview', 'petition'], common: true,
    text: (f) => `公务用车管理不严格，存在公车私用问题，${f.n(1, 5)}辆公务用车节假日未按规定封存`,
  },
  {
    key: 'car', focus: 'corruption', category: '违反中央八项规定精神', contexts: ['dept', 'soe', 'civil', 'town'], sources: ['documents', 'documents'],
    text: (f) => `以车辆维修名义报销私人车辆费用${f.amount(0.2, 3)}，存在私车公养问题`,
  },
  {
    key: 'travel', focus: 'corruption', category: '违反中央八项规定精神', contexts: OFFICES, sources: ['documents', 'documents', 'documents'],
    text: (f) => `违规报销差旅费、会议费${f.amount(0.3, 6)}，${f.n(3, 40)}张报销凭证无审批签字`,
  },
  {
    key: 'banquet', focus: 'corruption', category: '违反中央八项规定精神', contexts: ['dept', 'soe', 'town', 'village'], sources: ['interview', 'documents', 'petition'],
    text: (f) => `${f.year()}年在${pick(f, ['下属单位食堂', '农家乐', '培训中心', '宾馆'])}违规组织公款吃喝${f.n(2, 12)}次，费用${f.amount(0.1, 2)}从${pick(f, ['办公经费', '会议费', '工会经费'])}中列支`,
  },
  {
    key: 'reimburse', focus: 'corruption', category: '违反中央八项规定精神', contexts: ['dept', 'soe', 'court', 'civil'], sources: ['documents', 'documents'],
    text: (f) => `原${pick(f, ['财务科科长', '办公室主任', '副局长', '后勤负责人'])}${f.person()}违规报销个人费用${f.amount(0.2, 5)}`,
  },
  {
    key: 'procurement', focus: 'corruption', category: '工程项目', contexts: ['dept', 'soe', 'civil', 'court', 'police'], sources: ['documents', 'documents', 'documents'],
    text: (f) => `政府采购化整为零规避公开招标，涉及${f.n(2, 9)}个项目、金额${f.amount(10, 300)}`,
  },
  {
    key: 'tender', focus: 'corruption', category: '工程项目', contexts: ['dept', 'soe', 'civil', 'town'], sources: ['documents', 'documents', 'petition'],
    text: (f) => `${f.year()}年有${f.n(2, 8)}个工程项目未经招标直接发包，涉及金额${f.amount(20, 600)}`,
  },
  {
    key: 'tender', focus: 'corruption', category: '工程项目', contexts: ['dept', 'soe', 'civil', 'town', 'village'], sources: ['documents', 'documents'],
    text: (f) => `${pick(f, ['办公楼维修', '道路硬化', '人防工程', '厂区改造', '供热管网改造', '村委会办公场所改造'])}项目结算审核把关不严，多付工程款${f.amount(2, 80)}`,
  },
  {
    key: 'tender', focus: 'corruption', category: '工程项目', contexts: ['dept', 'soe', 'civil'], sources: ['documents'],
    text: (f) => `工程变更未履行审批程序，${f.n(2, 6)}个项目变更后增加投资${f.amount(5, 150)}`,
  },
  {
    key: 'funds', focus: 'corruption', category: '惠民惠农资金管理', contexts: ['town', 'village'], sources: ['documents', 'petition', 'visit'], common: true,
    text: (f) => `${f.year()}年${pick(f, ['农机购置补贴', '退耕还林补助', '耕地地力保护补贴', '危房改造补助', '草原生态保护补助奖励'])}资金发放不规范，${f.n(3, 30)}户虚报冒领资金${f.amount(0.5, 30)}`,
  },
  {
    key: 'funds', focus: 'corruption', category: '惠民惠农资金管理', contexts: ['town', 'village'], sources: ['petition', 'petition', 'visit', 'interview'],
    text: (f) => `低保评审优亲厚友，${f.n(2, 15)}户不符合条件的村干部亲属享受低保`,
  },
  {
    key: 'funds', focus: 'corruption', category: '惠民惠农资金管理', contexts: ['village'], sources: ['petition', 'visit'],
    text: (f) => `村党支部书记${f.person()}优亲厚友，将${f.n(2, 6)}户亲属纳入低保`,
  },
  {
    key: 'funds', focus: 'corruption', category: '惠民惠农资金管理', contexts: ['town', 'village'], sources: ['documents', 'documents', 'visit'],
    text: (f) => `截留挪用扶贫专项资金${f.amount(1, 20)}用于${pick(f, ['弥补办公经费', '修建村委会院墙', '支付招待费用'])}`,
  },
  {
    key: 'funds', focus: 'corruption', category: '惠民惠农资金管理', contexts: ['land', 'town'], sources: ['petition', 'documents'],
    text: (f) => `土地征收补偿款发放不规范，${f.amount(5, 120)}补偿款未及时发放到户`,
  },
  {
    key: 'assets', focus: 'corruption', category: '集体“三资”管理', contexts: ['village'], sources: ['documents', 'petition', 'visit'], common: true,
    text: (f) => `村集体${f.n(50, 900)}亩耕地发包未经村民代表会议讨论，承包费${f.amount(1, 30)}未入账`,
  },
  {
    key: 'assets', focus: 'corruption', category: '集体“三资”管理', contexts: ['village', 'town'], sources: ['visit', 'documents'],
    text: (f) => `集体资产底数不清、账实不符，${f.n(3, 20)}处集体房屋被个人长期无偿占用`,
  },
  {
    key: 'assets', focus: 'corruption', category: '集体“三资”管理', contexts: ['village'], sources: ['documents', 'documents'],
    text: (f) => `村级财务管理混乱，白条入账${f.n(5, 60)}笔，金额${f.amount(0.5, 20)}`,
  },
  {
    key: 'assets', focus: 'corruption', category: '集体“三资”管理', contexts: ['village'], sources: ['documents', 'petition'],
    text: (f) => `集体机动地承包合同期限过长，最长达${f.n(30, 50)}年，承包费明显低于市场价`,
  },
  {
    key: 'assets', focus: 'corruption', category: '集体“三资”管理', contexts: ['town'], sources: ['documents', 'visit'],
    text: () => '对村级财务监管缺位，“村财镇管”流于形式',
  },
  {
    key: 'soeAssets', focus: 'corruption', category: null, contexts: ['soe'], sources: ['documents', 'documents'],
    text: (f) => `违规对外出借资金${f.amount(50, 2000)}，未履行“三重一大”集体决策程序`,
  },
  {
    key: 'soeAssets', focus: 'corruption', category: null, contexts: ['soe'], sources: ['documents', 'visit'],
    text: (f) => `国有资产出租未经评估，${f.n(3, 15)}处房产租金明显低于市场价，少收租金${f.amount(5, 200)}`,
  },
  {
    key: 'soeAssets', focus: 'corruption', category: null, contexts: ['soe'], sources: ['documents', 'interview'],
    text: (f) => `所属子公司负责人${f.person()}违规兼职取酬${f.amount(2, 30)}`,
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['dept', 'civil', 'court'], sources: ['documents', 'questionnaire', 'interview'],
    text: (f) => `文件会议多、调查研究少，${f.year()}年印发文件${f.n(120, 400)}件，领导班子下基层调研仅${f.n(2, 8)}次`,
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['town', 'village'], sources: ['visit', 'questionnaire', 'interview'],
    text: () => '脱贫攻坚工作中存在填表脱贫、数字脱贫现象，部分帮扶措施未落到实处',
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['police'], sources: ['documents', 'documents'],
    text: (f) => `接处警记录不规范，${f.n(5, 60)}起警情未按规定录入系统`,
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['land'], sources: ['documents', 'visit', 'petition'],
    text: (f) => `违法占地查处不力，${f.n(2, 15)}宗违法用地未依法处置`,
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['court'], sources: ['documents', 'petition'],
    text: (f) => `审判执行监督管理不到位，超审限案件${f.n(3, 30)}件`,
  },
  {
    key: 'formalism', focus: 'corruption', category: '形式主义官僚主义', contexts: ['civil'], sources: ['visit', 'documents'],
    text: (f) => `人防工程平时使用管理不规范，${f.n(2, 12)}处人防工程被挪作他用`,
  },
  {
    key: 'gifts', focus: 'corruption', category: '吃拿卡要', contexts: ['dept', 'police', 'land', 'town'], sources: ['petition', 'interview'],
    text: (f) => `个别干部收受管理服务对象礼品礼金，${f.year()}年春节期间收受购物卡${f.n(2, 10)}张`,
  },
  {
    key: 'gifts', focus: 'corruption', category: '吃拿卡要', contexts: ['police', 'land', 'court', 'town'], sources: ['petition', 'questionnaire', 'visit'],
    text: () => '窗口工作人员对群众办事推诿扯皮，存在“门难进、脸难看、事难办”问题',
  },
  {
    key: 'courtMoney', focus: 'corruption', category: null, contexts: ['court'], sources: ['documents', 'petition'],
    text: (f) => `执行案款发放不及时，${f.amount(10, 500)}执行案款长期滞留账户`,
  },
  {
    key: 'policeProperty', focus: 'corruption', category: null, contexts: ['police'], sources: ['documents', 'visit'],
    text: (f) => `涉案财物管理不规范，${f.n(3, 40)}件涉案财物未入库登记`,
  },
  {
    key: 'civilFee', focus: 'corruption', category: null, contexts: ['civil'], sources: ['documents', 'documents'],
    text: (f) => `人防工程易地建设费征收不到位，欠缴${f.amount(20, 600)}`,
  },

  // 煤炭矿产资源领域专项巡察
  {
    key: 'coalRights', focus: 'corruption', category: null, contexts: ['coal'], sources: ['documents', 'documents', 'petition'],
    text: (f) => `矿业权出让程序不规范，${f.n(2, 6)}宗矿业权未经公开招拍挂协议出让，出让价格明显低于评估价`,
  },
  {
    key: 'coalIllegal', focus: 'corruption', category: '形式主义官僚主义', contexts: ['coal'], sources: ['documents', 'visit', 'petition'],
    text: (f) => `对越界开采、非法开采行为查处不力，${f.n(2, 12)}起案件未依法移送`,
  },
  {
    key: 'coalFund', focus: 'corruption', category: null, contexts: ['coal'], sources: ['documents', 'documents'],
    text: (f) => `矿山地质环境治理恢复基金提取不足，${f.amount(50, 1500)}未按规定使用`,
  },
  {
    key: 'coalTransport', focus: 'corruption', category: '形式主义官僚主义', contexts: ['coal'], sources: ['documents', 'visit'],
    text: (f) => `煤炭运销监管存在漏洞，对${f.n(2, 9)}家企业超能力生产问题失察`,
  },
  {
    key: 'coalTax', focus: 'corruption', category: null, contexts: ['coal'], sources: ['documents'],
    text: (f) => `矿产资源税费征收不到位，${f.n(2, 8)}家企业欠缴资源税费${f.amount(20, 800)}`,
  },
  {
    key: 'coalCadre', focus: 'corruption', category: null, contexts: ['coal'], sources: ['petition', 'interview'],
    text: (f) => `个别干部违规参股煤矿企业，${f.person()}在矿山企业违规兼职`,
  },
  {
    key: 'coalEco', focus: 'rectification', category: '巡视巡察整改', contexts: ['coal'], sources: ['visit', 'documents'],
    text: (f) => `中央环保督察反馈的矿区生态修复问题整改不到位，${f.n(2, 8)}个露天矿坑未完成治理`,
  },

  // 优化营商环境专项巡察
  {
    key: 'bizOutside', focus: 'corruption', category: '形式主义官僚主义', contexts: ['business'], sources: ['documents', 'visit', 'questionnaire'],
    text: (f) => `审批事项“体外循环”，${f.n(2, 12)}项审批未纳入政务服务大厅统一办理`,
  },
  {
    key: 'bizFees', focus: 'corruption', category: '吃拿卡要', contexts: ['business'], sources: ['documents', 'petition'],
    text: (f) => `违规向企业收取${pick(f, ['评审费', '咨询费', '资料费', '检测费'])}${f.amount(0.5, 30)}`,
  },
  {
    key: 'bizComplaints', focus: 'corruption', category: '形式主义官僚主义', contexts: ['business'], sources: ['petition', 'documents', 'questionnaire'],
    text: (f) => `企业诉求办理不及时，${f.n(5, 40)}件企业投诉超期未办结`,
  },
  {
    key: 'bizOnce', focus: 'corruption', category: '形式主义官僚主义', contexts: ['business'], sources: ['visit', 'questionnaire'],
    text: (f) => `“最多跑一次”改革落实不到位，${f.n(3, 20)}个事项仍需企业多次提交材料`,
  },
  {
    key: 'bizArrears', focus: 'corruption', category: null, contexts: ['business'], sources: ['documents', 'petition'],
    text: (f) => `拖欠民营企业账款${f.amount(20, 900)}，${f.n(2, 12)}家企业多次反映未果`,
  },
  {
    key: 'bizPolicy', focus: 'corruption', category: null, contexts: ['business'], sources: ['questionnaire', 'visit'],
    text: (f) => `惠企政策宣传落实不到位，${f.n(20, 150)}家企业未享受到减税降费政策`,
  },
  {
    key: 'bizOutside', focus: 'corruption', category: '吃拿卡要', contexts: ['business'], sources: ['petition', 'interview'],
    text: (f) => `窗口工作人员${f.person()}在企业开办审批中故意拖延、吃拿卡要`,
  },

  // ---- 聚焦基层党组织软弱涣散、组织力欠缺问题 ----------------------------------------------------
  {
    key: 'meetings', focus: 'grassroots', category: '组织生活制度落实', contexts: ALL, sources: ['documents', 'documents', 'documents', 'interview'], common: true,
    text: (f) => `“三会一课”制度落实不到位，${f.year()}年党支部仅召开党员大会${f.n(1, 3)}次、上党课${f.n(0, 2)}次`,
  },
  {
    key: 'meetings', focus: 'grassroots', category: '组织生活制度落实', contexts: ALL, sources: ['documents', 'interview'], common: true,
    text: () => '组织生活会流于形式，批评与自我批评避重就轻、“辣味”不足',
  },
  {
    key: 'meetings', focus: 'grassroots', category: '组织生活制度落实', contexts: ['dept', 'soe', 'court', 'civil'], sources: ['documents', 'documents'],
    text: (f) => `党组理论学习中心组学习不经常，${f.year()}年仅开展集中学习${f.n(2, 5)}次`,
  },
  {
    key: 'meetings', focus: 'grassroots', category: '组织生活制度落实', contexts: ALL, sources: ['documents', 'interview'],
    text: () => '主题党日活动开展不经常，内容单一、形式化',
  },
  {
    key: 'dues', focus: 'grassroots', category: '党员发展和管理', contexts: ALL, sources: ['documents', 'documents'], common: true,
    text: (f) => `党费收缴不规范，${f.n(3, 40)}名党员未按标准足额交纳党费`,
  },
  {
    key: 'members', focus: 'grassroots', category: '党员发展和管理', contexts: ALL, sources: ['documents', 'documents', 'interview'],
    text: (f) => `发展党员程序不规范，${f.n(1, 6)}名发展对象入党材料缺失、培养考察记录不全`,
  },
  {
    key: 'members', focus: 'grassroots', category: '党员发展和管理', contexts: ['village', 'town'], sources: ['visit', 'documents'],
    text: (f) => `流动党员管理缺位，${f.n(2, 15)}名外出党员长期未参加组织生活`,
  },
  {
    key: 'members', focus: 'grassroots', category: '党员发展和管理', contexts: ALL, sources: ['documents', 'interview'],
    text: () => '民主评议党员走过场，评议结果全部为“合格”以上',
  },
  {
    key: 'cadres', focus: 'grassroots', category: '选人用人', contexts: ['dept', 'soe', 'court', 'police', 'land', 'civil'], sources: ['documents', 'documents', 'interview'], common: true,
    text: (f) => `选人用人程序不规范，${f.n(1, 6)}名干部提拔任用时未经民主推荐`,
  },
  {
    key: 'cadres', focus: 'grassroots', category: '选人用人', contexts: ['dept', 'soe', 'court'], sources: ['documents'],
    text: (f) => `干部人事档案管理存在漏洞，${f.n(2, 20)}份档案存在涂改、材料缺失`,
  },
  {
    key: 'cadres', focus: 'grassroots', category: '选人用人', contexts: ['dept', 'court', 'town'], sources: ['documents', 'interview'],
    text: (f) => `超职数配备${pick(f, ['科级干部', '中层干部', '副职领导'])}${f.n(1, 5)}名`,
  },
  {
    key: 'responsibility', focus: 'grassroots', category: '基层党组织建设', contexts: OFFICES, sources: ['documents', 'interview'], common: true,
    text: (f) => `落实全面从严治党主体责任不到位，${f.year()}年未专题研究党风廉政建设工作`,
  },
  {
    key: 'ideology', focus: 'grassroots', category: '基层党组织建设', contexts: ['dept', 'soe', 'court', 'civil'], sources: ['documents', 'interview'],
    text: () => '意识形态工作责任制落实不到位，未按规定开展意识形态领域情况分析研判',
  },
  {
    key: 'responsibility', focus: 'grassroots', category: '基层党组织建设', contexts: ['soe', 'dept'], sources: ['interview', 'questionnaire'],
    text: () => '党建工作与业务工作“两张皮”，党建考核流于形式',
  },
  {
    key: 'villageParty', focus: 'grassroots', category: '基层党组织建设', contexts: ['village'], sources: ['visit', 'interview', 'petition'],
    text: (f) => `党支部软弱涣散，战斗堡垒作用发挥不明显，${f.year()}年未召开支委会研究重大事项`,
  },
  {
    key: 'villageParty', focus: 'grassroots', category: '基层党组织建设', contexts: ['village'], sources: ['interview', 'petition', 'visit'],
    text: () => '村“两委”班子不团结，议事决策不规范，“四议两公开”落实不到位',
  },
  {
    key: 'villageParty', focus: 'grassroots', category: '基层党组织建设', contexts: ['village'], sources: ['visit', 'documents'],
    text: (f) => `村务公开不及时、不全面，${f.year()}年财务收支未按季度公开`,
  },
  {
    key: 'cadreTeam', focus: 'grassroots', category: '基层干部队伍建设', contexts: ['village'], sources: ['interview', 'petition'],
    text: () => '党支部书记履职能力不足，对村级事务搞“一言堂”',
  },
  {
    key: 'cadreTeam', focus: 'grassroots', category: '基层干部队伍建设', contexts: ['village', 'town', 'police', 'land'], sources: ['documents', 'interview'],
    text: (f) => `干部队伍年龄结构老化，后备力量不足，${f.n(35, 40)}岁以下干部仅${f.n(1, 4)}名`,
  },
  {
    key: 'cadreTeam', focus: 'grassroots', category: '基层干部队伍建设', contexts: ['village'], sources: ['visit', 'petition'],
    text: (f) => `村委会主任${f.person()}长期不在村，村务工作无人牵头`,
  },
  {
    key: 'cadreTeam', focus: 'grassroots', category: '基层干部队伍建设', contexts: ['village'], sources: ['visit', 'interview'],
    text: (f) => `驻村工作队员履职不到位，${f.n(1, 3)}名队员长期不在岗`,
  },
  {
    key: 'cadreTeam', focus: 'grassroots', category: '基层干部队伍建设', contexts: ['police'], sources: ['documents', 'interview'],
    text: (f) => `辅警管理不规范，${f.n(2, 12)}名辅警单独参与执法办案`,
  },

  // ---- 聚焦巡视巡察整改不落实、不到位问题 --------------------------------------------------------
  {
    key: 'lastRound', focus: 'rectification', category: '巡视巡察整改', contexts: ALL, sources: ['documents', 'documents', 'interview'], common: true,
    text: (f) => {
      const found = f.n(8, 30);
      return `上轮巡察反馈的${found}个问题中仍有${f.n(2, Math.min(9, found - 3))}个未整改到位`;
    },
  },
  {
    key: 'lastRound', focus: 'rectification', category: '巡视巡察整改', contexts: ALL, sources: ['documents', 'visit', 'interview'], common: true,
    text: () => '存在表面整改、虚假整改问题，整改报告与实际情况不符',
  },
  {
    key: 'ledger', focus: 'rectification', category: '巡视巡察整改', contexts: ALL, sources: ['documents', 'documents'],
    text: (f) => `整改台账不完善，${f.n(2, 15)}项问题未按要求销号`,
  },
  {
    key: 'ledger', focus: 'rectification', category: '巡视巡察整改', contexts: OFFICES, sources: ['documents'],
    text: (f) => `建章立制不到位，整改后未修订完善相关制度${f.n(2, 8)}项`,
  },
  {
    key: 'lookback', focus: 'rectification', category: '巡视巡察整改', contexts: ['soe'], sources: ['documents', 'documents', 'interview'],
    text: (f) => `2019年专项巡察反馈的“${pick(f, ['“三重一大”决策制度执行不严格', '违规发放津贴补贴', '选人用人不规范', '工程项目管理不规范', '国有资产管理不规范', '财务管理混乱'])}”问题整改不到位`,
  },
  {
    key: 'lookback', focus: 'rectification', category: '巡视巡察整改', contexts: ['civil'], sources: ['documents', 'documents', 'visit'],
    text: (f) => `2019年专项巡察反馈的“${pick(f, ['人防工程易地建设费征收不到位', '人防工程维护管理不到位', '人防指挥所建设滞后', '违规发放津贴补贴'])}”问题整改不到位`,
  },
  {
    key: 'audit', focus: 'rectification', category: '审计整改', contexts: OFFICES, sources: ['documents', 'documents'],
    text: (f) => `${f.year()}年审计发现问题整改不彻底，${f.amount(2, 300)}违规资金未追缴到位`,
  },
  {
    key: 'audit', focus: 'rectification', category: '审计整改', contexts: OFFICES, sources: ['documents'],
    text: (f) => `对审计指出的${f.n(3, 12)}个问题未制定整改措施`,
  },
  {
    key: 'themeEducation', focus: 'rectification', category: '主题教育整改', contexts: ALL, sources: ['documents', 'interview'],
    text: (f) => `“不忘初心、牢记使命”主题教育检视问题整改进度滞后，${f.n(2, 9)}项整改措施未落实`,
  },
  {
    key: 'clueHandling', focus: 'rectification', category: '问题线索处置', contexts: ['dept', 'soe', 'town', 'court', 'police'], sources: ['documents', 'documents'],
    text: (f) => `上轮巡察移交的问题线索处置不及时，${f.n(2, 9)}件线索超期未办结`,
  },
  {
    key: 'clueHandling', focus: 'rectification', category: '问题线索处置', contexts: ['dept', 'soe', 'town'], sources: ['documents', 'interview'],
    text: (f) => `对上轮巡察移交问题的责任追究不到位，${f.n(1, 6)}名责任人未作处理`,
  },
];

/** Added to some descriptions, after the finding itself. */
export const FOLLOW_UPS: readonly string[] = [
  '单位党组织对此重视不够，未及时研究解决',
  '主要负责人对此负有领导责任',
  '分管领导监督管理缺位',
  '该问题在上轮巡察中已经指出',
  '群众对此反映强烈',
  '相关制度未得到有效执行',
  '截至巡察进驻时仍未纠正',
];

/** What a document check of a problem of this theme looked at. */
function documentsFor(template: ProblemTemplate, f: Fill): string {
  const year = f.year();
  const vouchers = `查阅${year}年会计凭证第${f.n(1, 400)}号、第${f.n(1, 400)}号`;
  if (template.focus === 'rectification') {
    return template.category === '审计整改'
      ? f.random.pick([`${year}年度审计报告及整改台账`, '查阅审计整改情况报告'])
      : f.random.pick(['查阅上轮巡察整改台账', '查阅巡察整改情况报告', '查阅整改销号资料']);
  }
  switch (template.category) {
    case '工程项目':
      return f.random.pick(['查阅工程项目招投标及结算资料', `查阅${year}年政府采购合同${f.n(3, 40)}份`, vouchers]);
    case '形式主义官僚主义':
    case '吃拿卡要':
      return f.random.pick([`查阅${year}年发文登记簿`, `查阅${year}年办件台账`, '查阅执法案卷', vouchers]);
    case '组织生活制度落实':
      return f.random.pick([`查阅党支部会议记录本（${year}年）`, `查阅${year}年理论学习中心组学习记录`]);
    case '党员发展和管理':
      return f.random.pick([`查阅党员档案${f.n(5, 40)}份`, `查阅${year}年党费收缴台账`]);
    case '选人用人':
      return f.random.pick([`查阅干部人事档案${f.n(5, 60)}份`, `查阅${year}年干部任免会议纪要`]);
    case '基层党组织建设':
    case '基层干部队伍建设':
      return f.random.pick([`查阅${year}年党组（党委）会议记录`, `调阅${year}年“三重一大”事项会议纪要`, `查阅${year}年村务公开资料`]);
    default:
      return f.random.pick([vouchers, `查阅${year}年财务账簿`, `调阅${year}年“三重一大”事项会议纪要`]);
  }
}

/** The evidence line of a problem, by where it was found. */
export function evidenceFor(source: ProblemSource, template: ProblemTemplate, f: Fill, place: string): string {
  switch (source) {
    case 'documents':
      return documentsFor(template, f);
    case 'interview':
      return f.random.pick([`个别谈话记录第${f.n(1, 260)}号`, `与${f.n(2, 12)}名干部个别谈话`, '巡察组谈话笔录']);
    case 'petition':
      return `信访件编号 XC-2020-${String(f.n(1, 480)).padStart(3, '0')}`;
    case 'visit':
      return `实地走访记录（${place}）`;
    case 'questionnaire':
      return f.random.pick([`问卷调查汇总表（回收问卷${f.n(40, 300)}份）`, '民主测评结果汇总表']);
    default:
      return f.random.pick(['上级移交材料', `${f.year()}年度审计报告`]);
  }
}

/** An urban 社区 has a 居委会 where a village has a 村委会: the village wording, made urban. */
export function forCommunity(text: string): string {
  return text
    .replace(/村“两委”/g, '社区“两委”')
    .replace(/村党支部书记/g, '社区党组织书记')
    .replace(/村委会主任/g, '居委会主任')
    .replace(/村监委会主任/g, '居务监督委员会主任')
    .replace(/村会计/g, '社区会计')
    .replace(/村务公开/g, '居务公开')
    .replace(/村级/g, '社区')
    .replace(/村集体/g, '社区集体')
    .replace(/村干部/g, '社区干部')
    .replace(/驻村/g, '驻社区')
    .replace(/村委会/g, '居委会');
}

// ---- the office's own 是否 checklists -----------------------------------------------------------

export interface ChecklistItemData {
  section: string;
  focus: Focus | null;
  text: string;
  /** The problem themes a 否 on this item stands for. */
  keys: readonly string[];
  /** Answered 不适用 where the unit has no such business (e.g. 惠民惠农资金 in a city department). */
  notFor?: readonly FindingContext[];
}

export interface ChecklistData {
  /** The name of the template the findings migration seeds; the office saves its own version of it. */
  name: string;
  mode: string;
  topic: string | null;
  items: readonly ChecklistItemData[];
}

const CORRUPTION = '聚焦群众身边腐败问题和不正之风';
const GRASSROOTS = '聚焦基层党组织软弱涣散、组织力欠缺问题';
const RECTIFICATION = '聚焦巡视巡察整改不落实、不到位问题';

/**
 * Each item asks whether something is done as it should be, so that 否 is always the finding
 * (the app links a 否 to its problems). The report's lists are longer (61 and 25 items); these
 * are the demo's abridged versions.
 */
export const CHECKLISTS: readonly ChecklistData[] = [
  {
    name: '常规巡察“是否”清单',
    mode: 'routine',
    topic: null,
    items: [
      { section: CORRUPTION, focus: 'corruption', text: '是否严格执行津贴补贴和福利发放规定', keys: ['allowance'] },
      { section: CORRUPTION, focus: 'corruption', text: '是否严格执行公务接待、公务用车和差旅管理规定', keys: ['reception', 'car', 'travel', 'banquet', 'reimburse'] },
      { section: CORRUPTION, focus: 'corruption', text: '是否规范管理和发放惠民惠农资金', keys: ['funds'], notFor: ['dept', 'soe', 'civil', 'court'] },
      { section: CORRUPTION, focus: 'corruption', text: '是否依法依规进行工程项目招标和政府采购', keys: ['tender', 'procurement'] },
      { section: CORRUPTION, focus: 'corruption', text: '是否规范管理集体资金、资产、资源', keys: ['assets'], notFor: ['dept', 'court', 'civil'] },
      { section: CORRUPTION, focus: 'corruption', text: '是否杜绝文山会海、督查检查过多过频等形式主义问题', keys: ['formalism'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否落实全面从严治党主体责任', keys: ['responsibility'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否按规定落实“三会一课”等组织生活制度', keys: ['meetings'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否按程序发展党员并严格党员教育管理', keys: ['members'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否按规定收缴、使用和管理党费', keys: ['dues'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否严格执行干部选拔任用工作程序', keys: ['cadres'] },
      { section: GRASSROOTS, focus: 'grassroots', text: '是否落实意识形态工作责任制', keys: ['ideology'] },
      { section: RECTIFICATION, focus: 'rectification', text: '是否对上轮巡视巡察反馈问题逐项整改到位', keys: ['lastRound'] },
      { section: RECTIFICATION, focus: 'rectification', text: '是否建立整改台账并按要求销号、建章立制', keys: ['ledger'] },
      { section: RECTIFICATION, focus: 'rectification', text: '是否对审计发现问题整改到位', keys: ['audit'] },
      { section: RECTIFICATION, focus: 'rectification', text: '是否按期办结巡察移交的问题线索', keys: ['clueHandling'] },
    ],
  },
  {
    name: '煤炭矿产资源领域专项巡察“是否”清单',
    mode: 'special',
    topic: '煤炭矿产资源领域',
    items: [
      { section: '资源出让', focus: 'corruption', text: '是否依法依规出让矿业权', keys: ['coalRights'] },
      { section: '监管执法', focus: 'corruption', text: '是否依法查处越界开采、非法开采行为', keys: ['coalIllegal'] },
      { section: '监管执法', focus: 'corruption', text: '是否落实煤炭运销和产能监管措施', keys: ['coalTransport'] },
      { section: '税费征收', focus: 'corruption', text: '是否足额征收矿产资源税费', keys: ['coalTax'] },
      { section: '生态修复', focus: 'corruption', text: '是否按规定提取和使用矿山地质环境治理恢复基金', keys: ['coalFund'] },
      { section: '生态修复', focus: 'rectification', text: '是否完成环保督察反馈的矿区生态修复整改任务', keys: ['coalEco'] },
      { section: '廉洁从政', focus: 'corruption', text: '是否杜绝干部违规参股、兼职矿山企业', keys: ['coalCadre'] },
    ],
  },
  {
    name: '优化营商环境专项巡察内容清单',
    mode: 'special',
    topic: '优化营商环境',
    items: [
      { section: '政务服务', focus: 'corruption', text: '是否将全部审批事项纳入政务服务大厅统一办理', keys: ['bizOutside'] },
      { section: '政务服务', focus: 'corruption', text: '是否落实“最多跑一次”改革要求', keys: ['bizOnce'] },
      { section: '涉企收费', focus: 'corruption', text: '是否严格执行涉企收费目录清单', keys: ['bizFees'] },
      { section: '诉求办理', focus: 'corruption', text: '是否按期办结企业诉求和投诉', keys: ['bizComplaints'] },
      { section: '政策落实', focus: 'corruption', text: '是否按合同约定及时支付民营企业账款', keys: ['bizArrears'] },
      { section: '政策落实', focus: 'corruption', text: '是否落实减税降费等惠企政策', keys: ['bizPolicy'] },
    ],
  },
];

// ---- clues ---------------------------------------------------------------------------------------

/** Who receives a clue: 市纪委监委 for discipline matters, 市委组织部 for selection and appointment. */
export type ClueReceiver = 'discipline' | 'organisation';

export interface ClueTemplate {
  to: ClueReceiver;
  contexts: readonly FindingContext[];
  /** A matter only a leader can be reflected on for (selection and appointment). */
  leaders?: boolean;
  /** What the clue reflects about the person, after 反映…: e.g. 违规收受管理服务对象礼金问题. */
  matter: string;
}

export const CLUE_TEMPLATES: readonly ClueTemplate[] = [
  { to: 'discipline', contexts: ['dept', 'soe', 'civil', 'court', 'police', 'land', 'town', 'coal', 'business'], matter: '违规收受管理服务对象礼金问题' },
  { to: 'discipline', contexts: ['dept', 'soe', 'civil', 'town', 'coal'], matter: '利用职务便利为亲属承揽工程项目问题' },
  { to: 'discipline', contexts: ['dept', 'soe', 'civil', 'town'], matter: '违规插手工程招投标问题' },
  { to: 'discipline', contexts: ['dept', 'soe', 'court', 'town'], matter: '挪用公款用于个人投资理财问题' },
  { to: 'discipline', contexts: ['dept', 'soe', 'civil'], matter: '违规报销个人费用问题' },
  { to: 'discipline', contexts: ['soe'], matter: '违规对外出借资金并收取好处费问题' },
  { to: 'discipline', contexts: ['village'], matter: '虚报冒领低保资金问题' },
  { to: 'discipline', contexts: ['village'], matter: '侵占集体土地承包费问题' },
  { to: 'discipline', contexts: ['village', 'town'], matter: '截留挪用扶贫专项资金问题' },
  { to: 'discipline', contexts: ['village'], matter: '在村级工程中虚列支出、套取资金问题' },
  { to: 'discipline', contexts: ['coal'], matter: '违规审批采矿许可并收受好处问题' },
  { to: 'discipline', contexts: ['coal'], matter: '违规参股煤矿企业问题' },
  { to: 'discipline', contexts: ['business'], matter: '在企业开办审批中吃拿卡要问题' },
  { to: 'discipline', contexts: ['police'], matter: '在涉案财物处置中徇私问题' },
  { to: 'discipline', contexts: ['land'], matter: '违规办理土地审批手续问题' },
  { to: 'discipline', contexts: ['court'], matter: '违规过问、插手执行案件问题' },
  { to: 'organisation', contexts: ['dept', 'soe', 'court', 'civil', 'town', 'police', 'land'], matter: '在干部选拔任用中任人唯亲问题', leaders: true },
  { to: 'organisation', contexts: ['dept', 'soe', 'town', 'police'], matter: '“三龄两历”造假问题' },
  { to: 'organisation', contexts: ['dept', 'court', 'town'], matter: '违规提拔使用干部问题', leaders: true },
  { to: 'organisation', contexts: ['village', 'town'], matter: '长期不在岗、不履职问题' },
];

/**
 * Positions and ranks of the people clues reflect on, by kind of place; the leaders (who
 * select and appoint) first, as many as `LEADING_POSITIONS` says.
 */
export const POSITIONS: Record<FindingContext, readonly (readonly [string, string])[]> = {
  dept: [['局长', '正处级'], ['副局长', '副处级'], ['科长', '正科级'], ['财务科科长', '正科级'], ['办公室主任', '正科级'], ['下属中心主任', '正科级']],
  coal: [['局长', '正处级'], ['副局长', '副处级'], ['矿管科科长', '正科级'], ['执法大队队长', '正科级']],
  business: [['局长', '正处级'], ['副局长', '副处级'], ['审批科科长', '正科级'], ['窗口负责人', '副科级']],
  soe: [['董事长', '正处级'], ['总经理', '正处级'], ['副总经理', '副处级'], ['财务部部长', '正科级'], ['项目经理', '']],
  civil: [['主任', '正科级'], ['副主任', '副科级'], ['工程科科长', '股级']],
  town: [['党委书记', '正科级'], ['镇长', '正科级'], ['副镇长', '副科级'], ['财政所所长', '股级']],
  village: [['党支部书记', ''], ['村委会主任', ''], ['村会计', ''], ['村监委会主任', '']],
  police: [['所长', '正科级'], ['副所长', '副科级'], ['民警', '']],
  land: [['所长', '股级'], ['工作人员', '']],
  court: [['院长', '正处级'], ['执行局局长', '正科级'], ['副庭长', '副科级'], ['法官', '']],
};
export const LEADING_POSITIONS: Record<FindingContext, number> = { dept: 2, coal: 2, business: 2, soe: 3, civil: 2, town: 2, village: 2, police: 2, land: 1, court: 2 };

export const CLUE_SOURCES: readonly string[] = ['巡察谈话', '巡察谈话', '信访举报', '信访举报', '信访举报', '查阅资料', '走访调研', '巡察组受理来电'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '郭', '马', '何', '韩', '郝', '白', '乔', '武', '云'];

/** 王某某, 李某: never a real name. */
export function fictionalName(random: DemoRandom): string {
  return `${random.pick(SURNAMES)}${random.chance(0.6) ? '某某' : '某'}`;
}

/** Notes the receiving body sends back with its disposal, by 处置方式. */
export const DISPOSAL_NOTES: Record<string, readonly ((name: string) => string)[]> = {
  谈话函询: [(n) => `已对${n}进行谈话函询，本人作出说明，函询回复基本属实，予以采信`, (n) => `对${n}进行函询，本人如实说明情况，予以了结并批评教育`],
  初步核实: [(n) => `经初步核实，反映${n}的问题部分属实，给予诫勉处理`, (n) => `经初步核实，反映${n}的问题不属实，予以澄清`, (n) => `经初步核实，${n}违规事实清楚，给予党内警告处分`],
  暂存待查: [() => '反映问题笼统，暂不具备核查条件，暂存待查', () => '与在办案件关联，暂存待查'],
  予以了结: [() => '反映问题已在此前处理，予以了结', () => '经了解，反映问题不属实，予以了结'],
  立案审查: [(n) => `经市纪委监委批准，对${n}立案审查调查`, (n) => `${n}涉嫌违纪违法，已立案审查调查`],
};
