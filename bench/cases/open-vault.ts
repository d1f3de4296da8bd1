import { join } from 'node:path';
import { DEFAULT_SCRYPT_COST } from '../../electron/core/index';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { KeyFile } from '../../electron/core/vault/keyfile';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { Vault } from '../../electron/core/vault/vault';
import { auditEvents, openPlainDatabase } from '../lib/fixtures';
import { compare, timed } from '../lib/measure';
import type { BenchCase } from '../lib/types';

const USER = 'admin';
const PASSWORD = '巡察Huhehaote2020';

/** What the app reads first after opening: the office row and the size of the audit log. */
function firstRead(db: Db): void {
  db.prepare('SELECT name, fonds_code, level FROM office WHERE id = 1').get();
  db.prepare('SELECT count(*) AS n FROM audit_entries').get();
}

/** Copies every row of the vault's tables into a plain database with the same schema (rows the migrations seed are there already). */
function copyRows(from: Db, to: Db): void {
  // Ordinary tables only: virtual tables (FTS5) and their shadow tables are written by SQLite itself.
  const tables = from
    .prepare(
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN (SELECT name || suffix FROM pragma_table_list, (SELECT '_data' AS suffix UNION SELECT '_idx' UNION SELECT '_content' UNION SELECT '_docsize' UNION SELECT '_config') WHERE type = 'virtual')`,
    )
    .all() as { name: string }[];
  to.transaction(() => {
    for (const { name } of tables) {
      const rows = from.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const insert = to.prepare(`INSERT OR IGNORE INTO ${name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      for (const row of rows) insert.run(row);
    }
  })();
}

/**
 * Opening the vault as sign-in does (scrypt, SQLCipher open and schema check, first read),
 * against opening a plain file of the same rows. The second figure leaves the KDF out: the
 * cost of SQLCipher's open alone, with the data key already known.
 */
export const openVault: BenchCase = {
  name: 'open vault',
  description: 'Vault.openWithPassword + first read vs a plain better-sqlite3 file of the same rows',
  async run(ctx) {
    const rows = ctx.quick ? 500 : 5_000;
    const dir = ctx.dir('open-vault');
    const events = auditEvents(rows);
    const { vault } = await Vault.create(dir, {
      username: USER,
      password: PASSWORD,
      scryptCost: DEFAULT_SCRYPT_COST,
      initialise(db, vaultId) {
        const at = new Date().toISOString();
        db.prepare('INSERT INTO office (id, name, fonds_code, level, vault_id, created_at) VALUES (1, ?, ?, ?, ?, ?)').run('呼和浩特市委巡察办', '0123', 'city', vaultId, at);
        db.prepare("INSERT INTO accounts (username, display_name, role, created_at, updated_at) VALUES (?, '王建军', 'admin', ?, ?)").run(USER, at, at);
        const audit = new AuditLog(db, () => new Date());
        for (const event of events) audit.append(event);
      },
    });
    const plainFile = join(ctx.dir('open-vault-plain'), 'plain.db');
    const plain = openPlainDatabase(plainFile);
    applyMigrations(plain, migrations);
    copyRows(vault.db, plain);
    plain.close();
    vault.close();
    const dataKey = await KeyFile.read(join(dir, 'keys.json')).openWithPassword(USER, PASSWORD);
    if (!dataKey) throw new Error('the seal did not open');

    const runs = ctx.quick ? 1 : 5;
    const work = `${rows.toLocaleString('en')} audit rows`;
    const plainOpen = () =>
      timed(() => {
        const db = openPlainDatabase(plainFile);
        firstRead(db);
        db.close();
      });
    const figures = [
      await compare({
        name: 'open vault',
        runs,
        work,
        subject: () =>
          timed(async () => {
            const opened = await Vault.openWithPassword(dir, USER, PASSWORD);
            if (!opened) throw new Error('the vault did not open');
            firstRead(opened.db);
            opened.close();
          }),
        baselineName: 'plain file, same rows',
        baseline: plainOpen,
      }),
      await compare({
        name: 'open vault, key known (no KDF)',
        runs: runs * 4,
        work,
        subject: () =>
          timed(() => {
            const db = openEncryptedDatabase(join(dir, 'vault.db'), dataKey);
            firstRead(db);
            db.close();
          }),
        baselineName: 'plain file, same rows',
        baseline: plainOpen,
      }),
    ];
    dataKey.fill(0);
    return figures;
  },
};
