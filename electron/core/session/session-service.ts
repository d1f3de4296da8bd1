import type { AppStatus, ChannelInput, SessionUser } from '../../../shared/contract';
import { assertStrongPassword } from '../accounts/password-policy';
import { AccountsStore } from '../accounts/accounts-store';
import { AuditLog } from '../audit/audit-log';
import { actorOf, type CoreContext } from '../context';
import { DEFAULT_SCRYPT_COST } from '../crypto/keys';
import { AppError } from '../errors';
import { OfficeStore } from '../office/office-store';
import { KeyFile } from '../vault/keyfile';
import { vaultPaths } from '../vault/paths';
import { Vault } from '../vault/vault';

const SYSTEM_ACTOR = { id: null, name: '系统' };
/** The guard key for recovery-key attempts (one shared delay: the key is not per account). */
const RECOVERY_GUARD_KEY = 'recovery';

export function status(ctx: CoreContext): AppStatus {
  const state = ctx.current;
  if (state.kind === 'active') {
    const { session } = state;
    return { state: 'active', office: session.office.get(), user: session.user, settings: session.settings.get() };
  }
  if (!Vault.exists(ctx.vaultDir)) return { state: 'needsSetup' };
  if (state.kind === 'locked') {
    return { state: 'locked', office: ctx.knownOffice, user: { username: state.user.username, displayName: state.user.displayName } };
  }
  return { state: 'signedOut', office: ctx.knownOffice };
}

/** First run: the vault, the office, the first administrator, and the recovery key shown once. */
export async function setUpVault(ctx: CoreContext, input: ChannelInput<'vault.setup'>): Promise<{ recoveryKey: string }> {
  if (Vault.exists(ctx.vaultDir)) throw new AppError('VAULT_EXISTS');
  assertStrongPassword(input.admin.password);
  const at = ctx.now().toISOString();
  const { vault, recoveryKey } = await Vault.create(ctx.vaultDir, {
    username: input.admin.username,
    password: input.admin.password,
    scryptCost: ctx.options.scryptCost ?? DEFAULT_SCRYPT_COST,
    migrations: ctx.options.migrations,
    now: ctx.now,
    initialise(db, vaultId) {
      new OfficeStore(db).create(input.office, vaultId, at);
      const admin = new AccountsStore(db).insert(
        { username: input.admin.username, displayName: input.admin.displayName, role: 'admin', mustChangePassword: false },
        at,
      );
      const audit = new AuditLog(db, ctx.now);
      audit.append({ action: 'vault.create', actor: SYSTEM_ACTOR, detail: { office: input.office.name, fondsCode: input.office.fondsCode } });
      audit.append({
        action: 'account.create',
        actor: SYSTEM_ACTOR,
        target: { type: 'account', id: admin.id },
        detail: { username: admin.username, role: admin.role },
      });
    },
  });
  // Setup does not sign in: the administrator signs in with the new password, once the
  // recovery key has been written down.
  vault.close();
  return { recoveryKey };
}

export async function signIn(ctx: CoreContext, input: ChannelInput<'session.signIn'>): Promise<SessionUser> {
  return openSession(ctx, input.username, input.password, 'session.signIn');
}

export async function unlock(ctx: CoreContext, input: ChannelInput<'session.unlock'>): Promise<SessionUser> {
  const state = ctx.current;
  if (state.kind !== 'locked') throw new AppError('NOT_SIGNED_IN');
  return openSession(ctx, state.user.username, input.password, 'session.unlock');
}

export function lock(ctx: CoreContext, reason: 'manual' | 'idle'): null {
  ctx.active();
  ctx.lock(reason);
  return null;
}

export function signOut(ctx: CoreContext, reason: 'user' | 'quit' = 'user'): null {
  const state = ctx.current;
  if (state.kind === 'active') {
    state.session.audit.append({ action: 'session.signOut', actor: actorOf(state.session.user), detail: { reason } });
  }
  ctx.end();
  return null;
}

export async function changePassword(ctx: CoreContext, input: ChannelInput<'session.changePassword'>): Promise<null> {
  const session = ctx.active();
  const check = await session.vault.keyFile.openWithPassword(session.user.username, input.currentPassword);
  if (!check) {
    session.audit.append({ action: 'session.passwordChange', actor: actorOf(session.user), outcome: 'failed' });
    throw new AppError('WRONG_PASSWORD');
  }
  check.fill(0);
  assertStrongPassword(input.newPassword);
  await session.vault.sealPassword(session.user.username, input.newPassword, ctx.options.scryptCost ?? DEFAULT_SCRYPT_COST);
  const at = ctx.now().toISOString();
  session.vault.db.transaction(() => {
    session.accounts.setMustChangePassword(session.user.id, false, at);
    session.audit.append({ action: 'session.passwordChange', actor: actorOf(session.user), target: { type: 'account', id: session.user.id } });
  })();
  session.user = { ...session.user, mustChangePassword: false };
  return null;
}

/**
 * "Forgot password": the recovery key opens the vault and an administrator's password is set
 * anew (and a disabled administrator enabled again, since this is the way back in when every
 * admin is locked out). Other roles ask an administrator to reset their password.
 */
export async function recover(ctx: CoreContext, input: ChannelInput<'session.recover'>): Promise<null> {
  throwIfThrottled(ctx, RECOVERY_GUARD_KEY);
  const vault = await Vault.openWithRecoveryKey(ctx.vaultDir, input.recoveryKey, migrationOptions(ctx));
  if (!vault) {
    ctx.guard.recordFailure(RECOVERY_GUARD_KEY, input.username, 'recovery');
    throw new AppError('WRONG_RECOVERY_KEY');
  }
  try {
    const accounts = new AccountsStore(vault.db);
    const audit = new AuditLog(vault.db, ctx.now);
    flushPendingFailures(ctx, audit);
    const account = accounts.byUsername(input.username);
    if (!account || account.role !== 'admin') {
      audit.append({ action: 'session.recover', actor: { id: null, name: input.username }, outcome: 'denied', detail: { reason: 'not an administrator' } });
      throw new AppError('RECOVERY_ADMIN_ONLY');
    }
    assertStrongPassword(input.newPassword);
    await vault.sealPassword(account.username, input.newPassword, ctx.options.scryptCost ?? DEFAULT_SCRYPT_COST);
    const at = ctx.now().toISOString();
    vault.db.transaction(() => {
      accounts.setDisabled(account.id, null, at);
      accounts.setMustChangePassword(account.id, false, at);
      audit.append({ action: 'session.recover', actor: actorOf(account), target: { type: 'account', id: account.id } });
    })();
    ctx.guard.clearFailures(RECOVERY_GUARD_KEY);
    ctx.guard.clearFailures(vault.keyFile.accountSealId(account.username));
    return null;
  } finally {
    vault.close();
  }
}

async function openSession(
  ctx: CoreContext,
  username: string,
  password: string,
  action: 'session.signIn' | 'session.unlock',
): Promise<SessionUser> {
  if (!Vault.exists(ctx.vaultDir)) throw new AppError('VAULT_MISSING');
  const keyFile = KeyFile.read(vaultPaths(ctx.vaultDir).keyFile);
  const guardKey = keyFile.accountSealId(username);
  throwIfThrottled(ctx, guardKey);
  // One signed-in user at a time: whoever was signed in is signed out (and audited) first.
  if (ctx.current.kind === 'active') signOut(ctx);

  const vault = await Vault.openWithPassword(ctx.vaultDir, username, password, { ...migrationOptions(ctx), keyFile });
  if (!vault) {
    ctx.guard.recordFailure(guardKey, username, 'password');
    const retryAfterSeconds = ctx.guard.retryAfterSeconds(guardKey);
    throw new AppError('WRONG_CREDENTIALS', undefined, retryAfterSeconds > 0 ? { retryAfterSeconds } : undefined);
  }
  const audit = new AuditLog(vault.db, ctx.now);
  const accounts = new AccountsStore(vault.db);
  let account;
  try {
    flushPendingFailures(ctx, audit);
    if (vault.migration) {
      audit.append({ action: 'vault.migrate', actor: SYSTEM_ACTOR, detail: { from: vault.migration.from, backupFile: vault.migration.backupFile } });
    }
    account = accounts.byUsername(username);
    if (!account || account.disabled) {
      audit.append({ action: action, actor: { id: account?.id ?? null, name: username }, outcome: 'denied', detail: { reason: 'disabled' } });
      throw new AppError('ACCOUNT_DISABLED');
    }
    const at = ctx.now().toISOString();
    const signedIn = account;
    vault.db.transaction(() => {
      accounts.recordSignIn(signedIn.id, at);
      audit.append({ action, actor: actorOf(signedIn), target: { type: 'account', id: signedIn.id } });
    })();
  } catch (error) {
    vault.close();
    throw error;
  }
  ctx.guard.clearFailures(guardKey);
  return ctx.begin(vault, account).user;
}

function throwIfThrottled(ctx: CoreContext, guardKey: string): void {
  const retryAfterSeconds = ctx.guard.retryAfterSeconds(guardKey);
  if (retryAfterSeconds > 0) {
    throw new AppError('SIGNIN_THROTTLED', `登录失败次数过多，请在 ${retryAfterSeconds} 秒后重试`, { retryAfterSeconds });
  }
}

/** Failed attempts happened while the vault was closed; they enter the log on the next open. */
function flushPendingFailures(ctx: CoreContext, audit: AuditLog): void {
  const pending = ctx.guard.pending();
  if (pending.length === 0) return;
  audit.inTransaction(() => {
    for (const failure of pending) {
      audit.append({
        action: 'session.signInFailed',
        actor: { id: null, name: failure.username },
        outcome: 'failed',
        detail: { kind: failure.kind },
        at: new Date(failure.at),
      });
    }
  });
  ctx.guard.clearPending();
}

function migrationOptions(ctx: CoreContext) {
  return { migrations: ctx.options.migrations, now: ctx.now };
}
