/**
 * The registry of offices whose cards this office trusts (the city registers its counties, a
 * county the city). A card is registered only with the fingerprint the user compared with the
 * other office by phone or on paper; a revoked office's packages are refused from then on.
 */
import type { TrustedOffice } from '../../../shared/contract';
import type { Db } from '../vault/database';
import { canonicalCard, type OfficeCard } from './office-card';

interface Row {
  id: number;
  name: string;
  code: string;
  level: TrustedOffice['level'];
  fingerprint: string;
  card: string;
  added_by_name: string;
  added_at: string;
  revoked_at: string | null;
}

function toOffice(row: Row): TrustedOffice {
  return { id: row.id, name: row.name, code: row.code, level: row.level, fingerprint: row.fingerprint, addedBy: row.added_by_name, addedAt: row.added_at, revokedAt: row.revoked_at };
}

export class TrustedOfficesStore {
  constructor(private readonly db: Db) {}

  list(): TrustedOffice[] {
    return (this.db.prepare('SELECT * FROM exchange_trusted_offices ORDER BY revoked_at IS NOT NULL, name, id').all() as Row[]).map(toOffice);
  }

  byId(id: number): TrustedOffice | null {
    const row = this.db.prepare('SELECT * FROM exchange_trusted_offices WHERE id = ?').get(id) as Row | undefined;
    return row ? toOffice(row) : null;
  }

  byFingerprint(fingerprint: string): (TrustedOffice & { card: OfficeCard }) | null {
    const row = this.db.prepare('SELECT * FROM exchange_trusted_offices WHERE fingerprint = ?').get(fingerprint) as Row | undefined;
    return row ? { ...toOffice(row), card: JSON.parse(row.card) as OfficeCard } : null;
  }

  /** Registers a card, or trusts a revoked one again. */
  trust(card: OfficeCard, fingerprint: string, by: { id: number; name: string }, at: string): number {
    const existing = this.byFingerprint(fingerprint);
    if (existing) {
      this.db.prepare('UPDATE exchange_trusted_offices SET revoked_at = NULL, revoked_by_name = NULL, added_by = ?, added_by_name = ?, added_at = ? WHERE id = ?').run(by.id, by.name, at, existing.id);
      return existing.id;
    }
    return Number(
      this.db
        .prepare('INSERT INTO exchange_trusted_offices (name, code, level, fingerprint, card, added_by, added_by_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(card.name, card.code, card.level, fingerprint, canonicalCard(card), by.id, by.name, at).lastInsertRowid,
    );
  }

  revoke(id: number, by: string, at: string): void {
    this.db.prepare('UPDATE exchange_trusted_offices SET revoked_at = ?, revoked_by_name = ? WHERE id = ? AND revoked_at IS NULL').run(at, by, id);
  }
}
