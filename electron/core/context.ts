import type { Office, SessionUser, Settings } from '../../shared/contract';
import { permissions as allPermissions, roleMay, type Role } from '../../shared/roles';
import { AccountsStore } from './accounts/accounts-store';
import { AuditLog, type AuditEvent } from './audit/audit-log';
import type { ScryptCost } from './crypto/keys';
import type { FilePort } from './files/file-port';
import { AppError } from './errors';
import { OfficeStore } from './office/office-store';
import { SettingsStore } from './settings/settings-store';
import { SignInGuard } from './session/signin-guard';
import type { Migration } from './vault/migrations';
import { vaultPaths } from './vault/paths';
import type { Vault } from './vault/vault';

export interface CoreOptions {
  vaultDir: string;
  /** scrypt cost for new password seals; tests use a cheaper one. Defaults to 2^17, r 8. */
  scryptCost?: ScryptCost;
  migrations?: readonly Migration[];
  now?: () => Date;
  /** The OS file dialogs (Electron's, in the app); absent in the browser fallback. */
  files?: FilePort;
  /** Where the build put the open document fonts (resources/fonts); without it the engine uses node_modules. */
  bundledFontDir?: string;
}

/** Everything a service needs while a user is signed in and the vault is open. */
export interface ActiveSession {
  vault: Vault;
  user: SessionUser;
  accounts: AccountsStore;
  audit: AuditLog;
  settings: SettingsStore;
  office: OfficeStore;
  lastActivityAt: number;
}

type State =
  | { kind: 'closed' }
  | { kind: 'active'; session: ActiveSession }
  | { kind: 'locked'; user: { id: number; username: string; displayName: string } };

export function sessionUser(account: { id: number; username: string; displayName: string; role: Role; mustChangePassword: boolean }): SessionUser {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    permissions: allPermissions.filter((p) => roleMay(account.role, p)),
    mustChangePassword: account.mustChangePassword,
  };
}

/**
 * The core's state for one app instance: which vault folder, whether it is open, who is
 * signed in. The vault is open only while a session is active: locking and signing out
 * close the database and wipe the data key from memory.
 */
export class CoreContext {
  readonly vaultDir: string;
  readonly guard: SignInGuard;
  readonly now: () => Date;
  private state: State = { kind: 'closed' };
  /** Shown on the sign-in and lock screens after the first sign-in of this run. */
  private lastOffice: Office | null = null;

  constructor(readonly options: CoreOptions) {
    this.vaultDir = options.vaultDir;
    this.now = options.now ?? (() => new Date());
    this.guard = new SignInGuard(vaultPaths(options.vaultDir).signInGuard, this.now);
  }

  get current(): State {
    return this.state;
  }

  get knownOffice(): Office | null {
    return this.lastOffice;
  }

  /** The active session, or NOT_SIGNED_IN / LOCKED. */
  active(): ActiveSession {
    if (this.state.kind === 'active') return this.state.session;
    throw new AppError(this.state.kind === 'locked' ? 'LOCKED' : 'NOT_SIGNED_IN');
  }

  /** Records the caller's activity, locking first if the idle limit has already passed. */
  touch(settings: Settings): void {
    if (this.state.kind !== 'active') return;
    const session = this.state.session;
    const idleMs = settings.idleLockMinutes * 60_000;
    const nowMs = this.now().getTime();
    if (nowMs - session.lastActivityAt > idleMs) {
      this.lock('idle');
      throw new AppError('LOCKED');
    }
    session.lastActivityAt = nowMs;
  }

  begin(vault: Vault, account: Parameters<typeof sessionUser>[0]): ActiveSession {
    this.closeVault();
    const session: ActiveSession = {
      vault,
      user: sessionUser(account),
      accounts: new AccountsStore(vault.db),
      audit: new AuditLog(vault.db, this.now),
      settings: new SettingsStore(vault.db),
      office: new OfficeStore(vault.db),
      lastActivityAt: this.now().getTime(),
    };
    this.state = { kind: 'active', session };
    this.lastOffice = session.office.get();
    return session;
  }

  lock(reason: 'manual' | 'idle'): void {
    if (this.state.kind !== 'active') return;
    const { user, audit } = this.state.session;
    audit.append({ action: 'session.lock', actor: actorOf(user), detail: { reason } });
    this.closeVault();
    this.state = { kind: 'locked', user: { id: user.id, username: user.username, displayName: user.displayName } };
  }

  end(): void {
    this.closeVault();
    this.state = { kind: 'closed' };
  }

  /** Audits in the open vault if there is one; a refusal before sign-in has nowhere to go. */
  auditIfOpen(event: AuditEvent): void {
    if (this.state.kind === 'active') this.state.session.audit.append(event);
  }

  private closeVault(): void {
    if (this.state.kind === 'active') this.state.session.vault.close();
  }
}

export function actorOf(user: { id: number; displayName: string; username: string }): AuditEvent['actor'] {
  return { id: user.id, name: `${user.displayName}（${user.username}）` };
}

/**
 * Runs a change and its audit entries in one transaction: both commit or neither does.
 * `record` appends an entry with the signed-in user as the actor.
 */
export function change<T>(
  ctx: CoreContext,
  work: (session: ActiveSession, record: (event: Omit<AuditEvent, 'actor'>) => void) => T,
): T {
  const session = ctx.active();
  const record = (event: Omit<AuditEvent, 'actor'>) => session.audit.append({ ...event, actor: actorOf(session.user) });
  return session.vault.db.transaction(() => work(session, record))();
}

/** The calendar date of a moment in this machine's time zone, as 'YYYY-MM-DD'. */
export function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
