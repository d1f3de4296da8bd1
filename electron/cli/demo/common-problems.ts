/**
 * 共性问题清单 and 前置整改成绩单 (the report's “两清单”): an inspection staff member (张慧) merges
 * the recurring problems of 第八轮 and 第九轮 (the ones marked 共性) into 60 common problems, 20 for
 * each of the three focuses, and issues the list to every 市直部门 and 市属国有企业 with a deadline;
 * then records each unit's self-check as it reported it: most units answer every item, a few did
 * not report; some find the problem and fix it, in time or late. The scorecard of 十二届市委
 * follows from these (`xuncha stats` sums it up).
 */
import type { Focus } from '../../../shared/domain';
import { signInAs } from './findings';
import { DEMO_SEED, seededRandom } from './random';
import { KIND } from './registry-data';
import type { DemoStep } from './types';

export const COMMON_LIST_TITLE = '市委巡察共性问题清单';
export const COMMON_ISSUED_ON = '2020-12-15';
export const COMMON_DEADLINE = '2021-03-31';

/** 60 common problems, 20 a focus, in the wording of an office's list. */
export const COMMON_PROBLEMS: Record<Focus, readonly string[]> = {
  corruption: [
    '违规发放津贴补贴、奖金福利',
    '公务接待超标准、无公函、陪餐人数超规定',
    '公车私用、违规报销车辆费用',
    '违规收受礼品礼金、消费卡',
    '借培训、考察之名变相公款旅游',
    '政府采购未履行招标程序、化整为零规避招标',
    '工程项目违规发包、未批先建',
    '专项资金截留挪用、超范围使用',
    '惠民惠农补贴优亲厚友、虚报冒领',
    '集体资产资源发包租赁不公开、租金长期拖欠',
    '违规出借资金、为他人提供担保',
    '“三重一大”事项未经集体研究决定',
    '财务票据不规范、白条入账',
    '违规设立“小金库”',
    '违规兼职取酬',
    '办公用房超标准配置未整改',
    '执法中吃拿卡要、选择性执法',
    '形式主义、官僚主义问题突出，文山会海未明显减少',
    '行政审批环节多、时限长，群众办事难',
    '扶贫领域资金使用绩效不高、项目闲置',
  ],
  grassroots: [
    '“三会一课”制度落实不到位、记录不全',
    '组织生活会流于形式，批评与自我批评辣味不足',
    '民主生活会会前征求意见不充分、整改措施不具体',
    '党员发展程序不规范、材料缺失',
    '党费收缴不及时、不足额',
    '党支部换届不及时',
    '党建工作责任制落实不到位，“一岗双责”落实不力',
    '意识形态工作责任制落实不到位',
    '中心组学习不规范、学习记录不全',
    '选人用人程序不规范，干部档案审核不严',
    '干部因私出国（境）证照管理不规范',
    '个人有关事项报告不如实',
    '基层党组织软弱涣散，战斗堡垒作用发挥不充分',
    '党务公开、村务公开不及时、不规范',
    '流动党员管理缺失、失联党员未处置',
    '“四议两公开”工作法落实不到位',
    '驻村工作队员在岗履职不到位',
    '党建与业务工作“两张皮”',
    '纪检监察机构监督作用发挥不充分',
    '基层干部作风不实、服务群众意识不强',
  ],
  rectification: [
    '上轮巡视巡察反馈问题整改不到位',
    '整改台账不健全、整改销号不规范',
    '整改措施针对性不强、停留在表面',
    '审计发现问题整改不彻底',
    '整改中建章立制不够、长效机制缺失',
    '整改专题民主生活会召开不及时',
    '整改情况未按要求公开',
    '移交问题线索办理进度缓慢',
    '追责问责不到位、失之于宽',
    '对整改工作督促检查不够',
    '整改报告内容空泛、与实际不符',
    '主要负责人履行整改第一责任人责任不到位',
    '同类问题屡查屡犯',
    '选人用人专项检查反馈问题整改不到位',
    '信访举报反映问题未及时处理',
    '群众反映强烈的问题未有效解决',
    '整改资金未按期追缴到位',
    '违规违纪问题整改后出现反弹',
    '整改工作档案资料不完整',
    '对下属单位整改工作指导不力',
  ],
};

const MEASURES = [
  '对照清单逐项排查，已完成整改并修订相关制度',
  '召开专题会议研究整改，追回违规款项，相关责任人作出书面检查',
  '补齐台账资料，建立定期检查机制',
  '开展专项整治，建立长效管理制度',
];

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const commonProblemsStep: DemoStep = {
  id: 'common-problems',
  title: { zh: '共性问题清单与前置整改', en: 'Common-problem list and self-checks' },
  async run(ctx) {
    const { core } = ctx;
    const random = seededRandom(DEMO_SEED + 60);
    await signInAs(ctx, 'staff');

    // ---- the list, merged from the problems marked 共性 -------------------------------------------
    const list = await core.call('commonLists.create', { title: COMMON_LIST_TITLE, note: '根据十二届市委第八轮、第九轮巡察发现的共性问题梳理，印发市直各单位对照排查、限期整改' });
    for (const focus of ['corruption', 'grassroots', 'rectification'] as const) {
      const pool = (await core.call('problems.list', { isCommon: true, focus, page: 1, pageSize: 500 })).items;
      for (const wording of COMMON_PROBLEMS[focus]) {
        const sources = random.shuffle(pool).slice(0, random.int(2, 4));
        await core.call('commonProblems.merge', { listId: list.id, problemIds: sources.map((p) => p.id), wording, focus });
      }
    }

    // ---- 印发 to every 市直部门 and 市属国有企业 --------------------------------------------------------
    const catalogs = await core.call('catalogs.get', {});
    const kindIds = [KIND.cityDept, KIND.soe].map((name) => catalogs.unitKinds.find((k) => k.name === name)!.id);
    const issued = await core.call('commonLists.issue', { id: list.id, issuedOn: COMMON_ISSUED_ON, deadline: COMMON_DEADLINE, units: { kindIds } });

    // ---- each unit's self-check, one sheet per unit --------------------------------------------
    const items = (await core.call('commonLists.items', { listId: list.id, page: 1, pageSize: 100 })).items;
    const units = (await core.call('commonLists.units', { listId: list.id, page: 1, pageSize: 500 })).items;
    let reported = 0;
    for (const unit of units) {
      // A few units had not reported by the time the list was summed up.
      if (random.chance(0.06)) continue;
      reported += 1;
      const checks = items.map((item) => {
        if (!random.chance(0.12)) return { commonProblemId: item.id, found: false, measures: '', fixedOn: null, note: '对照排查，未发现此问题' };
        const fixed = random.chance(0.8);
        return {
          commonProblemId: item.id,
          found: true,
          measures: fixed ? random.pick(MEASURES) : '正在整改',
          fixedOn: fixed ? addDays(COMMON_ISSUED_ON, random.int(10, 150)) : null,
          note: '',
        };
      });
      await core.call('selfChecks.saveMany', { unitId: unit.unitId, checks });
    }
    ctx.summary.push({
      zh: `共性问题清单：${issued.items} 个共性问题印发 ${issued.units} 个单位，${reported} 个单位报送自查`,
      en: `Common-problem list: ${issued.items} common problems issued to ${issued.units} units, ${reported} units reported`,
    });
    await signInAs(ctx, 'admin');
  },
};
