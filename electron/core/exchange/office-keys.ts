/**
 * This office's two key pairs, made on first use and kept in the encrypted database. The
 * private keys never leave it: packages are signed and opened inside the core.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../vault/database';
import type { OfficeStore } from '../office/office-store';
import type { OfficeCard } from './office-card';

export interface OfficeKeys {
  signPrivate: KeyObject;
  boxPrivate: KeyObject;
  sign: string;
  box: string;
}

interface KeyRow {
  sign_private: Buffer;
  sign_public: string;
  box_private: Buffer;
  box_public: string;
}

/** The raw public key as base64url (the JWK `x`), the form the card carries. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP key');
  return jwk.x;
}

export function signingKeyFrom(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

export function boxKeyFrom(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

export function hasOfficeKeys(db: Db): boolean {
  return db.prepare('SELECT 1 FROM exchange_office_keys WHERE id = 1').get() !== undefined;
}

/** Makes both key pairs; call inside the transaction that audits it. */
export function createOfficeKeys(db: Db, at: string): void {
  const signing = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  db.prepare('INSERT INTO exchange_office_keys (id, sign_private, sign_public, box_private, box_public, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    signing.privateKey.export({ format: 'der', type: 'pkcs8' }),
    rawPublicKey(signing.publicKey),
    box.privateKey.export({ format: 'der', type: 'pkcs8' }),
    rawPublicKey(box.publicKey),
    at,
  );
}

export function officeKeys(db: Db): OfficeKeys | null {
  const row = db.prepare('SELECT sign_private, sign_public, box_private, box_public FROM exchange_office_keys WHERE id = 1').get() as KeyRow | undefined;
  if (!row) return null;
  return {
    signPrivate: createPrivateKey({ key: row.sign_private, format: 'der', type: 'pkcs8' }),
    boxPrivate: createPrivateKey({ key: row.box_private, format: 'der', type: 'pkcs8' }),
    sign: row.sign_public,
    box: row.box_public,
  };
}

export function ownCard(office: OfficeStore, keys: Pick<OfficeKeys, 'sign' | 'box'>): OfficeCard {
  const { name, fondsCode, level } = office.get();
  return { v: 1, name, code: fondsCode, level, sign: keys.sign, box: keys.box };
}
