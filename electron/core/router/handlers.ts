import type { ChannelName, ChannelOutput, Channels } from '../../../shared/contract';
import type { z } from 'zod';
import * as accounts from '../accounts/accounts-service';
import { actorOf, type CoreContext } from '../context';
import * as session from '../session/session-service';
import { checkIntegrity } from '../vault/database';

type Handler<C extends ChannelName> = (
  ctx: CoreContext,
  input: z.output<Channels[C]['input']>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerTable = { [C in ChannelName]: Handler<C> };

/**
 * One handler per channel of shared/contract.ts; the mapped type makes a missing or extra
 * channel a compile error. Handlers receive input the router has already validated.
 */
export const handlers: HandlerTable = {
  'app.status': (ctx) => session.status(ctx),
  'vault.setup': (ctx, input) => session.setUpVault(ctx, input),

  'session.signIn': (ctx, input) => session.signIn(ctx, input),
  'session.signOut': (ctx) => session.signOut(ctx),
  'session.lock': (ctx, input) => session.lock(ctx, input.reason),
  'session.unlock': (ctx, input) => session.unlock(ctx, input),
  'session.activity': (ctx) => (ctx.active(), null),
  'session.changePassword': (ctx, input) => session.changePassword(ctx, input),
  'session.recover': (ctx, input) => session.recover(ctx, input),

  'accounts.list': (ctx) => accounts.listAccounts(ctx),
  'accounts.create': (ctx, input) => accounts.createAccount(ctx, input),
  'accounts.update': (ctx, input) => accounts.updateAccount(ctx, input),
  'accounts.disable': (ctx, input) => accounts.disableAccount(ctx, input),
  'accounts.enable': (ctx, input) => accounts.enableAccount(ctx, input),
  'accounts.resetPassword': (ctx, input) => accounts.resetPassword(ctx, input),

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

  'settings.get': (ctx) => ctx.active().settings.get(),
  'settings.update': (ctx, input) => {
    const active = ctx.active();
    return active.vault.db.transaction(() => {
      const before = active.settings.get();
      const after = active.settings.update(input);
      active.audit.append({ action: 'settings.update', actor: actorOf(active.user), detail: { before, after } });
      return after;
    })();
  },
};
