import type { PairingAspect } from '../../../shared/channels/pairing';

/**
 * The 30 supervision items of 四包联 in their 4 aspects, as the 2020 Hohhot report frames them
 * (主体责任落实, 巡察质效, 巡察整改, 队伍建设). The first template of every vault; the office edits it.
 */
export const defaultTemplate: readonly { aspect: PairingAspect; text: string }[] = [
  { aspect: 'responsibility', text: '旗县区委每年听取巡察工作汇报不少于2次，研究解决巡察工作重大问题' },
  { aspect: 'responsibility', text: '旗县区委书记履行巡察工作第一责任人职责，听取每轮巡察情况汇报并提出明确要求' },
  { aspect: 'responsibility', text: '制定本届巡察工作规划和年度巡察计划，明确全覆盖任务书、时间表和路线图' },
  { aspect: 'responsibility', text: '巡察工作领导小组定期召开会议，研究部署巡察工作' },
  { aspect: 'responsibility', text: '巡察机构设置、编制和人员配备到位' },
  { aspect: 'responsibility', text: '巡察工作经费纳入财政预算并保障到位' },
  { aspect: 'responsibility', text: '建立纪检监察、组织、审计、信访等职能部门协作配合机制' },
  { aspect: 'responsibility', text: '建立巡察工作联席会议制度并按期召开' },
  { aspect: 'quality', text: '按计划推进巡察全覆盖，本届巡察覆盖进度符合要求' },
  { aspect: 'quality', text: '每轮巡察制定工作方案，进驻前听取纪检监察、组织等部门情况通报' },
  { aspect: 'quality', text: '紧扣“三个聚焦”开展政治巡察，发现问题精准具体' },
  { aspect: 'quality', text: '灵活运用常规、专项、交叉、提级、点穴式、“回头看”等巡察方式' },
  { aspect: 'quality', text: '推进对村（社区）巡察，延伸巡察监督触角' },
  { aspect: 'quality', text: '落实市县巡察上下联动，配合完成市委巡察联动任务' },
  { aspect: 'quality', text: '巡察报告规范，问题定性准确、依据充分' },
  { aspect: 'quality', text: '问题线索按规定及时移交，移交手续完备' },
  { aspect: 'quality', text: '巡察档案按规定立卷归档，资料齐全规范' },
  { aspect: 'rectification', text: '巡察反馈及时规范，反馈会议按要求召开' },
  { aspect: 'rectification', text: '被巡察党组织按期报送整改报告，整改方案措施具体' },
  { aspect: 'rectification', text: '建立问题整改台账，实行动态销号管理' },
  { aspect: 'rectification', text: '召开整改专题民主生活会，主要负责人履行整改第一责任人职责' },
  { aspect: 'rectification', text: '纪检监察机关和组织部门履行整改日常监督职责' },
  { aspect: 'rectification', text: '开展巡察整改“回头看”和整改成效评估' },
  { aspect: 'rectification', text: '运用巡察成果推动建章立制、以案促改' },
  { aspect: 'team', text: '巡察干部政治素质和业务能力培训每年不少于1次' },
  { aspect: 'team', text: '建立巡察人才库，入库人员数量和结构满足工作需要' },
  { aspect: 'team', text: '巡察组组长、副组长选派严格把关，实行组长库管理' },
  { aspect: 'team', text: '落实巡察干部回避制度和保密纪律' },
  { aspect: 'team', text: '健全巡察干部考核评价和成果运用机制' },
  { aspect: 'team', text: '加强巡察机构自身建设，严格执行中央八项规定精神，防止“灯下黑”' },
];
