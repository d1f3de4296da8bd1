import { DEMO_PEOPLE } from './data';
import type { DemoStep } from './types';

/**
 * One account per role, created by the administrator through `accounts.create`: each starts
 * with the demo password and must choose its own at first sign-in (the core sets that flag
 * for every account an administrator creates).
 */
export const accountsStep: DemoStep = {
  id: 'accounts',
  title: { zh: '为每个角色建立账号', en: 'Create one account per role' },
  async run(ctx) {
    for (const person of DEMO_PEOPLE) {
      const account = await ctx.core.call('accounts.create', {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        password: ctx.password,
      });
      ctx.accounts.push({ ...person, mustChangePassword: account.mustChangePassword });
    }
  },
};
