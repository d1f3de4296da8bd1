import type { Office } from '../../../shared/contract';
import type { Db } from '../vault/database';

/** The one office a vault belongs to (城市巡察办 or a 旗县区 office). */
export class OfficeStore {
  constructor(private readonly db: Db) {}

  get(): Office {
    const row = this.db.prepare('SELECT name, fonds_code, level FROM office WHERE id = 1').get() as
      | { name: string; fonds_code: string; level: Office['level'] }
      | undefined;
    if (!row) throw new Error('office row missing');
    return { name: row.name, fondsCode: row.fonds_code, level: row.level };
  }

  create(office: Office, vaultId: string, at: string): void {
    this.db
      .prepare('INSERT INTO office (id, name, fonds_code, level, vault_id, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(office.name, office.fondsCode, office.level, vaultId, at);
  }
}
