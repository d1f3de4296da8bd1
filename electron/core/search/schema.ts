import type { Migration } from '../vault/migrations/types';
import { indexItem } from '../archives/search-index';
import { ProblemsStore } from '../findings/problems-store';

/**
 * One-character search: the documents of problems_fts and archive_fts now end with the
 * unigrams of their text (search/bigrams.ts), so every document written before is written
 * again, from the text the vault already holds (problems' description and evidence; each
 * archive item's fields and the stored text of its files). No file is decrypted or read again.
 * It runs inside the upgrade's transaction: a few seconds for a hundred thousand records.
 * It writes through today's index code on purpose (the documents must match what the app
 * queries); a later step that changes what an index holds writes its documents again likewise.
 */
export function quickSearchMigration(version: number): Migration {
  return {
    version,
    name: 'one-character search index',
    up(db) {
      db.prepare("INSERT INTO problems_fts (problems_fts) VALUES ('delete-all')").run();
      const problems = new ProblemsStore(db);
      for (const id of db.prepare('SELECT id FROM problems ORDER BY id').pluck().all() as number[]) problems.reindex(id);
      db.prepare("INSERT INTO archive_fts (archive_fts) VALUES ('delete-all')").run();
      for (const id of db.prepare('SELECT id FROM archive_items ORDER BY id').pluck().all() as number[]) indexItem(db, id);
      db.prepare("INSERT INTO problems_fts (problems_fts) VALUES ('optimize')").run();
      db.prepare("INSERT INTO archive_fts (archive_fts) VALUES ('optimize')").run();
    },
  };
}
