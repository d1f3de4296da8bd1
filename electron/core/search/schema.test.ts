/**
 * The one-character search upgrade: a vault whose full-text indexes predate the unigrams (here:
 * emptied) goes through the migration step, and both indexes are written again from the text
 * the vault holds: one- and two-character searches then find what they found before, problems
 * and archive items alike. (The step is run by itself, so the test does not depend on where the
 * coordinator numbers it among the other steps.)
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput } from '../archives/archives-fixture';
import { buildFindings } from '../testing/findings-fixture';
import { ADMIN, signedInApp, TestApp } from '../testing/harness';
import { Vault } from '../vault/vault';
import { quickSearchMigration } from './schema';

const cleanups: (() => void)[] = [];

/** How many documents each index holds. */
function indexed(vault: Vault) {
  const count = (table: string) => vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { problems: count('problems_fts'), archives: count('archive_fts') };
}
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('quick search migration', () => {
  it('rewrites the problems and archives indexes of an older vault with unigrams', async () => {
    const env = await signedInApp();
    cleanups.push(() => rmSync(env.dir, { recursive: true, force: true }));
    const { auditInspection } = await buildFindings(env.app);
    await env.app.call('problems.create', { inspectionId: auditInspection.id, focus: 'corruption', description: '违规发放加班补贴', evidence: '财务凭证第35号', source: 'documents' });
    await env.app.call('problems.create', { inspectionId: auditInspection.id, focus: 'grassroots', description: '党组会议记录不全', source: 'interview' });
    await env.app.call('archives.create', itemInput({ title: '巡察工作方案', note: '党组书记签发' }));
    const query = async (app: TestApp) => ({
      problems: (await app.call('problems.list', { text: '党', page: 1, pageSize: 10 })).items.map((p) => p.description),
      evidence: (await app.call('problems.list', { text: '凭', page: 1, pageSize: 10 })).total,
      archives: (await app.call('archives.search', { query: '签' })).items.map((hit) => hit.item.title),
      pairs: (await app.call('archives.search', { query: '方案' })).total,
    });
    const before = await query(env.app);
    expect(before).toEqual({ problems: ['党组会议记录不全'], evidence: 1, archives: ['巡察工作方案'], pairs: 1 });
    env.app.close();

    const vault = (await Vault.openWithPassword(env.dir, ADMIN.username, ADMIN.password))!;
    try {
      vault.db.prepare("INSERT INTO problems_fts (problems_fts) VALUES ('delete-all')").run();
      vault.db.prepare("INSERT INTO archive_fts (archive_fts) VALUES ('delete-all')").run();
      const emptied = indexed(vault);
      expect(emptied).toEqual({ problems: 0, archives: 0 });
      vault.db.transaction(() => quickSearchMigration(14).up(vault.db))();
      expect(indexed(vault)).toEqual({ problems: 2, archives: 1 });
    } finally {
      vault.close();
    }

    const app = new TestApp(env.dir);
    cleanups.unshift(() => app.close());
    await app.signInAdmin();
    expect(await query(app)).toEqual(before);
  });
});
