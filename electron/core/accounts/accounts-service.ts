import type { Account, ChannelInput } from '../../../shared/contract';
import { actorOf, type CoreContext } from '../context';
import { DEFAULT_SCRYPT_COST } from '../crypto/keys';
import { AppError } from '../errors';
import { assertStrongPassword } from './password-policy';

/**
 * Account administration (系统管理员 only; the router checks `accounts.manage` first).
 * Each change writes its audit entry in the same transaction. An account's password lives
 * only as a seal of the vault key in keys.json: creating or resetting writes a seal,
 * disabling destroys it.
 */
export function listAccounts(ctx: CoreContext): Account[] {
  return ctx.active().accounts.list();
}

export async function createAccount(ctx: CoreContext, input: ChannelInput<'accounts.create'>): Promise<Account> {
  const session = ctx.active();
  if (session.accounts.byUsername(input.username)) throw new AppError('USERNAME_TAKEN');
  assertStrongPassword(input.password);
  await session.vault.sealPassword(input.username, input.password, cost(ctx));
  const at = ctx.now().toISOString();
  try {
    return session.vault.db.transaction(() => {
      const account = session.accounts.insert(
        { username: input.username, displayName: input.displayName, role: input.role, mustChangePassword: true },
        at,
      );
      session.audit.append({
        action: 'account.create',
        actor: actorOf(session.user),
        target: { type: 'account', id: account.id },
        detail: { username: account.username, displayName: account.displayName, role: account.role },
      });
      return account;
    })();
  } catch (error) {
    // The row did not commit: take the seal back so the password opens nothing.
    session.vault.removePasswordSeal(input.username);
    throw error;
  }
}

export function updateAccount(ctx: CoreContext, input: ChannelInput<'accounts.update'>): Account {
  const session = ctx.active();
  const account = requireAccount(ctx, input.id);
  if (account.id === session.user.id && input.role !== account.role) throw new AppError('SELF_CHANGE_FORBIDDEN');
  if (account.role === 'admin' && input.role !== 'admin' && !account.disabled && session.accounts.countActiveAdmins() <= 1) {
    throw new AppError('LAST_ADMIN');
  }
  const at = ctx.now().toISOString();
  return session.vault.db.transaction(() => {
    session.accounts.update(account.id, { displayName: input.displayName, role: input.role }, at);
    session.audit.append({
      action: 'account.update',
      actor: actorOf(session.user),
      target: { type: 'account', id: account.id },
      detail: {
        before: { displayName: account.displayName, role: account.role },
        after: { displayName: input.displayName, role: input.role },
      },
    });
    return session.accounts.byId(account.id)!;
  })();
}

export function disableAccount(ctx: CoreContext, input: ChannelInput<'accounts.disable'>): Account {
  const session = ctx.active();
  const account = requireAccount(ctx, input.id);
  if (account.id === session.user.id) throw new AppError('SELF_CHANGE_FORBIDDEN');
  if (account.disabled) return account;
  if (account.role === 'admin' && session.accounts.countActiveAdmins() <= 1) throw new AppError('LAST_ADMIN');
  const at = ctx.now().toISOString();
  const disabled = session.vault.db.transaction(() => {
    session.accounts.setDisabled(account.id, at, at);
    session.audit.append({ action: 'account.disable', actor: actorOf(session.user), target: { type: 'account', id: account.id }, detail: { username: account.username } });
    return session.accounts.byId(account.id)!;
  })();
  session.vault.removePasswordSeal(account.username);
  return disabled;
}

export async function enableAccount(ctx: CoreContext, input: ChannelInput<'accounts.enable'>): Promise<Account> {
  const session = ctx.active();
  const account = requireAccount(ctx, input.id);
  assertStrongPassword(input.newPassword);
  await session.vault.sealPassword(account.username, input.newPassword, cost(ctx));
  const at = ctx.now().toISOString();
  return session.vault.db.transaction(() => {
    session.accounts.setDisabled(account.id, null, at);
    session.accounts.setMustChangePassword(account.id, true, at);
    session.audit.append({ action: 'account.enable', actor: actorOf(session.user), target: { type: 'account', id: account.id }, detail: { username: account.username } });
    return session.accounts.byId(account.id)!;
  })();
}

export async function resetPassword(ctx: CoreContext, input: ChannelInput<'accounts.resetPassword'>): Promise<Account> {
  const session = ctx.active();
  const account = requireAccount(ctx, input.id);
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED', '该账号已停用，请先启用');
  assertStrongPassword(input.newPassword);
  await session.vault.sealPassword(account.username, input.newPassword, cost(ctx));
  const at = ctx.now().toISOString();
  return session.vault.db.transaction(() => {
    // The user must choose their own password at next sign-in; the administrator knows this one.
    session.accounts.setMustChangePassword(account.id, account.id !== session.user.id, at);
    session.audit.append({ action: 'account.passwordReset', actor: actorOf(session.user), target: { type: 'account', id: account.id }, detail: { username: account.username } });
    return session.accounts.byId(account.id)!;
  })();
}

function requireAccount(ctx: CoreContext, id: number): Account {
  const account = ctx.active().accounts.byId(id);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  return account;
}

function cost(ctx: CoreContext) {
  return ctx.options.scryptCost ?? DEFAULT_SCRYPT_COST;
}
