import type { Catalogs } from '../../../shared/contract';
import type { Db } from '../vault/database';

export type CatalogName = keyof Catalogs;

/** The table behind each editable catalogue. Names are checked against this map, never spliced in from input. */
const TABLES: Record<CatalogName, { table: string; ordered: boolean }> = {
  regions: { table: 'regions', ordered: true },
  unitKinds: { table: 'unit_kinds', ordered: true },
  specialTopics: { table: 'special_topics', ordered: false },
};

export class CatalogsStore {
  constructor(private readonly db: Db) {}

  all(): Catalogs {
    return { regions: this.list('regions'), unitKinds: this.list('unitKinds'), specialTopics: this.list('specialTopics') };
  }

  list(name: CatalogName) {
    const { table, ordered } = TABLES[name];
    const rows = this.db.prepare(`SELECT id, name, ${ordered ? 'sort_order' : 'id'} AS sort_order FROM ${table} ORDER BY sort_order, id`).all() as {
      id: number;
      name: string;
      sort_order: number;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, sortOrder: r.sort_order }));
  }

  byName(name: CatalogName, entry: string) {
    return this.list(name).find((e) => e.name === entry) ?? null;
  }

  add(name: CatalogName, entry: string): number {
    const { table, ordered } = TABLES[name];
    if (ordered) {
      const next = (this.db.prepare(`SELECT coalesce(max(sort_order), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
      return Number(this.db.prepare(`INSERT INTO ${table} (name, sort_order) VALUES (?, ?)`).run(entry, next).lastInsertRowid);
    }
    return Number(this.db.prepare(`INSERT INTO ${table} (name) VALUES (?)`).run(entry).lastInsertRowid);
  }

  rename(name: CatalogName, id: number, entry: string): boolean {
    return this.db.prepare(`UPDATE ${TABLES[name].table} SET name = ? WHERE id = ?`).run(entry, id).changes > 0;
  }
}
