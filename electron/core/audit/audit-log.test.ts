import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, signedInApp } from '../testing/harness';
import { Vault } from '../vault/vault';
import { entryHash, type AuditRow } from './audit-log';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Tampering as someone holding the key would: open the database and edit the rows directly. */
async function withDatabase(dir: string, work: (db: Vault['db']) => void) {
  const vault = await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password);
  try {
    work(vault!.db);
  } finally {
    vault!.close();
  }
}

async function auditedVault() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  for (const name of ['甲', '乙', '丙']) {
    await env.app.call('accounts.create', { username: `user${name.charCodeAt(0)}`, displayName: name, role: 'staff', password: 'Staff2020a' });
  }
  await env.app.call('session.signOut', {});
  return env;
}

describe('audit chain', () => {
  it('is intact after normal use, and the log refuses UPDATE and DELETE', async () => {
    const env = await auditedVault();
    await withDatabase(env.dir, (db) => {
      expect(() => db.prepare("UPDATE audit_entries SET actor_name = 'x' WHERE id = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_entries WHERE id = 1').run()).toThrow(/append-only/);
    });
    await env.app.signInAdmin();
    const result = await env.app.call('audit.verify', {});
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThanOrEqual(7);
  });

  it('names the first entry whose content was changed', async () => {
    const env = await auditedVault();
    await withDatabase(env.dir, (db) => {
      db.exec('DROP TRIGGER audit_entries_no_update');
      db.prepare(`UPDATE audit_entries SET detail = '{"username":"someone-else"}' WHERE id = 4`).run();
    });
    await env.app.signInAdmin();
    const result = await env.app.call('audit.verify', {});
    expect(result).toMatchObject({ ok: false, checked: 3, firstBroken: { id: 4, reason: 'hash' } });
    const both = await env.app.call('vault.verify', {});
    expect(both.integrity).toEqual([]);
    expect(both.audit.firstBroken).toEqual({ id: 4, reason: 'hash' });
  });

  it('notices a deleted entry and a rewritten entry with a recomputed hash', async () => {
    const env = await auditedVault();
    await withDatabase(env.dir, (db) => {
      db.exec('DROP TRIGGER audit_entries_no_delete');
      db.prepare('DELETE FROM audit_entries WHERE id = 3').run();
    });
    await env.app.signInAdmin();
    expect((await env.app.call('audit.verify', {})).firstBroken).toEqual({ id: 4, reason: 'gap' });

    const other = await auditedVault();
    await withDatabase(other.dir, (db) => {
      db.exec('DROP TRIGGER audit_entries_no_update');
      // A forger edits entry 2 and recomputes its hash; entry 3 still links to the old one.
      const row = db.prepare('SELECT * FROM audit_entries WHERE id = 2').get() as AuditRow;
      const { hash: _old, ...rest } = { ...row, actor_name: '伪造者' };
      db.prepare('UPDATE audit_entries SET actor_name = ?, hash = ? WHERE id = 2').run('伪造者', entryHash(rest));
    });
    await other.app.signInAdmin();
    expect((await other.app.call('audit.verify', {})).firstBroken).toEqual({ id: 3, reason: 'link' });
  });

  it('filters and pages the log', async () => {
    const env = await auditedVault();
    await env.app.signInAdmin();
    const all = await env.app.call('audit.list', { page: 1, pageSize: 10 });
    expect(all.items[0]!.id).toBeGreaterThan(all.items[1]!.id);
    const creates = await env.app.call('audit.list', { page: 1, pageSize: 10, action: 'account.create' });
    expect(creates.total).toBe(4);
    const page2 = await env.app.call('audit.list', { page: 2, pageSize: 10 });
    expect(page2.items.every((e) => e.id < all.items.at(-1)!.id)).toBe(true);
    const byActor = await env.app.call('audit.list', { page: 1, pageSize: 50, actorName: '%' });
    expect(byActor.total).toBe(0); // LIKE wildcards in the filter are literal
    const future = await env.app.call('audit.list', { page: 1, pageSize: 50, from: '2999-01-01T00:00:00Z' });
    expect(future.total).toBe(0);
  });
});
