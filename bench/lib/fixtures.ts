/**
 * App-shaped demo rows, deterministic (a seeded generator), with Chinese text made from the
 * phrases of the source report (/work/shared/seed: 呼和浩特市委巡察机构, 2020).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { AuditEvent } from '../../electron/core/audit/audit-log';
import type { Db } from '../../electron/core/vault/database';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '市委巡察机构深入学习贯彻习近平总书记关于巡视工作重要论述',
  '紧扣党中央、自治区党委巡察工作部署安排',
  '坚持把提升市县巡察质量作为推进巡察全覆盖的重要抓手',
  '夯实市县巡察工作基础，不断推动政治巡察向纵深发展',
  '对9个市直部门开展常规巡察',
  '对7个部门开展煤炭矿产资源领域专项巡察',
  '对10个单位开展优化营商环境专项巡察',
  '对36个市属国有企业开展巡察“回头看”',
  '对9个乡镇、20个村（居）开展提级交叉巡察',
  '共发现问题1496个，问题线索82个',
  '对各旗县区公安（分）局116个派出所开展提级交叉巡察',
  '自然资源局44个国土所、9个法院（执行局）和9个重点村',
  '党组织落实全面从严治党主体责任不到位',
  '“三重一大”决策制度执行不严格',
  '选人用人工作不规范，干部档案管理存在漏洞',
  '基层党组织软弱涣散，“三会一课”制度落实不到位',
  '违规发放津贴补贴，公务用车管理不规范',
  '落实上轮巡察整改要求不彻底，存在表面整改问题',
  '优化营商环境政策落实不到位，审批流程繁琐',
  '矿产资源开发监管缺位，违规审批采矿权',
  '集体资金、资产、资源管理混乱',
  '惠民惠农政策落实打折扣，群众反映强烈',
];

const FOCUSES = ['聚焦坚持党的领导', '聚焦全面从严治党', '聚焦基层党组织建设'];
const SOURCES = ['个别谈话', '查阅资料', '受理信访', '走访调研', '下沉了解'];
const UNITS = ['市委网信办', '市委保密机要局', '市退役军人事务局', '市医疗保障局', '新城区公安分局', '赛罕区自然资源局', '托克托县人民法院', '武川县某村党支部'];

/** About `length` characters of report-like Chinese text. */
export function chineseText(random: () => number, length = 200): string {
  let text = '';
  while (text.length < length) text += `${PHRASES[Math.floor(random() * PHRASES.length)]}，`;
  return `${text.slice(0, length - 1)}。`;
}

export interface ProblemRow {
  id: number;
  inspection_id: number;
  focus: string;
  source: string;
  description: string;
  detail: string;
  created_at: string;
}

/** `count` problem-like rows spread over `inspections` inspections, created in time order. */
export function problemRows(count: number, inspections: number, seed = 2020): ProblemRow[] {
  const random = seededRandom(seed);
  const start = Date.parse('2020-08-03T09:00:00+08:00');
  return Array.from({ length: count }, (_, i) => {
    const inspection = (i % inspections) + 1;
    return {
      id: i + 1,
      inspection_id: inspection,
      focus: FOCUSES[Math.floor(random() * FOCUSES.length)]!,
      source: SOURCES[Math.floor(random() * SOURCES.length)]!,
      description: chineseText(random),
      detail: JSON.stringify({
        unit: UNITS[inspection % UNITS.length],
        common: random() < 0.3,
        evidence: [`谈话记录第${Math.floor(random() * 200) + 1}号`, `查阅资料清单第${Math.floor(random() * 50) + 1}页`],
        rectification: { deadline: '2020-12-31', status: random() < 0.5 ? '整改中' : '已销号' },
      }),
      created_at: new Date(start + i * 61_000).toISOString(),
    };
  });
}

export const PROBLEM_SCHEMA = `
  CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL,
    focus TEXT NOT NULL,
    source TEXT NOT NULL,
    description TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX problems_inspection ON problems (inspection_id, created_at);
`;

const ACTIONS: AuditEvent['action'][] = ['session.signIn', 'account.update', 'settings.update', 'session.lock', 'session.unlock', 'session.signOut'];
const ACTORS = ['王建军（admin）', '张慧（zhanghui）', '李强（liqiang）', '赵燕（zhaoyan）', '高志远（gaozhiyuan）'];

/** App-shaped audit events (actor, action, target, a JSON detail with Chinese text). */
export function auditEvents(count: number, seed = 82): AuditEvent[] {
  const random = seededRandom(seed);
  const start = Date.parse('2020-08-03T09:00:00+08:00');
  return Array.from({ length: count }, (_, i) => {
    const actor = Math.floor(random() * ACTORS.length);
    return {
      action: ACTIONS[Math.floor(random() * ACTIONS.length)]!,
      actor: { id: actor + 1, name: ACTORS[actor]! },
      target: { type: 'account', id: Math.floor(random() * 5) + 1 },
      detail: { note: chineseText(random, 60), round: '市委第八轮巡察', group: `第${(i % 13) + 1}巡察组` },
      at: new Date(start + i * 37_000),
    };
  });
}

/**
 * A plain (unencrypted) database with the vault's pragmas minus the cipher. Mirrors
 * openEncryptedDatabase in electron/core/vault/database.ts: keep the two in step. The same
 * driver (better-sqlite3-multiple-ciphers) is used without a key, so only the cipher differs.
 */
export function openPlainDatabase(file: string): Db {
  const db = new Database(file);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
