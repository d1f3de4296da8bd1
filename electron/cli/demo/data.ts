/**
 * The demo office and its people. The office is the one in the source report
 * (/work/shared/seed: 呼和浩特市委巡察机构, 2020); the people are invented.
 */
import type { Office } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

export const DEMO_OFFICE: Office = { name: '呼和浩特市委巡察办', fondsCode: '0123', level: 'city' };

export interface DemoPerson {
  username: string;
  displayName: string;
  role: Role;
  position: string;
}

export const DEMO_ADMIN: DemoPerson = {
  username: 'admin',
  displayName: '王建军',
  role: 'admin',
  position: '综合室 系统管理员',
};

/** One account per role besides the administrator. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'zhanghui', displayName: '张慧', role: 'staff', position: '第一巡察组 组员' },
  { username: 'liqiang', displayName: '李强', role: 'clueOfficer', position: '信息室 线索管理' },
  { username: 'zhaoyan', displayName: '赵燕', role: 'archivist', position: '综合室 档案管理' },
  { username: 'gaozhiyuan', displayName: '高志远', role: 'auditor', position: '巡察办 副主任' },
];
