/**
 * The demo registry: Hohhot's nine 旗县区 (the core's preset list), the units the 2020 report
 * names (市委网信办, 市委保密机要局, 市退役军人事务局, 市医疗保障局, 市人防办 …) and, for the
 * rest, names that are plausible but plainly generated: the townships, villages, police
 * stations and land offices below are made up from word lists and are not real places.
 * Counts follow the report where it gives them: 116 派出所, 44 国土所, 9 法院 (one per 旗县区),
 * 36 市属国有企业 inspected in 2019.
 */
import type { PartyOrgType } from '../../../shared/domain';
import type { DemoRandom } from './random';

export const KIND = {
  cityDept: '市直部门',
  soe: '市属国有企业',
  township: '乡镇/街道',
  village: '村/社区',
  police: '派出所',
  land: '国土所',
  court: '法院/执行局',
  /** Added by the demo through catalogs.add: the county bureaus above 派出所 and 国土所, and the county 人防办. */
  countyDept: '旗县区部门',
} as const;

/** Added by the demo: the topic of the 2019 special inspection of the state-owned enterprises. */
export const SOE_TOPIC = '国有企业';
export const COAL_TOPIC = '煤炭矿产资源领域';
export const BUSINESS_TOPIC = '优化营商环境';
export const CIVIL_DEFENCE_TOPIC = '人防系统';

/** The date the 2019 institutional reform (机构改革) set up the new city bureaus and merged the old ones. */
export const REFORM_DATE = '2019-01-22';

export interface CountyData {
  name: string;
  /** 区 have 街道 and a few 镇; 旗 and 县 have 镇 and 乡. */
  urban: boolean;
  /** 公安分局 in a 区, 公安局 in a 旗/县. */
  policeBureau: string;
  policeStations: number;
  landOffices: number;
}

export const COUNTIES: readonly CountyData[] = [
  { name: '新城区', urban: true, policeBureau: '新城区公安分局', policeStations: 16, landOffices: 5 },
  { name: '回民区', urban: true, policeBureau: '回民区公安分局', policeStations: 13, landOffices: 5 },
  { name: '玉泉区', urban: true, policeBureau: '玉泉区公安分局', policeStations: 12, landOffices: 4 },
  { name: '赛罕区', urban: true, policeBureau: '赛罕区公安分局', policeStations: 19, landOffices: 6 },
  { name: '土默特左旗', urban: false, policeBureau: '土默特左旗公安局', policeStations: 14, landOffices: 6 },
  { name: '托克托县', urban: false, policeBureau: '托克托县公安局', policeStations: 10, landOffices: 4 },
  { name: '和林格尔县', urban: false, policeBureau: '和林格尔县公安局', policeStations: 11, landOffices: 5 },
  { name: '清水河县', urban: false, policeBureau: '清水河县公安局', policeStations: 10, landOffices: 4 },
  { name: '武川县', urban: false, policeBureau: '武川县公安局', policeStations: 11, landOffices: 5 },
];

export const TOWNSHIPS_PER_COUNTY = 6;
export const VILLAGES_PER_TOWNSHIP = 5;

export interface CityDeptData {
  name: string;
  org: PartyOrgType;
  /** Set up by the 2019 reform: a new unit, due for coverage in this term. */
  established?: string;
  /** Merged into a new bureau by the 2019 reform. */
  merged?: string;
}

/** 58 city departments and bodies (市直部门), three of them merged in the 2019 reform. */
export const CITY_DEPARTMENTS: readonly CityDeptData[] = [
  { name: '市委网信办', org: '党支部' },
  { name: '市委保密机要局', org: '党支部' },
  { name: '市委政法委', org: '党总支' },
  { name: '市委统战部', org: '党总支' },
  { name: '市委宣传部', org: '党总支' },
  { name: '市委编办', org: '党支部' },
  { name: '市委政研室', org: '党支部' },
  { name: '市委党校', org: '党委' },
  { name: '市直机关工委', org: '党支部' },
  { name: '市委老干部局', org: '党支部' },
  { name: '市发展和改革委员会', org: '党组' },
  { name: '市教育局', org: '党组' },
  { name: '市科学技术局', org: '党组' },
  { name: '市工业和信息化局', org: '党组' },
  { name: '市公安局', org: '党委' },
  { name: '市民政局', org: '党组' },
  { name: '市司法局', org: '党组' },
  { name: '市财政局', org: '党组' },
  { name: '市人力资源和社会保障局', org: '党组' },
  { name: '市自然资源局', org: '党组', established: REFORM_DATE },
  { name: '市生态环境局', org: '党组', established: REFORM_DATE },
  { name: '市住房和城乡建设局', org: '党组' },
  { name: '市交通运输局', org: '党组' },
  { name: '市水务局', org: '党组' },
  { name: '市农牧局', org: '党组' },
  { name: '市商务局', org: '党组' },
  { name: '市文化旅游广电局', org: '党组', established: REFORM_DATE },
  { name: '市卫生健康委员会', org: '党组' },
  { name: '市退役军人事务局', org: '党组', established: REFORM_DATE },
  { name: '市应急管理局', org: '党组', established: REFORM_DATE },
  { name: '市审计局', org: '党组' },
  { name: '市市场监督管理局', org: '党组' },
  { name: '市统计局', org: '党组' },
  { name: '市医疗保障局', org: '党组', established: REFORM_DATE },
  { name: '市林业和草原局', org: '党组' },
  { name: '市能源局', org: '党组' },
  { name: '市政务服务局', org: '党组' },
  { name: '市信访局', org: '党组' },
  { name: '市城市管理综合执法局', org: '党组' },
  { name: '市体育局', org: '党组' },
  { name: '市人防办', org: '党组' },
  { name: '市投资促进局', org: '党组' },
  { name: '市住房公积金管理中心', org: '党组' },
  { name: '市机关事务管理局', org: '党组' },
  { name: '市国资委', org: '党委' },
  { name: '市地方志办', org: '党支部' },
  { name: '市总工会', org: '党组' },
  { name: '团市委', org: '党组' },
  { name: '市妇联', org: '党组' },
  { name: '市科协', org: '党组' },
  { name: '市文联', org: '党组' },
  { name: '市残联', org: '党组' },
  { name: '市红十字会', org: '党组' },
  { name: '市工商联', org: '党组' },
  { name: '市供销社', org: '党组' },
  { name: '市国土资源局', org: '党组', merged: REFORM_DATE },
  { name: '市环境保护局', org: '党组', merged: REFORM_DATE },
  { name: '市旅游发展委员会', org: '党组', merged: REFORM_DATE },
];

/** The three bureaus the 2019 reform merged into new ones. */
export const MERGED_DEPARTMENTS: readonly string[] = CITY_DEPARTMENTS.filter((d) => d.merged).map((d) => d.name);

/**
 * 38 city-owned enterprises (市属国有企业), generated names. The first 36 were in the 2019
 * special inspection; the last two were set up later and have not been inspected.
 */
export const SOE_NAMES: readonly string[] = [
  '市城市发展投资集团有限公司',
  '市交通投资建设集团有限公司',
  '市水务投资集团有限公司',
  '市公共交通集团有限公司',
  '市热力集团有限公司',
  '市燃气集团有限公司',
  '市国有资本运营有限公司',
  '市农牧业投资集团有限公司',
  '市文化旅游投资集团有限公司',
  '市土地收储开发有限公司',
  '市保障性住房建设有限公司',
  '市城市管理服务集团有限公司',
  '市粮食储备有限公司',
  '市医药集团有限公司',
  '市广播电视网络有限公司',
  '市金融控股集团有限公司',
  '市融资担保有限公司',
  '市创业投资有限公司',
  '市乳业发展有限公司',
  '市现代物流集团有限公司',
  '市环境卫生服务有限公司',
  '市园林绿化工程有限公司',
  '市排水管理有限公司',
  '市供水有限公司',
  '市会展中心有限公司',
  '市宾馆酒店管理有限公司',
  '市印刷包装有限公司',
  '市建筑设计研究院有限公司',
  '市市政工程建设有限公司',
  '市轨道交通建设管理有限公司',
  '市机场投资建设有限公司',
  '市体育产业发展有限公司',
  '市大数据运营有限公司',
  '市商贸流通集团有限公司',
  '市矿业开发有限公司',
  '市新能源投资有限公司',
  '市种业发展有限公司',
  '市智慧城市运营有限公司',
];
export const SOE_LATER: Record<string, string> = {
  '市种业发展有限公司': '2019-09-16',
  '市智慧城市运营有限公司': '2020-03-02',
};

const STREET_STEMS = ['建设路', '团结路', '光明路', '新华路', '文化路', '育才路', '兴业路', '和平路', '胜利路', '振华路', '民主路', '友谊路', '青年路', '解放路', '长青路', '丰收路'];
const TOWN_STEMS = [
  '东河', '西湾', '南营', '北滩', '红山', '青石', '白塔', '黄土坡', '柳树湾', '榆树沟', '杏花', '沙梁', '二道河', '三合',
  '五里营', '大营', '小井', '马场', '羊圈湾', '石门', '平顶山', '长胜', '永丰', '太平', '双龙', '清泉', '兴隆', '宏盛',
  '富源', '金山', '银河', '哈达', '乌兰', '巴彦', '塔布', '察汗', '古城', '新营', '后山', '前滩', '板申', '毛岱',
  '什拉', '大青', '西沟', '北岔', '黑土', '红旗', '保合', '杨家', '王家', '刘家', '西营', '东坡',
];
const VILLAGE_PREFIXES = ['东', '西', '南', '北', '前', '后', '上', '下', '新', '大', '小', '中', '高', '红', '白', '黑', '沙', '石', '榆', '柳'];
const VILLAGE_CORES = ['营子', '窑子', '沟门', '圪旦', '河湾', '坪', '滩', '梁', '店', '堡', '庄', '台', '井', '湾', '沟', '坝', '峁', '塔'];
const COMMUNITY_STEMS = [
  '阳光', '康乐', '和谐', '幸福', '育才', '兴华', '安居', '锦绣', '民主', '团结', '花园', '春晖', '朝阳', '富民', '丰收', '书香',
  '文苑', '滨河', '祥和', '金桥', '欣苑', '佳园', '东苑', '西苑', '南苑', '北苑', '翠园', '松园', '桃园', '梅园', '怡心', '馨园',
];
const POLICE_STEMS = [
  '城关', '站前', '车站', '开发区', '工业园区', '新区', '东街', '西街', '南街', '北街', '东城', '西城', '河西', '河东', '广场',
  '机场', '大学城', '滨河', '如意', '金桥', '青城', '光华',
];

export interface TownshipData {
  name: string;
  /** What 派出所 and 国土所 borrow: 建设路 for 建设路街道, 东河 for 东河镇. */
  stem: string;
  org: PartyOrgType;
  villages: { name: string; org: PartyOrgType }[];
}

/**
 * Six townships per 旗县区 with five villages or communities each. Town stems are handed out in
 * order so no two townships share a name; village names are unique within their 旗县区 (the
 * registry's rule).
 */
export function townshipsOf(county: CountyData, countyIndex: number, random: DemoRandom): TownshipData[] {
  const used = new Set<string>();
  const townships: TownshipData[] = [];
  for (let i = 0; i < TOWNSHIPS_PER_COUNTY; i += 1) {
    let name: string;
    let stem: string;
    if (county.urban && i < 4) {
      stem = STREET_STEMS[(countyIndex * 4 + i) % STREET_STEMS.length]!;
      name = `${stem}街道`;
    } else {
      stem = TOWN_STEMS[(countyIndex * TOWNSHIPS_PER_COUNTY + i) % TOWN_STEMS.length]!;
      name = `${stem}${!county.urban && i >= 4 ? '乡' : '镇'}`;
    }
    const street = name.endsWith('街道');
    const villages: TownshipData['villages'] = [];
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v += 1) {
      let village: string;
      do {
        village = street ? `${random.pick(COMMUNITY_STEMS)}社区` : `${random.pick(VILLAGE_PREFIXES)}${random.pick(VILLAGE_CORES)}村`;
      } while (used.has(village));
      used.add(village);
      villages.push({ name: village, org: random.chance(0.15) ? '党总支' : '党支部' });
    }
    townships.push({ name, stem, org: '党委', villages });
  }
  return townships;
}

/** Police station names of one 旗县区: the townships' stems first, then common ones. */
export function policeStationNames(county: CountyData, townships: readonly TownshipData[]): string[] {
  const stems = [...townships.map((t) => t.stem), ...POLICE_STEMS];
  if (stems.length < county.policeStations) throw new Error(`not enough police station names for ${county.name}`);
  return stems.slice(0, county.policeStations).map((stem) => `${county.policeBureau}${stem}派出所`);
}

export function landOfficeNames(county: CountyData, townships: readonly TownshipData[]): string[] {
  return townships.slice(0, county.landOffices).map((t) => `${county.name}自然资源局${t.stem}国土资源所`);
}

// ---- people ---------------------------------------------------------------------------------

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '程', '曹', '袁', '邓', '许', '沈', '彭', '吕', '苏', '卢', '贾',
  '丁', '魏', '薛', '叶', '阎', '潘', '杜', '戴', '田', '任', '姜', '范', '石', '姚', '郝', '白', '崔', '康', '乔', '武',
  '云', '乌', '包', '奇', '荣', '敖',
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '文', '华', '红', '斌', '鑫', '宇', '浩', '晨', '凯', '慧', '婷', '雪', '琳', '鹏', '飞', '波', '辉', '峰', '亮', '宁',
  '建', '志', '海', '春', '秀', '玉', '兰', '桂', '英', '俊', '瑞', '博', '晓', '立', '永', '振', '国', '庆', '德', '毅',
];

/** Unique names: a surname and one or two given characters, drawn until unused (and not `taken`). */
export function nameMaker(random: DemoRandom, taken: readonly string[] = []): () => string {
  const used = new Set<string>(taken);
  return () => {
    for (;;) {
      const given = random.chance(0.7) ? `${random.pick(GIVEN)}${random.pick(GIVEN)}` : random.pick(GIVEN);
      const name = `${random.pick(SURNAMES)}${given}`;
      if (!used.has(name) && given[0] !== given[1]) {
        used.add(name);
        return name;
      }
    }
  };
}

/** Which part of the pool a person is drawn for: 组长, 副组长, or 组员. */
export type Tier = 'leader' | 'deputy' | 'member';

export interface PersonTemplate {
  tier: Tier;
  position: string;
  rank: string;
  specialities: string;
}

export const LEADER_TEMPLATES: readonly PersonTemplate[] = [
  { tier: 'leader', position: '巡察专员', rank: '正处级', specialities: '巡察工作' },
  { tier: 'leader', position: '巡察组组长', rank: '正处级', specialities: '巡察工作、组织人事' },
  { tier: 'leader', position: '巡察组组长', rank: '副处级', specialities: '巡察工作、纪检监察' },
];
export const DEPUTY_TEMPLATES: readonly (PersonTemplate & { unitText: string })[] = [
  { tier: 'deputy', unitText: '市委巡察办', position: '巡察组副组长', rank: '副处级', specialities: '巡察工作' },
  { tier: 'deputy', unitText: '市委巡察办', position: '综合室主任', rank: '正科级', specialities: '文字综合' },
  { tier: 'deputy', unitText: '市纪委监委', position: '纪检监察室副主任', rank: '正科级', specialities: '纪检监察、问题线索' },
  { tier: 'deputy', unitText: '市委组织部', position: '干部科科长', rank: '正科级', specialities: '组织人事、选人用人' },
];
export const MEMBER_TEMPLATES: readonly PersonTemplate[] = [
  { tier: 'member', position: '财务科科长', rank: '正科级', specialities: '财务审计' },
  { tier: 'member', position: '办公室主任', rank: '正科级', specialities: '文字综合' },
  { tier: 'member', position: '办公室副主任', rank: '副科级', specialities: '文字综合' },
  { tier: 'member', position: '人事科科长', rank: '正科级', specialities: '组织人事' },
  { tier: 'member', position: '法规科科长', rank: '正科级', specialities: '法律' },
  { tier: 'member', position: '机关党委专职副书记', rank: '正科级', specialities: '党建' },
  { tier: 'member', position: '一级主任科员', rank: '一级主任科员', specialities: '财务审计' },
  { tier: 'member', position: '二级主任科员', rank: '二级主任科员', specialities: '工程建设' },
  { tier: 'member', position: '四级主任科员', rank: '四级主任科员', specialities: '信息化' },
  { tier: 'member', position: '一级科员', rank: '一级科员', specialities: '文字综合' },
  { tier: 'member', position: '审计科副科长', rank: '副科级', specialities: '财务审计' },
  { tier: 'member', position: '信访科科长', rank: '正科级', specialities: '信访' },
];
export const COUNTY_TEMPLATES: readonly (PersonTemplate & { office: string })[] = [
  { tier: 'member', office: '委巡察办', position: '巡察组副组长', rank: '正科级', specialities: '巡察工作' },
  { tier: 'member', office: '委巡察办', position: '综合室主任', rank: '副科级', specialities: '文字综合' },
  { tier: 'member', office: '委巡察办', position: '一级科员', rank: '一级科员', specialities: '巡察工作' },
  { tier: 'member', office: '纪委监委', position: '纪检监察室主任', rank: '正科级', specialities: '纪检监察' },
  { tier: 'member', office: '纪委监委', position: '三级主任科员', rank: '三级主任科员', specialities: '问题线索' },
  { tier: 'member', office: '委组织部', position: '组织科副科长', rank: '副科级', specialities: '组织人事、基层党建' },
  { tier: 'member', office: '审计局', position: '审计股股长', rank: '股级', specialities: '财务审计' },
];

/** Pool sizes: 20 + 20 + 125 at city level, 9 per 旗县区, 4 township cadres: 250 in all. */
export const POOL = { leaders: 20, deputies: 20, cityMembers: 125, perCounty: 9, township: 4 } as const;

/** 2019 党建考核 results of the 市直 units, from the 市直机关工委 list: mostly 好 and 较好. */
export function assessmentResult(random: DemoRandom): string {
  const x = random.next();
  if (x < 0.38) return '好';
  if (x < 0.84) return '较好';
  if (x < 0.97) return '一般';
  return '差';
}
