import { actorOf } from '../context';
import type { HandlersFor } from '../router/handler-types';

export const settingsHandlers: HandlersFor<'settings.get' | 'settings.update'> = {
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
