/**
 * The exchange package file (.xpkg), all node:crypto:
 *
 *   "XUNCHAXP" | version u16 | header length u32 | header (JSON)
 *   | ciphertext length u32 | AES-256-GCM ciphertext of the gzipped body, tag appended
 *   | signature length u16 | Ed25519 signature over every byte before the signature length
 *
 * The header is in the clear but holds nothing confidential: the sender's public card, both
 * fingerprints, the package id, the time, the sequence and the ephemeral X25519 key. The body
 * key is HKDF-SHA256 of the X25519 agreement between that ephemeral key and the recipient's key;
 * the header is the cipher's associated data. Signing is the last step and verifying the first:
 * nothing is decrypted, or even parsed beyond the header, before the signature holds.
 */
import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../errors';
import { boxKeyFrom, rawPublicKey, signingKeyFrom } from './office-keys';
import { cardFingerprint, officeCardSchema } from './office-card';

export const PACKAGE_MAGIC = Buffer.from('XUNCHAXP', 'ascii');
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = 'xpkg';
const SIGNATURE_BYTES = 64;
const TAG_BYTES = 16;
/** Far above any real round; a length beyond it is damage, not data. */
const MAX_HEADER_BYTES = 64 * 1024;
/** The files travel inside the body (at most 256 MB, base64 in JSON) plus the records. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;
const HKDF_INFO = Buffer.from('xuncha-exchange-v1 content key', 'utf8');

export const packageHeaderSchema = z
  .object({
    packageId: z.uuid(),
    createdAt: z.string(),
    sequence: z.number().int().positive(),
    sender: officeCardSchema,
    senderFingerprint: z.string().regex(/^[0-9A-F]{64}$/),
    recipientFingerprint: z.string().regex(/^[0-9A-F]{64}$/),
    ephemeralKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    iv: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  })
  .strict();
export type PackageHeader = z.infer<typeof packageHeaderSchema>;

export type HeaderFields = Omit<PackageHeader, 'ephemeralKey' | 'iv'>;

function contentKey(shared: Buffer, packageId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(packageId, 'utf8'), HKDF_INFO, 32));
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Encrypts `body` to the recipient's X25519 key and signs the whole with the sender's Ed25519 key. */
export function sealPackage(fields: HeaderFields, body: Buffer, keys: { signPrivate: KeyObject; recipientBox: string }): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const iv = randomBytes(12);
  const header: PackageHeader = { ...fields, ephemeralKey: rawPublicKey(ephemeral.publicKey), iv: iv.toString('base64url') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.concat([PACKAGE_MAGIC, u16(PACKAGE_VERSION), u32(headerBytes.length), headerBytes]);
  const key = contentKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: boxKeyFrom(keys.recipientBox) }), header.packageId);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const ciphertext = Buffer.concat([cipher.update(gzipSync(body)), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([prefix, u32(ciphertext.length), ciphertext]);
  const signature = sign(null, signed, keys.signPrivate);
  return Buffer.concat([signed, u16(signature.length), signature]);
}

/** A package whose structure was read and whose signature holds against the card in its header. */
export interface VerifiedPackage {
  header: PackageHeader;
  /** The bytes the cipher authenticated with the ciphertext (magic, version, header). */
  prefix: Buffer;
  ciphertext: Buffer;
}

/**
 * Reads the frame and checks the signature; throws the refusal a person can act on:
 * not a package, another version, cut short, unsigned, or changed (tampered).
 */
export function verifyPackage(bytes: Buffer): VerifiedPackage {
  if (bytes.length < PACKAGE_MAGIC.length + 6 || !bytes.subarray(0, PACKAGE_MAGIC.length).equals(PACKAGE_MAGIC)) throw new AppError('EXCHANGE_NOT_A_PACKAGE');
  let at = PACKAGE_MAGIC.length;
  const version = bytes.readUInt16BE(at);
  at += 2;
  if (version !== PACKAGE_VERSION) throw new AppError('EXCHANGE_WRONG_VERSION', undefined, { version });
  const headerLength = bytes.readUInt32BE(at);
  at += 4;
  if (headerLength > MAX_HEADER_BYTES) throw new AppError('EXCHANGE_TAMPERED');
  if (at + headerLength + 4 > bytes.length) throw new AppError('EXCHANGE_TRUNCATED');
  const headerBytes = bytes.subarray(at, at + headerLength);
  at += headerLength;
  const prefix = bytes.subarray(0, at);
  const cipherLength = bytes.readUInt32BE(at);
  at += 4;
  if (cipherLength < TAG_BYTES) throw new AppError('EXCHANGE_TAMPERED');
  if (at + cipherLength > bytes.length) throw new AppError('EXCHANGE_TRUNCATED');
  const ciphertext = bytes.subarray(at, at + cipherLength);
  at += cipherLength;
  const signed = bytes.subarray(0, at);
  if (at === bytes.length) throw new AppError('EXCHANGE_UNSIGNED');
  if (at + 2 > bytes.length) throw new AppError('EXCHANGE_TRUNCATED');
  const signatureLength = bytes.readUInt16BE(at);
  at += 2;
  if (signatureLength === 0 && at === bytes.length) throw new AppError('EXCHANGE_UNSIGNED');
  if (at + signatureLength > bytes.length) throw new AppError('EXCHANGE_TRUNCATED');
  if (signatureLength !== SIGNATURE_BYTES || at + signatureLength !== bytes.length) throw new AppError('EXCHANGE_TAMPERED');
  const signature = bytes.subarray(at);

  let header: PackageHeader;
  try {
    header = packageHeaderSchema.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    throw new AppError('EXCHANGE_TAMPERED');
  }
  if (cardFingerprint(header.sender) !== header.senderFingerprint) throw new AppError('EXCHANGE_TAMPERED');
  if (!signatureHolds(signed, header.sender.sign, signature)) throw new AppError('EXCHANGE_TAMPERED');
  return { header, prefix, ciphertext };
}

function signatureHolds(signed: Buffer, signKey: string, signature: Buffer): boolean {
  try {
    return verify(null, signed, signingKeyFrom(signKey), signature);
  } catch {
    // A key that is not a valid Ed25519 point: no signature can hold.
    return false;
  }
}

/** Opens the body of a verified package with this office's X25519 private key. */
export function openPackageBody(pkg: VerifiedPackage, boxPrivate: KeyObject): Buffer {
  try {
    const shared = diffieHellman({ privateKey: boxPrivate, publicKey: boxKeyFrom(pkg.header.ephemeralKey) });
    const decipher = createDecipheriv('aes-256-gcm', contentKey(shared, pkg.header.packageId), Buffer.from(pkg.header.iv, 'base64url'));
    decipher.setAAD(pkg.prefix);
    decipher.setAuthTag(pkg.ciphertext.subarray(pkg.ciphertext.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(pkg.ciphertext.subarray(0, pkg.ciphertext.length - TAG_BYTES)), decipher.final()]);
    // A signed body from a trusted office is still capped: a gzip bomb must not fill the memory.
    return gunzipSync(plain, { maxOutputLength: MAX_BODY_BYTES });
  } catch {
    throw new AppError('EXCHANGE_TAMPERED');
  }
}
