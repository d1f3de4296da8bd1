import { actorOf } from '../context';
import type { HandlersFor } from '../router/handler-types';
import { checkIntegrity } from '../vault/database';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify' | 'vault.verify'> = {
  'audit.list': (ctx, input) => ctx.active().audit.list(input),

  'audit.verify': (ctx) => {
    const active = ctx.active();
    const result = active.audit.verify();
    active.audit.append({
      action: 'audit.verify',
      actor: actorOf(active.user),
      outcome: result.ok ? 'ok' : 'failed',
      detail: { checked: result.checked, firstBroken: result.firstBroken },
    });
    return result;
  },

  'vault.verify': (ctx) => {
    const active = ctx.active();
    const integrity = checkIntegrity(active.vault.db);
    const audit = active.audit.verify();
    active.audit.append({
      action: 'audit.verify',
      actor: actorOf(active.user),
      outcome: audit.ok && integrity.length === 0 ? 'ok' : 'failed',
      detail: { checked: audit.checked, firstBroken: audit.firstBroken, integrity: integrity.slice(0, 5) },
    });
    return { integrity, audit };
  },
};
