/**
 * Where imported records came from: (sender fingerprint, kind, id in the sender's vault) →
 * the local record, with the hash of what was imported last. A record whose incoming hash
 * equals the stored one is unchanged, so importing the same round twice writes nothing.
 */
import { createHash } from 'node:crypto';
import { exchangeKinds, type ExchangeKind } from '../../../shared/channels/exchange';
import type { Db } from '../vault/database';

export { exchangeKinds, type ExchangeKind };
/** Terms and topics are matched or made along the way but not reported. */
export type ProvenanceKind = ExchangeKind | 'term';

export function recordHash(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record), 'utf8').digest('hex');
}

export class ProvenanceStore {
  // A round of thousands of records asks once per record: compiled once per store.
  private readonly lookup;
  private readonly upsert;

  constructor(
    private readonly db: Db,
    private readonly sender: string,
  ) {
    this.lookup = db.prepare('SELECT local_id, content_hash FROM exchange_provenance WHERE sender_fingerprint = ? AND kind = ? AND source_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO exchange_provenance (sender_fingerprint, kind, source_id, local_id, content_hash, package_id, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sender_fingerprint, kind, source_id) DO UPDATE SET local_id = excluded.local_id, content_hash = excluded.content_hash,
         package_id = excluded.package_id, imported_at = excluded.imported_at`,
    );
  }

  get(kind: ProvenanceKind, sourceId: number): { localId: number; hash: string } | null {
    const row = this.lookup.get(this.sender, kind, sourceId) as { local_id: number; content_hash: string } | undefined;
    return row ? { localId: row.local_id, hash: row.content_hash } : null;
  }

  /** Whether this local record was made by an import from this sender. */
  madeLocal(kind: ProvenanceKind, localId: number): boolean {
    return this.db.prepare('SELECT 1 FROM exchange_provenance WHERE sender_fingerprint = ? AND kind = ? AND local_id = ?').get(this.sender, kind, localId) !== undefined;
  }

  put(kind: ProvenanceKind, sourceId: number, localId: number, hash: string, packageId: string, at: string): void {
    this.upsert.run(this.sender, kind, sourceId, localId, hash, packageId, at);
  }
}

/** The office a local record was imported from, if any (the newest import wins). */
export function provenanceOf(db: Db, kind: ProvenanceKind, localId: number): { senderName: string; importedAt: string } | null {
  const row = db
    .prepare(
      `SELECT coalesce(t.name, i.sender_name) AS sender_name, p.imported_at FROM exchange_provenance p
       LEFT JOIN exchange_trusted_offices t ON t.fingerprint = p.sender_fingerprint
       LEFT JOIN exchange_imports i ON i.package_id = p.package_id
       WHERE p.kind = ? AND p.local_id = ? ORDER BY p.imported_at DESC LIMIT 1`,
    )
    .get(kind, localId) as { sender_name: string | null; imported_at: string } | undefined;
  return row ? { senderName: row.sender_name ?? '', importedAt: row.imported_at } : null;
}
