import type { HandlersFor } from '../router/handler-types';
import * as accounts from './accounts-service';

export const accountHandlers: HandlersFor<
  'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.disable' | 'accounts.enable' | 'accounts.resetPassword'
> = {
  'accounts.list': (ctx) => accounts.listAccounts(ctx),
  'accounts.create': (ctx, input) => accounts.createAccount(ctx, input),
  'accounts.update': (ctx, input) => accounts.updateAccount(ctx, input),
  'accounts.disable': (ctx, input) => accounts.disableAccount(ctx, input),
  'accounts.enable': (ctx, input) => accounts.enableAccount(ctx, input),
  'accounts.resetPassword': (ctx, input) => accounts.resetPassword(ctx, input),
};
