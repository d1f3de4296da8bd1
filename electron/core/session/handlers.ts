import type { HandlersFor } from '../router/handler-types';
import * as session from './session-service';

export const sessionHandlers: HandlersFor<
  | 'app.status'
  | 'vault.setup'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.lock'
  | 'session.unlock'
  | 'session.activity'
  | 'session.changePassword'
  | 'session.recover'
> = {
  'app.status': (ctx) => session.status(ctx),
  'vault.setup': (ctx, input) => session.setUpVault(ctx, input),
  'session.signIn': (ctx, input) => session.signIn(ctx, input),
  'session.signOut': (ctx) => session.signOut(ctx),
  'session.lock': (ctx, input) => session.lock(ctx, input.reason),
  'session.unlock': (ctx, input) => session.unlock(ctx, input),
  'session.activity': (ctx) => (ctx.active(), null),
  'session.changePassword': (ctx, input) => session.changePassword(ctx, input),
  'session.recover': (ctx, input) => session.recover(ctx, input),
};
