import type { Account } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { Db } from '../vault/database';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled_at: string | null;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** Account rows. Passwords are not here: an account's password seals the vault key in keys.json. */
export class AccountsStore {
  constructor(private readonly db: Db) {}

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(toAccount);
  }

  byId(id: number): Account | null {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  byUsername(username: string): Account | null {
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username.trim()) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  insert(input: { username: string; displayName: string; role: Role; mustChangePassword: boolean }, at: string): Account {
    const info = this.db
      .prepare(
        `INSERT INTO accounts (username, display_name, role, must_change_password, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.username.trim(), input.displayName, input.role, input.mustChangePassword ? 1 : 0, at, at);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  update(id: number, changes: { displayName: string; role: Role }, at: string): void {
    this.db
      .prepare('UPDATE accounts SET display_name = ?, role = ?, updated_at = ? WHERE id = ?')
      .run(changes.displayName, changes.role, at, id);
  }

  setDisabled(id: number, disabledAt: string | null, at: string): void {
    this.db.prepare('UPDATE accounts SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabledAt, at, id);
  }

  setMustChangePassword(id: number, must: boolean, at: string): void {
    this.db.prepare('UPDATE accounts SET must_change_password = ?, updated_at = ? WHERE id = ?').run(must ? 1 : 0, at, id);
  }

  recordSignIn(id: number, at: string): void {
    this.db.prepare('UPDATE accounts SET last_sign_in_at = ? WHERE id = ?').run(at, id);
  }

  countActiveAdmins(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }
    ).n;
  }
}
