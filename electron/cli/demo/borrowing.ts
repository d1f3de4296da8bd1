/**
 * 借阅登记 on 第八轮's dossier: the inspector asks to view one filed feedback letter inside the
 * app and to take another out on paper; the office's leader approves both; the archivist records
 * the paper back. The viewing stays open (due in two weeks from the day the demo runs), so the
 * 借阅 tab shows one request of each state the register keeps.
 */
import type { Role } from '../../../shared/roles';
import { DEMO_ADMIN, DEMO_PEOPLE } from './data';
import { roundInspections } from './findings';
import type { DemoContext, DemoStep } from './types';

async function signInAsRole(ctx: DemoContext, role: Role): Promise<void> {
  const person = role === 'admin' ? DEMO_ADMIN : DEMO_PEOPLE.find((p) => p.role === role);
  if (!person) throw new Error(`the demo has no ${role} account`);
  await ctx.core.call('session.signIn', { username: person.username, password: ctx.password });
}

/** Today in this machine's time zone plus some days, as 'YYYY-MM-DD' (the core refuses due dates in the past). */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const borrowingStep: DemoStep = {
  id: 'borrowing',
  title: { zh: '第八轮档案的借阅登记：查阅与借出，领导审批，归还（组员、副主任、档案管理员）', en: "Borrowing from round 8's dossier: a viewing and a loan, approved, the loan returned" },
  async run(ctx) {
    const { roundId } = await roundInspections(ctx, 8);
    const filed = (await ctx.core.call('archives.list', { roundId, pageSize: 10 })).items.sort((a, b) => a.itemNumber - b.itemNumber);
    const [first, second] = filed;
    if (!first || !second) throw new Error('round 8 has fewer than two filed items to borrow');

    await signInAsRole(ctx, 'staff');
    const view = await ctx.core.call('archives.borrow', { archiveCodes: [first.archiveCode], mode: 'view', purpose: '核对反馈问题，撰写整改督查报告', dueDate: dayFromToday(14) });
    const loan = await ctx.core.call('archives.borrow', { archiveCodes: [second.archiveCode], mode: 'loan', purpose: '复印反馈意见原件，报送市纪委监委', dueDate: dayFromToday(3) });

    await signInAsRole(ctx, 'auditor');
    await ctx.core.call('archives.decideBorrowing', { id: view.id, approve: true, note: '同意查阅' });
    await ctx.core.call('archives.decideBorrowing', { id: loan.id, approve: true, note: '同意借出，三日内归还' });

    await signInAsRole(ctx, 'archivist');
    await ctx.core.call('archives.returnBorrowing', { id: loan.id });

    await signInAsRole(ctx, 'admin');
    const open = (await ctx.core.call('archives.borrowings', { view: 'open' })).total;
    const all = (await ctx.core.call('archives.borrowings', { view: 'all' })).total;
    ctx.summary.push({ zh: `借阅登记：${all} 项申请，借阅中 ${open} 项`, en: `Borrowing register: ${all} requests, ${open} open` });
  },
};
