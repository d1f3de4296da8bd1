import { DEMO_ADMIN, DEMO_OFFICE } from './data';
import type { DemoStep } from './types';

/** The vault, the office and the administrator; then signs in as the administrator. */
export const vaultStep: DemoStep = {
  id: 'vault',
  title: { zh: '建立加密数据库和系统管理员', en: 'Create the encrypted vault and the administrator' },
  async run(ctx) {
    const { recoveryKey } = await ctx.core.call('vault.setup', {
      office: DEMO_OFFICE,
      admin: { username: DEMO_ADMIN.username, displayName: DEMO_ADMIN.displayName, password: ctx.password },
    });
    ctx.recoveryKey = recoveryKey;
    const admin = await ctx.core.call('session.signIn', { username: DEMO_ADMIN.username, password: ctx.password });
    ctx.accounts.push({ ...DEMO_ADMIN, mustChangePassword: admin.mustChangePassword });
  },
};
